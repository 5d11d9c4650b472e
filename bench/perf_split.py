#!/usr/bin/python3
"""Where a command's CPU time goes, from `perf script` of a `perf record -g` run.

usage: perf script -i perf.data -F comm,ip,sym,dso | perf_split.py COMM

Counts the samples of processes named COMM and prints their share by shared
object (the sampled frame's library), the kernel's share by cause (page
faults, write, mmap, ...: the first system-call or fault frame on the
stack) and, for page faults, the user-space library that touched the page.
Sampling (cpu-clock) counts CPU time, including the kernel's, which
callgrind does not see. bench/figures_perf.sh runs it.
"""
import collections
import sys

CAUSES = [("exc_page_fault", "page faults"), ("sys_write", "write(2)"), ("sys_mmap", "mmap/mprotect/munmap"),
          ("sys_mprotect", "mmap/mprotect/munmap"), ("sys_munmap", "mmap/mprotect/munmap"),
          ("sys_madvise", "madvise (free)"), ("sys_openat", "open/read/stat"), ("sys_read", "open/read/stat"),
          ("sys_newfstat", "open/read/stat"), ("clone", "thread/process start"), ("execve", "exec"),
          ("exit", "exit"), ("irq", "interrupts"), ("apic", "interrupts")]


def lib(frame):
    d = frame.rsplit("(", 1)[-1].rstrip(")")
    return d.rsplit("/", 1)[-1]


def main():
    comm = sys.argv[1]
    samples, cur = [], []
    for line in sys.stdin:
        if not line.strip():
            if cur:
                samples.append(cur)
            cur = []
            continue
        cur.append(line.strip())
    if cur:
        samples.append(cur)
    by_lib, kernel, faults = collections.Counter(), collections.Counter(), collections.Counter()
    total = 0
    for s in samples:
        if s[0].split()[0] != comm:
            continue
        total += 1
        frames = s[1:] or [s[0]]
        top = lib(frames[0])
        by_lib[top] += 1
        if top != "[kernel.kallsyms]":
            continue
        stack = " ".join(frames)
        cause = next((name for key, name in CAUSES if key in stack), "other")
        kernel[cause] += 1
        if cause == "page faults":
            user = [f for f in frames if lib(f) != "[kernel.kallsyms]"]
            faults[lib(user[0]) if user else "?"] += 1
    if not total:
        sys.exit(f"perf_split.py: no samples of {comm}")
    print(f"{total} samples of {comm}; share of its CPU time by library:")
    for name, v in by_lib.most_common(14):
        print(f"  {100 * v / total:5.1f}%  {name}")
    print("kernel time by cause:")
    for name, v in kernel.most_common():
        print(f"  {100 * v / total:5.1f}%  {name}")
    print("page faults by the library that touched the page:")
    for name, v in faults.most_common(6):
        print(f"  {100 * v / total:5.1f}%  {name}")


if __name__ == "__main__":
    main()
