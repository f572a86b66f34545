"""Permanent URLs: researchers cite them, so ``urls`` is the one place that spells them.

Every path is relative to the site root, in MkDocs' directory-URL form; ``flat_url`` turns one into
the ``.html`` form the offline bundle uses.
"""

from __future__ import annotations


class urls:
    """Page paths (relative to the site root, directory URLs) for every kind of page."""

    @staticmethod
    def plan(plan_id: str) -> str:
        return f"plans/{plan_id}/"

    @staticmethod
    def task(plan_id: str, task_id: str) -> str:
        return f"plans/{plan_id}/#{task_id}"

    @staticmethod
    def section(plan_id: str, section_id: str) -> str:
        return f"plans/{plan_id}/#{section_id}"

    @staticmethod
    def region(region_id: str) -> str:
        return f"regions/{region_id}/"

    @staticmethod
    def domain(domain_id: str) -> str:
        return f"domains/{domain_id}/"

    @staticmethod
    def agency(agency_id: str) -> str:
        return f"agencies/{agency_id}/"

    @staticmethod
    def agencies_in(group_id: str) -> str:
        """The agencies of one province-level region and the regions under it (the index's parts)."""
        return f"agencies/by-region/{group_id}/"

    @staticmethod
    def agency_type(type_id: str) -> str:
        return f"agency-types/{type_id}/"

    @staticmethod
    def indicator(indicator_id: str) -> str:
        return f"indicators/{indicator_id}/"

    @staticmethod
    def targets_in(group_id: str) -> str:
        """Every target of the plans of one province-level region (the master table's parts)."""
        return f"indicators/targets/{group_id}/"

    @staticmethod
    def document(doc_id: str) -> str:
        return f"documents/{doc_id}/"


def flat_url(url: str) -> str:
    """A directory URL (``plans/x/#t1``) in the form MkDocs writes with ``use_directory_urls: false``
    (``plans/x.html#t1``), which the offline bundle uses so that links open from file://.

    Index pages (``plans/``, from ``plans/index.md``) become ``plans/index.html``; the home page
    ``""`` becomes ``index.html``.
    """
    path, sep, fragment = url.partition("#")
    if path == "" or path.rstrip("/") in _INDEX_DIRS:
        path += "index.html"
    elif path.endswith("/"):
        path = path[:-1] + ".html"
    return path + sep + fragment


# Top-level folders whose bare URL is an index page (plans/ → plans/index.md).
_INDEX_DIRS = frozenset({"plans", "regions", "domains", "agencies", "agency-types", "indicators",
                         "documents", "coverage", "data"})
