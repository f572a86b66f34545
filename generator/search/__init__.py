"""Chinese full-text search for the atlas, prebuilt at build time and queried in the browser.

documents → tokenize (jieba + a user dictionary from the vocabularies) → index (Python ``lunr``,
serialized for lunr.js 2.3.9) → emit (one script the browser loads as is, also from file://).
``query`` is the reference implementation of the browser's query algorithm (assets/atlas-search-core.js);
a test runs both on the same queries and compares.
"""
