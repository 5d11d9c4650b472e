"""Helpers shared by the hardening scripts (tests/hardening/*.py)."""
import os
import resource
import shutil
import signal
import subprocess
import sys
import time

DIMS = ["frequent", "timely", "accurate", "problem_solving",
        "shared_goals", "shared_knowledge", "mutual_respect"]
RESP_HEADER = "respondent,unit,target," + ",".join(DIMS)

failures = []


def check(cond, what):
    """Records a failed expectation (the script exits 1 at the end)."""
    print(("ok   " if cond else "FAIL ") + what, flush=True)
    if not cond:
        failures.append(what)
    return cond


def finish():
    if failures:
        print(f"{len(failures)} check(s) failed:", *failures, sep="\n  ")
        sys.exit(1)
    print("all checks passed")


def fresh_dir(path):
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    return path


class Result:
    def __init__(self, code, peak_mb, seconds, stderr, signal_no=None):
        self.code, self.peak_mb, self.seconds = code, peak_mb, seconds
        self.stderr, self.signal = stderr, signal_no


def run(args, work, timeout=120, mem_limit_mb=4096, preexec=None):
    """Runs a command with stdout/stderr to files; returns exit code, peak
    resident memory of that process (wait4 ru_maxrss), wall seconds and
    stderr. A run over `timeout` seconds is killed (code None: a hang); the
    address space is capped at mem_limit_mb so runaway memory fails fast."""
    err_path = os.path.join(work, "stderr.txt")

    def limits():
        lim = mem_limit_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (lim, lim))
        if preexec:
            preexec()

    t0 = time.monotonic()
    with open(err_path, "wb") as err, open(os.devnull, "wb") as out:
        p = subprocess.Popen([str(a) for a in args], stdout=out, stderr=err, preexec_fn=limits)
        while True:
            pid, status, ru = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - t0 > timeout:
                p.kill()
                os.wait4(p.pid, 0)
                return Result(None, 0, timeout, open(err_path, errors="replace").read())
            time.sleep(0.05)
    secs = time.monotonic() - t0
    code = os.waitstatus_to_exitcode(status)
    sig = -code if code < 0 else None
    with open(err_path, "rb") as f:
        stderr = f.read(1 << 20).decode("utf-8", errors="replace")
    return Result(code, ru.ru_maxrss / 1024.0, secs, stderr, sig)


def read(path, mode="r"):
    with open(path, mode) as f:
        return f.read()
