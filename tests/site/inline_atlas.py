"""Small inline atlases for page tests that need no loader: two plans, one citing the other.

A module of its own (not conftest.py) so that tests can import the builders by a unique name.
"""

from __future__ import annotations

import datetime as dt

from generator.model import (
    Agency, AgencyRef, AgencyType, Attachment, AttachmentMember, Citation, Domain, Indicator, Period,
    Plan, Region, Section, Source, Target, Task, Vocabulary,
)


EVIL = '<script>window.__pwned=1</script>|*x*{{ y }}'


def small_vocab(evil: str = "") -> Vocabulary:
    regions = [
        Region("china", "中华人民共和国", "country", None, None),
        Region("alpha", "阿尔法省" + evil, "province", "china", "910000"),
        Region("beta", "贝塔市", "city", "alpha", "910100"),
    ]
    return Vocabulary(
        regions={r.id: r for r in regions},
        domains={"health": Domain("health", "医疗健康" + evil, None, ("医疗",), ("远程医疗",))},
        agency_types={"industry-it": AgencyType("industry-it", "工业和信息化主管部门")},
        agencies={
            "alpha-jingxinwei": Agency("alpha-jingxinwei", "alpha", "阿尔法省经信委" + evil, ("省经信委",), "industry-it"),
            "beta-jingxinju": Agency("beta-jingxinju", "beta", "贝塔市经信局", ("市经信局",), "industry-it"),
        },
        indicators={"broadband": Indicator("broadband", "固定宽带家庭普及率", "%", ())},
    )


def small_plans(evil: str = "") -> dict[str, Plan]:
    target = Target("固定宽带家庭普及率" + evil, 65.0, "%", "达到", 2018, "普及率达到65%" + evil, "broadband")
    task = Task(
        "t2-1-1", "1", "发展远程医疗" + evil, "建设远程医疗平台。" + evil,
        lead=(AgencyRef("省经信委" + evil, "alpha-jingxinwei"),),
        cooperating=(AgencyRef("省不存在局", None),),
        domains=("health",), targets=(target,), annotation="(牵头单位:省经信委)",
    )
    alpha = Plan(
        id="alpha-2016", title="阿尔法省行动计划" + evil, region="alpha", issuer="阿尔法省人民政府",
        doc_number="阿政发〔2016〕7号", signed=dt.date(2016, 6, 2), published=None,
        period=Period(2016, 2018),
        source=Source("alpha-2016.txt", "javascript:alert(1)", "ab" * 32, dt.date(2024, 3, 1)),
        cites=(Citation("国发〔2015〕40号", "国务院指导意见"),),
        preamble="为贯彻落实……" + evil,
        sections=(
            Section("s1", "一", "总体目标", "到2018年……", targets=(target,)),
            Section("s2", "二", "重点任务", None, sections=(Section("s2-1", "(一)", "互联网+医疗", None, tasks=(task,)),)),
        ),
    )
    beta = Plan(
        id="beta-2017", title="贝塔市实施意见", region="beta", issuer=None, doc_number=None, signed=None,
        published=None, period=None, source=Source("beta-2017.txt", "https://example.gov.cn/b", "cd" * 32, None),
        cites=(Citation("阿政发[2016]7号", None),),
        sections=(Section("s1", "一", "重点任务", None, tasks=(Task("t1-1", None, None, "推动远程会诊。"),)),),
        attachments=(Attachment("a1", "成员名单", "成员:赵六 市经信局局长", (AttachmentMember("赵六", "市经信局局长", "成员", "beta-jingxinju"),)),),
    )
    return {"alpha-2016": alpha, "beta-2017": beta}
