"""What the importer accepts as a source: a plan's plain text in UTF-8, and nothing else.

``read_source`` refuses, with advice, what would otherwise become a nonsense draft: an empty file,
an HTML page (a plan titled ``<!DOCTYPE html>``), a binary file (PDF, Word, a zip, an image), text in
another encoding. Each refusal is a ``SourceError`` located in the file; the CLI prints it and
exits non-zero, and nothing is written.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import SourceError
from ..model import Loc

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
    nul = data.find(b"\x00")
    if nul >= 0:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise SourceError(Loc(path, 1, 1), "the source is UTF-16 text",
                              "convert it first, e.g. `iconv -f UTF-16 -t UTF-8 plan.txt > plan-utf8.txt`")
        line = data.count(b"\n", 0, nul) + 1
        raise SourceError(Loc(path, line, 1), f"the source is binary (a NUL byte at offset {nul}), not text",
                          "import a plan's plain text (UTF-8), e.g. copied from its web page")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        advice = "convert it first, e.g. `iconv -f GB18030 -t UTF-8 plan.txt > plan-utf8.txt`"
        try:
            data.decode("gb18030")
        except UnicodeDecodeError:
            advice = "it is neither UTF-8 nor GB18030 text: import a plan's plain text (UTF-8)"
        raise SourceError(Loc(path, line, 1), f"not UTF-8 text (byte {err.start})", advice) from None
    controls = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 10 and controls * 50 > min(len(text), 20000):
        raise SourceError(Loc(path, 1, 1), "the source is binary (control characters throughout), not text",
                          "import a plan's plain text (UTF-8)")
    return text


def read_source(path: Path) -> tuple[bytes, str]:
    """The bytes and text of a plan's source file; ``SourceError`` when it cannot be imported."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise SourceError(Loc(str(path), 1, 1), f"cannot read ({err.strerror})") from None
    text = decode_source(data, str(path))
    check_text(text, str(path))
    return data, text
