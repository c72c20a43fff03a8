"""Reading the evidence ledger: a node's `facts`, and what sources.yaml says of each source.

Rules that need the whole guide (does the source exist, does the sentence's number match
the finding) live in core/ledger.py; here each value gets its type, as the loader does for
every other field.
"""

from __future__ import annotations

from pathlib import Path

from hfs_guide.core.fields import Reader, did_you_mean, plain_text
from hfs_guide.core.model import FACT_SIDES, SOURCE_KINDS, Fact, Source
from hfs_guide.core.numbers import statistics
from hfs_guide.core.problems import Problem
from hfs_guide.core.yamltree import Map, Scalar, YNode

FACT_FIELDS = ("id", "says", "group", "time", "source", "finding", "side", "icon")
_FACT_KEYS = frozenset(FACT_FIELDS)
SOURCE_FIELDS = ("citation", "url", "note", "kind", "size", "verified", "authors", "year", "not_verified_because")
# What each required part of a fact is for, said when it is missing (rule 3).
FACT_NEEDS = {
    "says": "the guide's own words, such as \"about 63 in 100 were fully free of twitching\"",
    "group": "who and how many, such as \"43 people who had a second MVD at one centre\"",
    "time": "over what time, such as \"a median of 67 months after the operation\" (if the source does not say, say so)",
    "source": "the id of the source in sources.yaml",
    "finding": "the source's own figure as published, such as \"62.8% complete resolution\"",
    "side": "benefit, harm or neutral",
}


def _flag(reader: Reader, node: YNode | None, message: str, code: str, key_pos: tuple[int, int] | None = None) -> None:
    line, col = key_pos or ((node.line, node.col) if node is not None else (0, 0))
    reader.problems.append(Problem(reader.name, line, col, message, code=code))


def read_bool(reader: Reader, parent: Map, key: str, what: str) -> bool | None:
    """true or false, written plainly (YAML's yes/no/on/off are refused: editors disagree on them)."""
    node = parent.items.get(key)
    if node is None:
        return None
    if isinstance(node, Scalar) and node.kind == "true/false" and node.value.lower() in ("true", "false"):
        return node.value.lower() == "true"
    reader.problem(node, f"{what}: {key!r} must be true or false")
    return None


def read_facts(reader: Reader, node: Map, what: str) -> tuple[Fact, ...]:
    """The node's `facts` list; a fact missing a part is reported and left out."""
    facts: list[Fact] = []
    for item in reader.sequence(node, "facts", what):
        fact = reader.mapping(item, f"{what}: a fact", _FACT_KEYS)
        if fact is None:
            continue
        fact_id = plain_text(fact.items.get("id"), True) or reader.text(fact, "id", f"{what}: a fact", one_line=True)
        label = f"{what}: fact {fact_id!r}" if fact_id else f"{what}: a fact"
        if fact_id and not _is_id(fact_id):
            _flag(reader, fact.items["id"], f"{label}: ids use only lower-case letters, digits and hyphens", "fact-id")
        values: dict[str, str] = {}
        for name, need in FACT_NEEDS.items():
            if name not in fact.items:
                _flag(reader, fact, f"{label}: missing {name!r}: {need}", "fact-incomplete")
                values[name] = ""
            else:
                one_line = name in ("source", "side")
                values[name] = plain_text(fact.items[name], one_line) or reader.text(fact, name, label, one_line=one_line)
        side = values["side"]
        if side and side not in FACT_SIDES:
            _flag(reader, fact.items["side"], f"{label}: side {side!r} is not one of: {', '.join(FACT_SIDES)}", "fact-side")
        icon = read_bool(reader, fact, "icon", label) or False
        count = of = 0
        if icon and values["says"]:
            first = next((s for s in statistics(values["says"]) if s.form == "in"), None)
            if first is None or first.of is None or first.of == 0 or first.value > first.of or first.value != int(first.value):
                _flag(reader, fact.items["icon"], f"{label}: icon: true draws the first \"N in M\" of 'says' "
                      "(whole numbers, N no more than M), and 'says' has none", "fact-icon")
                icon = False
            else:
                count, of = int(first.value), int(first.of)
        if all(values.values()) and fact_id:
            marks = {name: (value.line, value.col) for name, value in fact.items.items()}
            facts.append(Fact(fact_id, values["says"], values["group"], values["time"], values["source"],
                              values["finding"], side, icon, count, of, reader.at(fact), marks))
    return tuple(facts)


def _is_id(text: str) -> bool:
    return bool(text) and text[0].isalnum() and all(c.isdigit() or ("a" <= c <= "z") or c == "-" for c in text) and text.isascii()


def read_sources(path: Path, tree: YNode | None, reader: Reader) -> dict[str, Source]:
    """sources.yaml: id -> Source, with kind, size and whether the citation was verified."""
    out: dict[str, Source] = {}
    table = reader.mapping(tree, path.name) if tree is not None else None
    for source_id, item in (table.items.items() if table else ()):
        label = f"source {source_id!r}"
        entry = reader.mapping(item, label, SOURCE_FIELDS)
        if entry is None:
            continue
        text = {name: reader.text(entry, name, label, required=name == "citation", one_line=name not in ("citation", "note"))
                for name in ("citation", "url", "note", "size", "authors", "not_verified_because")}
        kind = reader.text(entry, "kind", label, required=False, one_line=True)
        if "kind" not in entry.items:
            _flag(reader, entry, f"{label}: missing 'kind': one of {', '.join(SOURCE_KINDS)}", "source-kind")
        elif kind and kind not in SOURCE_KINDS:
            _flag(reader, entry.items["kind"], f"{label}: kind {kind!r} is not one of: {', '.join(SOURCE_KINDS)}"
                  f"{did_you_mean(kind, SOURCE_KINDS)}", "source-kind")
        verified = read_bool(reader, entry, "verified", label)
        if "verified" not in entry.items:
            _flag(reader, entry, f"{label}: missing 'verified': true when the authors, journal and year were "
                  "checked against the source itself, else false", "source-verified")
        year = 0
        if "year" in entry.items:
            value = entry.items["year"]
            if isinstance(value, Scalar) and value.kind == "number" and value.value.isdigit() and 1000 <= int(value.value) <= 2999:
                year = int(value.value)
            else:
                reader.problem(value, f"{label}: 'year' must be a year such as 2024")
        out[source_id] = Source(source_id, text["citation"], text["url"], text["note"], kind, text["size"],
                                bool(verified), text["authors"], year, text["not_verified_because"])
        if verified and text["not_verified_because"]:
            reader.problem(entry.items["not_verified_because"], f"{label}: 'not_verified_because' is only for "
                           "sources with verified: false")
    return out
