"""Obligations and ended states: what a clause says must be, or was once, is not what is.

"The DPA must be signed before go-live" answers a question about the obligation, not "Is there a
DPA?"; "was certified until 2024" no longer holds. Split from ``modality`` (done, in progress,
planned, conditional), which these readings build on.
"""

from __future__ import annotations

import re

from assessments.suggestions.modality import asked_state, asks_future

# An obligation or a requirement is not a fact: "The DPA must be signed before go-live", "We
# require a DPA", "a precondition of go-live". It answers a question about the obligation
# ("Must the vendor notify ...?", "Is the vendor required to ...?") and nothing else.
_OBLIGATION = re.compile(
    r"\b(?:must|shall|has to|have to|needs? to|is required to|are required to|required|requires?|requirement"
    r"|precondition|prerequisite|condition of|condition precedent|obliged to|obligated to|mandatory"
    r"|expected to|no later than)\b",
    re.I,
)
_ASKS_OBLIGATION = re.compile(
    r"\b(?:must|shall|required|requires?|obliged|obligat\w*|mandatory|contractual\w*|commit\w*|agree\w*"
    r"|guarantee\w*|undertake\w*|sla|service level|terms?)\b",
    re.I,
)
# A state that held once and no longer: "was certified until 2024", "was enforced during the pilot".
_ENDED = re.compile(
    r"\b(?:was|were|had been)\b[^;]*\b(?:until|till|during|previously|formerly|at the time|in the past)\b"
    r"|\b(?:expired|lapsed|ended|ceased|discontinued|withdrawn)\b",
    re.I,
)


_ASKS_STATE = re.compile(
    r"^\s*(?:is|are) there\b|^\s*(?:does|do|has|have)\b.*\b(?:have|hold|held|got)\b|\b(?:in place|signed|exists?|issued"
    r"|obtained|held|holds?)\b",
    re.I,
)


def obligation_only(question: str, clause: str) -> bool:
    """Whether ``clause`` states an obligation or requirement a question about a fact does not ask."""
    # "Will the vendor notify us?" is answered by "The vendor must notify us": what will be.
    return (
        bool(_OBLIGATION.search(clause))
        and not _ASKS_OBLIGATION.search(question)
        and not asks_future(question)
    )


def ended(clause: str) -> bool:
    """Whether ``clause`` says a state held once and no longer does."""
    return bool(_ENDED.search(clause))


def settles_state_by_obligation(question: str, clause: str) -> bool:
    """Whether an obligation in ``clause`` would answer a question about what exists or has been
    done ("Is there a DPA?" / "The DPA must be signed before go-live"): it cannot. An obligation
    about how something works ("The supplier shall encrypt data at rest") still answers "Is data
    encrypted at rest?", though never surely."""
    return obligation_only(question, clause) and (
        asked_state(question) == "done" or bool(_ASKS_STATE.search(question))
    )
