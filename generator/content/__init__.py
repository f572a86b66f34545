"""Content loading and validation: site_config/ and content/plans/ → the model, or every problem.

``vocab.load_vocabulary`` reads the controlled vocabularies; ``load.load_content`` reads and checks
everything against everything (schemas, ids, references, sources, verbatim text) and raises
``errors.ContentError`` with all problems found, each at ``path:line:col``.
"""
