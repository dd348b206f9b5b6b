"""Importing questionnaire versions into the Django database."""

from __future__ import annotations

import hashlib

from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.db import IntegrityError, transaction
from django.db.models import Max

from assessments.models import QuestionnaireVersion
from assessments.questionnaire.errors import QuestionnaireError
from assessments.questionnaire.parser import load_questionnaire_yaml
from assessments.questionnaire.yaml_io import questionnaire_to_mapping
from assessments.selectors.questionnaires import questionnaire_cache_clear

_NUMBERING_ATTEMPTS = 3


def source_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def questionnaire_import(*, text: str, key: str = "default", activate: bool) -> QuestionnaireVersion:
    """Validate ``text`` and store it as the next version of ``key``.

    Nothing is saved when the file is broken (QuestionnaireError names the question and key).
    Importing a file identical to an existing version of ``key`` returns that version (and
    activates it when asked) instead of storing a duplicate.
    """
    try:
        validate_slug(key)
    except ValidationError:
        raise QuestionnaireError(
            f"'{key}' is not a valid questionnaire key: use letters, numbers, hyphens and underscores."
        ) from None
    questionnaire = load_questionnaire_yaml(text)
    digest = source_sha256(text)
    definition = questionnaire_to_mapping(questionnaire)

    for attempt in range(_NUMBERING_ATTEMPTS):
        try:
            with transaction.atomic():
                existing = (
                    QuestionnaireVersion.objects.filter(key=key, sha256=digest).order_by("-version").first()
                )
                if existing is None:
                    latest = QuestionnaireVersion.objects.filter(key=key).aggregate(latest=Max("version"))[
                        "latest"
                    ]
                    # Inactive first: the partial unique index allows one active row per key,
                    # and the previous one is switched off below in the same transaction.
                    existing = QuestionnaireVersion.objects.create(
                        key=key,
                        version=(latest or 0) + 1,
                        name=questionnaire.name,
                        source_version=questionnaire.version,
                        definition=definition,
                        is_active=False,
                        sha256=digest,
                    )
                if activate and not existing.is_active:
                    _activate(existing)
            break
        except IntegrityError:
            # Two imports raced for the same version number; the loser renumbers.
            if attempt == _NUMBERING_ATTEMPTS - 1:
                raise
    questionnaire_cache_clear()
    return existing


def _activate(version: QuestionnaireVersion) -> None:
    QuestionnaireVersion.objects.filter(key=version.key, is_active=True).exclude(pk=version.pk).update(
        is_active=False
    )
    version.is_active = True
    version.save(update_fields=["is_active"])
