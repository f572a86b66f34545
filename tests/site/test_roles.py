"""One ROLES: the content checks, the atlas, search, exports and the templates list the same roles."""

from __future__ import annotations

from generator import model
from generator.content import plans as content_plans
from generator.render import agency_pages, changes, exports, plan_pages, region_pages, render
from generator.search import documents


def test_every_stage_takes_roles_from_the_model():
    for module in (content_plans, documents, exports, agency_pages, plan_pages, region_pages, changes):
        assert module.ROLES is model.ROLES
    env = render.environment()
    assert env.globals["role_order"] is model.ROLES
    assert env.globals["role_labels"] == tuple(model.ROLE_NAMES[r] for r in model.ROLES)
    assert env.globals["role_align"].count("---:") == len(model.ROLES)


def test_agency_table_headers_come_from_role_names(atlas):
    from generator.render.pages import all_pages

    pages = {p.path: p.markdown for p in all_pages(atlas) if p.path.startswith("agencies/")}
    assert "| 地区 | 部门数 | 牵头 | 配合 | 负责 |" in pages["agencies/index.md"]
    parts = [md for path, md in pages.items() if path.startswith("agencies/by-region/")]
    assert parts and all("| 部门 | 部门类型 | 牵头 | 配合 | 负责 |" in md for md in parts)
