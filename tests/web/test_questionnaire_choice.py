"""The create form offers the active questionnaires when there is a choice, and validates it."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from assessments.selectors.assessments import assessment_collection
from integrations.runtime import run_sync
from tests.questionnaire.choice import EXAMPLE_FIRST_QUESTION, EXAMPLE_KEY, EXAMPLE_NAME, import_example
from tests.web.helpers import DETAILS

SELECT = '<select name="questionnaire"'


def _stored(response: Any) -> tuple[str, int]:
    assessment_id = response.url.split("/")[2]
    record = run_sync(assessment_collection, assessment_id=assessment_id).assessment
    return record.questionnaire_key, record.questionnaire_version


def test_it_asks_nothing_about_the_questionnaire_when_only_one_is_active(cast: Any) -> None:
    page = cast.client("requestor").get(reverse("assessments:new")).content.decode()

    assert SELECT not in page
    assert "Questionnaire" not in page


def test_it_opens_on_the_only_active_questionnaire_without_asking(cast: Any) -> None:
    response = cast.client("requestor").post(reverse("assessments:new"), {**DETAILS.__dict__})

    assert response.status_code == 302
    assert _stored(response)[0] == "default"


def test_it_offers_each_active_questionnaire_with_a_label_when_there_is_a_choice(cast: Any) -> None:
    import_example()

    page = cast.client("requestor").get(reverse("assessments:new")).content.decode()

    assert SELECT in page
    assert '<label for="id_questionnaire">Questionnaire *</label>' in page
    assert f'<option value="{EXAMPLE_KEY}">{EXAMPLE_NAME}</option>' in page
    assert '<option value="default" selected>' in page


def test_it_opens_the_assessment_on_the_chosen_questionnaire(cast: Any) -> None:
    import_example()
    client = cast.client("requestor")

    response = client.post(reverse("assessments:new"), {**DETAILS.__dict__, "questionnaire": EXAMPLE_KEY})

    assert response.status_code == 302
    assert _stored(response) == (EXAMPLE_KEY, 1)
    assert EXAMPLE_FIRST_QUESTION in client.get(response.url).content.decode()


def test_it_refuses_a_questionnaire_that_is_not_offered(cast: Any) -> None:
    import_example()
    client = cast.client("requestor")

    response = client.post(reverse("assessments:new"), {**DETAILS.__dict__, "questionnaire": "other"})

    assert response.status_code == 422
    assert "Select a valid choice" in response.content.decode()
    assert client.get("/api/assessments").json()["items"] == []
