"""JSON Schemas for guide.yaml, sources.yaml and glossary.yaml, built from the loader's own
field lists.

`schema/<name>.schema.json` are these, written out (`hfs-guide schema guide|sources|glossary`,
or `python -m hfs_guide.core.schema NAME`); a test keeps them equal, and another checks that
the schemas and `check` refuse the same broken files. The schemas stay within what ajv
accepts in strict mode: one `type` per schema (no union types), and every keyword next to
the type it applies to.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from hfs_guide.core.facts import FACT_FIELDS, SOURCE_FIELDS
from hfs_guide.core.loader import META_FIELDS
from hfs_guide.core.model import FACT_SIDES, OPTION_FIELDS, SOURCE_KINDS, Kind
from hfs_guide.core.nodes import MAX_CHOICES, NODE_FIELDS

SCHEMAS = ("guide", "sources", "glossary")
# Text with at least one visible character ("   " is empty to `check`).
_TEXT: dict[str, Any] = {"type": "string", "pattern": "\\S"}
# The same, on one line (leading and trailing blank lines are trimmed, as `check` does).
_LINE: dict[str, Any] = {"type": "string", "pattern": "^\\s*[^\\n]*\\S[^\\n]*\\s*$"}
_ID: dict[str, Any] = {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$"}
# A real calendar date as "YYYY-MM-DD" (29 February is allowed in any year; `check` knows leap years).
_DATE = "^\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2\\d))$"
_META_DOCS = {
    "title": "Shown in the header and on handouts.",
    "language": "Language code, such as en.",
    "version": "Content version, quoted: version: \"1.5\" (unquoted, YAML reads 1.5 as a number).",
    "reviewed": "Date of the last review as \"YYYY-MM-DD\" (quoted).",
    "review_note": "How and when the content is reviewed.",
    "urgent": "Id of the urgent-care node (kind: urgent).",
    "emergency": "How to reach emergency services, in the reader's words.",
    "clinic": "How to reach the surgical team.",
    "disclaimer": "Information, not medical advice: the guide's own words.",
}
_FACT_DOCS = {
    "id": "Unique in the whole guide (a-z, 0-9, -).",
    "says": "The guide's own words, e.g. \"about 63 in 100 were fully free of twitching\".",
    "group": "Who and how many, e.g. \"43 people who had a second MVD at one centre\".",
    "time": "Over what time, e.g. \"a median of 67 months after the operation\".",
    "source": "Id in sources.yaml; also in the node's sources list.",
    "finding": "The source's own figure as published, e.g. \"62.8% complete resolution\".",
    "side": "Whether the figure is a benefit, a harm or neither.",
    "icon": "Draw the first \"N in M\" of `says` as an icon array.",
}


def _text(description: str, one_line: bool = False) -> dict[str, Any]:
    return {**(_LINE if one_line else _TEXT), "description": description}


def _object(properties: dict[str, Any], required: list[str], **extra: Any) -> dict[str, Any]:
    return {"type": "object", "additionalProperties": False, "required": required, "properties": properties, **extra}


def _fact() -> dict[str, Any]:
    props: dict[str, Any] = {name: _text(_FACT_DOCS[name], one_line=name in ("id", "source", "side")) for name in FACT_FIELDS}
    props["id"] = {**_ID, "description": _FACT_DOCS["id"]}
    props["source"] = {**_ID, "description": _FACT_DOCS["source"]}
    props["side"] = {"type": "string", "enum": list(FACT_SIDES), "description": _FACT_DOCS["side"]}
    props["icon"] = {"type": "boolean", "description": _FACT_DOCS["icon"]}
    return _object(props, [name for name in FACT_FIELDS if name != "icon"])


def guide_schema() -> dict[str, Any]:
    """The JSON Schema of guide.yaml, from the loader's own field lists."""
    meta_props: dict[str, Any] = {
        key: _text(_META_DOCS[key], one_line=key not in ("review_note", "disclaimer")) for key in META_FIELDS
    }
    meta_props["reviewed"] = {"type": "string", "pattern": _DATE, "description": _META_DOCS["reviewed"]}
    meta_props["urgent"] = {**_ID, "description": _META_DOCS["urgent"]}
    option = _object({name: _text(label) for name, label in OPTION_FIELDS}, [name for name, _ in OPTION_FIELDS])
    choice = _object({"label": _text("What the reader picks.", one_line=True), "to": _ID}, ["label", "to"])
    node_props: dict[str, Any] = {
        "kind": {"type": "string", "enum": [k.value for k in Kind]},
        "title": _text("The page's title.", one_line=True),
        "summary": _text("One line, used in search, the map and the handout.", one_line=True),
        "body": {**_LINE, "description": "Markdown file, relative to the content folder (default nodes/<id>.md)."},
        "choices": {"type": "array", "maxItems": MAX_CHOICES, "items": choice},
        "sources": {"type": "array", "items": _ID},
        "questions": {"type": "array", "items": _TEXT},
        "glossary": {"type": "array", "items": _ID},
        "facts": {"type": "array", "items": _fact(), "description": "The statistics this page shows (docs/authoring.md)."},
        "plain_numbers": {"type": "array", "items": _TEXT,
                          "description": "Phrases of this page whose numbers are not statistics, e.g. \"the 2 studies below\"."},
        "option": option,
        "part": {**_TEXT, "description": "The part of the guide the map lists it under (default: worked out from the flow)."},
    }
    assert set(node_props) == set(NODE_FIELDS)
    # An `option` section belongs to option nodes, and option nodes need one.
    is_option = {"type": "object", "properties": {"kind": {"type": "string", "const": Kind.OPTION.value}}, "required": ["kind"]}
    node = _object(node_props, ["kind", "title", "summary"], **{
        "if": is_option, "then": {"type": "object", "required": ["option"]},
        "else": {"type": "object", "not": {"type": "object", "required": ["option"]}},
    })
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "hfs-guide decision graph (guide.yaml)",
        **_object({
            "meta": _object(meta_props, list(META_FIELDS)),
            "start": _ID,
            "nodes": {"type": "object", "minProperties": 1, "propertyNames": _ID, "additionalProperties": node},
            "situation": {"type": "object", "description": "My situation: questions that route (docs/authoring.md)."},
            "values": {"type": "object", "description": "What matters to me: statements rated on a scale."},
            "ready": {"type": "object", "description": "Ready to decide: yes/no questions with what helps next."},
        }, ["meta", "start", "nodes"]),
    }


def sources_schema() -> dict[str, Any]:
    """The JSON Schema of sources.yaml."""
    props: dict[str, Any] = {
        "citation": _text("Authors, title, journal, year, volume and pages, as a reader would look them up."),
        "url": _text("Where to read it (optional).", one_line=True),
        "note": _text("For authors only: caveats, what was checked (optional)."),
        "kind": {"type": "string", "enum": list(SOURCE_KINDS), "description": "What kind of evidence it is."},
        "size": _text("How big, e.g. \"43 people\" or \"22 studies, 5,685 people\" (optional).", one_line=True),
        "verified": {"type": "boolean", "description": "Were the authors, journal and year checked against the source itself?"},
        "authors": _text("The authors, as checked (optional).", one_line=True),
        "year": {"type": "integer", "minimum": 1000, "maximum": 2999, "description": "Year of publication (optional)."},
        "not_verified_because": _text("With verified: false, why the citation could not be checked (facts from it are then shown 'not verified' without a warning)."),
    }
    assert set(props) == set(SOURCE_FIELDS)
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "hfs-guide sources (sources.yaml)",
        "type": "object",
        "propertyNames": _ID,
        "additionalProperties": _object(props, ["citation", "kind", "verified"]),
    }


def glossary_schema() -> dict[str, Any]:
    """The JSON Schema of glossary.yaml."""
    entry = _object({"term": _text("The word as readers meet it.", one_line=True), "definition": _text("What it means, in plain words.")},
                    ["term", "definition"])
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "hfs-guide glossary (glossary.yaml)",
        "type": "object",
        "propertyNames": _ID,
        "additionalProperties": entry,
    }


def build_schema(name: str = "guide") -> dict[str, Any]:
    """The schema of one content file: "guide", "sources" or "glossary"."""
    return {"guide": guide_schema, "sources": sources_schema, "glossary": glossary_schema}[name]()


def schema_text(name: str = "guide") -> str:
    """A schema as the JSON text `hfs-guide schema` prints."""
    return json.dumps(build_schema(name), indent=2) + "\n"


if __name__ == "__main__":
    print(schema_text(sys.argv[1] if len(sys.argv) > 1 else "guide"), end="")
