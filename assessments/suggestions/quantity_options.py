"""A single choice whose options are amounts ("24 hours", "48 hours", "More than 72 hours";
"99.9%", "Below 99.5%"): read as the number it asks for, then placed among the options.

The options' words name nothing a document says ("72 hours" is no phrase to find), and several
amounts are often stated: the vendor's standard, a draft, the figure agreed. So the number is
picked the way a number question's is (``typed_values``: labelled, agreed, current), in the
options' unit, and the option it falls in is the answer: exactly, by an option's bound, or
between two listed amounts by the way the list's open end says they bound ("36 hours" among
24/48/72/"More than 72 hours" is within 48 hours).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assessments.suggestions.values import find_quantities

_ABOVE = re.compile(r"^\s*(?:more than|above|over|greater than|longer than|exceeding)\b", re.I)
_AT_LEAST = re.compile(r"\b(?:or (?:higher|more|above|longer|greater)|and above)\s*$", re.I)
_BELOW = re.compile(r"^\s*(?:below|less than|under|fewer than|shorter than)\b", re.I)
_AT_MOST = re.compile(r"\b(?:or (?:lower|less|below|shorter|fewer))\s*$", re.I)
_CATCH_ALL = re.compile(r"^\s*(?:no|not|none|other|unknown)\b", re.I)
# The words a number question uses for each kind of amount, so its unit is read as asked.
_ASKED_IN = {"seconds": "in seconds", "%": "as a percentage"}


@dataclass(frozen=True)
class AmountOption:
    option: str
    op: str  # "=", ">", ">=", "<", "<="
    amount: float  # in the unit's base (seconds for durations)


def amount_options(options: Sequence[str]) -> tuple[str, list[AmountOption]] | None:
    """The options as amounts of one unit, with the words that ask for it; None unless every
    option but a catch-all ("No contractual SLA") is one amount of that unit."""
    parsed: list[AmountOption] = []
    units: set[str | None] = set()
    for option in options:
        quantities = find_quantities(option)
        if not quantities:
            if _CATCH_ALL.match(option):
                continue
            return None
        if len(quantities) != 1:
            return None
        quantity = quantities[0]
        units.add(quantity.unit)
        op = (
            ">" if _ABOVE.match(option) else ">=" if _AT_LEAST.search(option)
            else "<" if _BELOW.match(option) else "<=" if _AT_MOST.search(option) else "="
        )  # fmt: skip
        parsed.append(AmountOption(option, op, quantity.amount))
    unit = next(iter(units)) if len(units) == 1 else None
    if unit not in _ASKED_IN or len(parsed) < 2:
        return None
    return _ASKED_IN[unit], parsed


def option_for(amount: float, options: Sequence[AmountOption]) -> str | None:
    """The option ``amount`` is: one naming it exactly first, then one whose bound holds it."""
    close = [o for o in options if o.op == "=" and abs(o.amount - amount) <= 1e-9 * max(1.0, abs(amount))]
    if close:
        return close[0].option
    for o in options:
        if (
            (o.op == ">" and amount > o.amount)
            or (o.op == ">=" and amount >= o.amount)
            or (o.op == "<" and amount < o.amount)
            or (o.op == "<=" and amount <= o.amount)
        ):
            return o.option
    # Between two listed amounts: the list's open end says which way its amounts bound. Beside
    # "More than 72 hours", "48 hours" means "within 48 hours" and holds 36; beside "Below
    # 99.5%", "99.5%" means "at least 99.5%" and holds 99.7.
    plain = [o for o in options if o.op == "="]
    ops = {o.op for o in options}
    if ops & {">", "<="} and not ops & {">=", "<"}:  # "More than 72 hours": each is "within X"
        above = [o for o in plain if o.amount >= amount]
        return min(above, key=lambda o: o.amount).option if above else None
    if ops & {">=", "<"} and not ops & {">", "<="}:  # "99.99% or higher", "Below 99.5%": "at least X"
        below = [o for o in plain if o.amount <= amount]
        return max(below, key=lambda o: o.amount).option if below else None
    return None
