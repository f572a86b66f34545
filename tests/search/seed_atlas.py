"""An atlas of the five real seed plans for search tests, whatever stage the content is at.

When reviewed plans exist in content/plans/ (and the content loader is there), the tests use the real
atlas. Until then, this module cuts each seed source into sections and tasks by its numbering
(一、 / (一) / 1. / —— / paragraphs) — cruder than the importer, but the text is the same verbatim
text, which is what search indexes and what tests/search/queries.yaml quotes.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.model import Plan, Region, Section, Source, Task, Vocabulary
from generator.atlas import Atlas, link

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "content" / "sources"

_TOP = re.compile(r"^([一二三四五六七八九十]+)、(.*)$")
_SUB = re.compile(r"^[((]([一二三四五六七八九十]+)[))](.*)$")
_ITEM = re.compile(r"^(\d+)[.、.](.*)$")


def _split_title(rest: str) -> tuple[str | None, str]:
    m = re.match(r"^([^。]{1,40})。(.*)$", rest)
    if m:
        return m.group(1), m.group(2)
    return (rest, "") if len(rest) <= 40 else (None, rest)


def _plan_from_source(path: Path, region: str, vocab: Vocabulary) -> Plan:
    lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    title = lines[0]
    tops: list[dict] = []
    preamble: list[str] = []
    counter = 0

    def new_section(sid, number, rest):
        t, body = _split_title(rest)
        return {"id": sid, "number": number, "title": t, "text": body or None, "tasks": [], "subs": []}

    for ln in lines[1:]:
        if m := _TOP.match(ln):
            tops.append(new_section(f"s{len(tops) + 1}", m.group(1), m.group(2)))
            continue
        if not tops:
            preamble.append(ln)
            continue
        top = tops[-1]
        if m := _SUB.match(ln):
            top["subs"].append(new_section(f"{top['id']}-{len(top['subs']) + 1}", m.group(1), m.group(2)))
            continue
        here = top["subs"][-1] if top["subs"] else top
        counter += 1
        if m := _ITEM.match(ln):
            t, body = _split_title(m.group(2))
            text = body or m.group(2)
            task = Task(id=f"t{counter}", number=m.group(1), title=t, text=text,
                        domains=_domains_of((t or "") + text, vocab))
        elif not here["tasks"] and not here["text"] and not ln.startswith("——"):
            here["text"] = ln
            continue
        else:
            task = Task(id=f"t{counter}", number=None, title=None, text=ln, domains=_domains_of(ln, vocab))
        here["tasks"].append(task)

    def freeze(s) -> Section:
        return Section(
            id=s["id"], number=s["number"], title=s["title"], text=s["text"],
            sections=tuple(freeze(x) for x in s["subs"]), tasks=tuple(s["tasks"]),
        )

    return Plan(
        id=path.stem, title=title, region=region, issuer=None, doc_number=None, signed=None,
        published=None, period=None, source=Source(path.name, None, "", None),
        preamble="".join(preamble) or None, sections=tuple(freeze(s) for s in tops),
    )


REGIONS = {
    "jinan": Region("jinan", "济南市", "city", "shandong", "370100", "济南"),
    "liaocheng": Region("liaocheng", "聊城市", "city", "shandong", "371500", "聊城"),
    "shandong": Region("shandong", "山东省", "province", None, "370000", "山东"),
    "beijing": Region("beijing", "北京市", "municipality", None, "110000", "北京"),
    "dongguan": Region("dongguan", "东莞市", "city", None, "441900", "东莞"),
}


def seed_atlas() -> Atlas:
    """The real atlas when content/plans/ has plans, else the seeds cut by numbering."""
    real = _real_atlas()
    if real is not None:
        return real
    vocab = _vocabulary()
    plans = {p.stem: _plan_from_source(p, p.stem.split("-")[0], vocab) for p in sorted(SOURCES.glob("*.txt"))}
    return link(vocab, plans)


def _vocabulary() -> Vocabulary:
    """site_config's vocabularies when they load, else just the five regions."""
    try:
        from generator.content.vocab import load_vocabulary

        vocab = load_vocabulary(ROOT / "site_config")
        return Vocabulary({**REGIONS, **vocab.regions}, vocab.domains, vocab.agency_types,
                          vocab.agencies, vocab.indicators, units=vocab.units, synonyms=vocab.synonyms)
    except Exception:  # vocabularies still being written: the regions are enough to search
        return Vocabulary(regions=dict(REGIONS), domains={}, agency_types={}, agencies={}, indicators={})


def _domains_of(text: str, vocab: Vocabulary) -> tuple[str, ...]:
    """Domains whose keywords occur in the text: a stand-in for the importer's domain mapping."""
    return tuple(d.id for d in vocab.domains.values() if any(k in text for k in d.keywords))


def _real_atlas() -> Atlas | None:
    if not any((ROOT / "content" / "plans").glob("*.yaml")):
        return None
    try:
        from generator.content.load import load_content  # type: ignore[import-not-found]
    except ImportError:
        return None
    content = load_content(ROOT)
    return link(content.vocab, content.plans)
