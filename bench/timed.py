#!/usr/bin/env python3
"""Runs a command and prints its wall seconds, CPU seconds and peak memory.

usage: timed.py LOG COMMAND [ARG...]

Prints "WALL CPU MAXRSS_KB" on stdout: wall time to the microsecond
(time.perf_counter around posix_spawn + wait4), user + system CPU seconds
and maximum resident set size from the child's rusage (getrusage(2)).
The command's stdout and stderr go to LOG. Exit status: the command's.
/usr/bin/time gives wall time in 10 ms steps only, too coarse for a run
of 0.1 s.
"""
import os
import sys
import time


def main():
    log, cmd = sys.argv[1], sys.argv[2:]
    fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    actions = [(os.POSIX_SPAWN_DUP2, fd, 1), (os.POSIX_SPAWN_DUP2, fd, 2)]
    start = time.perf_counter()
    pid = os.posix_spawnp(cmd[0], cmd, os.environ, file_actions=actions)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    os.close(fd)
    print(f"{wall:.6f} {usage.ru_utime + usage.ru_stime:.6f} {usage.ru_maxrss}")
    sys.exit(os.waitstatus_to_exitcode(status))


if __name__ == "__main__":
    main()
