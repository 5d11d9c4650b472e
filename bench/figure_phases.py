#!/usr/bin/python3
"""Per-phase wall times of `rcmap analyze` on the shipped sample, per output case.

usage: figure_phases.py PHASE_BUILD_DIR [ROUNDS]     (default ROUNDS 7)

PHASE_BUILD_DIR holds an rcmap configured with -DRCMAP_PHASE_TIMES=ON, which
prints wall and CPU milliseconds at named points of a run to stderr
(src/phase_times.hpp). The cases run round-robin, ROUNDS rounds, so that each
sees the same states of a shared machine:

  none     --no-render (tables, workbook, GraphML)
  png      --formats png  (4 figures + report.pdf)
  svg      --formats svg  (4 figures + report.pdf)
  pdf      --formats pdf  (4 figures + report.pdf)
  default  png,svg + report.pdf (what `rcmap analyze` writes by default)
  default, 1 process / 2 processes: the same with RCMAP_FIGURE_PROCESSES=1 / 2
           (PNG figures drawn by a forked second process: docs/outputs.md)
  report   `rcmap report DIR` on the default run's folder (re-reads the inputs,
           recomputes the metrics, writes report.pdf only)

Prints a Markdown table of the median milliseconds of each phase (the
interval between two named points), the process's total wall and CPU time
(bench/timed.py: posix_spawn to wait4, so it includes dynamic loading before
main and process exit), and the load average before and after.
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = os.path.join(HERE, "..", "samples")

# (label, from point, to point); points are the names RCMAP_PHASE prints.
PHASES = [
    ("start to reading (args, figure module dlopen)", "main", "responses opened and decoded"),
    ("read + validate", "responses opened and decoded", "survey loaded"),
    ("aggregate", "survey loaded", "aggregated"),
    ("record inputs (checksums start)", "aggregated", "checksums"),
    ("metrics (igraph)", "checksums", "metrics"),
    ("start the PNG process (layout, fonts, fork)", "metrics", "figure process started"),
    ("CSV tables", "figure process started", "tables written"),
    ("GraphML", "tables written", "graphml written"),
    ("figures (4 x formats)", "graphml written", "figures drawn"),
    ("report.pdf", "figures drawn", "report written"),
    ("wait for the PNG process", "report written", "figure process joined"),
    ("summary.json, wait for workbook", "figure process joined", "workbook written"),
    ("commit (rename into place)", "workbook written", "committed"),
    ("workbook thread (parallel)", "workbook thread starts", "workbook thread ends"),
]


def loadavg():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def run(cmd, log, env=None):
    out = subprocess.run([sys.executable, os.path.join(HERE, "timed.py"), log] + cmd,
                         capture_output=True, text=True, env=env)
    if out.returncode != 0:
        sys.exit(f"figure_phases.py: {' '.join(cmd)} failed:\n" + open(log).read())
    wall, cpu, _ = out.stdout.split()
    points = {}
    for line in open(log):
        if line.startswith("phase "):
            f = line.split()
            points.setdefault(" ".join(f[7:]), (float(f[1]), float(f[4])))
    return float(wall) * 1e3, float(cpu) * 1e3, points


def main():
    build = os.path.abspath(sys.argv[1])
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    rcmap = os.path.join(build, "rcmap")
    tmp = tempfile.mkdtemp()
    try:
        inputs = ["--units", os.path.join(SAMPLE, "units.csv"), "--responses", os.path.join(SAMPLE, "responses.csv")]
        cases = {
            "none": ["analyze"] + inputs + ["--out", f"{tmp}/none", "-q", "--no-render"],
            "png": ["analyze"] + inputs + ["--out", f"{tmp}/png", "-q", "--formats", "png"],
            "svg": ["analyze"] + inputs + ["--out", f"{tmp}/svg", "-q", "--formats", "svg"],
            "pdf": ["analyze"] + inputs + ["--out", f"{tmp}/pdf", "-q", "--formats", "pdf"],
            "default": ["analyze"] + inputs + ["--out", f"{tmp}/default", "-q"],
            "default, 1 process": ["analyze"] + inputs + ["--out", f"{tmp}/default1", "-q"],
            "default, 2 processes": ["analyze"] + inputs + ["--out", f"{tmp}/default2", "-q"],
            "report": ["report", f"{tmp}/default", "-q"],
        }
        before = loadavg()
        res = {c: [] for c in cases}
        for _ in range(rounds):
            for c, args in cases.items():
                env = dict(os.environ)
                if "process" in c:  # RCMAP_FIGURE_PROCESSES: 1 or 2 (docs/outputs.md "Output safety")
                    env["RCMAP_FIGURE_PROCESSES"] = c.split(", ")[1][0]
                res[c].append(run([rcmap] + args, f"{tmp}/{c.replace(' ', '_')}.log", env))
        after = loadavg()
    finally:
        shutil.rmtree(tmp)

    def med(c, f):
        vals = [v for v in (f(r) for r in res[c]) if v is not None]
        return statistics.median(vals) if vals else None

    def span(a, b):
        return lambda r: (r[2][b][0] - r[2][a][0]) if a in r[2] and b in r[2] else None

    rows = [("CPU before main (dynamic loading)", lambda r: r[2]["main"][1] if "main" in r[2] else None)]
    rows += [(label, span(a, b)) for label, a, b in PHASES]
    rows += [("main to end (last point)", lambda r: max(p[0] for p in r[2].values())),
             ("process wall (timed.py)", lambda r: r[0]),
             ("  of which outside main (loading, exit, after the last point)",
              lambda r: r[0] - max(p[0] for p in r[2].values())),
             ("process CPU (user + sys, with the PNG process)", lambda r: r[1]),
             ("  of which the PNG process (CPU)", lambda r: (r[2]["figure process: done"][1] -
                                                        r[2]["figure process: drawing"][1])
              if "figure process: done" in r[2] else None)]
    names = list(cases)
    print(f"rcmap analyze on samples/, {rounds} rounds round-robin, median ms; "
          f"load average before {before}, after {after}")
    print()
    print("| phase (ms) | " + " | ".join(names) + " |")
    print("|---|" + "---:|" * len(names))
    for label, f in rows:
        cells = []
        for c in names:
            v = med(c, f)
            cells.append("" if v is None else f"{v:.1f}")
        print(f"| {label} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
