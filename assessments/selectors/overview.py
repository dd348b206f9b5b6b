"""Moved to `assessments.presenters.overview`; this shim keeps old imports working for now."""

from __future__ import annotations

from assessments.presenters.overview import (
    QUALIFYING,
    Overview,
    RiskAreaHint,
    SectionProgress,
    areas_switched_on_by_yes,
    assessment_overview,
    build_overview,
    section_questions,
)

__all__ = [
    "QUALIFYING",
    "Overview",
    "RiskAreaHint",
    "SectionProgress",
    "areas_switched_on_by_yes",
    "assessment_overview",
    "build_overview",
    "section_questions",
]
