"""Text of every file rcmap writes, for the anonymity and injection audits.
Add a reader here when an output format is added (docs/hardening.md)."""
import os
import subprocess
import zipfile

# Files whose text cannot be audited (raster images): listed, never skipped silently.
OPAQUE = {".png", ".jpg", ".jpeg"}


def file_text(path):
    """All text a reader of `path` could see."""
    ext = os.path.splitext(path)[1].lower()
    if ext == ".pdf":
        # Text layer via poppler's pdftotext, plus the raw bytes (uncompressed streams).
        txt = subprocess.run(["pdftotext", "-q", path, "-"], capture_output=True, text=True,
                             errors="replace").stdout
        with open(path, "rb") as f:
            return txt + f.read().decode("latin-1")
    if ext in (".xlsx", ".docx", ".pptx", ".ods", ".zip"):
        with zipfile.ZipFile(path) as z:  # every member: sheets, shared strings, charts
            return "\n".join(z.read(n).decode("utf-8", errors="replace") for n in z.namelist())
    with open(path, "rb") as f:
        return f.read().decode("utf-8", errors="replace")


def walk(d):
    """(relative name, text) of every file under d; raises on an unknown binary."""
    out = []
    for root, _, files in os.walk(d):
        for name in sorted(files):
            p = os.path.join(root, name)
            ext = os.path.splitext(name)[1].lower()
            if ext in OPAQUE:
                out.append((os.path.relpath(p, d), None))
            else:
                out.append((os.path.relpath(p, d), file_text(p)))
    return out
