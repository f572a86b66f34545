"""axe-core in headless Chromium over every kind of page of a built site (helpers for test_a11y.py).

axe-core comes from its npm package (tests/tools, installed by ``make tools``); it is injected into
the page under test only, never copied into a site.

Which page stands for a kind is read from the built site itself (the first plan, the first region
…, the indicator page with the most chart bars), so the same list checks the small fixture site and
a full build of content/ (``ATLAS_A11Y_SITE=site``, see test_a11y.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

TOOLS = Path(__file__).resolve().parents[1] / "tools"
AXE = TOOLS / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.0 and 2.1, levels A and AA: what WCAG 2.1 AA (and GB/T 37668-2019) asks of a page.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
FAILING_IMPACTS = {"serious", "critical"}
WIDTHS = (1280, 390)
KIND_NAMES = ("home", "plan", "domain", "agencies", "agency-group", "agency", "agency-type", "indicators",
              "targets", "indicator", "coverage", "data", "regions", "region", "documents", "document",
              "404", "search")


@dataclass(frozen=True)
class PageKind:
    """One kind of page and the built file that stands for it; ``query`` opens the search on it."""

    name: str
    path: str
    query: str | None = None


def _first_page(site: Path, section: str) -> str:
    pages = sorted(p for p in (site / section).glob("*/index.html"))
    if not pages:
        raise AssertionError(f"the built site has no {section}/<page>/index.html")
    return pages[0].relative_to(site).as_posix()


def _richest_indicator(site: Path) -> str:
    """The indicator page with the most chart bars: charts, tables and links at once."""
    def bars(p: Path) -> int:
        return len(re.findall(r'class="atlas-bar ', p.read_text(encoding="utf-8")))
    pages = sorted((site / "indicators").glob("*/index.html"))
    if not pages:
        raise AssertionError("the built site has no indicator page")
    best = max(pages, key=lambda p: (bars(p), -pages.index(p)))
    return best.relative_to(site).as_posix()


def page_kinds(site: Path, query: str) -> list[PageKind]:
    """Every kind of page of a built site (KIND_NAMES, in order); ``query`` is typed into the
    search box for "search"."""
    kinds = [
        PageKind("home", "index.html"),
        PageKind("plan", _first_page(site, "plans")),
        PageKind("domain", _first_page(site, "domains")),
        PageKind("agencies", "agencies/index.html"),
        PageKind("agency-group", _first_page(site, "agencies/by-region")),
        PageKind("agency", _first_page(site, "agencies")),
        PageKind("agency-type", _first_page(site, "agency-types")),
        PageKind("indicators", "indicators/index.html"),
        PageKind("targets", _first_page(site, "indicators/targets")),
        PageKind("indicator", _richest_indicator(site)),
        PageKind("coverage", "coverage/index.html"),
        PageKind("data", "data/index.html"),
        PageKind("regions", "regions/index.html"),
        PageKind("region", _first_page(site, "regions")),
        PageKind("documents", "documents/index.html"),
        PageKind("document", _first_page(site, "documents")),
        PageKind("404", "404.html"),
        PageKind("search", _first_page(site, "plans"), query=query),
    ]
    assert tuple(k.name for k in kinds) == KIND_NAMES
    return kinds


def open_search(page, query: str) -> None:
    """Type ``query`` into the header search and wait until its results are shown."""
    page.wait_for_selector("[data-atlas-search][data-atlas-ready]", state="attached")
    page.fill(".atlas-search__input", query)
    page.wait_for_function(
        "q => document.querySelector('.atlas-search__results').getAttribute('data-atlas-query') === q",
        arg=query)


def run_axe(page) -> list[dict]:
    """axe's violations on the page as loaded now (WCAG 2.0/2.1 A and AA rules)."""
    if not AXE.is_file():
        raise AssertionError("axe-core is not installed: run `make tools` (npm ci in tests/tools)")
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
            .then(r => r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary,
                                          html: n.html.replace(/\\s+/g, ' ').slice(0, 160)}))})))""",
        AXE_TAGS)


def failing(violations: list[dict]) -> list[dict]:
    return [v for v in violations if v["impact"] in FAILING_IMPACTS]


def describe(violations: list[dict], limit: int = 4) -> str:
    """Violations as text a person can act on: rule, impact, elements, why."""
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}, {len(v['nodes'])} elements): {v['help']}")
        for n in v["nodes"][:limit]:
            summary = " ".join((n["summary"] or "").split())
            snippet = " ".join(n["html"].split())
            lines.append(f"    {n['target']}\n      {snippet}\n      {summary[:300]}")
        if len(v["nodes"]) > limit:
            lines.append(f"    … and {len(v['nodes']) - limit} more")
    return "\n".join(lines)
