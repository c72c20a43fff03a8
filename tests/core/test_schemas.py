"""The published JSON Schemas and `check` agree: the same broken files fail both, every
good guide passes both, and the schemas stay inside what ajv accepts in strict mode."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from hfs_guide.core.loader import check_graph
from hfs_guide.core.schema import SCHEMAS, build_schema

ROOT = Path(__file__).parents[2]
GUIDES = [ROOT / "content", ROOT / "tests/fixtures/mini", ROOT / "tests/fixtures/awkward", ROOT / "tests/tui/content"]
TODAY = dt.date(2026, 12, 1)
TYPES = {"string": str, "integer": int, "number": (int, float), "boolean": bool, "object": dict, "array": list}
# Keywords and the one type each applies to (ajv strict mode: strictTypes).
NEEDS_TYPE = {
    "pattern": "string", "minLength": "string", "items": "array", "maxItems": "array", "minimum": "integer",
    "maximum": "integer", "properties": "object", "required": "object", "additionalProperties": "object",
    "propertyNames": "object", "minProperties": "object",
}
KNOWN = set(NEEDS_TYPE) | {"$schema", "title", "description", "type", "enum", "const", "if", "then", "else", "not"}


def validate(schema: dict[str, Any], value: Any, path: str = "") -> list[str]:
    """The errors of `value` against the subset of JSON Schema (draft 7) the schemas use."""
    errors: list[str] = []
    kind = schema.get("type")
    if kind is not None:
        ok = isinstance(value, TYPES[kind]) and not (kind in ("integer", "number") and isinstance(value, bool))
        if not ok:
            return [f"{path}: not {kind}"]
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{path}: not one of {schema['enum']}")
    if "const" in schema and value != schema["const"]:
        errors.append(f"{path}: not {schema['const']!r}")
    if "pattern" in schema:
        pattern = schema["pattern"][:-1] + r"\Z" if schema["pattern"].endswith("$") else schema["pattern"]
        if not re.search(pattern, value):
            errors.append(f"{path}: does not match {schema['pattern']}")
    if "minLength" in schema and len(value) < schema["minLength"]:
        errors.append(f"{path}: too short")
    if "minimum" in schema and value < schema["minimum"] or "maximum" in schema and value > schema["maximum"]:
        errors.append(f"{path}: out of range")
    if isinstance(value, list):
        if len(value) > schema.get("maxItems", len(value)):
            errors.append(f"{path}: too many items")
        for i, item in enumerate(value):
            errors += validate(schema.get("items", {}), item, f"{path}[{i}]")
    if isinstance(value, dict):
        if len(value) < schema.get("minProperties", 0):
            errors.append(f"{path}: too few properties")
        errors += [f"{path}: missing {key}" for key in schema.get("required", ()) if key not in value]
        for key, item in value.items():
            if "propertyNames" in schema:
                errors += validate(schema["propertyNames"], key, f"{path}/{key} (name)")
            if key in schema.get("properties", {}):
                errors += validate(schema["properties"][key], item, f"{path}/{key}")
            elif schema.get("additionalProperties") is False:
                errors.append(f"{path}: unknown {key}")
            elif isinstance(schema.get("additionalProperties"), dict):
                errors += validate(schema["additionalProperties"], item, f"{path}/{key}")
    if "if" in schema:
        branch = "then" if not validate(schema["if"], value, path) else "else"
        errors += validate(schema.get(branch, {}), value, path)
    if "not" in schema and not validate(schema["not"], value, path):
        errors.append(f"{path}: matches a 'not'")
    return errors


def walk(schema: Any):  # type: ignore[no-untyped-def]
    if isinstance(schema, dict):
        yield schema
        for key, value in schema.items():
            if key in ("properties",):
                for sub in value.values():
                    yield from walk(sub)
            elif key not in ("enum", "const", "required"):
                yield from walk(value)
    elif isinstance(schema, list):
        for item in schema:
            yield from walk(item)


@pytest.mark.parametrize("name", SCHEMAS)
def test_the_published_schema_files_are_the_loaders(name: str) -> None:
    shipped = json.loads((ROOT / "schema" / f"{name}.schema.json").read_text(encoding="utf-8"))
    assert shipped == build_schema(name), f"run: hfs-guide schema {name} > schema/{name}.schema.json"


@pytest.mark.parametrize("name", SCHEMAS)
def test_schemas_stay_within_ajv_strict_mode(name: str) -> None:
    for part in walk(build_schema(name)):
        assert set(part) <= KNOWN, set(part) - KNOWN
        assert not isinstance(part.get("type"), list), "ajv strict refuses union types"
        for keyword, kind in NEEDS_TYPE.items():
            if keyword in part:
                assert part.get("type") == kind, (keyword, part)
        assert set(part.get("required", ())) <= set(part.get("properties", {})) or "properties" not in part


def schema_errors(folder: Path) -> list[str]:
    errors = []
    for name in SCHEMAS:
        path = folder / f"{name}.yaml"
        if path.exists():
            errors += [f"{name}: {e}" for e in validate(build_schema(name), yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader))]
    return errors


@pytest.mark.parametrize("folder", GUIDES, ids=lambda p: p.name)
def test_every_good_guide_passes_the_schemas_and_check(folder: Path) -> None:
    assert schema_errors(folder) == []
    assert [str(p) for p in check_graph(folder, today=TODAY)[1] if p.is_error] == []


# (file, text to find, replacement): each must fail the schema AND check.
BROKEN = {
    "version as a number": ("guide", 'version: "1"', "version: 1.5"),
    "reviewed not a real date": ("guide", 'reviewed: "2026-11-24"', 'reviewed: "2026-13-45"'),
    "reviewed unquoted": ("guide", 'reviewed: "2026-11-24"', "reviewed: 2026-11-24"),
    "unknown node field": ("guide", "title: Options", "tittle: Options"),
    "missing summary": ("guide", "    summary: Where to begin.\n", ""),
    "bad kind": ("guide", "kind: info\n    title: Still", "kind: infoo\n    title: Still"),
    "empty title": ("guide", "title: Welcome", 'title: "  "'),
    "title on two lines": ("guide", "title: Welcome", 'title: "Wel\\ncome"'),
    "choice without a target": ("guide", "{label: It came back, to: back-again}", "{label: It came back}"),
    "node id with capitals": ("guide", "  back-again:\n", "  Back-Again:\n"),
    "start empty": ("guide", "start: welcome", 'start: ""'),
    "fact without group": ("guide", "        group: 2,000 people in a made-up study\n", ""),
    "fact side unknown": ("guide", "side: neutral", "side: good"),
    "fact icon not a boolean": ("guide", "icon: true", 'icon: "yes"'),
    "fact id with capitals": ("guide", "id: still-slow", "id: Still-Slow"),
    "figures": ("guide", "    facts:\n", "    figures: []\n    facts:\n"),
    "option section on an info node": ("guide", "    summary: Twitching that returns.\n",
                                       "    summary: Twitching that returns.\n    option: {what_it_is: A thing.}\n"),
    "option missing who_it_may_not_suit": ("guide", "      who_it_may_not_suit: People who dislike needles.\n", ""),
    "no nodes": ("guide", "nodes:\n", "nodes: {}\nold_nodes:\n"),
    "source kind unknown": ("sources", "kind: cohort", "kind: blog"),
    "source without verified": ("sources", "  verified: true\n", ""),
    "source verified as text": ("sources", "verified: true", 'verified: "true"'),
    "source year not a number": ("sources", "  verified: true\n", "  verified: true\n  year: soon\n"),
    "source unknown field": ("sources", "  verified: true\n", "  verified: true\n  doi: 10.1/x\n"),
    "source without citation": ("sources", "  citation: Example A. A made-up reference used only by the tests. Test J 2026;1:1-2.\n", ""),
    "glossary without definition": ("glossary", None, None),
}


@pytest.mark.parametrize("name,old,new", BROKEN.values(), ids=BROKEN.keys())
def test_schema_and_check_refuse_the_same_broken_files(mini: Path, name: str, old: str | None, new: str | None) -> None:
    path = mini / f"{name}.yaml"
    text = path.read_text(encoding="utf-8")
    if old is None:  # the glossary: drop the first definition line
        text = re.sub(r"(?m)^  definition: .*\n", "", text, count=1)
    else:
        assert old in text, old
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    assert schema_errors(mini), "the schema accepts it"
    assert [p for p in check_graph(mini, today=TODAY)[1] if p.is_error], "check accepts it"
