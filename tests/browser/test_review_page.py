"""The review page ``python -m generator import`` writes: opened from file:// in headless Chromium,
it shows each kind of span, counts at the top, doubts that link to the draft's YAML lines, and hostile
source text stays text. Screenshots go to /tmp/policy-atlas-screens/ for a person to look at."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SCREENS = Path("/tmp/policy-atlas-screens")

SOURCE = """当前位置:首页 > 政务公开 > 文件
济南市人民政府办公厅关于印发济南市“互联网+”行动计划的通知
济政办发〔2016〕14号
各区县人民政府:
现将《济南市“互联网+”行动计划》印发给你们,请认真贯彻执行。
为贯彻落实《国务院关于积极推进“互联网+”行动的指导意见》(国发〔2015〕40号),制订本行动计划。<img src=x onerror="window.__pwned=1">
一、总体目标
到2018年,固定宽带家庭普及率达到65%。
二、重点任务
(一)互联网+制造
推广网络众包研发模式,建成10个智能工厂<script>window.__pwned=1</script>。(牵头单位:市经济和信息化委,配合单位:市发改委、市数字制造促进中心)
(二)互联网+农业
创新农业研发模式。截至2015年底,已建成示范基地30个。(市农业局牵头,市财政局配合)
打印本页 关闭窗口
附件:济南市“互联网+”工作领导小组成员名单
济南市人民政府办公厅
2016年6月2日
附件
济南市“互联网+”工作领导小组成员名单
组  长:张三(市长)
成  员:李四(市经信委主任)
"""


@pytest.fixture(scope="module")
def review_page(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("review-root")
    shutil.copytree(ROOT / "site_config", root / "site_config")
    src = root / "plan.txt"
    # A line of "unplaced" text the importer cannot hold anywhere: symbols glued between two items.
    src.write_text(SOURCE, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "generator", "--root", str(root), "import", str(src),
                             "--id", "jinan-2016"], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr
    page = root / "build" / "review" / "jinan-2016.html"
    assert f"review page: {page}" in result.stderr
    return page


def test_review_page_shows_each_span_kind_from_file_url(browser, review_page):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    external: list[str] = []
    page.route("**/*", lambda route: (external.append(route.request.url), route.abort())
               if not route.request.url.startswith("file://") else route.continue_())
    try:
        page.goto(review_page.as_uri())
        for kind, text in (("chrome", "打印本页"), ("skipped", "各区县人民政府"), ("metadata", "济政办发〔2016〕14号"),
                           ("preamble", "为贯彻落实"), ("heading", "互联网+制造"), ("text", "固定宽带家庭普及率"),
                           ("task", "推广网络众包研发模式"), ("annotation", "牵头单位:市经济和信息化委"),
                           ("target", "65%"), ("attachment", "组  长:张三")):
            texts = page.locator(f"#source .k-{kind}").all_inner_texts()
            assert any(text in t for t in texts), (kind, texts[:5])
        assert page.locator("#source .badge", has_text="L2").count() >= 2
        summary = page.locator("#summary").inner_text()
        assert summary.startswith("structured ") and "% of the text" in summary and "characters unplaced" in summary
        # Clicking a target shows its fields and the YAML line it was written to.
        page.locator("#source .k-target", has_text="65%").first.click()
        details = page.locator("#details").inner_text()
        assert "value" in details and "2018" in details
        line = page.locator("#yaml .yl.on").inner_text()
        assert "name:" in line or "targets" in line
        # The doubts: the figure already reached, the agency the vocabulary lacks (with its entry).
        doubts = page.locator("#doubts").inner_text()
        assert "30个" in doubts and "市数字制造促进中心" in doubts
        link = page.locator("#doubts a", has_text="YAML line").first
        target = link.get_attribute("href")
        assert page.locator(target).count() == 1
        assert page.evaluate("window.__pwned") is None
        assert "<script>window.__pwned=1</script>" in page.locator("#source pre").inner_text()
        assert external == []
        SCREENS.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENS / "review-1280.png"), full_page=False)
    finally:
        page.close()


def test_review_page_marks_text_that_went_nowhere(browser, tmp_path):
    from generator.adapters.review import render_review
    from generator.importer.emit import emit_plan
    from generator.importer.pipeline import import_text
    from generator.importer.provenance import build_provenance

    result = import_text(SOURCE, plan_id="jinan-2016", source_file="jinan-2016.txt")
    from dataclasses import replace

    from generator.importer.chrome import strip_chrome

    # A draft that lost its preamble: the page must show that text as unplaced.
    plan = replace(result.plan, preamble=None)
    prov = build_provenance(result.provenance.source, plan, dechromed=strip_chrome(result.provenance.source),
                            report=result.report)
    html = render_review(replace(result, plan=plan, provenance=prov), emit_plan(plan), yaml_name="x.yaml",
                         source_name="x.txt")
    path = tmp_path / "review.html"
    path.write_text(html, encoding="utf-8")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(path.as_uri())
        lost = "".join(page.locator("#source .k-unplaced").all_inner_texts())
        assert lost.startswith("现将《济南市“互联网+”行动计划》")
        assert "为贯彻落实" in page.locator(".examples").inner_text()
        assert page.locator("#summary").inner_text().split("characters unplaced")[0].split(";")[-1].strip() != "0"
    finally:
        page.close()
