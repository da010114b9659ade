"""End-to-end sweep checks with the real binary: a sweep killed with SIGKILL and resumed ends with
the same file as an uninterrupted one, and `mpirun -n 2` gives the same file as one process.

Usage: sweep_e2e.py PARKSIM SOURCE_DIR [--mpi]
"""
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import h5py
import numpy as np

parksim, source = sys.argv[1], sys.argv[2]
use_mpi = "--mpi" in sys.argv
work = tempfile.mkdtemp(prefix="parksim_sweep_")
scenario = os.path.join(source, "tests", "data", "mini.toml")
space = os.path.join(work, "space.toml")
with open(space, "w") as f:
    f.write('[[parameter]]\npath = "programmes.grant.rate"\nlow = "10%"\nhigh = "50%"\n'
            '[[parameter]]\npath = "model.innovation_rate"\nlow = 0.4\nhigh = 1.2\n')
design = os.path.join(work, "design.h5")
subprocess.run([parksim, "sample", "--method", "lhs", "--space", space, "-n", "40", "--seed", "3", "-o", design],
               check=True)
sweep = [parksim, "sweep", scenario, design, "-R", "2", "--metric", "output:2017", "--metric", "firms:2016",
         "--metric", "targets_met"]


def values(path):
    with h5py.File(path, "r") as f:
        return f["values"][...], f["status"][...], f["run_point"][...]


def same(a, b, what):
    for x, y, name in zip(values(a), values(b), ("values", "status", "run_point")):
        if not np.array_equal(x, y, equal_nan=True):
            sys.exit(f"FAIL {what}: {name} differ")
    # Not only the contents: the files themselves (HDF5 objects carry no creation times).
    with open(a, "rb") as fa, open(b, "rb") as fb:
        if fa.read() != fb.read():
            sys.exit(f"FAIL {what}: same contents but the files differ byte for byte")


reference = os.path.join(work, "reference.h5")
subprocess.run(sweep + ["-o", reference, "-t", "2"], check=True)

if use_mpi:
    env = dict(os.environ, OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1",
               OMPI_MCA_rmaps_base_oversubscribe="1")
    mpi_out = os.path.join(work, "mpi.h5")
    subprocess.run(["mpirun", "-n", "2"] + sweep + ["-o", mpi_out, "-t", "1"], check=True, env=env)
    same(reference, mpi_out, "mpirun -n 2 vs one process")
    print("ok: mpirun -n 2 sweep equals the single-process sweep")
else:
    # A bare -o in the working directory: its journal is listed as ./killed.h5.journal.0 and opened
    # as killed.h5.journal.0, which once made each resume truncate it.
    out = os.path.join(work, "killed.h5")
    journal = out + ".journal.0"
    proc = subprocess.Popen(sweep + ["-o", "killed.h5", "-t", "1"], cwd=work)
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None:
        if os.path.exists(journal) and open(journal).read().count("\n") >= 4:
            break
        time.sleep(0.005)
    if proc.poll() is not None:
        sys.exit("FAIL: the sweep finished before it could be killed; make it longer")
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    if os.path.exists(out):
        sys.exit("FAIL: a killed sweep left a complete-looking output file")
    done = open(journal).read().count("\n") - 1
    subprocess.run(sweep + ["-o", "killed.h5", "-t", "2", "--resume"], check=True, cwd=work)
    same(reference, out, "killed and resumed vs uninterrupted")
    if os.path.exists(journal):
        sys.exit("FAIL: journal left behind after a completed sweep")
    again = subprocess.run(sweep + ["-o", "killed.h5", "--resume"], cwd=work, capture_output=True, text=True)
    if again.returncode == 0 or "already complete" not in again.stderr:
        sys.exit("FAIL: --resume of a finished sweep was not refused as already complete")
    print(f"ok: killed after {done} of 80 runs, resumed with a bare -o, identical to the uninterrupted sweep")
shutil.rmtree(work)
