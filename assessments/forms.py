from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms

from assessments.selectors.questionnaire_catalog import ActiveQuestionnaire
from assessments.services.assessments import DATA_CLASSIFICATIONS, DEFAULT_QUESTIONNAIRE, FIELD_LIMITS


class AssessmentCreateForm(forms.Form):
    title = forms.CharField(max_length=FIELD_LIMITS["title"])
    project = forms.CharField(max_length=FIELD_LIMITS["project"])
    description = forms.CharField(
        max_length=FIELD_LIMITS["description"], widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    system_id = forms.CharField(max_length=FIELD_LIMITS["system_id"], required=False, label="System id")
    data_classification = forms.ChoiceField(
        choices=[("", "Choose…")] + [(c, c) for c in DATA_CLASSIFICATIONS]
    )
    business_unit = forms.CharField(max_length=FIELD_LIMITS["business_unit"])

    def __init__(self, *args: Any, questionnaires: Sequence[ActiveQuestionnaire] = (), **kwargs: Any) -> None:
        """``questionnaires``: the active ones. The form asks which only when there is a choice."""
        super().__init__(*args, **kwargs)
        self._only = questionnaires[0].key if len(questionnaires) == 1 else DEFAULT_QUESTIONNAIRE
        if len(questionnaires) > 1:
            keys = [q.key for q in questionnaires]
            field = forms.ChoiceField(
                label="Questionnaire",
                choices=[(q.key, q.name) for q in questionnaires],
                initial=DEFAULT_QUESTIONNAIRE if DEFAULT_QUESTIONNAIRE in keys else keys[0],
            )
            # First: it decides what the rest of the assessment asks.
            self.fields = {"questionnaire": field, **self.fields}

    def details(self) -> dict[str, Any]:
        """The assessment's details from a valid form, without the questionnaire choice."""
        return {name: value for name, value in self.cleaned_data.items() if name != "questionnaire"}

    def questionnaire_key(self) -> str:
        """The chosen questionnaire, or the only active one when there was nothing to choose."""
        return self.cleaned_data.get("questionnaire") or self._only
