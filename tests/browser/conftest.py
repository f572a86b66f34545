"""Headless Chromium (Debian's chromium through Playwright) and a built fixture site to load in it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "site"))

from build import build, build_tree, make_root  # noqa: E402

# Every browser test runs on the site as two builders make it: MkDocs with our plugin (the default),
# and ProperDocs from the builder-independent docs tree (python -m generator docs + search).
@pytest.fixture(scope="session", params=["mkdocs", "properdocs"])
def fixture_site(request, tmp_path_factory) -> Path:
    root = make_root(tmp_path_factory.mktemp(f"browser-site-{request.param}"))
    if request.param == "mkdocs":
        result = build(root)
        site = root / "site"
    else:
        result = build_tree(root, root.parent / "tree")
        site = root.parent / "tree" / "site"
    assert result.returncode == 0, result.stderr[-4000:]
    return site


@pytest.fixture
def page(browser):
    """A fresh page that fails its test on a script error or on any request to another host."""
    context = browser.new_context()
    # nothing may leave the site: every request to another host fails the test
    outside: list[str] = []
    context.route("**/*", lambda route: (outside.append(route.request.url) or route.abort())
                  if route.request.url.startswith(("http://", "https://"))
                  and "127.0.0.1" not in route.request.url else route.continue_())
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    context.close()
    assert not outside, outside
    assert not errors, errors
