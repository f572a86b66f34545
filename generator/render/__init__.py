"""Render: the atlas → view objects → Jinja2 templates → a complete docs tree (Markdown pages, nav,
assets) and the data exports. No builder is imported here; ``adapters`` hand the tree to one.

Each page kind's module (``plan_pages``, ``domain_pages`` …) decides what its page shows and hands
the template view objects; templates only present them: they look nothing up in the vocabularies
and hold no rule or constant (which roles a task lists, whether a section shows its annotation, the
number of role columns, excerpt lengths, level names). What they keep is wording: headings, labels
and the placeholder a missing value shows (未载明, —). tests/site/test_view_rules.py holds them to it.
"""
