"""Rendering core shared by every page producer: one Jinja2 environment and its filters.

Templates present, code decides: producers compute what a page shows and hand plain values (model
objects, atlas refs) to a template, which only loops and formats. Every content string reaches the
page through exactly one escaping step:

* in Markdown templates (``*.md.j2``) the ``md`` filter, which turns every character that Markdown,
  its extensions (tables, attr_list, md_in_html) or HTML would interpret into a numeric character
  reference, so that a ``|`` in a title never splits a table cell, a ``[x](javascript:…)`` is shown
  as text and ``<script>`` is never markup. Entities are the one form that is literal in a paragraph,
  in a table cell *and* inside a raw HTML block, so the same filter serves all three;
* in HTML templates (``*.html.j2``) Jinja2 autoescape.

The output is text for MkDocs to render; nothing here touches the file system.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from ..model import ROLE_NAMES, ROLES
from ..text.numbers import format_number as number
from .tables import wrap_tables

TEMPLATES = Path(__file__).parent / "templates"

# Characters Markdown, Python-Markdown's extensions or HTML give meaning to anywhere in a line. Chinese
# text needs none of them as syntax, so they are written as numeric references; everything else
# passes as is. ``+ - .`` and ``)`` only mean something at the start of a line (list items, ``1.``),
# so only a value's leading ones are escaped: 互联网+ stays readable in the generated Markdown.
_MD_SPECIAL = set("\\`*_{}[]<>#|~&")
_MD_TABLE = {ord(c): f"&#{ord(c)};" for c in _MD_SPECIAL}
_LEADING = re.compile(r"^(\s*)(?:([-+=])|(\d+)([.)]))")
_NEWLINES = re.compile(r"\r\n|\r|\n")


def _ref(c: str) -> str:
    return f"&#{ord(c)};"


def md(value: Any) -> str:
    """Escape a content string so Markdown and HTML show it literally, wherever it is placed.

    Line breaks become spaces: a value is one inline run (a cell, a badge, a heading), and a blank
    line inside a value would otherwise end the table or the HTML block around it.
    """
    if value is None:
        return ""
    text = _NEWLINES.sub(" ", str(value)).translate(_MD_TABLE)
    return _LEADING.sub(
        lambda m: m.group(1) + (_ref(m.group(2)) if m.group(2) else m.group(3) + _ref(m.group(4))),
        text,
        count=1,
    )


def md_block(value: Any) -> str:
    """Escape a multi-paragraph content string: each source line becomes its own paragraph."""
    if value is None:
        return ""
    lines = [line.strip() for line in _NEWLINES.split(str(value))]
    return "\n\n".join(md(line) for line in lines if line)


def attr(value: Any) -> str:
    """Escape a value for a quoted HTML attribute written inside Markdown (an href, a title).

    Markdown leaves a raw inline tag alone, so HTML escaping suffices, plus ``|``, which a table
    splits cells on before it looks at tags.
    """
    if value is None:
        return ""
    return html.escape(_NEWLINES.sub(" ", str(value)), quote=True).replace("|", "&#124;")


_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def anchor(value: Any) -> str:
    """A section/task id used as an HTML id and URL fragment: must be a slug (the loader checks)."""
    text = str(value)
    if not _SLUG.match(text):
        raise ValueError(f"not a slug, cannot be an anchor: {text!r}")
    return text


def date_zh(value: dt.date | None) -> str:
    """Format a date the way the plans write it: 2016年6月2日 (no zero padding)."""
    if value is None:
        return ""
    return f"{value.year}年{value.month}月{value.day}日"


def front_matter(title: str, **meta: Any) -> str:
    """A YAML front-matter block whose values are JSON strings (valid YAML, safe for any text).

    The title is HTML-escaped here because Material prints ``page.meta.title`` unescaped in the
    ``<title>`` element and the header.
    """
    lines = ["---", f"title: {json.dumps(html.escape(title, quote=True), ensure_ascii=False)}"]
    for key, val in meta.items():
        if val is not None:
            lines.append(f"{key}: {json.dumps(val, ensure_ascii=False)}")
    lines.append("---")
    return "\n".join(lines) + "\n\n"


def source_path(url: str) -> str:
    """The Markdown source of a site URL from ``urls``: ``plans/a/`` → ``plans/a.md``.

    A one-segment URL is a section index (``plans/`` → ``plans/index.md``), the empty URL the home
    page; two segments are a page of that section.
    """
    path = url.partition("#")[0].strip("/")
    if path.endswith(".md"):  # already a source path (coverage.md)
        return path
    if not path:
        return "index.md"
    if "/" not in path:
        return f"{path}/index.md"
    return f"{path}.md"


def link(url: str, from_path: str) -> str:
    """A relative Markdown link target from the page ``from_path`` to a site URL from ``urls``.

    Links point at the ``.md`` source (``../plans/jinan-2016.md#t1``) so MkDocs resolves them,
    checks them under ``--strict`` and writes the right href for hosted and ``file://`` use alike.
    """
    anchor = url.partition("#")[2]
    from_parts = from_path.split("/")[:-1]
    to_parts = source_path(url).split("/")
    common = 0
    while common < min(len(from_parts), len(to_parts) - 1) and from_parts[common] == to_parts[common]:
        common += 1
    rel = "/".join([".."] * (len(from_parts) - common) + to_parts[common:])
    return rel + (f"#{anchor}" if anchor else "")


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The one Jinja2 environment: strict (a missing value is an error, not an empty string)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        undefined=jinja2.StrictUndefined,
        # HTML and SVG templates (name.html.j2, name.svg.j2) autoescape; Markdown ones use |md.
        autoescape=jinja2.select_autoescape(
            enabled_extensions=("html", "svg", "xml", "html.j2", "svg.j2", "xml.j2"),
            disabled_extensions=("md", "md.j2"),
            default_for_string=False,
            default=False,
        ),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(md=md, md_block=md_block, attr=attr, anchor=anchor, date_zh=date_zh, number=number)
    # the task roles in their order, for templates (model.ROLES): role_order, their names
    # (role_labels), and the alignment cells of their number columns in a Markdown table (role_align)
    env.globals.update(link=link, role_order=ROLES, role_labels=tuple(ROLE_NAMES[r] for r in ROLES),
                       role_align=" ---: |" * len(ROLES))
    return env


def render(template: str, **context: Any) -> str:
    """Render ``template`` (a file under generator/render/templates/) with ``context``.

    A Markdown template's tables come out in labelled, keyboard-scrollable regions (tables.py)."""
    text = environment().get_template(template).render(**context)
    if template.endswith((".md", ".md.j2")):
        text = wrap_tables(text)
    return text


def safe(text: str) -> Markup:
    """Mark code-built HTML as already escaped (for HTML templates only)."""
    return Markup(text)
