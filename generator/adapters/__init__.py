"""Adapters at the top of the pipeline: the command line (``cli``), the MkDocs plugin
(``mkdocs_plugin``) and the offline bundle (``bundle``). Each is a thin layer over the stages."""
