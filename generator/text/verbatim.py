"""Text normalisation shared by the importer and the validator.

Plan text is kept verbatim. To decide whether a stored fragment *is* verbatim from its source we
compare both sides after one documented normalisation (``normalize``):

1. Unicode NFKC, which folds full-width ASCII forms to half-width (，→ ,  （ → (  ：→ :  ２ → 2);
2. every run of whitespace (spaces, ideographic space U+3000, tabs, line breaks) removed — Chinese
   text carries no meaning in it, and web copies break lines and indent at random.

Nothing else is folded: 〔〕 and [] stay different, a Cyrillic О stays Cyrillic.
"""

from __future__ import annotations

import re
import unicodedata

_SPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    """Fold ``text`` for verbatim comparison (see the module docstring)."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


def is_verbatim(fragment: str, source: str, *, normalized_source: str | None = None) -> bool:
    """True when ``fragment`` occurs in ``source`` after normalising both."""
    hay = normalized_source if normalized_source is not None else normalize(source)
    return normalize(fragment) in hay
