"""Old home of the view helpers, kept while the API still imports ``actor_of`` from here.

Use ``assessments.http`` (who is acting) and ``assessments.views.errors`` (error responses).
"""

from __future__ import annotations

from assessments.http import actor_of
from assessments.views.errors import error_response

__all__ = ["actor_of", "error_response"]
