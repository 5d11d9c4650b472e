#!/usr/bin/python3
"""Alternates `rcmap analyze` of the shipped sample between builds or settings.

usage: alternate_builds.py ROUNDS LABEL=RCMAP[:VAR=VALUE,...] ...

Each LABEL runs RCMAP (a path to an rcmap executable) with the environment
variables given after the colon, e.g.
  alternate_builds.py 12 before=/tmp/old/rcmap after=build/rcmap \\
      after_1p=build/rcmap:RCMAP_FIGURE_PROCESSES=1
The cases run round-robin, ROUNDS rounds, each into a fresh folder, so every
case sees the same states of a shared machine. Prints per case the best and
median wall seconds (spawn to wait4) and the minimum and median CPU seconds
(user + sys of the process and its children, from wait4), then the load
average. bench/README.md, "Figures and report".
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = os.path.join(HERE, "..", "samples")


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    rounds = int(sys.argv[1])
    cases = []
    for arg in sys.argv[2:]:
        label, rest = arg.split("=", 1)
        binary, _, settings = rest.partition(":")
        env = dict(os.environ)
        for kv in filter(None, settings.split(",")):
            k, v = kv.split("=", 1)
            env[k] = v
        cases.append((label, os.path.abspath(binary), env))
    times = {label: [] for label, _, _ in cases}
    tmp = tempfile.mkdtemp()
    try:
        for _ in range(rounds):
            for label, binary, env in cases:
                out = os.path.join(tmp, "out")
                shutil.rmtree(out, ignore_errors=True)
                t0 = time.perf_counter()
                p = subprocess.Popen([binary, "analyze", "--units", os.path.join(SAMPLE, "units.csv"),
                                      "--responses", os.path.join(SAMPLE, "responses.csv"), "--out", out, "-q"],
                                     env=env)
                _, status, usage = os.wait4(p.pid, 0)
                wall = time.perf_counter() - t0
                if status != 0:
                    sys.exit("%s: rcmap failed (status %d)" % (label, status))
                times[label].append((wall, usage.ru_utime + usage.ru_stime))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    for label, _, _ in cases:
        wall = [w for w, _ in times[label]]
        cpu = [c for _, c in times[label]]
        print("%-12s best %.3f median %.3f  cpu min %.3f median %.3f" %
              (label, min(wall), statistics.median(wall), min(cpu), statistics.median(cpu)))
    with open("/proc/loadavg") as f:
        print("load average", " ".join(f.read().split()[:3]))


if __name__ == "__main__":
    main()
