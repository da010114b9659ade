#!/usr/bin/python3
"""End-to-end check of `parksim run`: the HDF5 file opens in xarray with named dimensions, every
variable has units, labels are strings, snapshots and scorecard groups are present, a bad scenario
leaves an existing output file untouched and no .partial file behind."""
import glob
import hashlib
import os
import subprocess
import sys
import tempfile

import xarray as xr

parksim, source = sys.argv[1], sys.argv[2]
tmp = tempfile.mkdtemp()
out = os.path.join(tmp, "mini.h5")
subprocess.run([parksim, "run", os.path.join(source, "tests/data/mini.toml"), "-o", out, "-R", "2"],
               check=True, stdout=subprocess.DEVNULL)
assert os.path.exists(out) and not glob.glob(out + "*.partial")

ds = xr.open_dataset(out, engine="h5netcdf")
assert ds.output.dims == ("replication", "time", "zone", "sector"), ds.output.dims
assert ds.subsidy_paid.dims == ("replication", "time", "programme")
assert list(ds.zone.values) == ["north", "south"], ds.zone.values
assert isinstance(ds.programme.values[0], str)
assert ds.sizes["replication"] == 2 and ds.sizes["time"] == 36
assert str(ds.time.values[0]).startswith("2015-01-01")
for name, var in ds.data_vars.items():
    assert "units" in var.attrs, f"{name} has no units"
for key in ("parksim_version", "git_commit", "scenario", "seed", "replications", "threads", "start_time", "end_time"):
    assert key in ds.attrs, key
assert float(ds.output.isel(replication=0, time=0).sum()) > 0
snap = xr.open_dataset(out, engine="h5netcdf", group="snapshots")
assert set(["replication", "year", "id", "zone", "sector", "age", "employees", "output", "productivity", "alive"]) <= set(snap.data_vars)
assert list(snap.firm.values[:3]) == [0, 1, 2]
card = xr.open_dataset(out, engine="h5netcdf", group="scorecard")
assert card.sizes["target"] == 2 and 0.0 <= float(card.probability[0]) <= 1.0

# A bad scenario: non-zero exit, the existing file keeps its bytes, no .partial left.
before = hashlib.sha256(open(out, "rb").read()).hexdigest()
bad = os.path.join(tmp, "bad.toml")
with open(bad, "w") as f:
    f.write(f'extends = "{os.path.join(source, "tests/data/mini.toml")}"\n[programmes.grant]\nrate = 30\n')
r = subprocess.run([parksim, "run", bad, "-o", out], capture_output=True, text=True)
assert r.returncode != 0 and "programmes.grant.rate" in r.stderr, r.stderr
assert hashlib.sha256(open(out, "rb").read()).hexdigest() == before
assert not glob.glob(out + "*.partial")
# Thread-count identity on the file itself: every dataset equal bit for bit at 1 and 2 threads.
import h5py
import numpy as np

files = []
for threads in ("1", "2"):
    path = os.path.join(tmp, f"t{threads}.h5")
    subprocess.run([parksim, "run", os.path.join(source, "tests/data/mini.toml"), "-o", path, "-R", "2", "-t", threads],
                   check=True, stdout=subprocess.DEVNULL)
    files.append(h5py.File(path, "r"))
names = []
files[0].visititems(lambda name, obj: names.append(name) if isinstance(obj, h5py.Dataset) else None)
assert len(names) > 40
for name in names:
    a, b = files[0][name][()], files[1][name][()]
    if a.dtype.kind == "O":  # variable-length strings: compare the text, not object pointers
        assert a.tolist() == b.tolist(), f"{name} differs between 1 and 2 threads"
    else:
        assert a.tobytes() == b.tobytes(), f"{name} differs between 1 and 2 threads"
print("output check passed")
