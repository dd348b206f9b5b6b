from __future__ import annotations

from django import forms

from assessments.notifications.kinds import NotificationKind


class EmailPreferencesForm(forms.Form):
    """The kinds a user wants e-mails for (every kind ticked by default)."""

    email_kinds = forms.MultipleChoiceField(
        label="Send me an e-mail when",
        choices=[(k.value, k.label) for k in NotificationKind],
        widget=forms.CheckboxSelectMultiple,
        required=False,  # nothing ticked: no e-mails at all (the in-app notes stay)
    )

    def opted_out(self) -> set[str]:
        return {k.value for k in NotificationKind} - set(self.cleaned_data["email_kinds"])
