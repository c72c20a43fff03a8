"""The JSON Schema for guide.yaml, built from the loader's own field lists.

`schema/guide.schema.json` is this, written out (`python -m hfs_guide.core.schema`); a test
keeps the two equal, so editors and the checker never disagree about field names.
"""

from __future__ import annotations

import json
from typing import Any

from hfs_guide.core.loader import MAX_CHOICES, META_FIELDS, NODE_FIELDS
from hfs_guide.core.model import OPTION_FIELDS, Kind

_TEXT = {"type": "string", "minLength": 1}
_ID = {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$"}
_META_DOCS = {
    "title": "Shown in the header and on handouts.",
    "language": "Language code, such as en.",
    "version": "Content version; quote it.",
    "reviewed": "Date of the last review as \"YYYY-MM-DD\" (quoted).",
    "review_note": "How and when the content is reviewed.",
    "urgent": "Id of the urgent-care node (kind: urgent).",
    "emergency": "How to reach emergency services, in the reader's words.",
    "clinic": "How to reach the surgical team.",
    "disclaimer": "Information, not medical advice: the guide's own words.",
}


def build_schema() -> dict[str, Any]:
    meta_props: dict[str, Any] = {key: {**_TEXT, "description": _META_DOCS[key]} for key in META_FIELDS}
    meta_props["version"] = {"type": ["string", "integer"], "description": _META_DOCS["version"]}
    meta_props["reviewed"] = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$", "description": _META_DOCS["reviewed"]}
    option = {
        "type": "object",
        "additionalProperties": False,
        "required": [name for name, _ in OPTION_FIELDS],
        "properties": {name: {**_TEXT, "description": label} for name, label in OPTION_FIELDS},
    }
    choice = {
        "type": "object",
        "additionalProperties": False,
        "required": ["label", "to"],
        "properties": {"label": _TEXT, "to": _ID},
    }
    figure = {
        "type": "object",
        "additionalProperties": False,
        "required": ["count", "of", "text", "source"],
        "properties": {
            "count": {"type": "integer", "minimum": 0},
            "of": {"type": "integer", "minimum": 1},
            "text": _TEXT,
            "source": _ID,
        },
    }
    node_props: dict[str, Any] = {
        "kind": {"enum": [k.value for k in Kind]},
        "title": _TEXT,
        "summary": {**_TEXT, "description": "One line, used in search, the map and the handout."},
        "body": {"type": "string", "description": "Markdown file, relative to the content folder (default nodes/<id>.md)."},
        "choices": {"type": "array", "maxItems": MAX_CHOICES, "items": choice},
        "sources": {"type": "array", "items": _ID},
        "questions": {"type": "array", "items": _TEXT},
        "glossary": {"type": "array", "items": _ID},
        "figures": {"type": "array", "items": figure},
        "option": option,
        "part": {**_TEXT, "description": "The part of the guide the map lists it under (default: worked out from the flow)."},
    }
    assert set(node_props) == set(NODE_FIELDS)
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "hfs-guide decision graph (guide.yaml)",
        "type": "object",
        "additionalProperties": False,
        "required": ["meta", "start", "nodes"],
        "properties": {
            "meta": {"type": "object", "additionalProperties": False, "required": list(META_FIELDS), "properties": meta_props},
            "start": _ID,
            "situation": {"type": "object", "description": "My situation: questions that route (docs/authoring.md)."},
            "values": {"type": "object", "description": "What matters to me: statements rated on a scale."},
            "ready": {"type": "object", "description": "Ready to decide: yes/no questions with what helps next."},
            "nodes": {
                "type": "object",
                "propertyNames": _ID,
                "additionalProperties": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["kind", "title", "summary"],
                    "properties": node_props,
                },
            },
        },
    }


def schema_text() -> str:
    return json.dumps(build_schema(), indent=2) + "\n"


if __name__ == "__main__":
    print(schema_text(), end="")
