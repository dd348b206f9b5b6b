"""What state a statement puts its fact in (done, in progress, planned, conditional), and what
state a question asks about.

"A DPIA is in draft" does not answer "Has a DPIA been completed?" with Yes, and "the vendor will
provide a report" is not a report received. A question in the future ("Will the system store
...?") is answered by a plan or a present fact; a question about what has happened ("Has ...
been completed?", "Were the targets achieved?", "Is ... in place?") only by a statement that it
has. A conditional ("may", "if approved", "could") settles neither.
"""

from __future__ import annotations

import re
from typing import Literal

Modality = Literal["plain", "done", "in_progress", "planned", "conditional"]
Asked = Literal["any", "done"]

_CONDITIONAL = re.compile(
    # "may" in lower case only: "in May" is a month.
    r"(?-i:\bmay\b)|\b(?:might|could|would|if|unless|subject to|depending on|provided that|where (?:needed|required)"
    r"|optional(?:ly)?|can be (?:enabled|configured|turned on|switched on))\b",
    re.I,
)
_IN_PROGRESS = re.compile(
    r"\b(?:in progress|in draft|draft(?:ed)?|under (?:negotiation|review|way|discussion)|ongoing"
    r"|pending|awaiting|not yet|not started|outstanding|being (?:\w+ed|\w+en)|tbc|tbd|open"
    r"|partially|in train|work(?:ing)? on)\b",
    re.I,
)
_PLANNED = re.compile(
    # "plans to", "planned", not the noun: "the continuity plan" states no plan to do something.
    r"\b(?:will|shall|plan(?:s|ning)? to|planned|intends?|intended|expected|proposed|to be|scheduled|due"
    r"|going to|aim(?:s|ed)? to|target(?:ed|s)?|booked|roadmap|phase \d+ candidate)\b",
    re.I,
)
_FUTURE = re.compile(r"\b(?:will|shall|going to|is to be|are to be|to be \w+ed)\b", re.I)
_DONE = re.compile(
    r"\b(?:has been|have been|had been|was|were|completed?|implemented|signed|approved|achieved"
    r"|received|in place|confirmed|done|passed|agreed|issued|certified)\b",
    re.I,
)
# Questions about something that has happened, or a state already reached.
_ASKS_DONE = re.compile(
    r"^\s*(?:has|have|had|was|were|did)\b|\b(?:been|already|completed|achieved|in place|signed|received"
    r"|carried out|performed|conducted|obtained|approved)\b",
    re.I,
)


# What follows "that" is a reported content, not the state of the main fact ("customers will be
# told that replies may be drafted with AI" is a plan to tell, not a conditional).
_COMPLEMENT = re.compile(r"\b(?:that|which|whether)\b", re.I)


def modality(clause: str) -> Modality:
    """The state ``clause`` puts its fact in; the weakest cue wins (a draft that "will be
    completed" is in progress, an approval "if needed" is conditional)."""
    clause = _COMPLEMENT.split(clause, maxsplit=1)[0]
    if _CONDITIONAL.search(clause):
        return "conditional"
    if _IN_PROGRESS.search(clause):
        return "in_progress"
    if _FUTURE.search(clause):
        return "planned"  # "will be completed before go-live" is not completed
    if _DONE.search(clause):
        return "done"
    if _PLANNED.search(clause):
        return "planned"
    return "plain"


def asked_state(question: str) -> Asked:
    """ "done" for a question about what has happened; a question about the future ("Will the
    contract be signed before go-live?") is answered by a plan as well."""
    if _FUTURE.search(question):
        return "any"
    return "done" if _ASKS_DONE.search(question) else "any"


def fits(asked: Asked, stated: Modality) -> bool:
    """Whether a statement in state ``stated`` can answer Yes to a question asking ``asked``."""
    if stated == "conditional":
        return False
    return asked == "any" or stated in ("done", "plain")


# A status a register or tracker gives unfinished work ("In progress", "Not started", "Drafted"):
# it answers "has it been done?" with No whichever verb the question uses. Only unfinished
# states: "Completed" on a row about a plan says the plan is written, not that it was tested, so
# a finished status never stands in for the verb a question asks about.
_STATUS = re.compile(
    r"\b(?:in progress|in draft|draft(?:ed)?|not (?:yet )?(?:started|written|built|done|begun|completed|agreed)"
    r"|pending|outstanding|under review|awaiting|being drafted)\b",
    re.I,
)
# Question verbs for work being done, which a status answers.
DONE_VERBS = frozenset(
    {
        "complet",
        "approv",
        "sign",
        "carri",
        "perform",
        "conduct",
        "undertaken",
        "implement",
        "finish",
        "review",
        "assess",
        "test",
        "remedi",
        "fix",
        "written",
        "agre",
        "mitig",
        "build",
    }
)
STATUS_TERM = "workstatus"


def states_status(text: str) -> bool:
    """Whether ``text`` says a piece of work is unfinished (in progress, drafted, not started)."""
    return bool(_STATUS.search(text))


_STATUS_CELL = 40  # a register's status cell is short ("In progress", "Agreed - contract pending")


# Status cells that say work is unfinished. Not "Open": a risk register's open risk has been
# assessed; it is the risk that is not closed.
_UNFINISHED_CELL = re.compile(
    r"\b(?:in progress|in draft|draft(?:ed)?|pending|awaiting|outstanding|under review"
    r"|planned|scheduled|tbc|tbd|not (?:yet )?(?:started|begun|done|complete|completed|written|built"
    r"|agreed|signed|received|implemented|tested|reviewed|approved|assessed))\b",
    re.I,
)


def row_in_progress(row: str) -> bool:
    """Whether a table row (cells joined by " | ") has a status cell saying the work is not
    finished ("In progress", "Not started", "Drafted")."""
    cells = [cell.strip() for cell in row.split(" | ")] if " | " in row else []
    return any(len(cell) <= _STATUS_CELL and _UNFINISHED_CELL.search(cell) for cell in cells)


# Work that follows the thing asked about: "Pen test remediation | In progress" says the test
# was done and its fixes are not, so its status is not the status of the test.
_FOLLOW_UP = re.compile(
    r"\b(?:remediat\w*|re-?test\w*|follow[- ]?ups?|renewals?|fix(?:es|ing)?|actions?|findings?|updates?)\b",
    re.I,
)


def follow_up_work(text: str, question: str) -> bool:
    """Whether ``text`` names follow-up work (remediation, retest, renewal) the question does not."""
    asked = {m.group(0).lower() for m in _FOLLOW_UP.finditer(question)}
    return any(m.group(0).lower() not in asked for m in _FOLLOW_UP.finditer(text))
