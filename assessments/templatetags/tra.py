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
