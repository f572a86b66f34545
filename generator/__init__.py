"""Policy Atlas (政策图谱): turns Chinese “互联网+” action plans into a cross-linked, searchable site.

The pipeline runs one way: import (text → draft YAML) → load + validate (YAML → model) → link
(model → atlas) → render (atlas → Markdown pages, data exports) → build (MkDocs plugin) → search.
"""

__version__ = "0.1.0"
