"""Errors of the questionnaire package, in the project's error vocabulary (pure Python)."""

from __future__ import annotations

from assessments.errors import ValidationFailed


class QuestionnaireError(ValidationFailed):
    """A questionnaire file is broken. ``str()`` names the question id and the key at fault.

    ``where`` locates a fault that has no question id to name (a question without an id, a
    risk area's own keys); ``line`` is set for YAML syntax errors.
    """

    def __init__(
        self,
        message: str,
        *,
        question_id: str | None = None,
        key: str | None = None,
        where: str | None = None,
        line: int | None = None,
    ) -> None:
        self.detail = message
        self.question_id = question_id
        self.key = key
        self.where = where
        self.line = line
        super().__init__(
            _compose(message, question_id, key, where),
            extra={"question_id": question_id, "key": key, "line": line},
        )


def _compose(message: str, question_id: str | None, key: str | None, where: str | None) -> str:
    parts: list[str] = []
    if question_id is not None:
        parts.append(f"question '{question_id}'")
    elif where:
        parts.append(where)
    if key:
        parts.append(f"key '{key}'")
    if not parts:
        return message
    prefix = ", ".join(parts)
    return f"{prefix[0].upper()}{prefix[1:]}: {message}"


class AnswerInvalid(ValidationFailed):
    """An answer does not fit its question; the message is written for the person answering."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
