"""A large synthetic guide built in memory (no files): the shape of benchmarks/large_graph.py.

A chain n0 -> n1 -> ... from the start node, each node also pointing back to n(i // 2), every
fifth node an option and every twentieth an ending (which still goes on), plus the urgent page.
"""

from __future__ import annotations

from hfs_guide.core.location import Location
from hfs_guide.core.model import OPTION_FIELDS, Choice, Graph, Kind, Meta, Node

WHERE = Location("guide.yaml", 1, 1)
META = Meta("Big guide", "en", "1", "2026-11-24", "Synthetic.", "urgent", "your local emergency number",
            "your clinic", "Information, not advice.")


def title(i: int) -> str:
    return f"Step {i} of the synthetic guide"


def big_graph(count: int, *, unknown: int = 0) -> Graph:
    """`count` nodes n0..n(count-2) plus 'urgent'. With `unknown` > 0, that many nodes get a
    choice and a body link to an id that does not exist ('n{i}x'), each close to a real one."""
    nodes: dict[str, Node] = {}
    last = count - 2
    for i in range(count - 1):
        kind = Kind.ENDING if i == last or i % 20 == 19 else (Kind.OPTION if i % 5 == 4 else Kind.INFO)
        choices = [] if i == last else [Choice(f"Go on to step {i + 1}", f"n{i + 1}", WHERE),
                                        Choice(f"Look at step {i // 2}", f"n{i // 2}", WHERE)]
        body = f"# {title(i)}\n\nA short paragraph about step {i}, see [the start](node:n0).\n"
        if i < unknown:
            choices.append(Choice("A step that is gone", f"n{i}x", WHERE))
            body += f"\nAnd [a lost step](node:n{i}x).\n"
        option = {name: f"{label} of step {i}." for name, label in OPTION_FIELDS} if kind is Kind.OPTION else {}
        if option:  # the ledger asks benefits and harms for a fact, or for why there is none
            for name in ("benefits", "harms"):
                option[name] += " There is no reliable figure for this, because the guide is synthetic."
        nodes[f"n{i}"] = Node(f"n{i}", kind, title(i), f"What step {i} is about.", body, f"nodes/n{i}.md",
                              tuple(choices), option=option, where=WHERE)
    nodes["urgent"] = Node("urgent", Kind.URGENT, "Urgent help", "When to get help now.", "Call for help.\n",
                           "nodes/urgent.md", (Choice("Back to the start", "n0", WHERE),), where=WHERE)
    return Graph(META, "n0", nodes, root="big")
