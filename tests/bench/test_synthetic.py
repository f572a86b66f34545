"""The synthetic corpus of the scale benchmark: valid, the requested size, deterministic, marked."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from generator.content.load import load_content
from devtools.synthetic import TITLE_MARK, make_corpus

ROOT = Path(__file__).resolve().parents[2]


def _tree_digest(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def corpus7(tmp_path_factory) -> Path:
    # 7 = one whole group of the five real plans and a partial second group
    return make_corpus(7, tmp_path_factory.mktemp("synth") / "c7", seed=3)


def test_corpus_loads_clean_with_the_requested_number_of_plans(corpus7):
    content = load_content(corpus7)
    assert len(content.plans) == 7
    assert len(list((corpus7 / "content/sources").glob("*.txt"))) == 7


def test_everything_synthetic_is_marked(corpus7):
    content = load_content(corpus7)
    real_regions = set(load_content(ROOT).vocab.regions)
    for plan in content.plans.values():
        assert plan.id.startswith("synth-")
        assert plan.title.startswith(TITLE_MARK)
        assert plan.region.startswith("synth-")
        region = content.vocab.regions[plan.region]
        assert region.name.startswith(("合成省", "合成市", "合成区"))
        if plan.doc_number:
            assert plan.doc_number.startswith("合成发")
    # the shared country stays; no real province or city is in the corpus
    assert set(content.vocab.regions) & real_regions <= {
        r.id for r in content.vocab.regions.values() if r.level == "country"}
    assert all(a.region in content.vocab.regions for a in content.vocab.agencies.values())


def test_tasks_and_agencies_resolve_in_their_synthetic_region(corpus7):
    content = load_content(corpus7)
    regions = content.vocab.regions
    def chain(region):
        out = []
        while region:
            out.append(region)
            region = regions[region].parent
        return out

    for plan in content.plans.values():
        refs = [ref for s in plan.iter_sections() for t in s.tasks
                for ref in (*t.lead, *t.cooperating, *t.responsible) if ref.agency]
        assert refs, plan.id
        # an agency of the plan's region, one above it or one below it: never another group's
        for ref in refs:
            agency_region = content.vocab.agencies[ref.agency].region
            assert agency_region in chain(plan.region) or plan.region in chain(agency_region), ref
        assert any(content.vocab.agencies[ref.agency].region == plan.region for ref in refs), plan.id


def test_same_seed_same_bytes_other_seed_other_order(tmp_path):
    a = _tree_digest(make_corpus(6, tmp_path / "a", seed=1))
    b = _tree_digest(make_corpus(6, tmp_path / "b", seed=1))
    c = _tree_digest(make_corpus(6, tmp_path / "c", seed=2))
    assert a == b
    assert a != c
    assert a.keys() == c.keys()


def test_tasks_are_shuffled_and_figures_perturbed_but_text_stays_verbatim(corpus7):
    real = load_content(ROOT).plans
    synth = load_content(corpus7).plans  # load_content checked every verbatim field already
    pairs = [(p, real[p.id.split("-", 2)[2]]) for p in synth.values()]
    assert any([t.id for s in p.iter_sections() for t in s.tasks]
               != [t.id for s in r.iter_sections() for t in s.tasks] for p, r in pairs)
    values = lambda plan: [g.value for s in plan.iter_sections() for t in s.tasks for g in t.targets]  # noqa: E731
    assert any(values(p) != values(r) for p, r in pairs if values(r))
    texts = lambda plan: sorted(t.text for s in plan.iter_sections() for t in s.tasks)  # noqa: E731
    assert all(texts(p) == texts(r) for p, r in pairs)


def test_refuses_to_write_over_the_project(tmp_path):
    with pytest.raises(ValueError, match="refusing"):
        make_corpus(1, ROOT)
    with pytest.raises(ValueError):
        make_corpus(0, tmp_path / "x")
