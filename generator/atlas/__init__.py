"""Link: the loaded content cross-linked into the atlas, the graph every page is a view of.

``link`` resolves what the plans share; ``urls`` spells every permanent URL. Imports only the model
and ``text``; rendering and search read the atlas, never the other way round.
"""

from .link import (Atlas, CitedDocument, Measure, TargetRef, TaskRef, doc_number_key, document_slug,
                   link, measure)
from .urls import flat_url, urls

__all__ = ["Atlas", "CitedDocument", "Measure", "TargetRef", "TaskRef", "doc_number_key",
           "document_slug", "flat_url", "link", "measure", "urls"]
