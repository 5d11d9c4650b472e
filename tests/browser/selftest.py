#!/usr/bin/env python3
"""Shows that drive.py can fail: each mutation breaks one thing the browser test
asks for (docs/html-report.md "The browser test"; in a copy of render/html, or
in the data), rebuilds the fixture and
expects drive.py to fail on exactly that check. Run after
`make_fixture.py all --work WORK`:

  python3 tests/browser/selftest.py WORK

Exit 0 when every mutation was caught (and the unmutated reports pass).
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import make_fixture as mf  # noqa: E402

# (name, fixture, file, old, new, check that must fail)
MUTATIONS = [
    ("a tie is not drawn", "analyze-en", "viewer.js", "for (const i of order) {", "for (const i of order.slice(1)) {",
     "map: one path per shown tie"),
    ("the tooltip lacks n", "analyze-en", "viewer.js", "rows.push(h('div', { class: 'tip-n' }, w('n_respondents', fint(t.n))));", "",
     "map: hovering a tie shows its RC and n"),
    ("a click does not filter", "analyze-en", "viewer.js", "if (sel >= 0) { show = show && (t.s === sel || t.t === sel);",
     "if (false) { show = show && (t.s === sel || t.t === sel);", "map: clicking a unit filters to its ties"),
    ("the side filter is ignored", "analyze-en", "viewer.js", "U.map((u) => !u.absent && !S.hiddenSides.has(u.side) && ", "U.map((u) => !u.absent && ",
     "map: the side filter hides the other side"),
    ("units are out of the tab order", "analyze-en", "viewer.js", "class: 'unit', tabindex: 0,", "class: 'unit', tabindex: -1,",
     "keyboard: Tab reaches a unit on the map"),
    ("Enter does nothing on a unit", "analyze-en", "viewer.js", "if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); selectUnit(",
     "if (false) { ev.preventDefault(); selectUnit(", "keyboard: Enter selects the focused unit"),
    ("an image is loaded (CSP on)", "analyze-en", "viewer.js", "  start();\n", "  start();\n  new Image().src = 'http://example.invalid/x.png';\n",
     "no console error"),
    ("an image is loaded (CSP off)", "analyze-en", "shell.html", "<meta http-equiv=\"Content-Security-Policy\"", "<meta name=\"x-no-csp\"",
     "no network request"),
    ("the page is painted black", "analyze-en", "viewer.css", ":root {\n  --ink:", "html { filter: brightness(0); }\n:root {\n  --ink:",
     "screenshot of the map is not blank"),
    ("a script error", "analyze-en", "viewer.js", "function syncControls() {", "function syncControls() {\n    undefinedFunction();",
     "no console error"),
    ("weak ties are not graded", "analyze-en", "viewer.js", "deltaColour(t.delta) : wc ? WEAK[wc] : rcColour(t.rc);", "deltaColour(t.delta) : rcColour(t.rc);",
     "map: weak ties graded as map.png (clearly weak solid dark orange, borderline dashed light orange)"),
    ("no bridge is ringed", "analyze-en", "viewer.js", "if (bridged) {\n        g.appendChild(sv('circle', { class: 'bridge-ring'",
     "if (false) {\n        g.appendChild(sv('circle', { class: 'bridge-ring'", "map: a black ring round the units map.png rings"),
    ("the rings are not painted", "analyze-en", "viewer.css", ".mapbox .unit .bridge-ring { pointer-events: none; }",
     ".mapbox .unit .bridge-ring { pointer-events: none; stroke-opacity: 0; }", "screenshot: the black rings are visible round the ringed units and no other"),
    ("the ties card adds within-unit ties", "analyze-en", "viewer.js", "fint(b.ties.length), [w('ties_hidden_count'",
     "fint(b.ties.length + withinShown), [w('ties_hidden_count'", "findings: the ties card counts ties between units"),
    ("the network drawing is slow", "network-en", "viewer.js", "    const t0 = performance.now();\n    const c = NET.canvas;",
     "    const t0 = performance.now();\n    while (performance.now() - t0 < 1200) {}\n    const c = NET.canvas;",
     "network: first drawing within 1000 ms"),
    ("search finds nobody", "network-en", "viewer.js", "msg.textContent = '';\n      selectPerson(k, true);", "msg.textContent = '';\n      selectPerson(-1, true);",
     "network: search by id selects the person"),
]


def build(work, name, asset_dir, data_hook=None):
    """The fixture `name` rebuilt from WORK with the assets in asset_dir."""
    html = open(os.path.join(work, name + ".html"), encoding="utf-8").read()
    start = html.index('<script type="application/json" id="rcmap-data">') + len('<script type="application/json" id="rcmap-data">')
    end = html.index("</script>", start)
    data = json.loads(html[start:end])
    if data_hook:
        data_hook(data)
    return mf.assemble(data, asset_dir)


def drive(html_path, exp_path):
    r = subprocess.run([sys.executable, os.path.join(HERE, "drive.py"), html_path, exp_path], capture_output=True, text=True)
    return r.returncode, r.stdout + r.stderr


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 1
    work = os.path.abspath(sys.argv[1])
    tmp = tempfile.mkdtemp(prefix="rcmap-selftest-")
    bad = []
    try:
        cases = [(m[0], m[1], m[2], m[3], m[4], m[5], None) for m in MUTATIONS]

        def english(data):
            data["words"] = mf.load_words("en")
        cases.append(("a Danish report in English words", "analyze-da", None, None, None, "language: no English words in a da report", english))
        for name, fixture, fname, old, new, check, hook in cases:
            assets = os.path.join(tmp, "assets")
            shutil.rmtree(assets, ignore_errors=True)
            shutil.copytree(mf.ASSETS, assets)
            if fname:
                p = os.path.join(assets, fname)
                text = open(p, encoding="utf-8").read()
                if text.count(old) != 1:
                    print("selftest: mutation %r: the text to replace is not in %s exactly once" % (name, fname), file=sys.stderr)
                    bad.append(name)
                    continue
                open(p, "w", encoding="utf-8").write(text.replace(old, new))
                if name == "an image is loaded (CSP off)":  # and load the image
                    p = os.path.join(assets, "viewer.js")
                    t = open(p, encoding="utf-8").read()
                    open(p, "w", encoding="utf-8").write(t.replace("  start();\n", "  start();\n  new Image().src = 'http://example.invalid/x.png';\n"))
            out = os.path.join(tmp, fixture + ".html")
            mf.write(out, build(work, fixture, assets, hook))
            code, text = drive(out, os.path.join(work, fixture + ".expect.json"))
            caught = code != 0 and ("FAIL " + check) in text
            print("%s  %-36s -> %s" % ("caught" if caught else "MISSED", name, check))
            if not caught:
                bad.append(name)
                print(text, file=sys.stderr)
        # The same reports unmutated pass.
        for fixture in ("analyze-en", "network-en"):
            out = os.path.join(tmp, fixture + ".html")
            mf.write(out, build(work, fixture, mf.ASSETS))
            code, text = drive(out, os.path.join(work, fixture + ".expect.json"))
            print("%s  unmutated %s" % ("passes" if code == 0 else "FAILS ", fixture))
            if code != 0:
                bad.append("unmutated " + fixture)
                print(text, file=sys.stderr)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if bad:
        print("selftest: %d problem(s): %s" % (len(bad), ", ".join(bad)), file=sys.stderr)
        return 1
    print("selftest: every mutation was caught")
    return 0


if __name__ == "__main__":
    sys.exit(main())
