from __future__ import annotations

from django import forms

from assessments.services.assessments import DATA_CLASSIFICATIONS, FIELD_LIMITS


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


class SendBackForm(forms.Form):
    feedback = forms.CharField(max_length=5000, widget=forms.Textarea(attrs={"rows": 4}))
