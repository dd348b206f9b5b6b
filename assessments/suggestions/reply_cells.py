"""Reply cells of questionnaire tables and registers that are no plain Yes: a short cell that
denies outright ("| No |", "| None for marketing |") or qualifies the reply ("| Partially |",
"| N/A |", "| Available on request |", "| Yes - planned Q2 2027 |"). Rows come as cells joined
by " | " (``assessments.documents.tables``).
"""

from __future__ import annotations

import re

from assessments.suggestions.modality import STATUS_CELL, modality

# Questionnaire replies and register cells that neither affirm nor deny outright: "Partially",
# "N/A", "Available on request", "Roadmap", "Planned Q2 2027", "TBC". A row holding one states
# no plain Yes.
_QUALIFIED_CELL = re.compile(
    r"^\W*(?:(?:yes|no)\b\W*)?(?:partial(?:ly)?|in part|n/?a|not applicable|(?:available )?(?:on|upon) request|roadmap"
    r"|planned|scheduled|tbc|tbd|to be (?:confirmed|agreed|decided)|under review|in progress|pending|optional"
    r"|limited|not (?:yet|currently)|future|coming soon|q[1-4]\s+20\d\d"
    # A pointer or a scope remark is no reply: "See attached", "Not in scope", "Customer responsibility".
    r"|see (?:attached|appendix|policy|document|section|response|above|below)|refer to|not in scope|out of scope"
    r"|(?:customer|client|your)(?:'s)? responsibility|configurable|expired|lapsed|admins? (?:accounts )?only)\b",
    re.I,
)


# "Failed - retest required", "Missed": the thing asked about did not come off.
_DENYING_CELL = re.compile(
    r"^\W*(?:no|none|nil|n|not\b.*|never\b.*|non-compliant|not compliant|x|✗|✘"
    r"|fail(?:ed|s|ure)?\b.*|unsuccessful\b.*|missed\b.*)\W*$",
    re.I,
)


def denying_cell(row: str) -> bool:
    """Whether a table row has a short cell that denies outright ("Data encrypted at rest | No",
    "Sharing with third parties | None for marketing"): its other cells name the thing, not a Yes."""
    cells = [cell.strip() for cell in row.split(" | ")] if " | " in row else []
    return any(
        len(cell) <= STATUS_CELL
        and (
            _DENYING_CELL.match(_cell_value(cell)) or re.match(r"^\W*(?:none|no)\b", _cell_value(cell), re.I)
        )
        for cell in cells[1:]
    )


# A reply that the thing is under way or to come: a Yes to "Will it be done?", if not a sure one.
_PLAN_CELL = re.compile(
    r"^\W*(?:yes\b\W*)?(?:planned|scheduled|in progress|roadmap|coming soon|(?:planned |due )?q[1-4]\s+20\d\d)\W*$",
    re.I,
)


def qualified_cell(row: str, *, plans_answer: bool = False) -> bool:
    """Whether a table row (cells joined by " | ") has a short cell that replies with a qualified
    answer ("Partially", "N/A", "Available on request", "Roadmap", "Yes - planned Q2 2027").
    ``plans_answer``: the question asks what will be, so a plan or work in progress is no
    qualification ("Will the notice be updated?" / "Status: In progress")."""
    cells = [cell.strip() for cell in row.split(" | ")] if " | " in row else []
    return any(
        len(cell) <= STATUS_CELL
        and (_QUALIFIED_CELL.search(_cell_value(cell)) or _qualified_yes(cell))
        and not (plans_answer and _PLAN_CELL.match(_cell_value(cell)))
        for cell in cells
    )


def _cell_value(cell: str) -> str:
    """A cell without its "Label:" (tables.py writes "Status: In progress")."""
    label, colon, value = cell.partition(": ")
    return value if colon and len(label) <= 25 else cell


def _qualified_yes(cell: str) -> bool:
    """ "Yes - roadmap item for 2027", "Yes (planned)": a Yes that is not one yet."""
    value = _cell_value(cell)
    head, _, rest = value.partition(" ")
    return head.strip(" ,.;:-–—(").lower() == "yes" and modality(rest) in (
        "planned",
        "in_progress",
        "conditional",
    )


_NOT_APPLICABLE = re.compile(r"(?:^|\| )(?:[\w /]{1,25}: )?(?:n/?a|not applicable|no)\s*(?:\||$)", re.I)


def not_applicable_reply(row: str) -> bool:
    """Whether a table row's reply cell is "N/A", "Not applicable" or a bare "No": such a row
    names no option of a choice ("Physical security of data centres? | N/A")."""
    return " | " in row and bool(_NOT_APPLICABLE.search(row))
