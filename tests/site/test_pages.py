"""Page producers and the page collector, on inline atlases and on the fixture tree (no MkDocs)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import markdown

from build import make_root
from generator.adapters.cli import main
from generator.render.home_pages import counts, home_page
from generator.render.page import Page
from generator.render.pages import NAV, all_pages, navigation
from generator.render.plan_pages import numbered, plan_page
from generator.render.region_pages import region_tree

EXTENSIONS = ["tables", "attr_list", "md_in_html", "toc"]


def test_numbered_heading_follows_the_plans_own_numbering():
    assert numbered("一", "总体目标") == "一、总体目标"
    assert numbered("(一)", "互联网+医疗") == "(一)互联网+医疗"
    assert numbered("1", "推广众包") == "1. 推广众包"
    assert numbered(None, "附则") == "附则"
    assert numbered("三", None) == "三"


def test_all_pages_are_unique_and_in_a_fixed_order(atlas):
    first = [p.path for p in all_pages(atlas)]
    assert first == [p.path for p in all_pages(atlas)]
    assert len(first) == len(set(first))
    assert first[:2] == ["index.md", "regions/index.md"]


def test_navigation_has_one_entry_per_kind_of_page_present(atlas):
    nav = navigation(all_pages(atlas))
    paths = [next(iter(entry.values())) for entry in nav]
    assert paths[0] == "index.md" and "plans/index.md" in paths
    assert not any(p.startswith("plans/") and p != "plans/index.md" for p in paths)
    assert set(paths) <= {path for _, path in NAV}


def test_home_counts_what_the_atlas_holds(atlas):
    c = counts(atlas)
    assert (c.plans, c.regions, c.tasks, c.agencies, c.targets) == (2, 2, 2, 2, 2)


def test_home_lists_provinces_with_the_plans_of_their_cities(atlas):
    md = home_page(atlas).markdown
    assert "[阿尔法省](regions/alpha.md) <span class=\"atlas-muted\">2 份方案</span>" in md
    assert "贝塔市" not in md.split("按政策领域")[0]


def test_region_tree_nests_cities_under_their_province(atlas):
    (china,) = region_tree(atlas)
    (alpha,) = china.children
    assert [c.region.id for c in alpha.children] == ["beta"]
    assert [p.id for p in alpha.plans] == ["alpha-2016"]


def test_region_page_lists_its_plans_and_agencies_with_role_counts(atlas):
    page = next(p for p in all_pages(atlas) if p.path == "regions/alpha.md")
    assert "[阿尔法省行动计划](../plans/alpha-2016.md)" in page.markdown
    assert "| [阿尔法省经信委](../agencies/alpha-jingxinwei.md) | [工业和信息化主管部门](../agency-types/industry-it.md) | 牵头 1 |" in page.markdown
    assert page.edit_path == "site_config/regions.yaml"


def test_region_without_plans_says_so(atlas):
    page = next(p for p in all_pages(atlas) if p.path == "regions/china.md")
    assert "尚未收录" in page.markdown


def test_plan_page_edit_path_is_its_yaml(atlas):
    page = plan_page(atlas, atlas.plans["alpha-2016"])
    assert page.edit_path == "content/plans/alpha-2016.yaml"


def test_unresolved_agency_is_shown_unlinked_and_marked(atlas):
    md = plan_page(atlas, atlas.plans["alpha-2016"]).markdown
    assert 'atlas-badge--unresolved" title="词表中尚无此部门">省不存在局</span>' in md


def test_source_url_that_is_not_http_is_shown_as_text_never_linked(atlas):
    md = plan_page(atlas, atlas.plans["alpha-2016"]).markdown
    assert 'href="javascript' not in md and "javascript:alert(1)" in md


def test_citation_resolves_across_bracket_styles_to_the_plan_in_the_corpus(atlas):
    md = plan_page(atlas, atlas.plans["beta-2017"]).markdown
    assert "](alpha-2016.md)（本图谱收录）" in md


def test_evil_strings_keep_every_plan_page_table_row_whole(evil_atlas):
    for page in all_pages(evil_atlas):
        if not isinstance(page, Page) or not page.path.startswith(("plans/", "regions/", "index")):
            continue
        html = markdown.markdown(page.markdown.split("---\n", 2)[2], extensions=EXTENSIONS)
        assert "<script>" not in html and "<em>x</em>" not in html, page.path
        for table in html.split("<table>")[1:]:
            body = table.split("</table>")[0]
            rows = [r for r in body.split("<tr>")[1:]]
            widths = {r.count("<td") + r.count("<th") for r in rows}
            assert len(widths) == 1, (page.path, widths)


def test_pages_command_writes_the_pages_and_is_repeatable(tmp_path):
    root = make_root(tmp_path)
    out1, out2 = tmp_path / "o1", tmp_path / "o2"
    assert main(["--root", str(root), "pages", str(out1)]) == 0
    assert main(["--root", str(root), "pages", str(out2)]) == 0
    files = sorted(p.relative_to(out1).as_posix() for p in out1.rglob("*") if p.is_file())
    assert "plans/gamma-2016.md" in files and "index.md" in files
    for f in files:
        assert hashlib.sha256((out1 / f).read_bytes()).digest() == hashlib.sha256((out2 / f).read_bytes()).digest()


def test_pages_command_on_invalid_content_reports_locations_and_writes_nothing(tmp_path, capsys):
    root = make_root(tmp_path)
    plan = root / "content/plans/beta-2017.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("region: beta", "region: nowhere"), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["--root", str(root), "pages", str(out)]) == 1
    assert "content/plans/beta-2017.yaml:" in capsys.readouterr().out
    assert not out.exists()


def test_real_plans_give_every_task_an_anchor_and_every_agency_a_link():
    """On the committed content (when the plans have landed): nothing is lost on the way to a page."""
    import pytest

    from generator.atlas import urls
    from generator.render.pages import load_atlas
    from generator.render.plan_pages import plan_page

    REPO_ROOT = Path(__file__).resolve().parents[2]
    if not any((REPO_ROOT / "content" / "plans").glob("*.yaml")):
        pytest.skip("no plans in content/plans yet")
    atlas = load_atlas(REPO_ROOT)
    for plan in atlas.plans.values():
        md = plan_page(atlas, plan).markdown
        for task in plan.iter_tasks():
            assert f'id="{task.id}"' in md, (plan.id, task.id)
            for ref in task.lead + task.cooperating + task.responsible:
                if ref.agency:
                    assert f"(../agencies/{ref.agency}.md)" in md, (plan.id, task.id, ref)
        assert urls.region(plan.region).rstrip("/").split("/")[-1] in md


def test_plan_index_lists_plans_in_region_order_not_id_order():
    import dataclasses

    from inline_atlas import small_plans, small_vocab
    from generator.atlas import link
    from generator.render.plan_pages import index_page

    plans = small_plans()
    # The province's plan gets an id that sorts after the city's: region order must still win.
    plans["zeta-2016"] = dataclasses.replace(plans.pop("alpha-2016"), id="zeta-2016")
    md = index_page(link(small_vocab(), plans)).markdown
    assert md.index("阿尔法省行动计划") < md.index("贝塔市实施意见")
