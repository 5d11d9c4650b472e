#!/usr/bin/env python3
"""Hardening test: output faults (docs/hardening.md "What CI checks"). For each
fault, rcmap must exit 3 (cannot write output), leave no half-written file
under a final name, and leave the earlier results in DIR byte-identical.
  - output folder unwritable: under a regular file, a regular file, a
    read-only file system (tmpfs in a user+mount namespace, if the machine
    allows `unshare -rm`), a folder without write permission (non-root);
  - a final name that cannot be replaced (a folder called sides.csv): the
    files already moved into place are rolled back;
  - disk full: RLIMIT_FSIZE (`ulimit -f`, SIGXFSZ ignored, so write() fails
    with EFBIG) and a 96 KiB tmpfs (if `unshare -rm` works);
  - killed with SIGKILL mid-write: every final file is either the earlier
    complete result or the new complete result, and stale temporary files
    are removed by the next run.
usage: faults.py RCMAP WORK_DIR"""
import os
import resource
import shutil
import signal
import subprocess
import sys
import time

from hlib import check, finish, fresh_dir, run

rcmap, work = sys.argv[1], fresh_dir(sys.argv[2])
# 200 units: above the figure limit, so no figures and no report.html, but report.pdf (without them) and
# network.graphml.
FINAL = ["ties.csv", "units.csv", "sides.csv", "gaps.csv", "bridges.csv", "summary.json", "project.ini",
         "workbook.xlsx", "network.graphml", "report.pdf"]
# Kept in every results folder: its lock and the list of rcmap's outputs (docs/outputs.md "Output safety").
KEPT = [".rcmap.lock", ".rcmap-outputs"]


def path(*p):
    return os.path.join(work, *p)


def snapshot(d):
    """name -> bytes of every file under d (relative names)."""
    out = {}
    for root, _, files in os.walk(d):
        for f in files:
            full = os.path.join(root, f)
            with open(full, "rb") as fh:
                out[os.path.relpath(full, d)] = fh.read()
    return out


def temps(d):
    """Temporary files: in a private folder .rcmap-tmp-XXXX (or, from rcmap
    before 0.2, .NAME.tmp-PID / .NAME.old-PID)."""
    return sorted(n for n in snapshot(d) if ".rcmap-tmp-" in n or ".tmp-" in n or ".old-" in n)


# A survey big enough that writing takes a while (about 1,000,000 rows,
# 200 units: ties.csv is about 8 MB).
r = run([rcmap, "sample", "--out", path("big"), "--seed", "3", "--respondents", "6000",
         "--units", "200"], work)
check(r.code == 0, "generate a 1,000,000-row survey")
SURVEY = ["--units", path("big", "units.csv"), "--responses", path("big", "responses.csv"), "-q"]
SMALL = ["--units", path("big", "units.csv"), "--responses", path("small.csv"), "-q"]
with open(path("big", "responses.csv")) as f, open(path("small.csv"), "w") as g:
    for i, line in enumerate(f):
        if i > 20000:
            break
        g.write(line)


def analyze(out, survey=SMALL, extra=(), **kw):
    return run([rcmap, "analyze", *survey, "--out", out, *extra], work, **kw)


# Earlier results ("old", --min-n 6) and what a complete new run writes ("new").
check(analyze(path("old"), extra=["--min-n", "6"]).code == 0, "earlier results (small survey)")
OLD = snapshot(path("old"))
check(sorted(OLD) == sorted(FINAL + KEPT), "earlier results: every final file")


def with_old(name):
    d = path(name)
    shutil.copytree(path("old"), d)
    return d


def intact(d, what):
    check(snapshot(d) == OLD, f"{what}: earlier results byte-identical, nothing else in DIR")


# --- unwritable output folder -------------------------------------------------
with open(path("file"), "w") as f:
    f.write("x")
r = analyze(path("file", "out"))
check(r.code == 3 and "cannot create output folder" in r.stderr, "--out under a regular file: exit 3")
r = analyze(path("file"))
check(r.code == 3 and "cannot create output folder" in r.stderr, "--out is a regular file: exit 3")
check(open(path("file")).read() == "x", "--out is a regular file: the file is untouched")
if os.geteuid() != 0:
    d = with_old("readonly_perm")
    os.chmod(d, 0o555)
    r = analyze(d)
    os.chmod(d, 0o755)
    check(r.code == 3, "folder without write permission: exit 3")
    intact(d, "folder without write permission")
else:
    print("skip folder without write permission (root ignores permissions; see read-only tmpfs)")

# A final name that cannot be replaced: sides.csv is a folder. ties.csv and
# units.csv are renamed into place before sides.csv fails: they must be rolled back.
d = with_old("blocked")
os.remove(os.path.join(d, "sides.csv"))
os.mkdir(os.path.join(d, "sides.csv"))
r = analyze(d)
check(r.code == 3 and "cannot move" in r.stderr, "final name blocked by a folder: exit 3")
snap = snapshot(d)
check(all(snap.get(n) == OLD[n] for n in ["ties.csv", "units.csv", "summary.json"]),
      "final name blocked: files already moved are rolled back to the earlier results")
check(temps(d) == [], "final name blocked: no temporary or backup file left")

# rcmap convert --to long writes units.csv and responses.csv the same way:
# with responses.csv blocked by a folder, units.csv is rolled back.
CONVERT_FINAL = ["units.csv", "responses.csv"]
r = run([rcmap, "convert", "--to", "long", *SMALL, "--out", path("conv")], work)
check(r.code == 0 and sorted(os.listdir(path("conv"))) == sorted(CONVERT_FINAL + KEPT), "convert: every final file")
conv_old = snapshot(path("conv"))
shutil.rmtree(path("conv_blocked"), ignore_errors=True)
shutil.copytree(path("conv"), path("conv_blocked"))
os.remove(path("conv_blocked", "responses.csv"))
os.mkdir(path("conv_blocked", "responses.csv"))
with open(path("conv_blocked", "units.csv"), "w") as f:
    f.write("earlier units\n")
r = run([rcmap, "convert", "--to", "long", *SMALL, "--out", path("conv_blocked")], work)
check(r.code == 3, f"convert, final name blocked by a folder: exit 3 ({r.code})")
check(open(path("conv_blocked", "units.csv")).read() == "earlier units\n",
      "convert, final name blocked: units.csv rolled back to the earlier file")
check(temps(path("conv_blocked")) == [], "convert, final name blocked: no temporary file left")
r = run([rcmap, "convert", "--to", "long", *SMALL, "--out", path("file", "conv")], work)
check(r.code == 3, "convert --out under a regular file: exit 3")
check(conv_old == snapshot(path("conv")), "convert: earlier output untouched by the failed runs")

# --- disk full: file size limit -------------------------------------------------
def fsize_limit(limit):
    def f():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return f


d = with_old("fsize")
r = analyze(d, preexec=fsize_limit(16 * 1024))
check(r.code == 3 and "File too large" in r.stderr, f"ulimit -f 16 KiB (EFBIG): exit 3 ({r.code})")
intact(d, "ulimit -f 16 KiB")
d = with_old("fsize_big")
r = analyze(d, survey=SURVEY, preexec=fsize_limit(1024 * 1024))
check(r.code == 3, "ulimit -f 1 MiB while writing an 8 MB ties.csv: exit 3")
intact(d, "ulimit -f 1 MiB")

# --- tmpfs in a user + mount namespace: disk full and read-only ---------------
def in_tmpfs(name, size, script):
    """Mounts a tmpfs of `size` at WORK/name/mnt in a private namespace,
    copies the earlier results to mnt/out, runs `script` (sh) and copies the
    tmpfs contents to WORK/name/after. Returns (exit code, stderr) or None
    if namespaces are not available."""
    base = fresh_dir(path(name))
    mnt, after = os.path.join(base, "mnt"), os.path.join(base, "after")
    os.makedirs(mnt)
    os.makedirs(after)
    sh = (f"mount -t tmpfs -o size={size} tmpfs {mnt} || exit 100; "
          f"mkdir {mnt}/out && cp -rp {path('old')}/. {mnt}/out/ || exit 101; {script}; rc=$?; "
          f"cp -a {mnt}/out {after}/; exit $rc")
    p = subprocess.run(["unshare", "-rm", "sh", "-c", sh], capture_output=True, text=True)
    if p.returncode in (100, 101) or "unshare" in p.stderr and "Operation not permitted" in p.stderr:
        print(f"skip {name}: cannot mount a tmpfs here ({p.stderr.strip()[:200]})")
        return None
    return p.returncode, p.stderr, os.path.join(after, "out")


args = " ".join(f"'{a}'" for a in [rcmap, "analyze", *SURVEY])
# Room for the earlier results (4 KiB pages) and 64 KiB more; ties.csv needs 8 MB.
room = sum((len(v) + 4095) // 4096 * 4096 for v in OLD.values()) + 64 * 1024
res = in_tmpfs("tmpfs_full", f"{room // 1024}k", f"{args} --out MNT/out".replace("MNT", path("tmpfs_full", "mnt")))
if res:
    rc, err, out = res
    check(rc == 3 and "No space left on device" in err, f"full tmpfs (ENOSPC): exit 3 ({rc})")
    intact(out, "full tmpfs")
mnt = path("tmpfs_ro", "mnt")
res = in_tmpfs("tmpfs_ro", "8m", f"mount -o remount,ro {mnt} && {args} --out {mnt}/out")
if res:
    rc, err, out = res
    check(rc == 3 and "Read-only file system" in err, f"read-only file system (EROFS): exit 3 ({rc})")
    intact(out, "read-only file system")

# --- killed with SIGKILL mid-write -----------------------------------------------
# "old" (--min-n 6) and "new" (--min-n 5, as the killed runs) complete
# results of the big survey, written to the same DIR (summary.json names it).
d = path("killed")
check(analyze(d, survey=SURVEY).code == 0, "big survey, --min-n 5")
BIG_NEW = snapshot(d)
check(analyze(d, survey=SURVEY, extra=["--min-n", "6"]).code == 0, "big survey, --min-n 6")
BIG_OLD = snapshot(d)
check(all(BIG_OLD[n] != BIG_NEW[n] for n in ["ties.csv", "summary.json"]), "old and new results differ")


def kill_run(d, when):
    """Starts analyze into d and kills it with SIGKILL when `when(d)` is true
    (polled every millisecond) or the process ends. True if it was killed."""
    p = subprocess.Popen([rcmap, "analyze", *SURVEY, "--out", d],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    t0 = time.monotonic()
    while p.poll() is None and not when(d, time.monotonic() - t0):
        time.sleep(0.001)
    killed = p.poll() is None
    if killed:
        p.send_signal(signal.SIGKILL)
    p.wait()
    return killed


def seen_temp(name):
    """True once the run's private temporary folder holds `name`."""
    def seen(d, t):
        try:
            return any(n.startswith(".rcmap-tmp-") and os.path.exists(os.path.join(d, n, name))
                       for n in os.listdir(d))
        except OSError:
            return False
    return seen


mid_write, kills = 0, 0
cases = [seen_temp("ties.csv"), seen_temp("units.csv"), seen_temp("summary.json")]
cases += [(lambda s: lambda d, t: t >= s)(s) for s in (0.05, 0.2, 0.4, 0.6, 0.8, 1.0, 1.5)]
for k, when in enumerate(cases):
    killed = kill_run(d, when)
    kills += killed
    left = temps(d)
    mid_write += bool(left)
    snap = snapshot(d)
    ok = all(snap.get(n) in (BIG_OLD[n], BIG_NEW[n]) for n in FINAL)
    check(ok, f"kill #{k} ({'killed' if killed else 'finished'}; temporary files left: {left}): "
              "every final file is the earlier or the new complete result")
check(mid_write >= 2, f"{mid_write} kills landed while a temporary file was being written")
check(kills >= 3, f"{kills} runs were killed")
# The next complete run removes the stale temporary files of killed runs.
check(analyze(d, survey=SURVEY).code == 0, "a run after the kills succeeds")
check(temps(d) == [], "stale temporary files of killed runs are removed by the next run")
check(snapshot(d) == BIG_NEW, "after the kills and a complete run: exactly the new results")

# --- rcmap network: the same guarantees for its files ---------------------------
FINAL_NETWORK = ["people-metrics.csv", "unit-ties.csv", "brokers.csv", "summary.json", "person-map.png",
                 "person-map.svg", "report.html"]
r = run([rcmap, "sample", "--people", "--units-file", path("big", "units.csv"), "--people-count", "3000",
         "--out", path("people")], work)
check(r.code == 0, "generate a 3,000-person network")


def network(out, extra=(), **kw):
    return run([rcmap, "network", "--people", path("people", "people.csv"), "--ties",
                path("people", "person-ties.csv"), "--units", path("big", "units.csv"), "--out", out, "-q",
                *extra], work, **kw)


check(network(path("net_old"), ["--min-n", "6"]).code == 0, "network: earlier results")
NET_OLD = snapshot(path("net_old"))
check(sorted(NET_OLD) == sorted(FINAL_NETWORK + KEPT), f"network: every final file ({sorted(NET_OLD)})")
d = path("net_fsize")
shutil.copytree(path("net_old"), d)
r = network(d, preexec=fsize_limit(16 * 1024))
check(r.code == 3 and "File too large" in r.stderr, f"network, ulimit -f 16 KiB: exit 3 ({r.code})")
check(snapshot(d) == NET_OLD, "network, ulimit -f 16 KiB: earlier results byte-identical")
d = path("net_blocked")
shutil.copytree(path("net_old"), d)
os.remove(os.path.join(d, "brokers.csv"))
os.mkdir(os.path.join(d, "brokers.csv"))
r = network(d)
check(r.code == 3 and "cannot move" in r.stderr, "network, final name blocked by a folder: exit 3")
snap = snapshot(d)
check(all(snap.get(n) == NET_OLD[n] for n in ["people-metrics.csv", "unit-ties.csv"]),
      "network, final name blocked: files already moved are rolled back")
check(temps(d) == [], "network, final name blocked: no temporary or backup file left")
# --- compare and analyze --by-site: every final file; a blocked name rolls back
FIGS = ("png", "svg")
COMPARE_FINAL = ["changes.csv", "sides-changes.csv", "waves.csv", "sides-waves.csv", "summary.json", "report.pdf",
                 "report.html"] + [
    f"{f}.{e}" for f in ("change-map", "change-matrix", "trend") for e in FIGS]
SITE_FINAL = FINAL + ["report.html"] + [f"{f}.{e}" for f in ("map", "gap-map", "matrix", "profile") for e in FIGS]
check(run([rcmap, "sample", "--out", path("waves"), "--waves", "3", "--sites", "2"], work).code == 0,
      "sample with waves and sites")
# One site's rows of every wave (compare takes one site at a time).
with open(path("waves", "responses.csv")) as f, open(path("waves", "s1.csv"), "w") as g:
    for i, line in enumerate(f):
        cells = line.rstrip("\n").split(",")
        if i == 0 or cells[0] == "S1":
            g.write(",".join(cells[1:]) + "\n")
with open(path("waves", "units.csv")) as f, open(path("waves", "u1.csv"), "w") as g:
    for i, line in enumerate(f):
        if i == 0 or line.startswith("S1,"):
            g.write(line.split(",", 1)[1])
C = ["--units", path("waves", "u1.csv"), "--responses", path("waves", "s1.csv"), "-q", "--bootstrap", "200"]
check(run([rcmap, "compare", *C, "--out", path("cmp_old"), "--min-n", "6"], work).code == 0, "compare: earlier results")
CMP_OLD = snapshot(path("cmp_old"))
check(sorted(CMP_OLD) == sorted(COMPARE_FINAL + KEPT), f"compare: every final file ({sorted(CMP_OLD)})")
d = path("cmp_blocked")
shutil.copytree(path("cmp_old"), d)
os.remove(os.path.join(d, "trend.svg"))
os.mkdir(os.path.join(d, "trend.svg"))
r = run([rcmap, "compare", *C, "--out", d], work)
check(r.code == 3 and "cannot move" in r.stderr, f"compare: final name blocked by a folder: exit 3 ({r.code})")
check(snapshot(d) == {k: v for k, v in CMP_OLD.items() if k != "trend.svg"} and temps(d) == [],
      "compare: final name blocked: earlier results restored, no temporary file left")
check(run([rcmap, "sample", "--out", path("sites_in"), "--sites", "2"], work).code == 0, "sample with sites")
S = ["--units", path("sites_in", "units.csv"), "--responses", path("sites_in", "responses.csv"), "-q"]
r = run([rcmap, "analyze", *S, "--by-site", "--out", path("sites")], work)
check(r.code == 0, f"analyze --by-site: exit 0 ({r.stderr[:300]})")
SITES = snapshot(path("sites"))
expected = ["sites.csv", "summary.json", "report.pdf", "report.html"] + [f"sites.{e}" for e in FIGS] + [
    os.path.join(s, n) for s in ("S1", "S2") for n in SITE_FINAL]
check(sorted(SITES) == sorted(expected + KEPT), f"analyze --by-site: every final file ({sorted(SITES)})")

finish()
