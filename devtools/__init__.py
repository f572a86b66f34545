"""Developer tools, outside the runtime package: the benchmark (``python -m devtools.bench``), the
synthetic corpora it builds, the search measurements and the Chromium launcher the tests share."""
