"""Over random valid questionnaires: writing to XLSX or CSV and reading back changes nothing."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings

from assessments.questionnaire.parser import parse_questionnaire
from assessments.questionnaire.spreadsheet import (
    questionnaire_from_csv,
    questionnaire_from_xlsx,
    questionnaire_to_csv,
    questionnaire_to_xlsx,
)
from tests.questionnaire.strategies import questionnaire_mappings

# Fewer examples than the parser's properties: each one writes and reads a whole workbook.
SPREADSHEET_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SPREADSHEET_SETTINGS
@given(questionnaire_mappings())
def test_any_questionnaire_survives_the_xlsx_round_trip(mapping: dict[str, Any]) -> None:
    questionnaire = parse_questionnaire(mapping)

    assert questionnaire_from_xlsx(questionnaire_to_xlsx(questionnaire)) == questionnaire


@SPREADSHEET_SETTINGS
@given(questionnaire_mappings())
def test_any_questionnaire_survives_the_csv_round_trip(mapping: dict[str, Any]) -> None:
    questionnaire = parse_questionnaire(mapping)

    assert questionnaire_from_csv(questionnaire_to_csv(questionnaire)) == questionnaire
