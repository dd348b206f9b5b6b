"""The JSON export: a documented, versioned schema for integrations (docs/export-schema.md).

``"schema": "tra-export/1"`` names the version. Within version 1 fields are only ever added;
a field that changes meaning or goes away makes version 2. ``SCHEMA`` is the JSON Schema
(draft 2020-12) of version 1, checked by the tests against every export they make.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from assessments.exports.content import ExportContent

SCHEMA_VERSION = "tra-export/1"

_STR = {"type": "string"}
_CITATION = {
    "type": "object",
    "required": ["document", "page", "section", "passage"],
    "properties": {"document": _STR, "page": {"type": ["integer", "null"]}, "section": _STR, "passage": _STR},
}
_COMMENT = {
    "type": "object",
    "required": ["author", "role", "at", "text", "round"],
    "properties": {"author": _STR, "role": _STR, "at": _STR, "text": _STR, "round": {"type": "integer"}},
}
_ANSWER = {
    "type": "object",
    "required": [
        "question_id",
        "question",
        "answer",
        "provenance",
        "provenance_label",
        "suggested",
        "citations",
        "comments",
    ],
    "properties": {
        "question_id": _STR,
        "question": _STR,
        "answer": _STR,
        "provenance": {"enum": ["manual", "suggestion_accepted", "suggestion_edited", ""]},
        "provenance_label": _STR,
        "suggested": _STR,
        "citations": {"type": "array", "items": _CITATION},
        "comments": {"type": "array", "items": _COMMENT},
    },
}
_DECISION = {
    "type": "object",
    "required": ["area_key", "area", "outcome", "rationale", "conditions", "assessor", "at"],
    "properties": {
        "area_key": _STR,
        "area": _STR,
        "outcome": {"enum": ["approve", "approve_with_conditions", "reject"]},
        "outcome_label": _STR,
        "rationale": _STR,
        "conditions": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["text", "owner", "due_on"],
                "properties": {"text": _STR, "owner": _STR, "due_on": _STR},
            },
        },
        "assessor": _STR,
        "at": _STR,
        "inherent_rating": _STR,
        "residual_rating": _STR,
        "residual_rationale": _STR,
    },
}
SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "TRA assessment export, version 1",
    "type": "object",
    "required": [
        "schema",
        "exported_at",
        "exported_by",
        "draft",
        "assessment",
        "decisions",
        "areas",
        "documents",
    ],
    "properties": {
        "schema": {"const": SCHEMA_VERSION},
        "exported_at": _STR,
        "exported_by": _STR,
        "draft": {"type": "boolean"},
        "assessment": {
            "type": "object",
            "required": [
                "id",
                "title",
                "project",
                "system_id",
                "business_unit",
                "classification",
                "requestor",
                "state",
                "created_at",
                "questionnaire",
                "overall_inherent_rating",
            ],
            "properties": {
                "id": {"type": "string", "pattern": "^TRA-[0-9]{4}-[0-9A-F]{6}$"},
                "title": _STR,
                "project": _STR,
                "system_id": _STR,
                "business_unit": _STR,
                "classification": _STR,
                "requestor": _STR,
                "state": {
                    "enum": [
                        "draft",
                        "submitted",
                        "under_review",
                        "sent_back",
                        "finalized",
                        "rejected",
                        "withdrawn",
                    ]
                },
                "state_label": _STR,
                "created_at": _STR,
                "submitted_at": {"type": ["string", "null"]},
                "decided_at": {"type": ["string", "null"]},
                "round": {"type": "integer"},
                "questionnaire": _STR,
                "overall_inherent_rating": _STR,
                "overall_residual_rating": {"type": ["string", "null"]},
            },
        },
        "decisions_final": {"type": "boolean"},
        "decisions": {"type": "array", "items": _DECISION},
        "areas": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["key", "name", "inherent_rating", "answers"],
                "properties": {
                    "key": _STR,
                    "name": _STR,
                    "inherent_rating": _STR,
                    "answers": {"type": "array", "items": _ANSWER},
                },
            },
        },
        "documents": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["name", "kind", "size", "sha256", "status", "uploaded_by", "uploaded_at"],
                "properties": {
                    "name": _STR,
                    "kind": _STR,
                    "size": {"type": "integer"},
                    "sha256": _STR,
                    "status": _STR,
                    "uploaded_by": _STR,
                    "uploaded_at": _STR,
                },
            },
        },
    },
}


def export_document(content: ExportContent) -> dict[str, Any]:
    """The export as a JSON-ready dict of schema ``tra-export/1``."""
    return {
        "schema": SCHEMA_VERSION,
        "exported_at": content.exported_at,
        "exported_by": content.exported_by,
        "draft": content.draft,
        "assessment": {
            "id": content.assessment_id,
            "title": content.title,
            "project": content.project,
            "system_id": content.system_id,
            "business_unit": content.business_unit,
            "classification": content.classification,
            "requestor": content.requestor,
            "state": content.state,
            "state_label": content.state_label,
            "created_at": content.created_at,
            "submitted_at": content.submitted_at or None,
            "decided_at": content.decided_at or None,
            "round": content.round,
            "questionnaire": content.questionnaire,
            "overall_inherent_rating": content.overall_inherent,
            "overall_residual_rating": content.overall_residual or None,
        },
        "decisions_final": content.decisions_final,
        "decisions": [asdict(d) for d in content.decisions],
        "areas": [
            {
                "key": area.key,
                "name": area.name,
                "inherent_rating": area.inherent_rating,
                "answers": [asdict(answer) for answer in area.answers],
            }
            for area in content.areas
        ],
        "documents": [asdict(d) for d in content.documents],
    }


def render_json(content: ExportContent) -> bytes:
    return json.dumps(export_document(content), indent=2, ensure_ascii=False).encode("utf-8")
