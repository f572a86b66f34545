"""Command line: ``python -m generator check|import|pages|docs|search|bundle|diff``.

A thin layer over the library: each command parses its arguments, calls one library function and
turns its outcome into output and an exit code (0 ok, 1 invalid content or input, 2 usage error).
The project root (content/ and site_config/) is the working directory unless ``--root`` names one.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

def _gh(text: str, prop: bool = False) -> str:
    """Escape for a GitHub workflow command: a message like '…达到65%' must not read as an escape."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def _cmd_check(args: argparse.Namespace) -> int:
    from ..content.load import load_content
    from ..errors import ContentError

    try:
        content = load_content(Path(args.root))
    except ContentError as err:
        for problem in err.problems:
            if args.format == "github":
                loc = problem.loc
                print(f"::error file={_gh(loc.path, True)},line={loc.line},col={loc.col}::{_gh(problem.message)}")
            else:
                print(problem)
        print(f"{len(err.problems)} error(s)", file=sys.stderr)
        return 1
    from ..atlas.review import review_warnings

    warnings = review_warnings(content)
    for warning in warnings:
        if args.format == "github":
            loc = warning.loc
            print(f"::warning file={_gh(loc.path, True)},line={loc.line},col={loc.col}::{_gh(warning.message)}")
        else:
            print(f"{warning.loc}: warning: {warning.message}")
    tasks = sum(1 for p in content.plans.values() for _ in p.iter_tasks())
    print(f"ok: {len(content.plans)} plans, {tasks} tasks, {len(warnings)} warning(s)", file=sys.stderr)
    return 0


def _cmd_import(args: argparse.Namespace) -> int:
    from ..errors import InputError, UsageError
    from .importing import import_file

    try:
        written = import_file(Path(args.source), plan_id=args.id,
                              out=Path(args.output) if args.output else None,
                              root=Path(args.root), force=args.force)
    except InputError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2 if isinstance(err, UsageError) else 1
    for line in written.warnings:
        print(f"warning: {line}", file=sys.stderr)
    for line in written.report:
        print(line, file=sys.stderr)
    print(f"wrote {written.plan_file} ({written.tasks} tasks); review it against {written.source_file} "
          f"before committing", file=sys.stderr)
    if written.review_file is not None:
        print(f"review page: {written.review_file} (open it in a browser: the source marked by what each "
              f"part became, and the importer's doubts)", file=sys.stderr)
    return 0


def _cmd_pages(args: argparse.Namespace) -> int:
    from ..errors import ContentError
    from ..render.pages import write_pages

    try:
        written = write_pages(Path(args.root), Path(args.out_dir))
    except ContentError as err:
        return _report_content_error(err)
    print(f"ok: {len(written)} files in {args.out_dir}", file=sys.stderr)
    return 0


def _report_content_error(err) -> int:
    for problem in err.problems:
        print(problem)
    print(f"{len(err.problems)} error(s); nothing written", file=sys.stderr)
    return 1


def _cmd_docs(args: argparse.Namespace) -> int:
    from ..errors import ContentError
    from .docs_tree import write_docs

    try:
        written = write_docs(Path(args.root), Path(args.out_dir))
    except ContentError as err:
        return _report_content_error(err)
    print(f"ok: {len(written)} files in {args.out_dir} (build it with: mkdocs build -f "
          f"{Path(args.out_dir) / 'mkdocs.yml'})", file=sys.stderr)
    return 0


def _cmd_search(args: argparse.Namespace) -> int:
    from ..errors import ContentError
    from ..render.pages import load_atlas
    from ..search.emit import write_search

    site = Path(args.site_dir)
    if not (site / "index.html").is_file():
        print(f"error: {site}: no index.html here; build the site first (mkdocs build, properdocs build, "
              f"zensical build)", file=sys.stderr)
        return 1
    try:
        atlas = load_atlas(Path(args.root))
    except ContentError as err:
        return _report_content_error(err)
    write_search(atlas, site, directory_urls=not args.flat_urls)
    print(f"ok: search index written into {site}", file=sys.stderr)
    return 0


def _cmd_bundle(args: argparse.Namespace) -> int:
    import subprocess

    from .bundle import make_bundle

    try:
        out = make_bundle(Path(args.root), Path(args.site_dir) if args.site_dir else None, Path(args.out))
    except subprocess.CalledProcessError as err:
        print(f"error: the offline build failed (exit {err.returncode}); nothing bundled", file=sys.stderr)
        return 1
    print(f"{out} ({out.stat().st_size / 1024 / 1024:.1f} MiB)")
    return 0


def _cmd_diff(args: argparse.Namespace) -> int:
    from ..errors import InputError
    from .diffing import diff_markdown

    try:
        text = diff_markdown(Path(args.root), args.base)
    except InputError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    sys.stdout.write(text)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=".",
                        help="project root holding content/ and site_config/ (default: the working directory)")
    sub = parser.add_subparsers(dest="command", required=True)

    check = sub.add_parser("check", help="validate content/ and site_config/, report every error")
    check.add_argument("--format", choices=["text", "github"], default="text",
                       help="github: print errors as GitHub Actions annotations")
    check.set_defaults(func=_cmd_check)

    imp = sub.add_parser("import", help="draft a plan YAML from a plan's raw text")
    imp.add_argument("source", help="the plan's text file (UTF-8)")
    imp.add_argument("--id", help="plan id (default: the source file's stem)")
    imp.add_argument("-o", "--output", help="where to write the YAML (default: content/plans/<id>.yaml)")
    imp.add_argument("--force", action="store_true", help="overwrite an existing (reviewed) plan file")
    imp.set_defaults(func=_cmd_import)

    pages = sub.add_parser("pages", help="write the generated Markdown pages to a directory")
    pages.add_argument("out_dir")
    pages.set_defaults(func=_cmd_pages)

    docs = sub.add_parser("docs", help="write the complete docs tree (pages, assets, nav) and a builder config")
    docs.add_argument("out_dir", help="writes OUT_DIR/docs/ and OUT_DIR/mkdocs.yml")
    docs.set_defaults(func=_cmd_docs)

    search = sub.add_parser("search", help="write the search index into a site built by any builder")
    search.add_argument("site_dir")
    search.add_argument("--flat-urls", action="store_true",
                        help="the site has .html URLs (use_directory_urls: false, the offline bundle)")
    search.set_defaults(func=_cmd_search)

    bundle = sub.add_parser("bundle", help="build the offline (file://) site and zip it reproducibly")
    bundle.add_argument("--site-dir", help="where to build it (default: build/offline/site under the root)")
    bundle.add_argument("--out", default="dist", help="directory for the zip (default: dist)")
    bundle.set_defaults(func=_cmd_bundle)

    diff = sub.add_parser("diff", help="Markdown summary of the content changes since a git ref (tasks, "
                                        "agencies, targets, metadata, pages affected)")
    diff.add_argument("base", help="the git ref to compare the working tree with (e.g. origin/main)")
    diff.set_defaults(func=_cmd_diff)

    args = parser.parse_args(argv)
    return args.func(args)
