"""Fixtures of the suggestion service tests (test_precompute, test_suggestion_actions)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.pipeline.fakes import FakeLLM
from tests.pipeline.suggestion_helpers import (
    collection,
    fake_engine,
    precompute,
    upload_ready,
)
from tests.web.helpers import create_assessment


@pytest.fixture
def assessment(cast: Any, pipeline: Any) -> str:
    """An assessment with one ready document and no suggestions yet."""
    assessment_id = create_assessment(cast)
    upload_ready(cast, assessment_id)
    assert not collection(assessment_id).suggestions  # the dummy task backend ran nothing
    return assessment_id


@pytest.fixture
def suggested(assessment: str) -> tuple[str, FakeLLM]:
    """The assessment with every qualifying question suggested by FakeLLM (Yes/No ones "Yes")."""
    fake = FakeLLM()
    precompute(assessment, fake_engine(fake))
    return assessment, fake
