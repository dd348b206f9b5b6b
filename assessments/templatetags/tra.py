from __future__ import annotations

from django import template

from assessments.domain.workflow import STATE_LABELS, State

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


@register.simple_tag
def upload_limits() -> dict[str, int]:
    """The upload limits, for the form's hint and the page's early size check."""
    from django.conf import settings

    return {
        "max_bytes": settings.TRA_UPLOAD_MAX_BYTES,
        "max_mb": settings.TRA_UPLOAD_MAX_BYTES // (1024 * 1024),
    }


@register.filter(name="dom_id")
def dom_id_filter(question_id: str) -> str:
    from assessments.views.questions import dom_id

    return dom_id(question_id)
