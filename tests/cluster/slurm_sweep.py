"""The cluster path on a real scheduler: the job script of docs/cluster.md, submitted with sbatch to
a one-node Slurm (2 tasks, srun), cancelled with scancel mid-way, submitted again, must leave the
same sweep file as one process running the same command.

Usage: slurm_sweep.py PARKSIM SOURCE_DIR [--built-without-mpi]
Exit 77 (CTest's skip) with the reason where Slurm cannot start here (not root, no slurm-wlm or
munge, no pmix plugin); with PARKSIM_REQUIRE_SLURM=1 (tools/test.sh as root, i.e. CI) that is a
failure instead, so CI cannot pass by skipping.
"""
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import h5py
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from slurm_cluster import OneNodeSlurm, SlurmUnavailable, why_unavailable  # noqa: E402

SKIP = 77
POINTS_N = 2          # sobol -n 2 over the 8 parameters of bench/lingang_sobol_space.toml
TIME_LIMIT = 240      # seconds, for each thing this test waits on (CTest gives it 900 in all)


def skip(reason):
    if os.environ.get("PARKSIM_REQUIRE_SLURM") == "1":
        sys.exit(f"FAIL: Slurm cannot start, and PARKSIM_REQUIRE_SLURM=1 requires it: {reason}")
    print(f"SKIP: Slurm test not run: {reason}")
    sys.exit(SKIP)


def job_script(source):
    """The job script exactly as docs/cluster.md shows it (the first sh block under "## A job script")."""
    with open(os.path.join(source, "docs", "cluster.md")) as f:
        text = f.read()
    m = re.search(r"^## A job script\n.*?^```sh\n(.*?)^```", text, re.S | re.M)
    if not m or "srun" not in m.group(1):
        sys.exit("FAIL: docs/cluster.md has no ```sh job script with srun under '## A job script'")
    return m.group(1)


def sweep_command(script):
    """The parksim command of the script's srun line (continuations joined, comments dropped),
    without srun and its options: what one process runs for the reference."""
    logical = re.sub(r"\\\n", " ", script)
    line = next(l for l in logical.splitlines() if l.lstrip().startswith("srun "))
    words = shlex.split(line, comments=True)
    return words[words.index("parksim"):]


def output_of(command):
    return command[command.index("-o") + 1]


def journal_rows(folder, output):
    """Finished runs in each journal so far, by file name (a journal: one header line, then one
    line per run; a last line without its newline is still being written)."""
    rows = {}
    for name in os.listdir(folder):
        if re.fullmatch(re.escape(output) + r"\.journal\.\d+", name):
            with open(os.path.join(folder, name)) as f:
                rows[name] = max(0, f.read().count("\n") - 1)
    return rows


def prepare(work, source, parksim):
    """The submit folder: the scenarios, a small design, parksim on PATH."""
    job = os.path.join(work, "job")
    os.makedirs(job)
    os.symlink(os.path.join(source, "scenarios"), os.path.join(job, "scenarios"))
    subprocess.run([parksim, "sample", "--method", "sobol", "--space",
                    os.path.join(source, "bench", "lingang_sobol_space.toml"), "-n", str(POINTS_N),
                    "-o", os.path.join(job, "design.h5")], check=True, timeout=60)
    bindir = os.path.join(work, "bin")
    os.makedirs(bindir)
    os.symlink(os.path.abspath(parksim), os.path.join(bindir, "parksim"))
    return job, bindir


def submit(slurm, job, script_path):
    """sbatch from the submit folder on one node with 2 tasks (the command line overrides the
    script's #SBATCH sizes; everything else is the script's own)."""
    r = slurm.run(["sbatch", "--parsable", "--nodes=1", "--ntasks-per-node=2", "--time=10",
                   script_path], timeout=30, cwd=job)
    return r.stdout.strip().split(";")[0]


def wait_for_rows(slurm, jobid, job, output, timeout):
    """Waits until both processes have journalled runs, 4 or more in all, so that the resubmission
    has to read two journals; returns the counts (fails if the job ends first)."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        rows = journal_rows(job, output)
        if sum(1 for n in rows.values() if n) >= 2 and sum(rows.values()) >= 4:
            return rows
        state, code = slurm.job_state(jobid)
        if state not in ("PENDING", "CONFIGURING", "RUNNING"):
            sys.exit(f"FAIL: job {jobid} ended ({state}, {code}) before both processes journalled runs: "
                     f"{rows} {log_tail(job, jobid)}")
        time.sleep(0.1)
    sys.exit(f"FAIL: not enough runs journalled after {timeout} s: {log_tail(job, jobid)}")


def log_tail(job, jobid):
    path = os.path.join(job, f"sweep-{jobid}.log")
    if not os.path.exists(path):
        return "(no job log)"
    with open(path, errors="replace") as f:
        return " | ".join(f.read().splitlines()[-8:])


def comparable(value, f):
    """An attribute's value with object references (dimension scales' DIMENSION_LIST and
    REFERENCE_LIST) replaced by the names they point to: addresses differ between files."""
    if isinstance(value, h5py.Reference):
        return f[value].name
    if isinstance(value, np.void) or (isinstance(value, np.ndarray) and value.dtype.kind in "OV"):
        return [comparable(x, f) for x in value]
    return value


def same_value(x, y):
    if isinstance(x, np.ndarray) and isinstance(y, np.ndarray):
        return x.shape == y.shape and np.array_equal(x, y, equal_nan=x.dtype.kind == "f")
    if isinstance(x, list) and isinstance(y, list):
        return len(x) == len(y) and all(same_value(a, b) for a, b in zip(x, y))
    return bool(np.all(x == y))


def compare_files(a, b):
    """Every dataset and attribute of a equals b's (NaN equal to NaN), and the bytes are the same."""
    def walk(fa, fb, where):
        if set(fa.attrs) != set(fb.attrs):
            return f"{where}: attributes {sorted(fa.attrs)} vs {sorted(fb.attrs)}"
        for k in fa.attrs:
            if not same_value(comparable(fa.attrs[k], fa.file), comparable(fb.attrs[k], fb.file)):
                return f"{where}: attribute {k} differs"
        if isinstance(fa, h5py.Dataset):
            same = same_value(comparable(fa[()], fa.file), comparable(fb[()], fb.file))
            return None if same else f"{where}: values differ"
        if set(fa) != set(fb):
            return f"{where}: members {sorted(fa)} vs {sorted(fb)}"
        for k in fa:
            err = walk(fa[k], fb[k], f"{where}/{k}".replace("//", "/"))
            if err:
                return err
        return None
    with h5py.File(a, "r") as fa, h5py.File(b, "r") as fb:
        err = walk(fa, fb, "/")
        n = fa["values"].shape
    if err:
        sys.exit(f"FAIL: the Slurm sweep differs from the one-process sweep: {err}")
    with open(a, "rb") as x, open(b, "rb") as y:
        if x.read() != y.read():
            sys.exit("FAIL: same datasets and attributes, but the files differ byte for byte")
    return n


def reference(work, job, command):
    """The same command, one process, no Slurm, in a folder of its own (same relative paths)."""
    ref = os.path.join(work, "ref")
    os.makedirs(ref)
    for name in ("scenarios", "design.h5"):
        src = os.path.join(job, name)
        (os.symlink(os.readlink(src), os.path.join(ref, name)) if os.path.islink(src)
         else shutil.copy(src, ref))
    t = time.time()
    subprocess.run(command, cwd=ref, check=True, timeout=TIME_LIMIT, stdout=subprocess.DEVNULL)
    return os.path.join(ref, output_of(command)), time.time() - t


def unconnected_refused(slurm, work, job, command):
    """`srun --mpi=none` (Slurm's default plugin) starts 2 processes MPI does not connect: parksim
    must refuse before it writes anything, not run the sweep twice into the same files."""
    folder = os.path.join(work, "none")
    os.makedirs(folder)
    for name in ("scenarios", "design.h5"):
        os.symlink(os.path.realpath(os.path.join(job, name)), os.path.join(folder, name))
    r = slurm.run(["srun", "--mpi=none", "--ntasks=2"] + command, check=False, timeout=120, cwd=folder)
    left = sorted(set(os.listdir(folder)) - {"scenarios", "design.h5"})
    if r.returncode == 0 or "not connected through MPI" not in r.stderr or left:
        sys.exit(f"FAIL: srun --mpi=none -n 2 was not refused cleanly (exit {r.returncode}, files {left}): "
                 f"{r.stderr.strip()[-500:]}")
    print("srun --mpi=none -n 2: refused, nothing written")


def cancel_midway(slurm, job, script_path, output, total):
    """Submits, waits for the first journalled runs, scancels; returns the runs journalled."""
    t = time.time()
    jobid = submit(slurm, job, script_path)
    seen = wait_for_rows(slurm, jobid, job, output, timeout=120)
    slurm.run(["scancel", jobid])
    state, code = slurm.wait_for_end(jobid, timeout=60)
    rows = journal_rows(job, output)
    done = sum(rows.values())
    print(f"job {jobid}: scancel after {sum(seen.values())} journalled runs, ended {state} ({code}) "
          f"with {done} of {total} runs journalled {dict(sorted(rows.items()))}, {time.time() - t:.1f} s")
    if state != "CANCELLED":
        sys.exit(f"FAIL: job {jobid} ended {state}, not CANCELLED: {log_tail(job, jobid)}")
    if done >= total:
        sys.exit(f"FAIL: all {total} runs were done before the cancel took effect; enlarge the design")
    if os.path.exists(os.path.join(job, output)):
        sys.exit("FAIL: a cancelled sweep left a complete-looking output file")
    return done


def resubmit(slurm, job, script_path, output, done):
    """Submits the same script again: it must finish, taking the `done` journalled runs as they are."""
    t = time.time()
    jobid = submit(slurm, job, script_path)
    state, code = slurm.wait_for_end(jobid, timeout=TIME_LIMIT)
    print(f"job {jobid}: resubmitted, ended {state} ({code}) in {time.time() - t:.1f} s")
    if state != "COMPLETED" or code != "0:0":
        sys.exit(f"FAIL: resubmitted job {jobid} ended {state} ({code}): {log_tail(job, jobid)}")
    if journal_rows(job, output) or not os.path.exists(os.path.join(job, output)):
        sys.exit("FAIL: the resubmitted job left journals behind or no output file")
    with open(os.path.join(job, f"sweep-{jobid}.log"), errors="replace") as f:
        resumed = re.findall(r"(\d+) resumed from journals", f.read())
    if resumed != [str(done)]:
        sys.exit(f"FAIL: the resubmitted job should have resumed {done} runs from the journals, its log "
                 f"says {resumed or 'none'}: {log_tail(job, jobid)}")
    return jobid


def main():
    parksim, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    reason = why_unavailable()
    if "--built-without-mpi" in sys.argv:
        reason = "parksim was built without MPI (CMake found none), so srun cannot distribute a sweep"
    if reason:
        skip(reason)
    # CTest stops a test with SIGTERM on some paths: let the finally blocks stop the daemons.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("FAIL: terminated"))
    script = job_script(source)
    command = sweep_command(script)
    output = output_of(command)
    work = tempfile.mkdtemp(prefix="parksim_slurm_")
    try:
        job, bindir = prepare(work, source, parksim)
        # `parksim` as the script says it, for the reference and (sbatch exports it) the job.
        os.environ["PATH"] = bindir + os.pathsep + os.environ["PATH"]
        script_path = os.path.join(job, "sweep.sbatch")
        with open(script_path, "w") as f:
            f.write(script)
        ref, ref_seconds = reference(work, job, command)
        with h5py.File(ref, "r") as f:
            total = f["values"].shape[0]  # one row per run (point, replication)
        print(f"one process: {total} runs in {ref_seconds:.1f} s ({' '.join(command)})")
        try:
            with OneNodeSlurm(os.path.join(work, "slurm"), scratch=work) as slurm:
                plugins = slurm.run(["srun", "--mpi=list"])
                if "pmix" not in plugins.stdout + plugins.stderr:
                    skip("Slurm has no pmix plugin (srun --mpi=list), which the job script asks for")
                unconnected_refused(slurm, work, job, command)
                done = cancel_midway(slurm, job, script_path, output, total)
                jobid = resubmit(slurm, job, script_path, output, done)
        except SlurmUnavailable as e:
            skip(str(e))
        shape = compare_files(os.path.join(job, output), ref)
        print(f"ok: cancelled after {done} of {total} runs, resumed by job {jobid}; every dataset and "
              f"attribute of {output} {shape} equals the one-process sweep's, byte for byte")
    finally:
        if os.environ.get("PARKSIM_KEEP_SLURM_SCRATCH") != "1":
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"scratch kept: {work}")


if __name__ == "__main__":
    main()
