"""Citations of a plan, a section or a task: GB/T 7714-2015 strings, a short form, and the exports
reference managers read (CSL-JSON, RIS, BibTeX at ``data/cite/<plan>.json|ris|bib``) plus the
Highwire Press ``citation_*`` meta tags of a plan page.

Every string is built here; the page's 引用 control only copies it (overrides/assets/atlas-cite.js).
What a citation states comes from the plan as loaded: a field the plan does not state (no 文号, no
成文日期, no 发文机关) is left out of every form, never guessed.

The GB/T 7714-2015 form of an electronic official document ([A/OL]):

    发文机关. 题名: 文号[A/OL]. (成文日期)[引用日期]. 固定链接
    发文机关. 题名: 文号[A/OL]. (成文日期)[引用日期]: 三、章节 (一)小节 2.任务. 固定链接

For a section or a task its place in the plan stands where GB/T puts the locator within the cited
work (its 引文页码: after the dates, with a colon). The 引用日期 is the day the reader copies it, so
the page carries the placeholder ``ACCESS_DATE`` and the copy control puts that day in its place
(the build stays byte-identical; the exports leave ``accessed`` out).

Permalinks are the published directory URLs (``plans/<plan>/#<task>``, ``atlas.urls``), absolute
when the site's ``site_url`` is set (``SITE_URL`` in mkdocs.yml), also in the offline bundle, whose
own ``file://`` links a colleague could not open.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any

from ..atlas import TaskRef, urls
from ..model import Plan, Section

ACCESS_DATE = "[引用日期]"  # the copy control replaces it with [YYYY-MM-DD], the day of copying
DOC_TYPE = "[A/OL]"  # GB/T 7714-2015: 档案 / 联机网络 (an official document on the web)
QUOTE_LIMIT = 60  # characters of a task's text quoted in the short form when it has no title


def permalink(url: str, site_url: str | None) -> str:
    """``url`` (relative to the site root, ``atlas.urls``) made absolute under ``site_url``; as
    given when the site has none."""
    if not site_url:
        return url
    return site_url.rstrip("/") + "/" + url


_CN_NUMERAL = re.compile(r"^[一二三四五六七八九十百零〇]+$")
_ARABIC = re.compile(r"^\d+$")


def numbered(number: str | None, title: str | None) -> str | None:
    """The heading of a numbered part as the plans print it: 一、总体目标 / (一)… / 1.…"""
    if number is None:
        return title
    if _CN_NUMERAL.match(number):
        sep = "、"
    elif _ARABIC.match(number):
        sep = ". "
    else:  # already bracketed: (一) / (1), printed without a separator
        sep = ""
    return f"{number}{sep}{title}" if title else number


@dataclass(frozen=True)
class Reference:
    """What one citation says: the plan's metadata, the place cited in it, and where it lives."""

    plan_id: str
    title: str
    issuer: str | None
    doc_number: str | None
    signed: dt.date | None
    permalink: str
    trail: tuple[str, ...] = ()  # headings of the sections above the part cited
    own: str | None = None  # the part's own heading (a section's, or a task's number and title)
    quote: str | None = None  # verbatim: a task's or section's title, or its first words

    @property
    def location(self) -> tuple[str, ...]:
        return self.trail + ((self.own,) if self.own else ())

    def gbt(self) -> str:
        """The GB/T 7714-2015 reference, with ``ACCESS_DATE`` for the day of copying."""
        head = f"{self.issuer}. " if self.issuer else ""
        title = self.title + (f": {self.doc_number}" if self.doc_number else "") + DOC_TYPE
        dates = (f"({self.signed.isoformat()})" if self.signed else "") + ACCESS_DATE
        where = f": {' '.join(self.location)}" if self.location else ""
        return f"{head}{title}. {dates}{where}. {self.permalink}"

    def short(self) -> str:
        """A quote and its permalink: “…”(《题名》 place) link; a plan: 《题名》(文号) link."""
        if self.quote is None:
            number = f"({self.doc_number})" if self.doc_number else ""
            return f"《{self.title}》{number} {self.permalink}"
        where = f" {' '.join(self.trail)}" if self.trail else ""
        return f"“{self.quote}”(《{self.title}》{where}) {self.permalink}"


def plan_reference(plan: Plan, site_url: str | None) -> Reference:
    return Reference(plan.id, plan.title, plan.issuer, plan.doc_number, plan.signed,
                     permalink(urls.plan(plan.id), site_url))


def section_reference(plan: Plan, trail: tuple[Section, ...], site_url: str | None) -> Reference:
    """A section, ``trail`` being the sections from the top down to it."""
    section = trail[-1]
    above = tuple(h for s in trail[:-1] if (h := numbered(s.number, s.title)))
    quote = section.title or _first_words(section.text)
    return _with(plan_reference(plan, site_url), permalink(urls.section(plan.id, section.id), site_url),
                 above, numbered(section.number, section.title), quote)


def task_reference(ref: TaskRef, site_url: str | None) -> Reference:
    """A task: the headings of its sections and its own number (or title, when unnumbered)."""
    task = ref.task
    above = tuple(h for s in ref.sections if (h := numbered(s.number, s.title)))
    own = numbered(task.number, task.title) if task.number else task.title
    quote = task.title or _first_words(task.text)
    return _with(plan_reference(ref.plan, site_url), permalink(ref.url, site_url), above, own, quote)


def _with(base: Reference, link: str, trail: tuple[str, ...], own: str | None,
          quote: str | None) -> Reference:
    return Reference(base.plan_id, base.title, base.issuer, base.doc_number, base.signed, link,
                     trail, own, quote)


def _first_words(text: str | None) -> str | None:
    """The start of a text, verbatim, to its first 。 or ``QUOTE_LIMIT`` characters (… when cut)."""
    if not text:
        return None
    end = text.find("。")
    if 0 <= end < QUOTE_LIMIT:
        return text[:end]
    return text[:QUOTE_LIMIT] + ("…" if len(text) > QUOTE_LIMIT else "")


# --- exports --------------------------------------------------------------------------------


def csl_item(ref: Reference) -> dict[str, Any]:
    """One CSL-JSON item (type ``report``: an official document with its 文号 as ``number``)."""
    item: dict[str, Any] = {"id": ref.plan_id, "type": "report", "title": ref.title}
    if ref.issuer:
        item["author"] = [{"literal": ref.issuer}]
        item["publisher"] = ref.issuer
    if ref.doc_number:
        item["number"] = ref.doc_number
    if ref.signed:
        item["issued"] = {"date-parts": [[ref.signed.year, ref.signed.month, ref.signed.day]]}
    item["URL"] = ref.permalink
    item["language"] = "zh-CN"
    return item


def csl_json(ref: Reference) -> bytes:
    return (json.dumps([csl_item(ref)], ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def ris(ref: Reference) -> bytes:
    """RIS (TY GOVDOC), CRLF line ends as the format's readers expect."""
    lines = [("TY", "GOVDOC")]
    if ref.issuer:
        lines += [("AU", ref.issuer), ("PB", ref.issuer)]
    lines.append(("TI", ref.title))
    if ref.doc_number:
        lines.append(("M1", ref.doc_number))
    if ref.signed:
        lines += [("PY", str(ref.signed.year)), ("DA", ref.signed.strftime("%Y/%m/%d"))]
    lines += [("UR", ref.permalink), ("LA", "zh-CN"), ("ID", ref.plan_id), ("ER", "")]
    return "".join(f"{tag}  - {value}\r\n" for tag, value in lines).encode("utf-8")


_BIB_SPECIAL = {c: "\\" + c for c in "{}%&#$_"} | {"\\": "\\textbackslash{}", "~": "\\textasciitilde{}",
                                                     "^": "\\textasciicircum{}"}


def _bib(value: str) -> str:
    return "".join(_BIB_SPECIAL.get(c, c) for c in value)


def bibtex(ref: Reference) -> bytes:
    """A ``@techreport`` entry (institution = 发文机关, number = 文号); the author is a corporate
    name, so it is braced whole (BibTeX would otherwise split it into given and family names)."""
    fields = []
    if ref.issuer:
        fields += [("author", "{" + _bib(ref.issuer) + "}"), ("institution", _bib(ref.issuer))]
    fields.append(("title", _bib(ref.title)))
    if ref.doc_number:
        fields.append(("number", _bib(ref.doc_number)))
    if ref.signed:
        fields += [("year", str(ref.signed.year)), ("date", ref.signed.isoformat())]
    fields += [("url", ref.permalink), ("langid", "chinese")]
    body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields)
    return f"@techreport{{{ref.plan_id},\n{body}\n}}\n".encode("utf-8")


def highwire_tags(ref: Reference) -> list[list[str]]:
    """Highwire Press meta tags (name, content) for a plan page, as Zotero and Google Scholar read
    them; fields the plan does not state are left out."""
    tags = [["citation_title", ref.title]]
    if ref.issuer:
        tags += [["citation_author", ref.issuer], ["citation_publisher", ref.issuer]]
    if ref.signed:
        tags.append(["citation_date", ref.signed.strftime("%Y/%m/%d")])
    if ref.doc_number:
        tags.append(["citation_technical_report_number", ref.doc_number])
    tags += [["citation_public_url", ref.permalink], ["citation_language", "zh"]]
    return tags


EXPORT_FORMATS = (("json", csl_json), ("ris", ris), ("bib", bibtex))


def export_path(plan_id: str, ext: str) -> str:
    return f"data/cite/{plan_id}.{ext}"
