"""The page ``mkdocs serve`` shows while the content is invalid: every problem, located.

During ``make serve`` a contributor edits a file and looks at the browser: a content error must
show there (not leave the browser waiting on a build that never finishes) and disappear when the
file is fixed. The plugin puts this page at the path of every page the site had, so the page being
viewed turns into the error list and, once the content is valid again, back into itself.
"""

from __future__ import annotations

from ..errors import Problem
from .page import Page
from .render import front_matter, md

TITLE = "内容有错误"


def error_markdown(problems: list[Problem]) -> str:
    lines = [f"# {TITLE}", "",
             f"内容共有 {len(problems)} 处错误(最先列出的是根本原因)。修改文件后网站会自动重建;"
             "错误全部改正后,本页会恢复为原来的页面。`python -m generator check` 列出同样的错误。", "",
             '<ol class="atlas-errors" data-atlas-errors>']
    lines += [f"<li><code>{md(str(p.loc))}</code>: {md(p.message)}</li>" for p in problems]
    lines += ["</ol>", ""]
    return front_matter(TITLE, hide=["navigation", "toc"]) + "\n".join(lines)


def error_pages(problems: list[Problem], paths: list[str]) -> list[Page]:
    """The error page at each of ``paths`` (and always at index.md)."""
    markdown = error_markdown(problems)
    return [Page(path=path, title=TITLE, markdown=markdown) for path in dict.fromkeys(["index.md", *paths])]
