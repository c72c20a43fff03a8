"""Reading and checking decision support (`situation:`, `values:`, `ready:` in guide.yaml).

Every mistake is a located problem, like everything else `check` reports: a rule that opens
a page that does not exist, an answer no rule and no default leads from, a value that names
an option field that is not one.
"""

from __future__ import annotations

from typing import Callable

from hfs_guide.core.decision import (
    DONT_KNOW, Answer, DecisionSupport, ReadyQuestion, Ready, Route, Situation, SituationQuestion, Value, Values,
)
from hfs_guide.core.fields import Reader, did_you_mean
from hfs_guide.core.location import Location
from hfs_guide.core.model import OPTION_FIELD_NAMES, Graph, Kind
from hfs_guide.core.problems import Problem
from hfs_guide.core.yamltree import Map, Scalar, Seq, YNode

TOP_FIELDS = ("situation", "values", "ready")
SITUATION_FIELDS = ("intro", "offer_on", "questions", "routes", "default")
QUESTION_FIELDS = ("id", "ask", "short", "answers")
ANSWER_FIELDS = ("id", "label")
ROUTE_FIELDS = ("when", "to")
VALUES_FIELDS = ("intro", "scale", "statements")
VALUE_FIELDS = ("id", "statement", "touches")
READY_FIELDS = ("intro", "credit", "source", "questions")
READY_QUESTION_FIELDS = ("id", "ask", "if_no", "pages")


def _ids(reader: Reader, items: list[YNode], what: str, read: Callable[[Map, str], object]) -> list[object]:
    out: list[object] = []
    seen: set[str] = set()
    for item in items:
        node = reader.mapping(item, what)
        if node is None:
            continue
        built = read(node, what)
        item_id = getattr(built, "id", "")
        if item_id in seen:
            reader.problem(node, f"{what}: id {item_id!r} appears twice")
        seen.add(item_id)
        out.append(built)
    return out


def read_situation(reader: Reader, tree: YNode) -> Situation | None:
    """`situation:` as read, or None when it is not a mapping (reported)."""
    top = reader.mapping(tree, "situation", SITUATION_FIELDS)
    if top is None:
        return None

    def question(node: Map, what: str) -> SituationQuestion:
        reader.mapping(node, what, QUESTION_FIELDS)
        qid = reader.text(node, "id", what, one_line=True)
        answers = []
        for item in reader.sequence(node, "answers", f"situation question {qid!r}"):
            answer = reader.mapping(item, f"situation question {qid!r}: an answer", ANSWER_FIELDS)
            if answer is not None:
                answers.append(Answer(reader.text(answer, "id", "an answer", one_line=True),
                                      reader.text(answer, "label", "an answer", one_line=True)))
        if len(answers) < 2:
            reader.problem(node, f"situation question {qid!r}: give at least two answers (I don't know is added)")
        return SituationQuestion(qid, reader.text(node, "ask", what, one_line=True), tuple(answers),
                                 reader.text(node, "short", what, one_line=True), reader.at(node))

    def route(node: Map, what: str) -> Route:
        reader.mapping(node, what, ROUTE_FIELDS)
        when: dict[str, tuple[str, ...]] = {}
        condition = reader.mapping(node.items.get("when"), f"{what}: 'when'") if "when" in node.items else None
        if condition is None:
            reader.problem(node, f"{what}: missing 'when' (question id: answer id, or a list of them)")
        else:
            for key, value in condition.items.items():
                if isinstance(value, Seq):
                    when[key] = tuple(reader.text_value(v, f"{what}: {key!r}", one_line=True) for v in value.items)
                else:
                    when[key] = (reader.text_value(value, f"{what}: {key!r}", one_line=True),)
        return Route(when, reader.text(node, "to", what, one_line=True), reader.at(node))

    questions = [q for q in _ids(reader, reader.sequence(top, "questions", "situation"), "a situation question", question)]
    routes = [route(r, "a situation route") for r in (reader.mapping(i, "a situation route") for i in
                                                      reader.sequence(top, "routes", "situation")) if r is not None]
    return Situation(
        intro=reader.text(top, "intro", "situation"),
        offer_on=reader.text(top, "offer_on", "situation", one_line=True),
        questions=tuple(q for q in questions if isinstance(q, SituationQuestion)),
        routes=tuple(routes),
        default=reader.text(top, "default", "situation", one_line=True),
        where=reader.at(top),
    )


def read_values(reader: Reader, tree: YNode) -> Values | None:
    """`values:` as read, or None when it is not a mapping (reported)."""
    top = reader.mapping(tree, "values", VALUES_FIELDS)
    if top is None:
        return None

    def value(node: Map, what: str) -> Value:
        reader.mapping(node, what, VALUE_FIELDS)
        vid = reader.text(node, "id", what, one_line=True)
        touches: dict[str, tuple[str, ...]] = {}
        mapping = reader.mapping(node.items.get("touches"), f"value {vid!r}: 'touches'") if "touches" in node.items else None
        if mapping is None:
            reader.problem(node, f"value {vid!r}: missing 'touches' (option id: [option fields])")
        else:
            for option_id, fields in mapping.items.items():
                names = fields.items if isinstance(fields, Seq) else [fields]
                touches[option_id] = tuple(reader.text_value(f, f"value {vid!r}: {option_id!r}", one_line=True) for f in names)
        return Value(vid, reader.text(node, "statement", what, one_line=True), touches, reader.at(node))

    scale = tuple(text for text, _ in reader.text_list(top, "scale", "values"))
    if len(scale) < 2:
        reader.problem(top, "values: 'scale' needs at least two steps, from 'does not matter' to 'matters a lot'")
    statements = [v for v in _ids(reader, reader.sequence(top, "statements", "values"), "a value", value)]
    return Values(reader.text(top, "intro", "values"), scale,
                  tuple(v for v in statements if isinstance(v, Value)), reader.at(top))


def read_ready(reader: Reader, tree: YNode) -> Ready | None:
    """`ready:` as read, or None when it is not a mapping (reported)."""
    top = reader.mapping(tree, "ready", READY_FIELDS)
    if top is None:
        return None

    def question(node: Map, what: str) -> ReadyQuestion:
        reader.mapping(node, what, READY_QUESTION_FIELDS)
        pages = tuple(text for text, _ in reader.text_list(node, "pages", what))
        return ReadyQuestion(reader.text(node, "id", what, one_line=True), reader.text(node, "ask", what, one_line=True),
                             reader.text(node, "if_no", what), pages, reader.at(node))

    questions = [q for q in _ids(reader, reader.sequence(top, "questions", "ready"), "a readiness question", question)]
    return Ready(reader.text(top, "intro", "ready"), reader.text(top, "credit", "ready"),
                 reader.text(top, "source", "ready", one_line=True),
                 tuple(q for q in questions if isinstance(q, ReadyQuestion)), reader.at(top))


def read_decision(reader: Reader, top: Map) -> DecisionSupport:
    """The decision-support parts present in the guide's top mapping."""
    return DecisionSupport(
        situation=read_situation(reader, top.items["situation"]) if "situation" in top.items else None,
        values=read_values(reader, top.items["values"]) if "values" in top.items else None,
        ready=read_ready(reader, top.items["ready"]) if "ready" in top.items else None,
    )


def check_decision(decision: DecisionSupport, graph: Graph) -> list[Problem]:
    """Every target exists, every answer leads somewhere, every value names real option rows."""
    problems: list[Problem] = []

    def at(where: Location, message: str) -> None:
        problems.append(Problem(where.file, where.line, where.col, message))

    def page(where: Location, node_id: str, what: str) -> None:
        if node_id and node_id not in graph.nodes:
            at(where, f"{what}: no node {node_id!r}{did_you_mean(node_id, graph.nodes)}")

    situation = decision.situation
    if situation is not None:
        page(situation.where, situation.offer_on, "situation: 'offer_on'")
        page(situation.where, situation.default, "situation: 'default'")
        answers = {q.id: {a.id for a in q.answers} for q in situation.questions}
        led: set[tuple[str, str]] = set()
        for rule in situation.routes:
            page(rule.where, rule.to, "situation route: 'to'")
            for qid, allowed in rule.when.items():
                if qid not in answers:
                    at(rule.where, f"situation route: no question {qid!r}{did_you_mean(qid, answers)}")
                    continue
                for answer in allowed:
                    if answer not in answers[qid]:
                        at(rule.where, f"situation route: question {qid!r} has no answer {answer!r}"
                                       f"{did_you_mean(answer, answers[qid])}")
                    led.add((qid, answer))
        if not situation.default:
            for question in situation.questions:
                for choice in question.answers:
                    if (question.id, choice.id) not in led:
                        at(question.where, f"situation question {question.id!r}: answer {choice.id!r} leads nowhere: "
                                           "use it in a route, or give the situation a 'default' page")
        for question in situation.questions:
            if any(a.id == DONT_KNOW for a in question.answers):
                at(question.where, f"situation question {question.id!r}: {DONT_KNOW!r} is added by the guide; remove it")
    values = decision.values
    if values is not None:
        options = {node.id for node in graph.nodes.values() if node.kind is Kind.OPTION}
        for value in values.statements:
            for option_id, fields in value.touches.items():
                if option_id not in options:
                    at(value.where, f"value {value.id!r}: {option_id!r} is not an option node{did_you_mean(option_id, options)}")
                for name in fields:
                    if name not in OPTION_FIELD_NAMES:
                        at(value.where, f"value {value.id!r}: {name!r} is not an option field"
                                        f"{did_you_mean(name, OPTION_FIELD_NAMES)}")
    ready = decision.ready
    if ready is not None:
        if ready.source and ready.source not in graph.sources:
            at(ready.where, f"ready: source {ready.source!r} is not in sources.yaml{did_you_mean(ready.source, graph.sources)}")
        for asked in ready.questions:
            for node_id in asked.pages:
                page(asked.where, node_id, f"readiness question {asked.id!r}: 'pages'")
    return problems


__all__ = ["TOP_FIELDS", "check_decision", "read_decision", "Scalar"]
