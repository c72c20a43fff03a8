"""Pages named by a person rather than by an id: `hfs-guide handout --nodes botox,urgent`.

A name is a page id (`option-botox`), a whole title (`Medicines`, any case), or words of a
title (`botox` -> "Botox injections"). A name that fits no page, or more than one, is a
`PageNameError` that lists what was probably meant: nothing is guessed silently.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from hfs_guide.core.model import Graph

WORD = re.compile(r"\w+")
MAX_SUGGESTIONS = 5


@dataclass(frozen=True)
class PageNameError(ValueError):
    """`name` fits no page (`ambiguous` False) or several (True); `candidates` are page ids."""

    name: str
    candidates: tuple[str, ...]
    ambiguous: bool = False

    def __str__(self) -> str:
        return f"{'ambiguous' if self.ambiguous else 'unknown'} page name {self.name!r}"


def words(text: str) -> frozenset[str]:
    """The case-folded words of a text."""
    return frozenset(WORD.findall(text.casefold()))


def page_id(graph: Graph, name: str) -> str:
    """The id of the page `name` means (see the module docstring); PageNameError otherwise."""
    name = name.strip()
    if name in graph.nodes:
        return name
    folded = name.casefold()
    for how in (
        lambda node_id: node_id.casefold() == folded,
        lambda node_id: graph.nodes[node_id].title.casefold().rstrip("?") == folded.rstrip("?"),
    ):
        found = [node_id for node_id in graph.nodes if how(node_id)]
        if len(found) == 1:
            return found[0]
    wanted = words(name)
    if wanted:
        found = [node_id for node_id, node in graph.nodes.items() if wanted <= words(node.title)]
        if len(found) == 1:
            return found[0]
        if found:
            raise PageNameError(name, tuple(found), ambiguous=True)
    raise PageNameError(name, close_matches(graph, name))


def close_matches(graph: Graph, name: str) -> tuple[str, ...]:
    """Ids of pages whose id, title or a title word looks like `name` (a typo, a plural)."""
    keys: dict[str, list[str]] = {}
    for node_id, node in graph.nodes.items():
        for key in (node_id.casefold(), node.title.casefold(), *words(node.title)):
            keys.setdefault(key, []).append(node_id)
    out: dict[str, None] = {}
    for key in difflib.get_close_matches(name.casefold(), keys, n=MAX_SUGGESTIONS * 2, cutoff=0.75):
        out.update(dict.fromkeys(keys[key]))
    return tuple(out)[:MAX_SUGGESTIONS]

