"""Text primitives every stage shares, one implementation each: verbatim comparison (``verbatim``),
folding for matching (``folding``), the traditional → simplified table (``t2s``, also shipped to
the browser), brackets and depth-0 scanning (``brackets``), 文号 parse/key/slug (``docnum``),
figures as written (``numbers``: 65.0 → 65), Chinese numerals (``numerals``) and dates (``dates``).

The bottom of the pipeline: imports nothing from the generator but the model.
"""
