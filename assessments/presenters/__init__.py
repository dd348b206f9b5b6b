"""Presenters: what a page or an API response shows, derived from records (pure, no I/O rules).

`overview` summarises one assessment (progress, next question, missing answers, suggestions);
`questions` shapes one question for its template.
"""
