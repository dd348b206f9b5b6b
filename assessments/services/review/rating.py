"""The inherent rating of an assessment as it stands: H1's pure rule applied to the collection."""

from __future__ import annotations

from assessments.domain.rating import InherentRating, inherent_rating
from assessments.domain.records import AssessmentCollection
from assessments.domain.review import OVERALL_AREA
from assessments.questionnaire.model import Questionnaire


def rating_of(collection: AssessmentCollection, questionnaire: Questionnaire) -> InherentRating:
    """The rating of the collection's answers, for its active areas (pure, no I/O)."""
    return inherent_rating(
        questionnaire, collection.answer_values(), active_areas=collection.assessment.active_areas
    )


def area_level(rating: InherentRating, area_key: str) -> str | None:
    """The inherent level a decision of ``area_key`` is taken against (the overall one for the
    overall pseudo-area); None when it is not rated."""
    if area_key == OVERALL_AREA:
        return rating.overall.value if rating.overall else None
    area = rating.areas.get(area_key)
    return area.level.value if area is not None and area.level is not None else None
