"""Blind evaluation of the suggestion engine (``make eval`` / ``python -m eval``).

The corpus, the second questionnaire and the gold answers under ``tests/eval/`` were written
by people who never saw the engine; this package only runs the real pipeline over them and
scores what it stores. It never changes them, and it prints only aggregate figures for the
test split (per-question detail is for the dev split, the one tuning may look at).
"""
