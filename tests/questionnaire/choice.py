"""A second questionnaire for the tests of choosing one (key ``example``, first question Q-1)."""

from __future__ import annotations

from textwrap import dedent

from assessments.models import QuestionnaireVersion
from assessments.services.questionnaires import questionnaire_import
from tests.questionnaire.test_engine import FORMAT_PAGE_EXAMPLE

EXAMPLE_KEY = "example"
EXAMPLE_NAME = "Example TRA"
EXAMPLE_FIRST_QUESTION = "Q-1"
EXAMPLE_TEXT = dedent(FORMAT_PAGE_EXAMPLE)


def import_example(*, activate: bool = True) -> QuestionnaireVersion:
    return questionnaire_import(text=EXAMPLE_TEXT, key=EXAMPLE_KEY, activate=activate)
