"""One docs tree, any builder: `python -m generator docs` + MkDocs or ProperDocs + `generator search`
give the same site, byte for byte, as the MkDocs plugin does."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from build import build, build_tree, make_root


# Each builder names itself in a meta tag (mkdocs-1.6.1 / mkdocs-ProperDocs 1.6.7): the one expected difference.
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def tree_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): GENERATOR.sub(b"<meta generator>", p.read_bytes())
            for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def plugin_site(tmp_path_factory) -> Path:
    root = make_root(tmp_path_factory.mktemp("plugin"))
    result = build(root)
    assert result.returncode == 0, result.stderr[-4000:]
    return root / "site"


@pytest.mark.slow
@pytest.mark.parametrize("builder", ["mkdocs", "properdocs"])
def test_docs_tree_builds_the_same_site_as_the_plugin(plugin_site, tmp_path, builder):
    root = make_root(tmp_path)
    out = tmp_path / "tree"
    result = build_tree(root, out, builder)
    assert result.returncode == 0, result.stderr[-4000:]
    expected, actual = tree_files(plugin_site), tree_files(out / "site")
    assert sorted(actual) == sorted(expected)
    if builder != "mkdocs":
        # the web app's cache version hashes every page, generator meta tag included
        for name in ("atlas-sw.js", "assets/offline/files.json"):
            expected.pop(name), actual.pop(name)
    different = [name for name in expected if expected[name] != actual[name]]
    assert different == [], different[:10]


def test_docs_tree_pages_name_the_yaml_they_are_edited_in(tmp_path):
    from generator.adapters.docs_tree import write_docs

    root = make_root(tmp_path)
    write_docs(root, tmp_path / "tree")
    plan = next((tmp_path / "tree" / "docs" / "plans").glob("alpha-2016.md")).read_text(encoding="utf-8")
    assert plan.startswith('---\nedit_path: "content/plans/alpha-2016.yaml"\n')
    index = (tmp_path / "tree" / "docs" / "plans" / "index.md").read_text(encoding="utf-8")
    assert index.startswith('---\nedit_path: ""\n')
    config = (tmp_path / "tree" / "mkdocs.yml").read_text(encoding="utf-8")
    assert "plugins: []" in config and '"方案": "plans/index.md"' in config


def test_search_refuses_a_directory_that_holds_no_built_site(tmp_path, capsys):
    from generator.adapters.cli import main

    assert main(["--root", str(make_root(tmp_path)), "search", str(tmp_path / "nothing")]) == 1
    assert "build the site first" in capsys.readouterr().err
