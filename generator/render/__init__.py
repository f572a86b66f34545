"""Render: the atlas → view objects → Jinja2 templates → a complete docs tree (Markdown pages, nav,
assets) and the data exports. No builder is imported here; ``adapters`` hand the tree to one."""
