"""A throw-away one-node Slurm cluster on localhost, for tests.

munged, slurmctld and slurmd run in the foreground as children of the test, with their key, socket,
configuration, state, logs and pid files in one scratch folder and on free TCP ports, so nothing of
the machine's own munge or Slurm set-up is read or touched, and two tests can run side by side.
Every command that talks to this cluster gets SLURM_CONF through `env`.

Daemons are started with PR_SET_PDEATHSIG: if the test itself is killed (even SIGKILL, as on a
CTest timeout) the kernel sends them SIGTERM; job steps, which are not their children, are
SIGKILLed by a watchdog process that notices the test's death (see _start_watchdog).
"""
import ctypes
import os
import shutil
import signal
import socket
import subprocess
import sys
import time

PROGRAMS = ("munged", "slurmctld", "slurmd", "sbatch", "srun", "scancel", "scontrol", "sinfo", "squeue")


class SlurmUnavailable(Exception):
    """Slurm cannot start here (a reason to skip, not a test failure)."""


def _which(name):
    # The daemons live in /usr/sbin, which a non-login PATH may lack.
    return shutil.which(name, path=os.environ.get("PATH", "") + ":/usr/sbin:/sbin")


def why_unavailable():
    """The reason a one-node Slurm cannot be started on this machine, or None."""
    if os.geteuid() != 0:
        return "not root: slurmd has to run as root to start job steps"
    missing = [p for p in PROGRAMS if not _which(p)]
    if missing:
        return f"missing {', '.join(missing)} (apt-get install slurm-wlm munge; tools/setup.sh does)"
    return None


def kill_cluster_processes(conf):
    """SIGKILLs every process of the cluster of `conf`, found by the SLURM_CONF=conf that all of
    them inherit: slurmstepd (which ignores SIGTERM and, once its slurmd is gone, retries for
    ever), the job scripts and their tasks. Returns how many there were."""
    mark = b"\0SLURM_CONF=" + os.fsencode(conf) + b"\0"
    found = 0
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/environ", "rb") as f:
                if mark in b"\0" + f.read() and int(pid) != os.getpid():
                    os.kill(int(pid), signal.SIGKILL)
                    found += 1
        except (OSError, ValueError):
            pass  # gone meanwhile, or not ours to read
    return found


def _die_with_parent():
    libc = ctypes.CDLL("libc.so.6", use_errno=True)
    libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class OneNodeSlurm:
    """`with OneNodeSlurm(folder) as slurm:` starts the daemons and waits for the node; the exit
    cancels any jobs left and stops the daemons by their pids, whatever happened inside."""

    def __init__(self, folder, cpus=2, scratch=None):
        self.folder = folder
        self.scratch = scratch or folder  # what a killed test leaves: removed by the watchdog
        self.cpus = max(cpus, os.cpu_count() or 1)
        self.host = socket.gethostname().split(".")[0]
        self.conf = os.path.join(folder, "slurm.conf")
        self.env = dict(os.environ, SLURM_CONF=self.conf)
        self.procs = []  # (name, Popen), in start order
        self.watchdog = None

    # ---------------------------------------------------------------- start
    def __enter__(self):
        self._start_watchdog()
        try:
            self._start_munge()
            self._write_conf()
            self._start("slurmctld", [_which("slurmctld"), "-D", "-c"])
            self._start("slurmd", [_which("slurmd"), "-D", "-c"])
            self._wait_for_idle_node(timeout=60)
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc):
        self.stop()
        return False

    def _start_watchdog(self):
        """A helper that outlives the test if it is killed (SIGKILL, a CTest timeout): the daemons
        die with the test (PR_SET_PDEATHSIG), but job steps are not their children; the helper
        sees its pipe from the test close and kills what is left of the cluster."""
        self.watchdog = subprocess.Popen(
            [sys.executable, os.path.abspath(__file__), "--watch", self.conf, self.scratch],
            stdin=subprocess.PIPE, start_new_session=True)

    def _start(self, name, argv):
        log = open(os.path.join(self.folder, name + ".out"), "w")
        proc = subprocess.Popen(argv, env=self.env, stdout=log, stderr=subprocess.STDOUT,
                                preexec_fn=_die_with_parent)
        self.procs.append((name, proc))
        time.sleep(0.2)
        if proc.poll() is not None:
            raise SlurmUnavailable(f"{name} exited at once with {proc.returncode}: {self.tail(name)}")

    def _start_munge(self):
        d = os.path.join(self.folder, "munge")
        os.makedirs(d, mode=0o711)
        os.chmod(d, 0o711)  # munged wants the socket's folder searchable by everyone
        key = os.path.join(d, "munge.key")
        with open(key, "wb") as f:
            f.write(os.urandom(1024))
        os.chmod(key, 0o400)
        self.munge_socket = os.path.join(d, "munge.socket")
        # --force: munged refuses to run as root otherwise.
        self._start("munged", [_which("munged"), "--foreground", "--force", "--socket", self.munge_socket,
                               "--key-file", key, "--log-file", os.path.join(d, "munged.log"),
                               "--pid-file", os.path.join(d, "munged.pid"),
                               "--seed-file", os.path.join(d, "munged.seed")])
        deadline = time.time() + 20
        while not os.path.exists(self.munge_socket):
            if time.time() > deadline or self.procs[-1][1].poll() is not None:
                raise SlurmUnavailable(f"munged did not start: {self.tail('munged')}")
            time.sleep(0.1)

    def _write_conf(self):
        f = self.folder
        for sub in ("state", "spool", "tmp"):
            os.makedirs(os.path.join(f, sub))
        lines = [
            "ClusterName=parksimtest",
            f"SlurmctldHost={self.host}",
            "SlurmUser=root", "SlurmdUser=root",
            "AuthType=auth/munge", "CredType=cred/munge",
            f"AuthInfo=socket={self.munge_socket}",
            f"SlurmctldPort={_free_port()}", f"SlurmdPort={_free_port()}",
            f"StateSaveLocation={f}/state", f"SlurmdSpoolDir={f}/spool",
            # The pmix plugin makes its folders there (spmix_appdir_<uid>_<job>.<step>, /tmp by
            # default): job ids start at 1 in every test cluster, so a shared /tmp would let one
            # killed or concurrent run make the next one's steps fail ("File exists").
            f"TmpFS={f}/tmp",
            f"SlurmctldPidFile={f}/slurmctld.pid", f"SlurmdPidFile={f}/slurmd.pid",
            f"SlurmctldLogFile={f}/slurmctld.log", f"SlurmdLogFile={f}/slurmd.log",
            "ProctrackType=proctrack/linuxproc", "TaskPlugin=task/none",
            "SelectType=select/cons_tres", "SelectTypeParameters=CR_Core",
            "ReturnToService=2",
            # Slurm's own default; the job script has to ask for its MPI plugin itself.
            "MpiDefault=none",
            # A cancelled job's tasks get SIGTERM, then SIGKILL after KillWait seconds.
            "KillWait=10",
            # Trust the CPU count below even on a one-core machine (2 tasks must fit).
            "SlurmdParameters=config_overrides",
            f"NodeName={self.host} CPUs={self.cpus} State=UNKNOWN",
            f"PartitionName=debug Nodes={self.host} Default=YES MaxTime=INFINITE State=UP",
        ]
        with open(self.conf, "w") as out:
            out.write("\n".join(lines) + "\n")

    def _wait_for_idle_node(self, timeout):
        deadline = time.time() + timeout
        state = ""
        while time.time() < deadline:
            for name, proc in self.procs:
                if proc.poll() is not None:
                    raise SlurmUnavailable(f"{name} exited with {proc.returncode}: {self.tail(name)}")
            r = self.run(["sinfo", "-h", "-N", "-o", "%T"], check=False)
            state = r.stdout.strip()
            if state == "idle":
                return
            time.sleep(0.5)
        raise SlurmUnavailable(f"the node is not idle after {timeout} s (state '{state}'): "
                               f"{self.tail('slurmctld.log')} {self.tail('slurmd.log')}")

    # ---------------------------------------------------------------- use
    def run(self, argv, check=True, timeout=30, cwd=None):
        """Runs a Slurm client command against this cluster (bounded: Slurm retries for minutes)."""
        r = subprocess.run(argv, env=self.env, capture_output=True, text=True, timeout=timeout, cwd=cwd)
        if check and r.returncode != 0:
            raise RuntimeError(f"{' '.join(argv)} failed ({r.returncode}): {r.stderr.strip()}")
        return r

    def job_state(self, job):
        """The job's state (PENDING, RUNNING, COMPLETED, CANCELLED, ...) and exit code, from scontrol
        (without accounting, finished jobs stay visible for MinJobAge, 300 s by default)."""
        out = self.run(["scontrol", "-o", "show", "job", str(job)]).stdout
        fields = dict(kv.split("=", 1) for kv in out.split() if "=" in kv)
        return fields.get("JobState", "?"), fields.get("ExitCode", "?")

    def wait_for_end(self, job, timeout):
        """Waits until the job has ended; returns (state, exit code)."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            state, code = self.job_state(job)
            if state not in ("PENDING", "CONFIGURING", "RUNNING", "COMPLETING", "SUSPENDED"):
                return state, code
            time.sleep(0.5)
        raise TimeoutError(f"job {job} still {state} after {timeout} s")

    def tail(self, name, lines=5):
        path = os.path.join(self.folder, name if "." in name else name + ".out")
        if not os.path.exists(path):
            path = os.path.join(self.folder, "munge", name + ".log")
        try:
            with open(path, errors="replace") as f:
                return " | ".join(f.read().splitlines()[-lines:])
        except OSError:
            return "(no log)"

    # ---------------------------------------------------------------- stop
    def stop(self):
        """Cancels what is left and stops slurmd, slurmctld and munged, in that order, by pid."""
        if any(n == "slurmctld" and p.poll() is None for n, p in self.procs):
            try:
                self.run(["scancel", "--full", "--user=root"], check=False, timeout=10)
                deadline = time.time() + 30  # KillWait (10 s) and then some
                while time.time() < deadline and self.run(["squeue", "-h"], check=False).stdout.strip():
                    time.sleep(0.5)
            except (OSError, subprocess.TimeoutExpired):
                pass
        for name, proc in reversed(self.procs):
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
                try:
                    proc.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait(timeout=5)
        self.procs = []
        # Last: whatever the daemons left (a step still reporting to a slurmd that is gone).
        kill_cluster_processes(self.conf)
        if self.watchdog:
            self.watchdog.stdin.write(b"stopped\n")  # all done: it exits without touching anything
            self.watchdog.stdin.close()
            self.watchdog.wait(timeout=30)
            self.watchdog = None


if __name__ == "__main__" and sys.argv[1:2] == ["--watch"]:
    # Returns when the test closes the pipe: after "stopped" if it stopped the cluster, or at its death.
    if sys.stdin.read() != "stopped\n":
        kill_cluster_processes(sys.argv[2])
        shutil.rmtree(sys.argv[3], ignore_errors=True)
