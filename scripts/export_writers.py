"""Writers for survey-tool export fixtures (.xlsx, .sav) on Debian packages only.

Used by samples/wide/make_wide_samples.py. Needs python3-openpyxl (workbooks)
and libreadstat-dev (ReadStat's SPSS writer, called through ctypes). Output
is deterministic: fixed zip and file timestamps.
"""
import ctypes
import io
import re
import zipfile

FIXED_TIME = 1767225600  # 2026-01-01T00:00:00Z


def save_xlsx(wb, path, inline_rows=1, rich=None):
    """Saves openpyxl workbook `wb` to `path` with both string kinds Excel uses.

    openpyxl 3.0.9 (Debian 12) writes every text cell as an inline string
    (t="inlineStr"). In the first worksheet, cells of rows after `inline_rows`
    are rewritten as shared strings (a new xl/sharedStrings.xml part, ECMA-376
    §18.4); the first `inline_rows` rows stay inline, so a reader meets both.
    `rich` maps a text to the <si> element to store it as (rich-text runs).
    """
    rich = rich or {}
    buf = io.BytesIO()
    wb.save(buf)
    zin = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    sheet_xml = zin.read("xl/worksheets/sheet1.xml").decode()
    shared, index = [], {}

    def to_shared(m):
        ref, attrs, text = m.group(1), m.group(2), m.group(3)
        if int(re.sub(r"[A-Z]+", "", ref)) <= inline_rows:
            return m.group(0)
        if text not in index:
            index[text] = len(shared)
            shared.append(text)
        return f'<c r="{ref}"{attrs} t="s"><v>{index[text]}</v></c>'

    sheet_xml = re.sub(r'<c r="([A-Z]+\d+)"((?: s="\d+")?) t="inlineStr"><is><t>(.*?)</t></is></c>',
                       to_shared, sheet_xml)
    assert "inlineStr" in sheet_xml and shared, "expected inline and shared strings"
    assert set(rich) <= set(shared), "rich text for a string the sheet does not share"
    sst = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
           f'count="{len(shared)}" uniqueCount="{len(shared)}">'
           + "".join(rich.get(t, f"<si><t>{t}</t></si>") for t in shared) + "</sst>")
    replace = {
        "xl/worksheets/sheet1.xml": sheet_xml.encode(),
        "[Content_Types].xml": zin.read("[Content_Types].xml").decode().replace(
            "</Types>", '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>').encode(),
        "xl/_rels/workbook.xml.rels": zin.read("xl/_rels/workbook.xml.rels").decode().replace(
            "</Relationships>", '<Relationship Id="rIdSst" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
            "</Relationships>").encode(),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        parts = [(i.filename, zin.read(i.filename)) for i in zin.infolist()]
        parts.append(("xl/sharedStrings.xml", sst.encode()))
        for name, data in parts:
            data = replace.get(name, data)
            if name == "docProps/core.xml":
                data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2026-01-01T00:00:00Z", data)
            zi = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(zi, data)


def write_sav(path, variables, rows):
    """Writes an SPSS .sav file with ReadStat's writer (readstat.h).

    variables: dicts with name, type ("string" or "double"), width (strings),
    labels ({code: text}, optional) in the value-label set label_set (default
    NAME_lbl; variables naming the same set share it), missing ([codes]
    declared user-missing, optional). rows: lists parallel to `variables`;
    None = system-missing.
    """
    rs = ctypes.CDLL("libreadstat.so.1")
    vp = ctypes.c_void_p
    for name, res, args in [
            ("readstat_writer_init", vp, []),
            ("readstat_set_data_writer", ctypes.c_int, [vp, vp]),
            ("readstat_add_label_set", vp, [vp, ctypes.c_int, ctypes.c_char_p]),
            ("readstat_label_double_value", None, [vp, ctypes.c_double, ctypes.c_char_p]),
            ("readstat_add_variable", vp, [vp, ctypes.c_char_p, ctypes.c_int, ctypes.c_size_t]),
            ("readstat_variable_set_label_set", None, [vp, vp]),
            ("readstat_variable_add_missing_double_value", ctypes.c_int, [vp, ctypes.c_double]),
            ("readstat_writer_set_file_timestamp", ctypes.c_int, [vp, ctypes.c_long]),
            ("readstat_begin_writing_sav", ctypes.c_int, [vp, vp, ctypes.c_long]),
            ("readstat_begin_row", ctypes.c_int, [vp]),
            ("readstat_insert_double_value", ctypes.c_int, [vp, vp, ctypes.c_double]),
            ("readstat_insert_string_value", ctypes.c_int, [vp, vp, ctypes.c_char_p]),
            ("readstat_insert_missing_value", ctypes.c_int, [vp, vp]),
            ("readstat_end_row", ctypes.c_int, [vp]),
            ("readstat_end_writing", ctypes.c_int, [vp]),
            ("readstat_writer_free", None, [vp])]:
        fn = getattr(rs, name)
        fn.restype, fn.argtypes = res, args
    string_type, double_type = 0, 5  # readstat_type_t
    out = bytearray()

    @ctypes.CFUNCTYPE(ctypes.c_ssize_t, ctypes.c_void_p, ctypes.c_size_t, ctypes.c_void_p)
    def sink(data, n, ctx):
        out.extend(ctypes.string_at(data, n))
        return n

    def ok(rc):
        assert rc == 0, f"readstat error {rc}"

    w = rs.readstat_writer_init()
    ok(rs.readstat_set_data_writer(w, ctypes.cast(sink, vp)))
    ok(rs.readstat_writer_set_file_timestamp(w, FIXED_TIME))
    label_sets = {}
    for v in variables:  # every label set first, in order of first use
        set_name = v.get("label_set", v["name"] + "_lbl")
        if v.get("labels") and set_name not in label_sets:
            ls = rs.readstat_add_label_set(w, double_type, set_name.encode())
            for code, text in v["labels"].items():
                rs.readstat_label_double_value(ls, float(code), text.encode())
            label_sets[set_name] = ls
    handles = []
    for v in variables:
        is_string = v["type"] == "string"
        h = rs.readstat_add_variable(w, v["name"].encode(), string_type if is_string else double_type,
                                     v.get("width", 0))
        if v.get("labels"):
            rs.readstat_variable_set_label_set(h, label_sets[v.get("label_set", v["name"] + "_lbl")])
        for m in v.get("missing", []):
            ok(rs.readstat_variable_add_missing_double_value(h, float(m)))
        handles.append((h, is_string))
    ok(rs.readstat_begin_writing_sav(w, None, len(rows)))
    for row in rows:
        ok(rs.readstat_begin_row(w))
        for (h, is_string), value in zip(handles, row):
            if value is None:
                ok(rs.readstat_insert_missing_value(w, h))
            elif is_string:
                ok(rs.readstat_insert_string_value(w, h, value.encode()))
            else:
                ok(rs.readstat_insert_double_value(w, h, float(value)))
        ok(rs.readstat_end_row(w))
    ok(rs.readstat_end_writing(w))
    rs.readstat_writer_free(w)
    with open(path, "wb") as f:
        f.write(out)
