"""``{% bulk_accept_panel %}``: the section page's "Accept all high-confidence suggestions" button."""

from __future__ import annotations

from typing import Any

from django import template

from assessments.presenters.bulk_accept import high_confidence_offer

register = template.Library()


@register.inclusion_tag("assessments/partials/bulk_accept_panel.html", takes_context=True)
def bulk_accept_panel(context: template.Context) -> dict[str, Any]:
    overview = context["o"]
    section = context["section"]
    return {
        "a": overview.collection.assessment,
        "section": section,
        "offer": high_confidence_offer(overview, section.key),
        "summary": context.get("bulk_summary"),
        "oob": context.get("oob", False),
        "csrf_token": context.get("csrf_token"),
    }
