from __future__ import annotations

from django import template

from assessments.domain.workflow import STATE_LABELS, State
from assessments.http import upload_limits
from assessments.presenters.dom import dom_id

register = template.Library()


@register.filter
def state_label(state: str) -> str:
    try:
        return STATE_LABELS[State(state)]
    except ValueError:
        return state


@register.filter
def when(ts: str | None) -> str:
    """ISO timestamp as 'YYYY-MM-DD HH:MM' (UTC)."""
    return f"{ts[:10]} {ts[11:16]}" if ts else "—"


@register.simple_tag(name="upload_limits")
def upload_limits_tag() -> dict[str, int]:
    """The upload limits, for the form's hint and the page's early size check."""
    return upload_limits()


@register.filter(name="dom_id")
def dom_id_filter(question_id: str) -> str:
    return dom_id(question_id)
