"""parksim's analysis layer: figures, the HTML report and stylized facts of parksim's HDF5 files.

Import it as a package (`from analysis import figures`) from the source tree's root; the scripts
also run as files, `/usr/bin/python3 analysis/report.py` and `analysis/stylized_facts.py`.
"""
