"""The search index of a full build, made by a forked process while MkDocs converts the pages.

MkDocs converts and writes pages on one core; the search index needs only the atlas (at 300 plans
~30 s of work, and more memory than anything else in the build). A full build, where ``fork`` exists,
starts it in a child process right after the content is loaded: the child builds the bundle, waits to
learn the URL form (``use_directory_urls`` is final only once every plugin's ``on_config`` has run:
the offline plugin turns it off), writes the index into a private folder and exits. ``finish``
(from ``on_post_build``) waits for it and copies the files into the site. An error in the child fails
the build with the child's traceback; a build that fails first kills the child. Without ``fork`` the
plugin writes the index in line, after the pages, as before. The files are the same either way.
"""

from __future__ import annotations

import multiprocessing
import shutil
import tempfile
import traceback
from multiprocessing.connection import Connection
from pathlib import Path

from ..atlas import Atlas
from ..search.bundle import build_bundle
from ..search.emit import SITE_SUBDIR, write_bundle

OK = "ok"


def available() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


class SearchProcess:
    """One build's search index, made beside it (see the module docstring)."""

    def __init__(self, atlas: Atlas, cache: Path) -> None:
        ctx = multiprocessing.get_context("fork")
        self.folder = Path(tempfile.mkdtemp(prefix="atlas-search-"))
        self._conn, child = ctx.Pipe()
        self._proc = ctx.Process(target=_run, args=(atlas, cache, self.folder, child), daemon=True)
        self._proc.start()
        child.close()  # the child's end lives in the child only: recv() sees EOF if it dies

    def set_urls(self, directory_urls: bool) -> None:
        """The URL form of the pages being built (once, when it is final). A child that already
        failed has closed its end: ``finish`` reports its error."""
        try:
            self._conn.send(directory_urls)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def finish(self, site_dir: Path) -> None:
        """Wait for the index and put it into ``site_dir``; RuntimeError if the child failed."""
        try:
            message = self._conn.recv()
        except EOFError:
            message = None
        self._proc.join()
        if message != OK:
            self.close()
            raise RuntimeError(message or f"the search index process died (exit code {self._proc.exitcode})")
        target = Path(site_dir) / SITE_SUBDIR
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(self.folder / SITE_SUBDIR, target)
        self.close()

    def close(self) -> None:
        if self._proc.is_alive():
            self._proc.kill()
            self._proc.join()
        self._conn.close()
        shutil.rmtree(self.folder, ignore_errors=True)


def _run(atlas: Atlas, cache: Path, folder: Path, conn: Connection) -> None:
    try:
        bundle = build_bundle(atlas, cache_dir=cache)
        directory_urls = conn.recv()
        write_bundle(bundle, folder, directory_urls=directory_urls)
        conn.send(OK)
    except BaseException:  # the parent prints it: a child's traceback would be lost otherwise
        conn.send(traceback.format_exc())
    finally:
        conn.close()
