"""What a reviewer should look at in valid content: warnings, located, that never stop a build.

``make check`` prints them after the errors (none) as ``path:line:col: warning: message``:

- a plan's sentence names an indicator with a figure, but no target of the plan links that
  indicator (the indicator page shows the passage as 原文提及,尚未结构化): add the target, or fix
  the indicator's aliases if the sentence is about something else;
- a target links an indicator but its unit cannot be converted into the indicator's unit
  (site_config/units.yaml): it is left out of the indicator's chart.
"""

from __future__ import annotations

from ..errors import Problem
from ..model import Content, Loc
from .link import link


def review_warnings(content: Content) -> list[Problem]:
    atlas = link(content.vocab, content.plans)
    out: list[Problem] = []
    for indicator_id, found in atlas.unstructured.items():
        indicator = atlas.vocab.indicators[indicator_id]
        for m in found:
            where = m.task.id if m.task else m.section.id
            out.append(Problem(m.loc or Loc(f"content/plans/{m.plan.id}.yaml"),
                               f"plan '{m.plan.id}' ({where}) names indicator '{indicator_id}' "
                               f"({indicator.name}, as “{m.name}”) with a figure but no target links it: "
                               f"“{m.sentence}” — add the target, or fix the indicator's aliases"))
    for tref in atlas.targets:
        t = tref.target
        if t.indicator and tref.measure is None and t.indicator in atlas.vocab.indicators:
            unit = atlas.vocab.indicators[t.indicator].unit
            out.append(Problem(t.loc or Loc(f"content/plans/{tref.plan.id}.yaml"),
                               f"target “{t.quote}” is in '{t.unit}', which site_config/units.yaml does not "
                               f"convert to '{unit}' (indicator '{t.indicator}'): it is left out of the chart"))
    return sorted(out, key=lambda p: (p.loc.path, p.loc.line, p.loc.col, p.message))
