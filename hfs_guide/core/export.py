"""What leaves the app: the handout (Markdown or HTML) and the graph for authors.

Everything here is built from the session and the content; user and content text is
escaped for HTML, and Markdown bodies are rendered with raw HTML switched off, so nothing
typed or written can put markup or script into a handout. The Markdown handout is opened by
whatever viewer the patient has, and CommonMark passes raw HTML through: there, text (notes,
titles, questions) is escaped so no HTML, link or image comes of it, and a body's raw HTML
(which `check` refuses anyway) is made inert.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass

from hfs_guide.core.files import CONTROL
from hfs_guide.core.markup import markdown_literal, markdown_without_html
from hfs_guide.core.model import Graph, Node
from hfs_guide.core.session import Session

NODE_LINK_TEXT = re.compile(r"\[([^\]]*)\]\(\s*node:[^)]*\)")


@dataclass(frozen=True)
class Handout:
    """The parts of a handout, in the order they are printed."""

    title: str
    version: str
    reviewed: str
    date: str
    disclaimer: str
    path: tuple[Node, ...]
    questions: tuple[tuple[Node, str], ...]
    notes: str
    urgent: Node
    emergency: str
    clinic: str
    sources: tuple[str, ...]


def clean_user_text(text: str) -> str:
    """Notes come from a keyboard or a file: keep them, minus control characters."""
    return CONTROL.sub("\ufffd", text.replace("\r\n", "\n"))


def walked_path(session: Session) -> tuple[Node, ...]:
    """Each node the user saw, once, in the order first seen (up to where they are)."""
    seen: dict[str, Node] = {}
    for node_id in session.history[: session.index + 1]:
        seen.setdefault(node_id, session.graph.nodes[node_id])
    return tuple(seen.values())


def build_handout(session: Session, today: dt.date | None = None) -> Handout:
    graph = session.graph
    path = walked_path(session)
    cited: dict[str, str] = {}
    for node in path:
        for source_id in node.sources:
            if source_id in graph.sources:
                cited.setdefault(source_id, graph.sources[source_id].citation)
    return Handout(
        title=graph.meta.title,
        version=graph.meta.version,
        reviewed=graph.meta.reviewed,
        date=(today or dt.date.today()).isoformat(),
        disclaimer=graph.meta.disclaimer,
        path=path,
        questions=tuple(session.ticked_questions()),
        notes=clean_user_text(session.notes).strip(),
        urgent=graph.urgent_node,
        emergency=graph.meta.emergency,
        clinic=graph.meta.clinic,
        sources=tuple(cited.values()),
    )


def plain_body(node: Node) -> str:
    """A node's Markdown with in-app links reduced to their text (they mean nothing on paper)."""
    return NODE_LINK_TEXT.sub(r"\1", node.body).strip()


def handout_markdown(h: Handout) -> str:
    t = markdown_literal
    out = [f"# {t(h.title)}", "", f"Summary of a session on {h.date}. Content version {t(h.version)}, reviewed {t(h.reviewed)}.", ""]
    out += [f"> {t(h.disclaimer)}", "", "## What we looked at", ""]
    out += [f"{i}. **{t(node.title)}**: {t(node.summary)}" for i, node in enumerate(h.path, 1)]
    out += ["", "## Questions to ask your care team", ""]
    out += [f"- [ ] {t(question)}" for _, question in h.questions] or ["(No questions were ticked.)"]
    out += ["", "## Notes", "", t(h.notes) or "(No notes.)", ""]
    out += [f"## {t(h.urgent.title)}", "", f"Emergency: {t(h.emergency)}.", f"Your surgical team: {t(h.clinic)}.", ""]
    out += [_demote_headings(markdown_without_html(plain_body(h.urgent))), "", "## Sources", ""]
    out += [f"- {t(citation)}" for citation in h.sources] or ["(No sources were cited on this path.)"]
    return "\n".join(out) + "\n"


def _demote_headings(markdown: str) -> str:
    return re.sub(r"^(#{1,5}) ", r"##\1 ", markdown, flags=re.MULTILINE)


_CSS = """
body { font: 12pt/1.5 Georgia, serif; max-width: 42em; margin: 2em auto; color: #111; padding: 0 1em; }
h1 { font-size: 1.6em; } h2 { font-size: 1.25em; border-bottom: 1px solid #999; margin-top: 1.6em; }
.meta, .disclaimer { color: #333; } .disclaimer { border-left: 4px solid #555; padding-left: .8em; }
.urgent { border: 2px solid #000; padding: 0 1em 1em; }
li { margin: .3em 0; } .box { font-family: monospace; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; text-decoration: none; } }
"""


def handout_html(h: Handout) -> str:
    from markdown_it import MarkdownIt

    e = html.escape
    urgent_body = MarkdownIt("commonmark", {"html": False}).render(_demote_headings(plain_body(h.urgent)))
    items = "".join(f"<li><strong>{e(n.title)}</strong>: {e(n.summary)}</li>" for n in h.path)
    questions = "".join(f'<li><span class="box">[ ]</span> {e(q)}</li>' for _, q in h.questions)
    notes = "".join(f"<p>{e(p)}</p>" for p in h.notes.split("\n\n") if p.strip()).replace("\n", "<br>")
    sources = "".join(f"<li>{e(c)}</li>" for c in h.sources)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(h.title)}: session summary {e(h.date)}</title>
<style>{_CSS}</style>
</head>
<body>
<h1>{e(h.title)}</h1>
<p class="meta">Summary of a session on {e(h.date)}. Content version {e(h.version)}, reviewed {e(h.reviewed)}.</p>
<p class="disclaimer">{e(h.disclaimer)}</p>
<h2>What we looked at</h2>
<ol>{items}</ol>
<h2>Questions to ask your care team</h2>
{f"<ul>{questions}</ul>" if questions else "<p>(No questions were ticked.)</p>"}
<h2>Notes</h2>
{notes or "<p>(No notes.)</p>"}
<section class="urgent">
<h2>{e(h.urgent.title)}</h2>
<p><strong>Emergency:</strong> {e(h.emergency)}.<br><strong>Your surgical team:</strong> {e(h.clinic)}.</p>
{urgent_body}
</section>
<h2>Sources</h2>
{f"<ul>{sources}</ul>" if sources else "<p>(No sources were cited on this path.)</p>"}
</body>
</html>
"""


def graph_mermaid(graph: Graph) -> str:
    """A Mermaid flowchart; ids are numbered because words such as `end` are Mermaid keywords."""
    ids = {node_id: f"n{i}" for i, node_id in enumerate(graph.nodes)}

    def label(text: str) -> str:
        return html.escape(text).replace("\n", " ")

    out = ["flowchart TD"]
    out += [f'  {ids[n.id]}["{label(n.title)}<br>({n.id}, {n.kind.value})"]' for n in graph.nodes.values()]
    for node in graph.nodes.values():
        out += [f'  {ids[node.id]} -->|"{label(c.label)}"| {ids[c.target]}' for c in node.choices if c.target in ids]
    return "\n".join(out) + "\n"


def graph_dot(graph: Graph) -> str:
    def q(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'

    out = ["digraph guide {", "  rankdir=TB;", "  node [shape=box];"]
    out += [f"  {q(n.id)} [label={q(n.title)}];" for n in graph.nodes.values()]
    for node in graph.nodes.values():
        out += [f"  {q(node.id)} -> {q(c.target)} [label={q(c.label)}];" for c in node.choices if c.target in graph.nodes]
    return "\n".join(out + ["}"]) + "\n"
