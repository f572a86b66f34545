"""A small hand-made atlas for the page tests: four regions' plans, built from model dataclasses.

Shapes that the pages must tell apart are all here: a province and two of its cities, a
municipality; a plan with targets for an indicator (shandong, liaocheng), a plan with targets but
none for it (jinan: "no target stated"), a plan with no targets extracted at all (beijing: "not yet
extracted"); a cited document in the corpus (鲁政发〔2016〕14号) and one outside it (国发〔2015〕40号);
and hostile strings (``|``, ``<script>``, ``{{``, markdown links) in names, titles and quotes.
"""

from __future__ import annotations

import datetime as dt

from generator.model import (
    Agency, AgencyRef, AgencyType, Citation, Domain, Indicator, Period, Plan, Region, Section,
    Source, Target, Task, Vocabulary,
)
from generator.atlas import Atlas, link

HOSTILE = "<script>window.__pwned=1</script>|{{ x }}{% y %}[x](javascript:alert(1))*"


def vocab() -> Vocabulary:
    regions = [
        Region("china", "中国", "country", None, "100000"),
        Region("shandong", "山东省", "province", "china", "370000"),
        Region("jinan", "济南市", "city", "shandong", "370100"),
        Region("liaocheng", "聊城市", "city", "shandong", "371500"),
        Region("beijing", "北京市", "municipality", "china", "110000"),
        Region("guangdong", "广东省", "province", "china", "440000"),
    ]
    domains = [
        Domain("health", "医疗健康", None, ("医疗",), ("远程医疗",)),
        Domain("manufacturing", "智能制造", None, ("制造",), ()),
        Domain("egov", "政务服务", None, ("政务",), ()),
    ]
    types = [AgencyType("it", "工业和信息化主管部门"), AgencyType("ndrc", "发展改革部门")]
    agencies = [
        Agency("shandong-jingxinwei", "shandong", "山东省经济和信息化委员会", ("省经信委",), "it"),
        Agency("jinan-jingxinwei", "jinan", "济南市经济和信息化委员会", ("市经信委",), "it"),
        Agency("jinan-fagaiwei", "jinan", "济南市发展和改革委员会", ("市发改委",), "ndrc"),
        Agency("liaocheng-jingxinwei", "liaocheng", "聊城市经济和信息化委员会", ("市经信委",), "it"),
        Agency("beijing-jingxinwei", "beijing", "北京市经信委" + HOSTILE, ("市经信委",), "it"),
    ]
    indicators = [
        Indicator("fixed-broadband", "固定宽带家庭普及率", "%", ()),
        Indicator("ecommerce", "电子商务交易额", "亿元", ()),
    ]
    return Vocabulary(
        {r.id: r for r in regions}, {d.id: d for d in domains}, {t.id: t for t in types},
        {a.id: a for a in agencies}, {i.id: i for i in indicators},
    )


def _src(pid: str) -> Source:
    return Source(f"{pid}.txt", None, "0" * 64, None)


def _target(name, value, unit, year, quote, indicator, comparator="达到") -> Target:
    return Target(name, value, unit, comparator, year, quote, indicator)


def plans() -> dict[str, Plan]:
    sd = Plan(
        "shandong-2016", "山东省“互联网+”行动计划(2016-2018年)", "shandong", "山东省人民政府",
        "鲁政发〔2016〕14号", dt.date(2016, 6, 2), None, Period(2016, 2018), _src("shandong-2016"),
        cites=(Citation("国发〔2015〕40号", "国务院关于积极推进“互联网+”行动的指导意见"),),
        sections=(
            Section("s1", "一", "总体目标", "到2018年,固定宽带家庭普及率达到65%。",
                    targets=(_target("固定宽带家庭普及率", 65, "%", 2018, "固定宽带家庭普及率达到65%",
                                     "fixed-broadband"),)),
            Section("s2", "二", "重点行动", None, tasks=(
                Task("t2-1", "(一)", "互联网+医疗", "发展远程医疗。",
                     lead=(AgencyRef("省经信委", "shandong-jingxinwei"),), domains=("health",)),
                Task("t2-2", "(二)", "互联网+制造", "推广智能制造,电子商务交易额达到5000亿元。",
                     lead=(AgencyRef("省经信委", "shandong-jingxinwei"),), domains=("manufacturing",),
                     targets=(_target("电子商务交易额", 5000, "亿元", 2018, "电子商务交易额达到5000亿元",
                                      "ecommerce"),)),
            )),
        ),
    )
    jn = Plan(
        "jinan-2016", "济南市“互联网+”行动计划(2016-2018年)", "jinan", None, None, None, None,
        Period(2016, 2018), _src("jinan-2016"),
        cites=(Citation("国发〔2015〕40号", None),),
        sections=(Section("s1", "一", "主要任务", None, tasks=(
            Task("t1-1", "1", "远程医疗", "建设远程医疗平台。", annotation="(牵头单位:市发改委,配合单位:市经信委)",
                 lead=(AgencyRef("市发改委", "jinan-fagaiwei"),),
                 cooperating=(AgencyRef("市经信委", "jinan-jingxinwei"),), domains=("health", "egov"),
                 targets=(_target("电子商务交易额", 1000, "亿元", 2018, "电子商务交易额突破1000亿元",
                                  "ecommerce", "超过"),)),
            Task("t1-2", "2", None, "推进政务服务上网。\n第二段。",
                 responsible=(AgencyRef("市经信委", "jinan-jingxinwei"), AgencyRef("各区县政府", None)),
                 domains=("egov",)),
        )),),
    )
    lc = Plan(
        "liaocheng-2017", "关于加快推进“互联网+”发展的实施意见", "liaocheng", "聊城市人民政府", None,
        dt.date(2017, 5, 23), dt.date(2017, 5, 31), None, _src("liaocheng-2017"),
        cites=(Citation("鲁政发〔2016〕14号", None), Citation("国发〔2015〕40号", None)),
        sections=(Section("s1", "一", "发展目标", None, tasks=(
            Task("t1", "1", "宽带", "到2020年,固定宽带家庭普及率达到70%。",
                 lead=(AgencyRef("市经信委", "liaocheng-jingxinwei"),), domains=("manufacturing",),
                 targets=(_target("固定宽带家庭普及率", 70, "%", 2020, "固定宽带家庭普及率达到70%",
                                  "fixed-broadband"),
                          _target("固定宽带家庭普及率", 2.5, "万户", 2020, "新增2.5万户",
                                  "fixed-broadband", "新增"))),
        )),),
    )
    bj = Plan(
        "beijing-2016", "北京市实施意见" + HOSTILE, "beijing", "北京市人民政府", "京政发[2016]4号",
        dt.date(2016, 1, 9), None, None, _src("beijing-2016"),
        cites=(Citation("国发[2015]40号", None), Citation(None, "《某规划》" + HOSTILE)),
        sections=(Section("s1", "一", "任务", None, tasks=(
            Task("t1-1", "1", "医疗|" + HOSTILE, "远程医疗" + HOSTILE,
                 lead=(AgencyRef("市经信委" + HOSTILE, "beijing-jingxinwei"),), domains=("health",)),
        )),),
    )
    return {p.id: p for p in (sd, jn, lc, bj)}


def atlas() -> Atlas:
    return link(vocab(), plans())
