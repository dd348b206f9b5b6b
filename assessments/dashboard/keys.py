"""Keys of the dashboard's items (pure)."""

from __future__ import annotations

# The counters the page reads with one Query, and the fold's checkpoint among them.
DASHBOARD_PK = "DASHBOARD"
COUNTS = "COUNTS"
CHECKPOINT = "CHECKPOINT"
WEEK_PREFIX = "WEEK#"  # WEEK#<iso year>-W<iso week>: submissions made that week
BU_PREFIX = "BU#"  # BU#<business unit>: decisions by residual overall rating
LEAD_PREFIX = "LEAD#"  # LEAD#<hours, zero-padded>: a histogram of submit -> decision times
DUE_PREFIX = "DUE#"  # DUE#<yyyy-mm-dd>: open submissions due that day (overdue = the past ones)

# What the fold remembers per assessment between runs (first submission, the open round's due
# date). Its own partition, so the page's Query never reads one item per assessment.
TRACK_PK = "DASHBOARD#ASSESSMENT"


def week_sk(week: str) -> str:
    return f"{WEEK_PREFIX}{week}"


def bu_sk(business_unit: str) -> str:
    return f"{BU_PREFIX}{business_unit}"


def lead_sk(hours: int) -> str:
    return f"{LEAD_PREFIX}{hours:06d}"


def due_sk(day: str) -> str:
    return f"{DUE_PREFIX}{day}"
