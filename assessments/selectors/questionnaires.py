"""Reading questionnaire versions: immutable once imported, so parsed ones are kept in memory."""

from __future__ import annotations

import threading
from pathlib import Path

from asgiref.sync import sync_to_async

from assessments.errors import NotFoundError
from assessments.models import QuestionnaireVersion
from assessments.questionnaire.model import Questionnaire
from assessments.questionnaire.parser import parse_questionnaire

_cache: dict[tuple[str, int], Questionnaire] = {}
_lock = threading.Lock()


class QuestionnaireUnavailable(NotFoundError):
    """The questionnaire version asked for does not exist, or none is active."""


def default_questionnaire_path() -> Path:
    """The questionnaire shipped with the app (assessments/questionnaires/default.yaml)."""
    return Path(__file__).resolve().parent.parent / "questionnaires" / "default.yaml"


def questionnaire_get(*, key: str, version: int) -> Questionnaire:
    """The questionnaire of one imported version (parsed once per process)."""
    cached = _cache.get((key, version))
    if cached is not None:
        return cached
    definition = (
        QuestionnaireVersion.objects.filter(key=key, version=version)
        .values_list("definition", flat=True)
        .first()
    )
    if definition is None:
        raise QuestionnaireUnavailable(f"Questionnaire '{key}' has no version {version}.")
    questionnaire = parse_questionnaire(definition)
    with _lock:
        _cache[(key, version)] = questionnaire
    return questionnaire


async def aquestionnaire_get(*, key: str, version: int) -> Questionnaire:
    """``questionnaire_get`` for async callers: no thread hop once the version is parsed."""
    cached = _cache.get((key, version))
    if cached is not None:
        return cached
    return await sync_to_async(questionnaire_get)(key=key, version=version)


def questionnaire_get_active(*, key: str = "default") -> tuple[int, Questionnaire]:
    """(version, questionnaire) of the active version of ``key``."""
    version = (
        QuestionnaireVersion.objects.filter(key=key, is_active=True).values_list("version", flat=True).first()
    )
    if version is None:
        raise QuestionnaireUnavailable(
            f"No active questionnaire '{key}'. Import one with: "
            f"manage.py import_questionnaire {default_questionnaire_path()} --key {key} --activate"
        )
    return version, questionnaire_get(key=key, version=version)


def questionnaire_cache_clear() -> None:
    """Forget parsed versions (after an import; tests that recreate the database)."""
    with _lock:
        _cache.clear()
