"""Text primitives every stage shares, one implementation each: verbatim comparison (``verbatim``),
folding for matching (``folding``), Chinese numerals (``numerals``) and dates (``dates``).

The bottom of the pipeline: imports nothing from the generator but the model.
"""
