"""What the importer accepts as a source: a plan's plain text in UTF-8, and nothing else.

``read_source`` is the one judgement of whether a file can be imported; the CLI calls it before
anything else and ``adapters.importing.import_file`` again, so a library caller gets the same
refusals. It refuses, with advice, what would otherwise fail later or become a nonsense draft:
a path that is no regular file, a file over ``MAX_IMPORT_BYTES``, one that cannot be read, a PDF,
Word or other binary file (named by its signature, whatever its file name), UTF-16 or other text
that is not UTF-8 (located at the first bad byte, naming the encoding it looks like), an empty file
and an HTML page (a plan titled ``<!DOCTYPE html>``). Each refusal is one ``SourceError`` located in
the file (``path:line:col``, with ``advice`` when there is more to say); the CLI prints it and exits
non-zero, and nothing is written.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import SourceError
from ..model import Loc

# A plan's text is 20–50 kB (the five seeds); the longest plans with attachments stay under 1 MB.
# The importer's cost grows faster than the text, so a bigger input is refused with the reason.
MAX_IMPORT_BYTES = 4 * 1024 * 1024

HTML_ADVICE = ("this is a web page's HTML, not its text: open the page in a browser, select the "
               "document's text and paste it into a .txt file (UTF-8), or convert the saved page with a "
               "converter such as `pandoc -t plain page.html -o plan.txt`, `lynx -dump -nolist page.html > "
               "plan.txt` or `w3m -dump page.html > plan.txt`; then import the .txt")
_MAGIC = (
    (b"%PDF", "a PDF file", "extract its text first, e.g. `pdftotext -layout plan.pdf plan.txt` (poppler-utils)"),
    (b"PK\x03\x04", "a zip archive (a .docx, .xlsx or .zip)",
     "save a Word document as plain text (UTF-8), or convert it: `pandoc -t plain plan.docx -o plan.txt`"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (.doc, .xls)",
     "open it and save it as plain text (UTF-8), or convert it: `libreoffice --headless --convert-to "
     "txt:Text plan.doc`"),
    (b"{\\rtf", "an RTF document", "save it as plain text (UTF-8) first"),
    (b"\x89PNG", "a PNG image", "a scanned page needs OCR; import the text, not the image"),
    (b"\xff\xd8\xff", "a JPEG image", "a scanned page needs OCR; import the text, not the image"),
    (b"GIF8", "a GIF image", "import the plan's text, not an image"),
)
_HTML_START = re.compile(r"^\s*(?:<!doctype\s+html|<html\b|<\?xml[^>]*>\s*<html\b|<head\b|<body\b)", re.I)
_TAG = re.compile(r"</?(?:html|head|body|div|span|p|br|td|tr|table|a|script|style|meta|link|li|ul|font|b|strong)"
                  r"\b[^<>]{0,300}>", re.I)


def _line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def check_text(text: str, path: str = "<text>") -> None:
    """Raise ``SourceError`` when ``text`` is empty or is HTML rather than a plan's text."""
    if not text.strip("\ufeff \t\r\n\u3000"):
        raise SourceError(Loc(path, 1, 1), "the source is empty: there is nothing to import",
                          "save the plan's text into the file first (UTF-8 plain text)")
    m = _HTML_START.search(text[:2000])
    tags = list(_TAG.finditer(text[:200000]))
    tagged = sum(len(t.group(0)) for t in tags)
    if m or len(tags) >= 8 and tagged * 20 >= min(len(text), 200000):
        first = m.start() if m else tags[0].start()
        first += len(text[first:]) - len(text[first:].lstrip())
        line, col = _line_col(text, first)
        raise SourceError(Loc(path, line, col), "the source is an HTML page, not plain text", HTML_ADVICE)


def decode_source(data: bytes, path: str = "<bytes>") -> str:
    """The text of a source file's bytes, or ``SourceError`` for binary or non-UTF-8 input."""
    for magic, what, advice in _MAGIC:
        if data.startswith(magic):
            raise SourceError(Loc(path, 1, 1), f"the source is {what}, not plain text", advice)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SourceError(Loc(path, 1, 1), "is UTF-16 (it starts with a UTF-16 byte order mark): convert it "
                                           f"first, e.g. iconv -f UTF-16 -t UTF-8 {path} > plan.txt")
    try:
        text = data.decode("utf-8")  # a UTF-8 byte order mark stays: import_text drops it
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        col = err.start - (data.rfind(b"\n", 0, err.start) + 1) + 1
        raise SourceError(Loc(path, line, col),
                          f"not UTF-8 text (byte 0x{data[err.start]:02X}): {_encoding_hint(data, path)}") from None
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        raise SourceError(Loc(path, line, 1), f"the source is binary (a NUL byte at offset {nul}), not text",
                          "import a plan's plain text (UTF-8), e.g. copied from its web page")
    controls = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 10 and controls * 50 > min(len(text), 20000):
        raise SourceError(Loc(path, 1, 1), "the source is binary (control characters throughout), not text",
                          "import a plan's plain text (UTF-8)")
    return text


def _encoding_hint(data: bytes, path: str) -> str:
    """What bytes that are not UTF-8 look like, and the command that converts them."""
    if b"\x00" in data[:4096]:
        return f"it looks like UTF-16 or a binary file; if it is UTF-16 text: iconv -f UTF-16 -t UTF-8 {path}"
    try:
        data.decode("gb18030")
    except UnicodeDecodeError:
        return "save it as UTF-8 text"
    return f"it looks like GBK/GB18030: convert it first, e.g. iconv -f GB18030 -t UTF-8 {path} > plan.txt"


def read_source(source: Path) -> tuple[bytes, str]:
    """The bytes and text of a plan's source file; ``SourceError`` when it cannot be imported."""
    where = Loc(str(source), 1, 1)
    if not source.exists():
        hint = ""
        if source.with_suffix(".txt").is_file() and source.suffix != ".txt":
            hint = f" (did you mean {source.with_suffix('.txt')}?)"
        raise SourceError(where, f"no such file{hint}")
    if source.is_dir():
        raise SourceError(where, "is a folder: give the plan's text file (UTF-8 .txt)")
    if not source.is_file():
        raise SourceError(where, "is not a regular file (a device or a pipe): save the text to a file first")
    size = source.stat().st_size
    if size > MAX_IMPORT_BYTES:
        raise SourceError(where, f"is {size / 1024 / 1024:.1f} MiB: a plan's text is at most "
                                 f"{MAX_IMPORT_BYTES // 1024 // 1024} MiB (the largest known plans are under "
                                 "1 MB): is this one plan, as plain text? Split it or strip what is not the plan")
    try:
        with source.open("rb") as handle:
            data = handle.read(MAX_IMPORT_BYTES + 1)
    except OSError as err:
        raise SourceError(where, f"cannot read ({err.strerror}): check its permissions") from None
    if len(data) > MAX_IMPORT_BYTES:  # grew while we looked, or stat lied (a /proc file)
        raise SourceError(where, f"is over {MAX_IMPORT_BYTES // 1024 // 1024} MiB: a plan's text is smaller")
    text = decode_source(data, str(source))
    check_text(text, str(source))
    return data, text
