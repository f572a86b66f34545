"""The whole site built by MkDocs from the fixture tree (with its hostile plan), as a reader gets it."""

from __future__ import annotations

import re

import pytest

from build import build, make_root
from devtools.sitecheck import broken_links, parse, tree_hashes

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = make_root(tmp_path_factory.mktemp("site"))
    result = build(root)
    assert result.returncode == 0, result.stderr[-4000:]
    return root / "site"


def test_strict_build_writes_every_generated_page(built):
    for page in ("index.html", "plans/index.html", "plans/alpha-2016/index.html",
                 "plans/gamma-2016/index.html", "regions/index.html", "regions/beta/index.html"):
        assert (built / page).is_file(), page


def test_no_internal_link_or_anchor_is_broken(built):
    assert broken_links(built) == []


def test_every_task_and_section_has_its_permanent_anchor(built):
    ids = parse(built / "plans/alpha-2016/index.html").ids
    assert {"s1", "s2", "s2-1", "t2-1-1", "t2-1-2"} <= ids
    assert "a1" in parse(built / "plans/beta-2017/index.html").ids


def test_every_task_and_section_of_every_plan_is_an_anchor_on_its_plan_page(built):
    from generator.render.pages import load_atlas

    atlas = load_atlas(built.parent)
    for plan in atlas.plans.values():
        ids = parse(built / "plans" / plan.id / "index.html").ids
        wanted = {t.id for t in plan.iter_tasks()} | {s.id for s in plan.iter_sections()}
        assert wanted <= ids, (plan.id, wanted - ids)


def test_task_shows_a_visible_permalink_to_itself(built):
    html = (built / "plans/alpha-2016/index.html").read_text(encoding="utf-8")
    assert re.search(r'<a class="atlas-permalink" href="#t2-1-1"[^>]*>#t2-1-1</a>', html)


def test_task_agencies_and_domains_link_to_their_pages(built):
    html = (built / "plans/alpha-2016/index.html").read_text(encoding="utf-8")
    block = html[html.index('id="t2-1-1"'):html.index('id="t2-1-2"')]
    assert 'href="../../agencies/alpha-weijiwei/"' in block  # lead
    assert 'href="../../agencies/alpha-jingxinwei/"' in block  # cooperating
    assert 'href="../../domains/health/"' in block


def test_citation_of_a_plan_in_the_corpus_links_to_it_and_is_shown_as_cited_by(built):
    beta = (built / "plans/beta-2017/index.html").read_text(encoding="utf-8")
    assert 'href="../alpha-2016/"' in beta
    alpha = (built / "plans/alpha-2016/index.html").read_text(encoding="utf-8")
    assert "被引用" in alpha and 'href="../beta-2017/"' in alpha


def test_plan_card_shows_provenance(built):
    html = (built / "plans/alpha-2016/index.html").read_text(encoding="utf-8")
    assert "cfcbb0089e064f09e61ff5b50f5058e27ba0389fe4ca54ae5881ddc5cdb33c51" in html
    assert 'href="https://www.example.gov.cn/alpha/2016/7.html"' in html
    assert "2024年3月1日" in html and "2016年6月2日" in html and "逐字" in html


def test_attachment_member_table_links_members_to_agencies(built):
    html = (built / "plans/beta-2017/index.html").read_text(encoding="utf-8")
    assert 'href="../../agencies/beta-jingxinju/"' in html and "赵六" in html


def test_edit_link_opens_the_yaml_that_holds_the_content(built):
    html = (built / "plans/alpha-2016/index.html").read_text(encoding="utf-8")
    assert 'href="https://github.com/example/policy-atlas/edit/main/content/plans/alpha-2016.yaml"' in html


def test_navigation_lists_kinds_of_page_not_every_plan(built):
    html = (built / "index.html").read_text(encoding="utf-8")
    nav = html[html.index("md-nav--primary"):]
    assert "plans/alpha-2016/" not in nav[: nav.index("</nav>")]


def test_no_page_requests_another_host(built):
    for page in built.rglob("*.html"):
        parsed = parse(page)
        for href in parsed.links:
            if href.startswith(("http://", "https://", "//")):
                # Only plain links (<a>) may leave the site; nothing is loaded from elsewhere.
                text = page.read_text(encoding="utf-8")
                assert re.search(r'<(script|link|img)[^>]+(src|href)="' + re.escape(href), text) is None, href


def test_hostile_strings_render_as_text_in_every_page(built):
    for page in built.rglob("*.html"):
        parsed = parse(page)
        assert parsed.active == [], (page, parsed.active)
        for _attrs, text in parsed.scripts:
            # Only Material's own scripts: its bundle, its JSON config and its small inline helpers.
            assert "__pwned" not in text, page
        html = page.read_text(encoding="utf-8")
        assert "<script>window.__pwned" not in html and "<img src=x" not in html, page


def test_hostile_strings_never_break_a_table(built):
    for page in built.rglob("*.html"):
        for rows in parse(page).tables:
            assert len(set(rows)) <= 1, (page, rows)


def test_hostile_title_is_shown_literally(built):
    html = (built / "plans/gamma-2016/index.html").read_text(encoding="utf-8")
    assert "<title>伽马市“互联网+”&lt;script&gt;window.__pwned=1&lt;/script&gt;行动方案|*测试*" in html
    assert "&#123;&#123; config &#125;&#125;" in html or "{{ config }}" in html


def test_two_builds_are_byte_identical(built, tmp_path):
    root = built.parent
    again = build(root, site=tmp_path / "again")
    assert again.returncode == 0, again.stderr[-2000:]
    assert tree_hashes(tmp_path / "again") == tree_hashes(built)


def test_invalid_content_fails_with_locations_and_writes_no_site(tmp_path):
    root = make_root(tmp_path)
    plan = root / "content/plans/alpha-2016.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("region: alpha", "region: nowhere")
                    .replace("title: 发展远程医疗", "titel: 发展远程医疗"), encoding="utf-8")
    result = build(root)
    assert result.returncode != 0
    assert re.search(r"content/plans/alpha-2016\.yaml:\d+:\d+: .*nowhere", result.stderr), result.stderr
    assert re.search(r"content/plans/alpha-2016\.yaml:\d+:\d+: .*titel", result.stderr), result.stderr
    assert not (root / "site").exists()


def test_a_docs_file_that_would_shadow_a_generated_page_is_an_error(tmp_path):
    root = make_root(tmp_path)
    (root / "docs" / "plans").mkdir()
    (root / "docs" / "plans" / "alpha-2016.md").write_text("# stale copy\n", encoding="utf-8")
    result = build(root)
    assert result.returncode != 0
    assert "docs/plans/alpha-2016.md:1:1: collides with the generated plans/alpha-2016.md" in result.stderr
