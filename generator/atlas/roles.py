"""How each plan assigns roles, so that counts of 牵头 compare fairly across plans.

Plans write agency roles in different conventions: Jinan and Dongguan name a 牵头单位 and 配合单位
for each task; Beijing writes “X牵头,Y负责” and often only “X、Y负责”; Shandong declares once that
the first-listed unit leads (列第一位者为牵头部门,下同), so its first-named unit is the lead; Liaocheng
mostly writes 责任单位 without naming a lead. A 牵头 count means something only under the
convention that produced it, so agency and agency-type pages state each plan's convention, and
keep 负责 (responsible, no lead named) a role of its own — never counted as 牵头.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Plan

# A declared rule that makes the first-listed unit the lead (Shandong, 成都's 排名第一的部门为牵头责任单位).
FIRST_LISTED_LEADS = re.compile(r"(?:列|排|排名|排在)第一(?:位)?(?:的|者)?(?:部门|单位)?为牵头")

NOTE = ("“牵头”只计规划写明的牵头单位(或按规划声明的“列第一位者为牵头”规则确定的单位);"
        "“负责”是规划写作“负责”或“责任单位”而未写明牵头的单位,单列一栏,不计入牵头。")


@dataclass(frozen=True)
class Convention:
    """How one plan writes roles: ``kind`` is first-listed, lead-named, responsible-only or none."""

    plan: Plan
    kind: str
    text: str


def convention(plan: Plan) -> Convention:
    """The plan's role convention, read from its annotations and the roles they gave."""
    annotations = [t.annotation for t in plan.iter_tasks() if t.annotation]
    annotations += [s.annotation for s in plan.iter_sections() if s.annotation]
    lead = sum(1 for t in plan.iter_tasks() if t.lead)
    responsible = sum(1 for t in plan.iter_tasks() if t.responsible and not t.lead)
    if any(FIRST_LISTED_LEADS.search(a) for a in annotations):
        return Convention(plan, "first-listed", "规划声明“列第一位者为牵头部门”:每项任务首列的单位计为牵头,其余计为配合。")
    if lead and responsible:
        return Convention(plan, "lead-named",
                          f"规划在 {lead} 项任务中写明牵头单位;另有 {responsible} 项只写“负责”或“责任单位”(未写明牵头),"
                          "这些单位计为负责,即使列在第一位也不计为牵头。")
    if lead:
        return Convention(plan, "lead-named", "规划逐项写明牵头单位与配合单位。")
    if responsible:
        return Convention(plan, "responsible-only", "规划只写“责任单位”或“负责”,未区分牵头与配合:这些单位计为负责。")
    return Convention(plan, "none", "规划未写明任务的承担单位。")
