"""The internal link checker finds what it must: a missing page, a missing anchor, a broken row."""

from devtools.sitecheck import broken_links, parse


def _site(tmp_path, body: str):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h2 id="here">x</h2>', encoding="utf-8")
    (tmp_path / "index.html").write_text(body, encoding="utf-8")
    return tmp_path


def test_existing_page_and_anchor_pass(tmp_path):
    assert broken_links(_site(tmp_path, '<a href="a/#here">ok</a><a href="#top" id="top">t</a>')) == []


def test_missing_anchor_on_a_directory_url_is_reported(tmp_path):
    (problem,) = broken_links(_site(tmp_path, '<a href="a/#nowhere">x</a>'))
    assert "no anchor #nowhere" in problem


def test_missing_page_is_reported(tmp_path):
    (problem,) = broken_links(_site(tmp_path, '<a href="b/">x</a>'))
    assert "missing" in problem


def test_table_row_widths_and_active_content_are_seen(tmp_path):
    page = tmp_path / "t.html"
    page.write_text('<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td><td>3</td></tr></table>'
                    '<img src="x" onerror="alert(1)"><a href="javascript:alert(1)">j</a>', encoding="utf-8")
    parsed = parse(page)
    assert parsed.tables == [[2, 3]]
    assert len(parsed.active) == 2
