"""The review screens' forms: queue filters, assign, comment, send back, decide.

Forms only check shape (a known choice, a length, a date); what a move needs beyond that (a
rationale, an owner per condition, a question that applies) is the use case's to refuse, and
its ValidationFailed is shown on the same form, with what the user typed.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from django import forms

from assessments.domain.queue import QueueFilters, QueueOrder
from assessments.domain.rating import RiskLevel
from assessments.domain.review import COMMENT_MAX_LENGTH, Outcome
from assessments.domain.workflow import STATE_LABELS, State
from assessments.services.assessments import DATA_CLASSIFICATIONS

# Sort choices: (value, label, order, descending).
QUEUE_SORTS = (
    ("submitted_desc", "Submitted, newest first", QueueOrder.SUBMITTED, True),
    ("submitted_asc", "Submitted, oldest first", QueueOrder.SUBMITTED, False),
    ("due_asc", "Due date, soonest first", QueueOrder.DUE, False),
    ("due_desc", "Due date, latest first", QueueOrder.DUE, True),
)
ARCHIVE_SORTS = (
    ("updated_desc", "Last move, newest first", QueueOrder.UPDATED, True),
    ("updated_asc", "Last move, oldest first", QueueOrder.UPDATED, False),
)
QUEUE_STATES = (State.SUBMITTED, State.UNDER_REVIEW)
ARCHIVE_STATES = (State.SENT_BACK, State.FINALIZED, State.REJECTED, State.WITHDRAWN)
MAX_CONDITIONS = 5


class QueueFilterForm(forms.Form):
    """The queue's and the archive's filters, from the query string (GET)."""

    q = forms.CharField(label="Search", max_length=200, required=False)
    state = forms.ChoiceField(label="State", required=False)
    business_unit = forms.CharField(label="Business unit", max_length=200, required=False)
    classification = forms.ChoiceField(
        label="Classification", required=False, choices=[("", "Any")] + [(c, c) for c in DATA_CLASSIFICATIONS]
    )
    area = forms.MultipleChoiceField(label="Risk areas", required=False, widget=forms.CheckboxSelectMultiple)
    assignee = forms.ChoiceField(label="Assignee", required=False)
    overdue = forms.BooleanField(label="Overdue only", required=False)
    sort = forms.ChoiceField(label="Sort", required=False)
    cursor = forms.CharField(required=False, widget=forms.HiddenInput, max_length=4000)

    def __init__(
        self,
        *args: Any,
        archive: bool = False,
        areas: Sequence[tuple[str, str]] = (),
        reviewers: Sequence[tuple[int, str]] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.archive = archive
        states = ARCHIVE_STATES if archive else QUEUE_STATES
        self.fields["state"].choices = [("", "Any")] + [(s.value, STATE_LABELS[s]) for s in states]
        self.fields["area"].choices = list(areas)
        self.fields["assignee"].choices = [
            ("", "Anyone"),
            ("me", "Me"),
            ("none", "Unassigned"),
            *[(str(user_id), name) for user_id, name in reviewers],
        ]
        self.sorts = ARCHIVE_SORTS if archive else QUEUE_SORTS
        self.fields["sort"].choices = [(value, label) for value, label, _o, _d in self.sorts]

    def order(self) -> tuple[QueueOrder, bool]:
        chosen = self.cleaned_data.get("sort") or self.sorts[0][0]
        _value, _label, order, descending = next(s for s in self.sorts if s[0] == chosen)
        return order, descending

    def filters(self, *, me: int) -> QueueFilters:
        data = self.cleaned_data
        assignee = data.get("assignee") or ""
        return QueueFilters(
            # No state chosen: no state filter (the list's partition holds only its own states),
            # so an unfiltered page stays one Query of exactly one page.
            states=frozenset({State(data["state"])}) if data.get("state") else frozenset(),
            business_unit=data.get("business_unit", "").strip(),
            data_classification=data.get("classification") or "",
            risk_areas=frozenset(data.get("area") or ()),
            assignee_id=me if assignee == "me" else (int(assignee) if assignee.isdigit() else None),
            unassigned=assignee == "none",
            overdue=bool(data.get("overdue")),
            text=data.get("q", "").strip(),
        )

    def query_without_cursor(self) -> str:
        """The filters as a query string, for the next-page link and the sort links."""
        data = self.data.copy()
        data.pop("cursor", None)
        return data.urlencode()


class AssignForm(forms.Form):
    assignee = forms.TypedChoiceField(coerce=int, label="Assign to", required=False, empty_value=None)

    def __init__(self, *args: Any, reviewers: Sequence[tuple[int, str]] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assignee"].choices = [("", "Me")] + [(str(i), n) for i, n in reviewers]


class CommentForm(forms.Form):
    text = forms.CharField(
        label="Comment", max_length=COMMENT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 3})
    )


class SendBackForm(forms.Form):
    feedback = forms.CharField(
        label="Feedback for the requestor", max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )
    questions = forms.MultipleChoiceField(
        label="Questions that need work", required=False, widget=forms.CheckboxSelectMultiple
    )
    areas = forms.MultipleChoiceField(
        label="Flag risk areas", required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(
        self,
        *args: Any,
        questions: Sequence[tuple[str, str]] = (),
        areas: Sequence[tuple[str, str]] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["questions"].choices = list(questions)
        self.fields["areas"].choices = list(areas)


class DecisionForm(forms.Form):
    """One area's decision. Condition rows are ``condition_<n>_text|owner|due`` (n < 5)."""

    outcome = forms.ChoiceField(
        label="Outcome",
        choices=[
            (o.value, o.label.replace("Approved", "Approve").replace("Rejected", "Reject")) for o in Outcome
        ],
    )
    rationale = forms.CharField(label="Rationale", max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))
    residual_rating = forms.ChoiceField(
        label="Residual rating",
        required=False,
        choices=[("", "Choose…")] + [(r.value, r.label) for r in RiskLevel],
    )
    residual_rationale = forms.CharField(
        label="Why this residual rating",
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    expected_version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, area_key: str = "", **kwargs: Any) -> None:
        super().__init__(*args, prefix=f"d-{area_key}" if area_key else None, **kwargs)
        self.area_key = area_key
        for n in range(MAX_CONDITIONS):
            self.fields[f"condition_{n}_text"] = forms.CharField(
                label=f"Condition {n + 1}", max_length=1000, required=False
            )
            self.fields[f"condition_{n}_owner"] = forms.CharField(
                label="Owner", max_length=200, required=False
            )
            self.fields[f"condition_{n}_due"] = forms.DateField(
                label="Due", required=False, widget=forms.DateInput(attrs={"type": "date"})
            )

    def condition_rows(self) -> list[tuple[forms.BoundField, forms.BoundField, forms.BoundField]]:
        return [
            (self[f"condition_{n}_text"], self[f"condition_{n}_owner"], self[f"condition_{n}_due"])
            for n in range(MAX_CONDITIONS)
        ]

    def conditions(self) -> list[tuple[str, str, str]]:
        """The rows with anything in them (text, owner, ISO due date): the use case checks each."""
        rows = []
        for n in range(MAX_CONDITIONS):
            text = (self.cleaned_data.get(f"condition_{n}_text") or "").strip()
            owner = (self.cleaned_data.get(f"condition_{n}_owner") or "").strip()
            due: date | None = self.cleaned_data.get(f"condition_{n}_due")
            if text or owner or due:
                rows.append((text, owner, due.isoformat() if due else ""))
        return rows
