"""Decision support in plain mode: the same questions, in the same order, as the full screen.

Each question lists its answers by number; Enter alone skips it and keeps any earlier answer.
The answers go into the Session only.
"""

from __future__ import annotations

from typing import Callable, Sequence

from hfs_guide.core.decision import DONT_KNOW, DONT_KNOW_LABEL, next_step, not_ready, route_for, situation_line
from hfs_guide.core.model import Graph
from hfs_guide.core.session import Session

Say = Callable[[str], None]
Ask = Callable[[str], "str | None"]  # a prompt -> the line typed, None at the end of input


def _pick(say: Say, ask: Ask, question: str, answers: Sequence[str], chosen: int | None) -> int | None | bool:
    """Ask one question: its number, None to skip, False when input ended."""
    say("")
    say(question)
    for number, answer in enumerate(answers, 1):
        say(f"  {number}. {answer}{' (your answer)' if chosen == number - 1 else ''}")
    while True:
        line = ask(f"Type 1 to {len(answers)}, or just Enter to skip: ")
        if line is None:
            return False
        line = line.strip()
        if not line:
            return None
        if line.isascii() and line.isdigit() and len(line) < 4 and 1 <= int(line) <= len(answers):
            return int(line) - 1
        say(f"Please type a number from 1 to {len(answers)}, or just press Enter to skip this question.")


def ask_situation(graph: Graph, session: Session, say: Say, ask: Ask) -> str | None:
    """'My situation'; returns the page the answers point to (None when nothing applies)."""
    situation = graph.decision.situation
    if situation is None:
        say("This guide has no questions about your situation.")
        return None
    say("")
    say("My situation.")  # a heading of its own: through a pipe the intro would run on from the prompt
    say(situation.intro)
    for q in situation.questions:
        ids = [a.id for a in q.answers] + [DONT_KNOW]
        current = session.situation.get(q.id)
        picked = _pick(say, ask, q.ask, [a.label for a in q.answers] + [DONT_KNOW_LABEL],
                       ids.index(current) if current in ids else None)
        if picked is False:
            return None
        if picked is not None:
            session.answer_situation(q.id, ids[picked])
    line = situation_line(situation, session.situation)
    say("")
    say(line or "You did not answer any of the questions. That is fine.")
    return route_for(situation, session.situation)


def ask_values(graph: Graph, session: Session, say: Say, ask: Ask) -> None:
    """'What matters to me': each statement on the content's scale."""
    values = graph.decision.values
    if values is None:
        say("This guide has no questions about what matters to you.")
        return
    say("")
    say("What matters to me.")
    say(values.intro)
    for value in values.statements:
        picked = _pick(say, ask, value.statement, values.scale, session.ratings.get(value.id))
        if picked is False:
            return
        if picked is not None:
            session.rate(value.id, picked)
    say("")
    say("Thank you. The handout lists what matters to you, in your words.")


def ask_ready(graph: Graph, session: Session, say: Say, ask: Ask) -> None:
    """'Ready to decide?': yes/no questions; each "no" says what could help next."""
    ready = graph.decision.ready
    if ready is None:
        say("This guide has no readiness questions.")
        return
    say("")
    say("Ready to decide?")
    say(ready.intro)
    for q in ready.questions:
        current = session.ready.get(q.id)
        picked = _pick(say, ask, q.ask, ("Yes", "No"), None if current is None else (0 if current else 1))
        if picked is False:
            return
        if picked is not None:
            session.answer_ready(q.id, picked == 0)
    missing = not_ready(ready, session.ready)
    say("")
    if missing:
        say("What could help next (this goes into your handout):")
        titles = {node_id: node.title for node_id, node in graph.nodes.items()}
        for q in missing:
            say(f"  - {next_step(q, titles)}")
    say(ready.credit)
