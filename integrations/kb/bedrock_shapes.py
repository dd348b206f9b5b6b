"""The Bedrock Knowledge Base responses we read, parsed at the edge (unknown fields ignored)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Content(BaseModel):
    model_config = ConfigDict(extra="ignore")
    text: str | None = None


class RetrievalResult(BaseModel):
    model_config = ConfigDict(extra="ignore")
    content: Content
    score: float = 0.0
    metadata: dict[str, Any] = Field(default_factory=dict)


class RetrieveResponse(BaseModel):
    model_config = ConfigDict(extra="ignore")
    retrievalResults: list[RetrievalResult] = Field(default_factory=list)  # noqa: N815


class Statistics(BaseModel):
    model_config = ConfigDict(extra="ignore")
    numberOfDocumentsFailed: int = 0  # noqa: N815


class IngestionJob(BaseModel):
    model_config = ConfigDict(extra="ignore")
    ingestionJobId: str  # noqa: N815
    status: str
    statistics: Statistics = Field(default_factory=Statistics)
    failureReasons: list[str] = Field(default_factory=list)  # noqa: N815


class IngestionJobSummary(BaseModel):
    model_config = ConfigDict(extra="ignore")
    ingestionJobId: str  # noqa: N815
    startedAt: dt.datetime  # noqa: N815


class IngestionJobList(BaseModel):
    model_config = ConfigDict(extra="ignore")
    ingestionJobSummaries: list[IngestionJobSummary] = Field(default_factory=list)  # noqa: N815


class IngestionJobResponse(BaseModel):
    model_config = ConfigDict(extra="ignore")
    ingestionJob: IngestionJob  # noqa: N815
