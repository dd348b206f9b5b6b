"""The fixed five-level risk scale of the scoring extension (pure; no imports from this package).

Kept apart from ``assessments.domain.rating`` (which re-exports it) because the questionnaire
model holds levels and the rating reads the model: one of the two had to own the scale.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import StrEnum


class RiskLevel(StrEnum):
    """very_low < low < medium < high < very_high.

    A StrEnum so a level stores and serialises as its value ("high"). Plain ``str`` ordering
    would put "high" before "low", so the comparisons are by rank; comparing with a text that
    is not a level raises ValueError rather than quietly comparing letters.
    """

    VERY_LOW = "very_low"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    VERY_HIGH = "very_high"

    @property
    def label(self) -> str:
        """ "Very low", "Low", "Medium", "High", "Very high"."""
        return self.value.replace("_", " ").capitalize()

    @property
    def rank(self) -> int:
        """0 (very low) .. 4 (very high)."""
        return _ORDER.index(self)

    @classmethod
    def ordered(cls) -> tuple[RiskLevel, ...]:
        """The five levels, lowest first."""
        return _ORDER

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        """(value, label) pairs, lowest first: for a form's select (the residual rating)."""
        return [(level.value, level.label) for level in _ORDER]

    @classmethod
    def parse(cls, text: object) -> RiskLevel:
        """ "very high", "Very High", "very-high", "VERY_HIGH" → VERY_HIGH; ValueError otherwise."""
        if isinstance(text, RiskLevel):
            return text
        if isinstance(text, str):
            word = re.sub(r"[\s\-_]+", "_", text.strip()).casefold()
            for level in _ORDER:
                if level.value == word:
                    return level
        known = ", ".join(level.value for level in _ORDER)
        raise ValueError(f"'{text}' is not a risk level (expected one of {known}).")

    def step_up(self) -> RiskLevel:
        """The next level up; very high stays very high."""
        return _ORDER[min(self.rank + 1, len(_ORDER) - 1)]

    def _other_rank(self, other: object) -> int:
        return RiskLevel.parse(other).rank

    def __lt__(self, other: object) -> bool:  # type: ignore[override]
        return self.rank < self._other_rank(other)

    def __le__(self, other: object) -> bool:  # type: ignore[override]
        return self.rank <= self._other_rank(other)

    def __gt__(self, other: object) -> bool:  # type: ignore[override]
        return self.rank > self._other_rank(other)

    def __ge__(self, other: object) -> bool:  # type: ignore[override]
        return self.rank >= self._other_rank(other)


_ORDER: tuple[RiskLevel, ...] = (
    RiskLevel.VERY_LOW,
    RiskLevel.LOW,
    RiskLevel.MEDIUM,
    RiskLevel.HIGH,
    RiskLevel.VERY_HIGH,
)


def worst(levels: Iterable[RiskLevel | None]) -> RiskLevel | None:
    """The highest of ``levels`` (Nones ignored); None when there is none."""
    found = [level for level in levels if level is not None]
    return max(found, key=lambda level: level.rank) if found else None
