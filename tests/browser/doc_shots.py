#!/usr/bin/env python3
"""Screenshots of report.html for docs/html-report.md, taken in headless
Chromium with drive.py's CDP client (network blocked as in the test):

  python3 tests/browser/doc_shots.py WORK OUT_DIR

WORK is a `make_fixture.py all` folder. Writes html-report-findings.png,
-map.png (a tie hovered), -matrix.png and -network.png (a person searched),
1280 x 800 CSS pixels (the network 1120 x 720), as 8-bit palette PNGs (under 200 KB each).
"""
import os
import struct
import sys
import zlib
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import drive  # noqa: E402


def decode(png):
    """(width, height, RGB rows) of an 8-bit RGB/RGBA PNG."""
    return drive.decode_png(png)


def palette_png(png):
    """The screenshot as an 8-bit palette PNG (docs images under 200 KB): the
    192 most frequent colours plus the most frequent colour of each of the
    64 busiest remaining 3-bit colour cells (so rare data colours such as the
    purple end of the RC scale keep a close entry); every other colour is
    mapped to its nearest palette entry (weighted RGB distance)."""
    w, h, rows = decode(png)
    cnt = Counter()
    for r in rows:
        for x in range(0, len(r), 3):
            cnt[r[x:x + 3]] += 1
    pal = [c for c, _ in cnt.most_common(192)]
    chosen = set(pal)
    cells = {}
    for c, n in cnt.most_common():
        if c in chosen:
            continue
        key = (c[0] >> 5, c[1] >> 5, c[2] >> 5)
        if key not in cells:
            cells[key] = (c, 0)
        cells[key] = (cells[key][0], cells[key][1] + n)
    pal += [c for c, _ in sorted(cells.values(), key=lambda x: -x[1])[:256 - len(pal)]]
    idx = {c: i for i, c in enumerate(pal)}
    P = [tuple(c) for c in pal]

    def nearest(c):
        return min(range(len(P)), key=lambda i: 3 * (c[0] - P[i][0]) ** 2 + 4 * (c[1] - P[i][1]) ** 2 + 2 * (c[2] - P[i][2]) ** 2)
    out = bytearray()
    for r in rows:
        out.append(0)
        for x in range(0, len(r), 3):
            c = r[x:x + 3]
            i = idx.get(c)
            if i is None:
                i = idx[c] = nearest(c)
            out.append(i)

    def chunk(k, b):
        return struct.pack(">I4s", len(b), k) + b + struct.pack(">I", zlib.crc32(k + b) & 0xffffffff)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 3, 0, 0, 0)) + chunk(b"PLTE", b"".join(pal))
            + chunk(b"IDAT", zlib.compress(bytes(out), 9)) + chunk(b"IEND", b""))


def shoot(cdp, path):
    png = palette_png(cdp.screenshot())
    with open(path, "wb") as f:
        f.write(png)
    print("%s: %d bytes" % (path, len(png)))


def main():
    work, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    proc, prof, ws = drive.start_browser("chromium", 60)
    try:
        for name in ("analyze-en", "network-en"):
            url = "file://" + os.path.abspath(os.path.join(work, name + ".html"))
            cdp = drive.open_page(ws, url)
            size = (1280, 800) if name == "analyze-en" else (1120, 720)  # the dense network compresses less
            cdp.call("Emulation.setDeviceMetricsOverride", {"width": size[0], "height": size[1], "deviceScaleFactor": 1, "mobile": False})
            drive.load(cdp, url, 60)
            if name == "analyze-en":
                shoot(cdp, os.path.join(out, "html-report-findings.png"))
                drive.show(cdp, "map")
                exp = {"source": "MYN-N", "target": "FAM-V"}
                pt = drive.tie_point(cdp, "map", exp["source"], exp["target"])
                cdp.js("window.scrollTo(0, 0); true")
                pt = drive.tie_point(cdp, "map", exp["source"], exp["target"])
                cdp.mouse("mouseMoved", pt[0], pt[1])
                cdp.pump(0.2)
                shoot(cdp, os.path.join(out, "html-report-map.png"))
                cdp.mouse("mouseMoved", 2, 2)
                drive.click_sel(cdp, "#v-map g.unit[data-id='HAND'] circle.disc")
                cdp.js("window.scrollTo(0, 0); true")
                cdp.pump(0.2)
                shoot(cdp, os.path.join(out, "html-report-unit.png"))
                cdp.key("Escape", vk=27)
                drive.show(cdp, "matrix")
                cdp.js("(() => { const td = document.querySelectorAll('#v-matrix tbody tr')[0].querySelectorAll('td')[5]; td.focus(); return true; })()")
                cdp.pump(0.2)
                shoot(cdp, os.path.join(out, "html-report-matrix.png"))
            else:
                drive.click_sel(cdp, "#person-search")
                cdp.call("Input.insertText", {"text": cdp.js("document.querySelector('.broker-list button').textContent.split(' ')[1]")})
                cdp.key("Enter", vk=13, text="\r")
                cdp.js("window.scrollTo(0, 0); true")
                cdp.pump(0.3)
                shoot(cdp, os.path.join(out, "html-report-network.png"))
            if cdp.errors or cdp.requests:
                print("doc_shots: errors %s, requests %s" % (cdp.errors, cdp.requests), file=sys.stderr)
                return 1
    finally:
        drive.stop_browser(proc, prof)
    return 0


if __name__ == "__main__":
    sys.exit(main())
