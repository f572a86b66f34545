"""Small inline atlases for search unit tests."""

from __future__ import annotations

from generator.model import Agency, AgencyRef, AgencyType, Domain, Plan, Region, Section, Source, Task, Vocabulary
from generator.atlas import Atlas, link

REGIONS = {
    "alpha": Region("alpha", "阿尔法市", "city", None, None, "阿尔法"),
    "beta": Region("beta", "贝塔市", "city", None, None, "贝塔"),
}
AGENCIES = {
    "alpha-jingxinwei": Agency("alpha-jingxinwei", "alpha", "阿尔法市经济和信息化委员会",
                               ("市经信委", "经信委"), "industry-it"),
}


def task(tid: str, text: str, title: str | None = None, lead: tuple[str, ...] = (),
         domains: tuple[str, ...] = ()) -> Task:
    refs = tuple(AgencyRef(n, "alpha-jingxinwei" if "经信委" in n else None) for n in lead)
    return Task(id=tid, number=None, title=title, text=text, lead=refs, domains=domains)


def plan(pid: str, region: str, tasks: tuple[Task, ...], heading: str = "主要任务") -> Plan:
    return Plan(
        id=pid, title=f"{REGIONS[region].name}“互联网+”行动计划", region=region, issuer=None,
        doc_number=None, signed=None, published=None, period=None,
        source=Source(f"{pid}.txt", None, "0" * 64, None),
        sections=(Section(id="s1", number="一", title=heading, text=None, tasks=tasks),),
    )


def make_atlas(*plans: Plan) -> Atlas:
    vocab = Vocabulary(
        regions=dict(REGIONS),
        domains={"health": Domain("health", "医疗健康", None, ("医疗",), ("远程医疗",))},
        agency_types={"industry-it": AgencyType("industry-it", "工业和信息化主管部门")},
        agencies=dict(AGENCIES),
        indicators={},
    )
    return link(vocab, {p.id: p for p in plans})
