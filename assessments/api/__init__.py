"""The Ninja API: the requestor's use cases over JSON, session-authenticated with CSRF.

One module of operations per use case (``assessments``, ``answers``, ``documents``,
``suggestions``, ``questionnaires``, ``notifications``, ``comments``, ``review``); ``schemas``
(and ``schemas_review`` for the review's) holds what they take and give, ``errors`` the one error
shape, ``auth`` the async session check. ``tra_site/api.py`` owns the NinjaAPI object.
"""

from __future__ import annotations

from ninja import NinjaAPI

from assessments.api import (
    answers,
    assessments,
    bulk_accept,
    comments,
    documents,
    errors,
    exports,
    notifications,
    questionnaires,
    reuse,
    review,
    search,
    suggestions,
)


def register(api: NinjaAPI) -> None:
    for module in (
        assessments,
        answers,
        documents,
        suggestions,
        bulk_accept,
        questionnaires,
        notifications,
        comments,
        review,
        search,
        exports,
        reuse,
    ):
        api.add_router("/", module.router)
    errors.install(api)
