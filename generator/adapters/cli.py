"""Command line: ``python -m generator check|import|pages|site|docs|search|bundle|diff|corpus``.

A thin layer over the library: each command parses its arguments, calls one library function and
turns its outcome into output and an exit code (0 ok, 1 invalid content or input, 2 usage error).
The project root (content/ and site_config/) is the working directory unless ``--root`` names one.
Every problem is printed as ``path:line:col: message``, the root cause first (a schema or vocabulary
before the files that use it), on stdout; a summary goes to stderr; an internal error is one line
(exit 3), never a traceback. Nothing is published by a failing command: ``pages``, ``site`` and
``bundle`` build into a fresh folder and swap it in at the end (``publish``).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

from ..errors import Problem, root_cause_first
from ..model import Loc

def _gh(text: str, prop: bool = False) -> str:
    """Escape for a GitHub workflow command: a message like '…达到65%' must not read as an escape."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def _print(problems: list[Problem], fmt: str = "text") -> None:
    for problem in problems:
        if fmt == "github":
            loc = problem.loc
            kind = "warning" if problem.warning else "error"
            print(f"::{kind} file={_gh(loc.path, True)},line={loc.line},col={loc.col}::{_gh(problem.message)}")
        else:
            print(problem)


def _docs_dir(root: Path) -> str:
    """The MkDocs docs_dir named in root/mkdocs.yml (docs by default)."""
    config = root / "mkdocs.yml"
    try:
        match = re.search(r"^docs_dir:\s*['\"]?([^'\"#\s]+)", config.read_text(encoding="utf-8"), re.M)
    except (OSError, UnicodeDecodeError):
        match = None
    return match.group(1) if match else "docs"


def _page_url(path: str) -> str:
    """The URL MkDocs gives a docs file: plans/x.md and plans/x/index.md are both plans/x/."""
    if not path.endswith(".md"):
        return path
    path = path[:-3]
    if path == "index" or path.endswith("/index"):
        path = path[: -len("index")]
    elif path:
        path += "/"
    return path


def generated_items(content):
    """Every page and asset the content generates, or the problem that prevents it."""
    from ..atlas import link
    from ..render.pages import all_pages

    return all_pages(link(content.vocab, content.plans))


def docs_collisions(root: Path, items) -> list[Problem]:
    """A hand-written file in docs/ whose URL a generated page or asset has: MkDocs would fail the
    build (or one would silently shadow the other), so it is a content error."""
    from ..render.page import Page

    docs = _docs_dir(root)
    folder = root / docs
    if not folder.is_dir():
        return []
    generated = {(_page_url(item.path) if isinstance(item, Page) else item.path): item for item in items}
    out = []
    for file in sorted(p for p in folder.rglob("*") if p.is_file() or p.is_symlink()):
        rel = file.relative_to(folder).as_posix()
        item = generated.get(_page_url(rel))
        if item is None:
            continue
        made_from = f" (made from {item.edit_path})" if getattr(item, "edit_path", None) else ""
        out.append(Problem(Loc(f"{docs}/{rel}"), f"collides with the generated {item.path}{made_from}: "
                           f"remove {docs}/{rel}; every page of the atlas is generated from content/"))
    return out


def validate(root: Path) -> tuple[object | None, list, list[Problem]]:
    """(content, generated items, problems) of ``root``: everything ``check`` reports."""
    from ..content.load import read_content

    content, problems = read_content(root)
    if any(not p.warning for p in problems):
        return None, [], problems
    items = generated_items(content)
    return content, items, problems + docs_collisions(root, items)


def report(problems: list[Problem], fmt: str = "text") -> tuple[int, int]:
    errors = root_cause_first([p for p in problems if not p.warning])
    warnings = root_cause_first([p for p in problems if p.warning])
    _print(errors + warnings, fmt)
    return len(errors), len(warnings)


def _cmd_check(args: argparse.Namespace) -> int:
    root = Path(args.root)
    content, _, problems = validate(root)
    errors, warnings = report(problems, args.format)
    also = f", {warnings} warning(s)" if warnings else ""
    if errors:
        print(f"{errors} error(s){also}", file=sys.stderr)
        return 1
    from ..atlas.review import review_warnings

    review = review_warnings(content)  # the texts state what the data does not (yet) say
    for warning in review:
        if args.format == "github":
            loc = warning.loc
            print(f"::warning file={_gh(loc.path, True)},line={loc.line},col={loc.col}::{_gh(warning.message)}")
        else:
            print(f"{warning.loc}: warning: {warning.message}")
    tasks = sum(1 for p in content.plans.values() for _ in p.iter_tasks())
    total = warnings + len(review)
    print(f"ok: {len(content.plans)} plans, {tasks} tasks, {total} warning(s)", file=sys.stderr)
    return 0


# A source this long (characters, ~ a full provincial plan) shows the importer's progress on stderr.
PROGRESS_FROM = 20_000


def _cmd_import(args: argparse.Namespace) -> int:
    from ..errors import InputError, SourceError, UsageError
    from . import import_input as inp
    from .importing import import_file

    try:
        problem = _check_import_input(args, inp)
    except SourceError as err:
        print(err)  # path:line:col: message, and the advice on the next line
        print("nothing written", file=sys.stderr)
        return 1
    if problem is not None:
        print(problem)
        print("nothing written", file=sys.stderr)
        return 1
    source = Path(args.source)
    progress = None
    if source.stat().st_size >= PROGRESS_FROM * 3 // 2 or args.progress:  # UTF-8 Chinese: ~3 bytes a character
        def progress(message: str) -> None:
            print(f"import: {message} …", file=sys.stderr, flush=True)
    try:
        written = import_file(source, plan_id=args.id, out=Path(args.output) if args.output else None,
                              root=Path(args.root), force=args.force, progress=progress)
    except UsageError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except SourceError as err:
        print(err)
        print("nothing written", file=sys.stderr)
        return 1
    except InputError as err:
        print(f"{err.path}:1:1: {err.message}" if err.path else f"error: {err}")
        print("nothing written", file=sys.stderr)
        return 1
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


def _check_import_input(args: argparse.Namespace, inp) -> Problem | None:
    """The outputs can be written: else the problem, located. A source that cannot be imported
    raises ``SourceError`` (``importer.source.read_source``, the importer's one judgement)."""
    from ..importer.source import read_source

    root = Path(args.root)
    source = Path(args.source)
    plan_id = args.id or source.stem
    if not re.fullmatch(r"[a-z0-9-]+", plan_id):
        return None  # a usage error: the importer says so (exit 2)
    out = Path(args.output) if args.output else root / "content" / "plans" / f"{plan_id}.yaml"
    try:
        data, _ = read_source(source)
        inp.check_output(out, force=args.force)
        copy = root / "content" / "sources" / f"{plan_id}.txt"
        if copy.exists() and copy.resolve() != source.resolve() and not args.force and copy.read_bytes() != data:
            return Problem(Loc(str(copy)), "exists with other text: pass --force to replace it, or --id another plan id")
        inp.check_output(copy.with_suffix(".yaml"), force=True)  # its folder can be written
    except inp.ImportInputError as err:
        return err.problem
    if len(data) > inp.PROGRESS_BYTES:
        print(f"importing {source} ({len(data) / 1024:.0f} kB): structuring the text, this may take a "
              "while…", file=sys.stderr, flush=True)
    return None


def _cmd_pages(args: argparse.Namespace) -> int:
    from ..render.pages import write_items
    from .publish import OutputError, check_output_dir, publish_dir

    out_dir = Path(args.out_dir)
    try:
        check_output_dir(out_dir.absolute(), PAGES_LOOK_LIKE)
    except OutputError as err:
        print(err.problem)
        print("nothing written", file=sys.stderr)
        return 1
    _, items, problems = validate(Path(args.root))
    errors, _ = report(problems)
    if errors:
        print(f"{errors} error(s); nothing written", file=sys.stderr)
        return 1
    written: list = []
    try:
        publish_dir(out_dir, lambda tmp: written.extend(write_items(items, tmp)), PAGES_LOOK_LIKE, mark=True)
    except OutputError as err:
        print(err.problem)
        print("nothing written", file=sys.stderr)
        return 1
    print(f"ok: {len(written)} files in {args.out_dir}", file=sys.stderr)
    return 0


PAGES_LOOK_LIKE = ("index.md", "plans/index.md", "data/index.md")
SITE_LOOK_LIKE = ("index.html", "sitemap.xml")


def build_site(root: Path, site_dir: Path, config: Path) -> int:
    """``mkdocs build --strict`` into a fresh folder, swapped in place of ``site_dir`` when it
    succeeds; content problems are printed (root cause first) before MkDocs even starts."""
    from .publish import OutputError, publish_dir

    _, _, problems = validate(root)
    errors, _ = report(problems)
    if errors:
        print(f"{errors} error(s); {site_dir} left as it was", file=sys.stderr)
        return 1

    def build(tmp: Path) -> None:
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config),
                        "--site-dir", str(tmp)], check=True, cwd=root)

    try:
        publish_dir(site_dir, build, SITE_LOOK_LIKE)
    except OutputError as err:
        print(err.problem)
        print(f"{site_dir} left as it was", file=sys.stderr)
        return 1
    except subprocess.CalledProcessError:
        print(f"mkdocs build failed (its messages are above); {site_dir} left as it was", file=sys.stderr)
        return 1
    print(f"ok: site in {site_dir}", file=sys.stderr)
    return 0


def _cmd_site(args: argparse.Namespace) -> int:
    root = Path(args.root)
    return build_site(root, Path(args.site_dir), Path(args.config) if args.config else root / "mkdocs.yml")




def _report_content_error(err) -> int:
    err.problems = root_cause_first(err.problems)
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


def _site_names(root: Path) -> tuple[str, str | None]:
    """site_name and site_description of root/mkdocs.yml, following INHERIT (plain scalars there; the
    file's !ENV tags keep a YAML loader from reading it whole)."""
    name = description = None
    config: Path | None = root / "mkdocs.yml"
    for _ in range(5):  # an INHERIT chain, a few files deep at most
        if config is None or not config.is_file():
            break
        text = config.read_text(encoding="utf-8")
        found = re.search(r"^site_name:[ \t]*(.+?)[ \t]*$", text, re.M)
        name = name or (found.group(1) if found else None)
        found = re.search(r"^site_description:[ \t]*(.+?)[ \t]*$", text, re.M)
        description = description or (found.group(1) if found else None)
        parent = re.search(r"^INHERIT:[ \t]*[\"']?(.+?)[\"']?[ \t]*$", text, re.M)
        config = (config.parent / parent.group(1)) if parent else None
    return name or "Policy Atlas", description


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
    if not args.flat_urls:  # hosted: the web app last, its cache version hashes the whole site
        from .webapp import write_webapp

        write_webapp(site, *_site_names(Path(args.root)))
    print(f"ok: search index{'' if args.flat_urls else ' and web app'} written into {site}", file=sys.stderr)
    return 0


def _cmd_bundle(args: argparse.Namespace) -> int:
    from .bundle import make_bundle
    from .publish import OutputError

    errors, _ = report(validate(Path(args.root))[2])  # content problems first, as check prints them
    if errors:
        print(f"{errors} error(s); no bundle written", file=sys.stderr)
        return 1
    try:
        out = make_bundle(Path(args.root), Path(args.site_dir) if args.site_dir else None, Path(args.out))
    except OutputError as err:
        print(err.problem)
        print("no bundle written", file=sys.stderr)
        return 1
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

def _cmd_corpus(args: argparse.Namespace) -> int:
    from ..errors import ContentError
    from ..importer.scoring import markdown, misses, score_corpus
    from .importing import load_vocab

    root = Path(args.root)
    corpus = Path(args.corpus) if args.corpus else root / "tests" / "corpus"
    try:
        vocab, warning = load_vocab(root)
        if warning:
            print(f"warning: {warning}", file=sys.stderr)
        score = score_corpus(corpus, vocab)
    except ContentError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        return 1
    print(markdown(score, per_file=not args.totals_only), end="")
    if args.misses:
        print(misses(score), file=sys.stderr)
    for f in score.errors:
        print(f"error: {f.name}: the importer crashed: {f.error}", file=sys.stderr)
    return 1 if score.errors else 0


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
    imp.add_argument("--progress", action="store_true", help="show progress on stderr (automatic for a long text)")
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

    site = sub.add_parser("site", help="mkdocs build --strict, replacing the site folder only on success")
    site.add_argument("--site-dir", default="site")
    site.add_argument("-f", "--config", help="MkDocs config (default: ROOT/mkdocs.yml)")
    site.set_defaults(func=_cmd_site)

    corpus = sub.add_parser("corpus", help="score the importer on a corpus of real texts (Markdown table)")
    corpus.add_argument("--corpus", help="the corpus folder (default: tests/corpus under --root)")
    corpus.add_argument("--misses", action="store_true", help="also list every miss on stderr")
    corpus.add_argument("--totals-only", action="store_true", help="print only the per-kind totals")
    corpus.set_defaults(func=_cmd_corpus)

    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("interrupted; nothing published", file=sys.stderr)
        return 130
    except Exception as err:  # a bug: say so in one line, never a traceback at a contributor
        print(f"internal error ({type(err).__name__}: {err}); nothing published. This is a bug in the "
              "generator, not in your content: please report it with the command you ran",
              file=sys.stderr)
        return 3

