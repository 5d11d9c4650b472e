#!/usr/bin/python3
"""Inclusive instruction counts of chosen functions in callgrind profiles.

usage: callgrind_table.py NAME=PREFIX [NAME=PREFIX ...]

Each PREFIX is a --callgrind-out-file of a run made with
--separate-threads=yes (PREFIX-01 is the main thread, PREFIX-02... the
others). Prints one row per function group and one column per profile:
millions of instructions (Ir), inclusive, summed over the group's
functions (a group lists functions that do not call each other), in the
thread where they run. Rows "threads other than main" and "total" close the
table. Function names come from callgrind_annotate; functions of stripped
Debian libraries appear by their exported entry points only (the table
uses those). Standard library + callgrind_annotate (valgrind) only.
"""
import glob
import re
import subprocess
import sys

# (row label, [regex on the callgrind_annotate function name], thread):
# thread "main" = PREFIX-01, "all" = summed over every thread file.
ROWS = [
    ("before main (dynamic loading, static init)", None, "premain"),
    ("main", [r"^main$"], "main"),
    ("  load figure module (dlopen, relocation)", [r"rcmap::cli::figure_module\(\)"], "main"),
    ("  read + validate + aggregate", [r"rcmap::cli::load_survey\(", r"^rcmap::aggregate\("], "main"),
    ("  metrics (igraph)", [r"rcmap::cli::analysis_metrics\("], "main"),
    ("  CSV tables", [r"^rcmap::write_table\("], "main"),
    ("  GraphML", [r"^rcmap::write_graphml\("], "main"),
    ("  figures (FigureArgs::write)", [r"rcmap::cli::FigureArgs::write\("], "main"),
    ("    map", [r"rcmap::render::render_map\("], "main"),
    ("    gap map", [r"rcmap::render::render_gap_map\("], "main"),
    ("    matrix", [r"rcmap::render::render_matrix\("], "main"),
    ("    profile", [r"rcmap::render::render_profile\("], "main"),
    ("  report.pdf (render_report)", [r"rcmap::render::render_report\("], "main"),
    ("    figure pages in the report", [r"rcmap::render::ReportDocument::landscape_page\("], "main"),
    ("    tables in the report", [r"rcmap::render::ReportDocument::table\("], "main"),
    ("by kind of work (main thread):", None, "none"),
    ("  text layout: Text::Text (Pango shaping, extents)",
     [r"rcmap::render::detail::Text::Text\("], "main"),
    ("  text drawing: pango_cairo_show_layout", [r"^pango_cairo_show_layout$"], "main"),
    ("  cairo_stroke (lines, arrows)", [r"^cairo_stroke$"], "main"),
    ("  cairo_fill + fill_preserve", [r"^cairo_fill$", r"^cairo_fill_preserve$"], "main"),
    ("  new image surfaces (cairo_image_surface_create)", [r"^cairo_image_surface_create$"], "main"),
    ("  PNG encode (write_png)", [r"write_png\("], "main"),
    ("    zlib deflate in PNG", [r"^png_write_row$"], "main"),
    ("  SVG/PDF finish (cairo_surface_finish)", [r"^cairo_surface_finish$"], "main"),
    ("  PDF pages (cairo_show_page)", [r"^cairo_show_page$"], "main"),
    ("  printf of numbers (vsnprintf, all callers)", [r"__vsnprintf_internal$"], "main"),
    ("  fontconfig init (FcInit, any thread)", [r"^FcInit$", r"^FcInitLoadConfigAndFonts$"], "all"),
    ("  fontconfig font matching (FcFontSort/Match)", [r"^FcFontSort$", r"^FcFontMatch$", r"^FcFontRenderPrepare$"],
     "all"),
    ("workbook (its own thread)", [r"^rcmap::write_workbook\("], "all"),
    ("threads other than main", None, "others"),
    ("total", None, "total"),
]


def annotate(path):
    """{function name: inclusive Ir} of one callgrind file (first = outermost)."""
    out = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", path],
                         capture_output=True, text=True, check=True).stdout
    total, funcs = 0, {}
    for line in out.splitlines():
        m = re.match(r"\s*([\d,]+)\s+\(\s*[\d.]+%\)\s+(.*)$", line)
        if not m:
            continue
        ir = int(m.group(1).replace(",", ""))
        name = m.group(2)
        if name.startswith("PROGRAM TOTALS"):
            total = ir
            continue
        # "file:function [object]" -> function; recursion levels ('2) dropped.
        name = re.sub(r"\s+\[[^\]]*\]$", "", name)
        name = name.split(":", 1)[1] if ":" in name.split("(")[0] else name
        if re.search(r"'\d+$", name):
            continue
        funcs.setdefault(name, ir)
    return total, funcs


def measure(prefix):
    files = sorted(glob.glob(prefix + "-[0-9][0-9]")) or [prefix]
    threads = [annotate(f) for f in files]
    main_total, main = threads[0]
    res = {}
    for label, pats, where in ROWS:
        if where == "total":
            res[label] = sum(t for t, _ in threads)
        elif where == "others":
            res[label] = sum(t for t, _ in threads[1:])
        elif where == "premain":
            m = main.get("main", 0)
            res[label] = main_total - m if m else None
        elif where == "none":
            res[label] = None
        else:
            pool = [main] if where == "main" else [f for _, f in threads]
            v = 0
            for funcs in pool:
                for p in pats:
                    v += sum(ir for name, ir in funcs.items() if re.search(p, name))
            res[label] = v
    return res


def main():
    cases = [a.split("=", 1) for a in sys.argv[1:]]
    cols = [(name, measure(prefix)) for name, prefix in cases]
    width = max(len(r[0]) for r in ROWS)
    print(f"{'Ir, millions (inclusive)':<{width}} " + " ".join(f"{n:>10}" for n, _ in cols))
    for label, _, _ in ROWS:
        cells = []
        for _, res in cols:
            v = res[label]
            cells.append(f"{'':>10}" if v is None else f"{v / 1e6:10.1f}")
        print(f"{label:<{width}} " + " ".join(cells))


if __name__ == "__main__":
    main()
