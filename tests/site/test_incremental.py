"""A preview's partial rebuild renders exactly the pages an edit changes, as the whole build would.

Each case edits one of the project's own plans the way a contributor does (another lead agency, a
changed figure, a dropped task, a new title, no more targets …), links the atlas again and compares
the whole render before and after: every page whose Markdown differs must be among
``affected_paths``, and rendering only those gives the very pages of the whole render.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from generator.atlas import link
from generator.content.load import LoadCache, load_content
from generator.render.affected import affected_paths
from generator.render.pages import all_pages

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def project():
    content = load_content(ROOT)
    atlas = link(content.vocab, content.plans)
    return content, atlas, _rendered(all_pages(atlas))


def _rendered(items) -> dict[str, bytes]:
    return {i.path: (i.markdown.encode() if hasattr(i, "markdown") else i.content) for i in items}


def _map_tasks(plan, fn):
    def section(s):
        return dataclasses.replace(s, tasks=tuple(t for t in (fn(t) for t in s.tasks) if t is not None),
                                   sections=tuple(section(c) for c in s.sections))
    return dataclasses.replace(plan, sections=tuple(section(s) for s in plan.sections))


def _first_task(plan, pred):
    return next(t for t in plan.iter_tasks() if pred(t))


def swap_lead(plan, vocab):
    task = _first_task(plan, lambda t: t.lead and t.lead[0].agency)
    current = task.lead[0].agency
    other = next(a.id for a in vocab.agencies.values()
                 if a.region == vocab.agencies[current].region and a.id != current
                 and a.type != vocab.agencies[current].type)
    ref = dataclasses.replace(task.lead[0], agency=other)
    return _map_tasks(plan, lambda t: dataclasses.replace(t, lead=(ref,) + t.lead[1:]) if t is task else t)


def _map_targets(plan, fn):
    plan = _map_tasks(plan, lambda t: dataclasses.replace(t, targets=fn(t.targets)))

    def section(s):
        return dataclasses.replace(s, targets=fn(s.targets), sections=tuple(section(c) for c in s.sections))
    return dataclasses.replace(plan, sections=tuple(section(s) for s in plan.sections))


def change_figure(plan, vocab):
    return _map_targets(plan, lambda ts: tuple(dataclasses.replace(x, value=x.value + 7) for x in ts))


def drop_task(plan, vocab):
    task = _first_task(plan, lambda t: t.domains and t.lead)
    return _map_tasks(plan, lambda t: None if t is task else t)


def move_domain(plan, vocab):
    task = _first_task(plan, lambda t: t.domains)
    other = next(d for d in vocab.domains if d not in task.domains)
    return _map_tasks(plan, lambda t: dataclasses.replace(t, domains=(other,)) if t is task else t)


def retitle(plan, vocab):
    return dataclasses.replace(plan, title=plan.title + "（修订）")


def drop_all_targets(plan, vocab):
    return _map_targets(plan, lambda ts: ())


def drop_citations(plan, vocab):
    return dataclasses.replace(plan, cites=())


EDITS = [swap_lead, change_figure, drop_task, move_domain, retitle, drop_all_targets, drop_citations]


@pytest.mark.parametrize("edit", EDITS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("plan_index", [0, 2, 4])
def test_partial_render_covers_every_page_an_edit_changes(project, edit, plan_index):
    content, old, before = project
    pid = sorted(content.plans)[plan_index]
    if edit is drop_citations and not content.plans[pid].cites:
        pytest.skip("plan cites nothing")
    if edit in (change_figure, drop_all_targets) and not any(
            t.targets for t in content.plans[pid].iter_tasks()) and not any(
            s.targets for s in content.plans[pid].iter_sections()):
        pytest.skip("plan states no target")
    plans = dict(content.plans)
    plans[pid] = edit(plans[pid], content.vocab)
    new = link(content.vocab, plans)
    after = _rendered(all_pages(new))
    changed = {p for p in after if before.get(p) != after[p]}
    assert changed, "the edit must change some page, or the case tests nothing"

    affected = affected_paths(old, new)
    assert affected is not None
    exports = {p for p in after if p.startswith("data/")}  # rendered with the data page
    assert "data/index.md" in affected
    assert changed - exports <= affected, f"pages changed but not rebuilt: {sorted(changed - affected)}"
    partial = _rendered(all_pages(new, only=affected))
    assert partial == {p: after[p] for p in partial}
    # the data page's exports are rendered with it; a plan's citation files (data/cite/) with its page
    assert set(partial) == {p for p in after if p in affected
                            or (p.startswith("data/") and not p.startswith("data/cite/"))}
    assert len(affected) < len(after) / 2, "an edit of one plan must not rebuild most of the site"


def test_vocabulary_change_or_moved_plan_rebuilds_everything(project):
    content, old, _ = project
    pid = sorted(content.plans)[0]
    vocab = dataclasses.replace(content.vocab, domains=dict(list(content.vocab.domains.items())[:-1]))
    assert affected_paths(old, link(vocab, content.plans)) is None
    plans = dict(content.plans)
    other = next(r for r in content.vocab.regions if r != plans[pid].region)
    plans[pid] = dataclasses.replace(plans[pid], region=other)
    assert affected_paths(old, link(content.vocab, plans)) is None
    assert affected_paths(old, link(content.vocab, dict(content.plans))) == frozenset()


def test_load_cache_rereads_only_the_edited_plan(tmp_path):
    import shutil

    for sub in ("content", "site_config"):
        shutil.copytree(ROOT / sub, tmp_path / sub)
    cache = LoadCache()
    first = load_content(tmp_path, cache)
    yaml = sorted((tmp_path / "content" / "plans").glob("*.yaml"))[0]
    text = yaml.read_text(encoding="utf-8")
    title = first.plans[yaml.stem].title
    yaml.write_text(text.replace(f"title: {title}", f"title: {title}\n# edited", 1), encoding="utf-8")
    second = load_content(tmp_path, cache)
    assert second.plans[yaml.stem] is not first.plans[yaml.stem]
    assert all(second.plans[p] is first.plans[p] for p in first.plans if p != yaml.stem)
    assert second.plans == load_content(tmp_path).plans
    # a vocabulary edit invalidates every plan: references are checked against it
    vocab = tmp_path / "site_config" / "domains.yaml"
    vocab.write_text(vocab.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    third = load_content(tmp_path, cache)
    assert all(third.plans[p] is not second.plans[p] for p in second.plans)
