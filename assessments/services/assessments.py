"""Use cases on an assessment as a whole: create it, move it through the workflow."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import UTC, datetime

from asgiref.sync import sync_to_async

from assessments.domain.ids import new_assessment_id
from assessments.domain.records import Actor, AssessmentRecord, now_iso
from assessments.domain.text import control_character_problem
from assessments.domain.workflow import Action, State
from assessments.errors import ConflictError, NotAllowed, ValidationFailed
from assessments.questionnaire import engine
from assessments.questionnaire.model import Questionnaire
from assessments.selectors.questionnaires import (
    QuestionnaireUnavailable,
    aquestionnaire_get,
    questionnaire_get_active,
)
from assessments.services.audit import event_put
from assessments.services.boundary import table_errors_as_domain
from assessments.services.questionnaire_usage import usage_ops
from assessments.services.review import assessment_submit, assessment_withdraw
from assessments.services.search_index import search_index_ops
from integrations.errors import TransactionCanceled
from integrations.table import get_table
from integrations.table.contract import Condition, Put

DATA_CLASSIFICATIONS = ("Public", "Internal", "Confidential", "Restricted")
FIELD_LIMITS = {
    "title": 200,
    "project": 200,
    "description": 5000,
    "system_id": 100,
    "business_unit": 200,
}
DEFAULT_QUESTIONNAIRE = "default"
_KEY_RE = re.compile(r"[-a-zA-Z0-9_]{1,64}")
_ID_ATTEMPTS = 5
_TRANSITION_ATTEMPTS = 4


@dataclass(frozen=True)
class AssessmentDetails:
    title: str
    project: str
    description: str
    system_id: str
    data_classification: str
    business_unit: str

    def cleaned(self) -> AssessmentDetails:
        """Trimmed values, or ValidationFailed naming every field at fault."""
        raw = {f.name: str(getattr(self, f.name) or "") for f in dataclasses.fields(self)}
        values = {name: value.strip() for name, value in raw.items()}
        errors: dict[str, str] = {}
        for name, value in raw.items():  # before trimming: strip() would hide some of them
            problem = control_character_problem(value)
            if problem:
                errors[name] = problem
        for name in ("title", "project", "business_unit"):
            if not values[name] and name not in errors:
                errors[name] = "This field is required."
        for name, limit in FIELD_LIMITS.items():
            if len(values[name]) > limit and name not in errors:
                errors[name] = f"At most {limit} characters."
        if values["data_classification"] not in DATA_CLASSIFICATIONS:
            errors["data_classification"] = f"Choose one of: {', '.join(DATA_CLASSIFICATIONS)}."
        if errors:
            raise ValidationFailed("Please correct the highlighted fields.", extra={"fields": errors})
        return AssessmentDetails(**values)


async def assessment_create(
    *,
    actor: Actor,
    details: AssessmentDetails,
    questionnaire: str = DEFAULT_QUESTIONNAIRE,
    questionnaire_version: int | None = None,
) -> AssessmentRecord:
    """Open a new draft on the active version of questionnaire ``questionnaire`` (or on
    ``questionnaire_version``: a reassessment on the version its predecessor used); the id is
    never reused.

    An unknown or inactive questionnaire key is a ValidationFailed naming the ``questionnaire``
    field, reported together with any other field at fault.
    """
    errors: dict[str, str] = {}
    clean: AssessmentDetails | None = None
    try:
        clean = details.cleaned()
    except ValidationFailed as exc:
        errors.update(exc.extra["fields"])
    key = str(questionnaire or "").strip()
    try:
        if questionnaire_version is None:
            q_version, chosen = await sync_to_async(_active_questionnaire)(key)
        else:
            q_version = questionnaire_version
            chosen = await aquestionnaire_get(key=key, version=questionnaire_version)
    except QuestionnaireUnavailable:
        errors["questionnaire"] = f"There is no active questionnaire '{key}'; choose one of those listed."
    if errors or clean is None:
        raise ValidationFailed("Please correct the highlighted fields.", extra={"fields": errors})
    table = get_table()
    for _attempt in range(_ID_ATTEMPTS):
        now = now_iso()
        record = AssessmentRecord(
            id=new_assessment_id(datetime.now(UTC)),
            **dataclasses.asdict(clean),
            state=State.DRAFT,
            owner_id=actor.user_id,
            owner_name=actor.username,
            questionnaire_key=key,
            questionnaire_version=q_version,
            active_areas=tuple(engine.active_areas(chosen, {})),
            created_at=now,
            updated_at=now,
            submitted_at=None,
            feedback="",
            version=1,
        )
        created = event_put(
            assessment_id=record.id,
            event_type="assessment_created",
            actor=actor,
            after={"title": record.title, "questionnaire": key, "questionnaire_version": q_version},
            at=now,
        )
        try:
            with table_errors_as_domain():
                await table.transact(
                    [
                        Put(record.to_item(), Condition.absent()),
                        created,
                        *usage_ops(record),
                        *search_index_ops(record),
                    ]
                )
        except TransactionCanceled:
            continue  # the random id was taken: draw another
        return record
    raise ConflictError("Could not allocate a new assessment id; please try again.")


def _active_questionnaire(key: str) -> tuple[int, Questionnaire]:
    # Keys are slugs (import_questionnaire checks): anything else cannot name one, and is not
    # sent to the database (PostgreSQL refuses a NUL in a string parameter outright).
    if not _KEY_RE.fullmatch(key):
        raise QuestionnaireUnavailable(f"No active questionnaire '{key}'.")
    return questionnaire_get_active(key=key)


async def assessment_transition(
    *, actor: Actor, assessment_id: str, action: Action, feedback: str = ""
) -> AssessmentRecord:
    """The entry point the requestor's page and the API's submit use: SUBMIT and WITHDRAW.

    The review's other moves take more than a feedback text (named questions, an assignee,
    per-area decisions) and have their own use cases in assessments/services/review/.
    """
    if action == Action.SUBMIT:
        return await assessment_submit(actor=actor, assessment_id=assessment_id)
    if action == Action.WITHDRAW:
        return await assessment_withdraw(actor=actor, assessment_id=assessment_id, reason=feedback)
    raise NotAllowed(
        f"“{action.value.replace('_', ' ')}” is not moved through assessment_transition: use "
        "assessment_assign, assessment_send_back or area_decide (assessments.services.review)."
    )
