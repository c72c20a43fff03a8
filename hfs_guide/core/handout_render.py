"""The handout on paper: Markdown and a printable, self-contained HTML page, from one model.

Nothing typed or written can become markup: in Markdown, `<`, `>` and `&` of every text are
written as entities (a CommonMark viewer shows them, never runs them) and notes keep their
line breaks as hard breaks; in HTML every text is escaped and Markdown bodies are rendered
by the core's parser with raw HTML off. The one table of formats (`FORMATS`) serves the
command line and the full-screen guide alike.
"""

from __future__ import annotations

import html
import re
from typing import Callable

from hfs_guide.core.handout import Handout
from hfs_guide.core.markdown import parser, plain_text
from hfs_guide.core.model import OPTION_FIELDS
from hfs_guide.core.overview import OptionGrid
from hfs_guide.core.page import Citation

# Every [ that could open a link: all but a bare "[1]" or "[b]" (no bracket inside, and
# neither "(", "[" nor ":" after it), which stays as written.
LINK_START = re.compile(r"\[(?![^\[\]\n]*\](?![(\[:]))")
BLANK = "______________________________"
FILL_IN = (("Your clinic's phone number", BLANK), ("Your next appointment", BLANK))


def md_escape(text: str) -> str:
    """Text for Markdown: entities for HTML's characters, no accidental block syntax, and no
    link, image or link definition (an escaped `[` starts none, so a permissive viewer is
    never handed a `javascript:` address). A bare `[1]` stays as written: with every
    link definition escaped, it cannot become a link."""
    text = LINK_START.sub(r"\\[", text.replace("\\", "\\\\"))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"^(\s*)([#>+*-]|\d+[.)])(\s)", r"\1\\\2\3", text, flags=re.MULTILINE)


def md_lines(text: str) -> str:
    """Escaped text whose single line breaks survive Markdown (a backslash hard break)."""
    paragraphs = [p for p in md_escape(text).split("\n\n") if p.strip()]
    return "\n\n".join(" \\\n".join(line.rstrip() for line in p.split("\n")) for p in paragraphs)


def citation_words(c: Citation) -> str:
    """A source as the list of sources gives it: the citation, its kind and size, and
    whether it was checked against the source itself."""
    about = ", ".join(part for part in (c.kind, c.size) if part)
    if not c.verified:
        about = f"{about}; not verified" if about else "not verified"
    return f"{c.text} ({about})" if about else c.text


def _header(h: Handout) -> list[str]:
    return [f"Summary of a session on {h.date}. Content version {h.version}, reviewed {h.reviewed}, "
            f"fingerprint {h.fingerprint}."]


def _refs(numbers: tuple[int, ...]) -> str:
    return f" Sources: {', '.join(f'[{n}]' for n in numbers)}." if numbers else ""


MARK = "★ check this row for: "  # the same words as the option grid on screen


def _grid_rows(h: Handout, grid: OptionGrid, column: int) -> list[tuple[str, str, tuple[str, ...]]]:
    """(field label, text, marks) of one option in the grid's order, for both formats."""
    node = grid.columns[column]
    names = dict((label, name) for name, label in OPTION_FIELDS)
    return [(label, texts[column], h.option_marks.get((node.id, names.get(label, "")), ()))
            for label, texts in grid.rows if texts[column]]


def _grid_markdown(h: Handout, grid: OptionGrid) -> list[str]:
    out = ["## The options side by side", ""]
    if h.option_marks:
        out += [f"{MARK.strip()} marks the rows that touch what matters a lot to you, the same way for every option.", ""]
    for column, node in enumerate(grid.columns):
        numbers = h.option_sources[column] if column < len(h.option_sources) else ()
        out += [f"### {md_escape(node.title)}", ""]
        for label, text, marks in _grid_rows(h, grid, column):
            out.append(f"- **{md_escape(label)}**: {md_escape(text)}")
            out += [f"  - {MARK}{md_escape(statement)}" for statement in marks]
        out += ["", _refs(numbers).strip(), ""] if numbers else [""]
    return out


def _decision_markdown(h: Handout) -> list[str]:
    out: list[str] = []
    if h.situation:
        out += ["## My situation", "", *(f"- {md_escape(q)} **{md_escape(a)}**" for q, a in h.situation), ""]
    if h.values:
        out += ["## What matters to me", "", *(f"- {md_escape(v)}: **{md_escape(r)}**" for v, r in h.values), ""]
    if h.ready:
        out += ["## Ready to decide?", "", *(f"- {md_escape(q)} **{md_escape(a)}**" for q, a in h.ready), ""]
        if h.next_steps:
            out += ["What could help next:", "", *(f"- {md_escape(step)}" for step in h.next_steps), ""]
        if h.ready_credit:
            out += [md_escape(h.ready_credit), ""]
    return out


def _decision_html(h: Handout, e: Callable[[str], str]) -> str:
    parts: list[str] = []
    if h.situation:
        rows = "".join(f"<li>{e(q)} <strong>{e(a)}</strong></li>" for q, a in h.situation)
        parts.append(f"<h2>My situation</h2>\n<ul>{rows}</ul>")
    if h.values:
        rows = "".join(f"<li>{e(v)}: <strong>{e(r)}</strong></li>" for v, r in h.values)
        parts.append(f"<h2>What matters to me</h2>\n<ul>{rows}</ul>")
    if h.ready:
        rows = "".join(f"<li>{e(q)} <strong>{e(a)}</strong></li>" for q, a in h.ready)
        steps = "".join(f"<li>{e(step)}</li>" for step in h.next_steps)
        parts.append(f"<h2>Ready to decide?</h2>\n<ul>{rows}</ul>"
                     + (f"\n<p>What could help next:</p>\n<ul>{steps}</ul>" if steps else "")
                     + (f"\n<p class=\"refs\">{e(h.ready_credit)}</p>" if h.ready_credit else ""))
    return "\n".join(parts)


def handout_markdown(h: Handout) -> str:
    """The handout as Markdown."""
    out = [f"# {md_escape(h.title)}", "", *_header(h), "", f"> {md_escape(h.disclaimer)}", ""]
    # Who to call comes first, short enough never to be split over two printed pages; the
    # signs that need help follow at the end, each group kept together.
    out += [f"**{md_escape(h.urgent_title)}. Emergency: {md_escape(h.emergency)}.** \\",
            f"Your surgical team: {md_escape(h.clinic)}. The signs that need help now are at the end.", ""]
    out += _decision_markdown(h)
    if h.route:
        out += [f"Your route: {md_escape(', then '.join(h.route))}.", ""]
    out += ["## What we looked at", ""]
    if not h.pages:
        out += ["(Only pages that help you find your way were opened.)", ""]
    for p in h.pages:
        out += [f"### {md_escape(p.title)}", "", md_escape(p.summary) + _refs(p.sources), ""]
        out += [f"- **{md_escape(label)}**: {md_escape(text)}" for label, text in p.glance]
        out += [f"- {md_escape(words)}" for words in p.facts]
        if p.glance or p.facts:
            out.append("")
    if h.options is not None:
        out += _grid_markdown(h, h.options)
    out += ["## Questions to ask your care team", ""]
    if h.questions:
        out += ["You ticked these to ask. Tick each box off at your appointment.", ""]
    out += [f"- [ ] {md_escape(q)}" for q in h.questions] or ["(No questions were ticked.)"]
    out += ["", "## Notes", "", md_lines(h.notes) or "(No notes.)", ""]
    out += ["## Your care team", "", f"Your surgical team: {md_escape(h.clinic)}. \\"]
    out += [" \\\n".join(f"{label}: {blank}" for label, blank in FILL_IN), ""]
    out += [f"## {md_escape(h.urgent_title)}", "", f"**Emergency: {md_escape(h.emergency)}.** \\",
            f"Your surgical team: {md_escape(h.clinic)}.", "", md_lines(plain_text(h.urgent_body)), ""]
    if h.urgent_sources:
        out += [_refs(h.urgent_sources).strip(), ""]
    out += ["## Sources", ""]
    out += [f"{n}. {md_escape(citation_words(c))}" for n, c in enumerate(h.sources, 1)] or ["(No sources were cited.)"]
    out += ["", f"{md_escape(h.title)}, {h.date}. Content fingerprint {h.fingerprint}."]
    return "\n".join(out) + "\n"


_CSS = """
body { font: 12pt/1.5 Georgia, serif; max-width: 42em; margin: 2em auto; color: #111; padding: 0 1em; }
h1 { font-size: 1.6em; } h2 { font-size: 1.25em; border-bottom: 1px solid #999; margin-top: 1.6em; }
h3 { font-size: 1.05em; margin-bottom: .2em; }
.meta, .disclaimer, .refs { color: #333; } .disclaimer { border-left: 4px solid #555; padding-left: .8em; }
.urgent { border: 2px solid #000; padding: 0 1em 1em; break-inside: avoid; page-break-inside: avoid; }
.signs ul, .signs li, .signs p, .option { break-inside: avoid; page-break-inside: avoid; }
h2, h3 { break-after: avoid; page-break-after: avoid; } .mark { color: #333; }
.fill { line-height: 2.4; } li { margin: .3em 0; } .box { font-family: monospace; }
dl.glance dt { font-weight: bold; } dl.glance dd { margin: 0 0 .4em 1.2em; }
footer { margin-top: 2em; font-size: 10pt; color: #333; }
@page { margin: 2cm 2cm 2.2cm;
  @bottom-left { content: FOOTER; font: 9pt Georgia, serif; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 9pt Georgia, serif; } }
@media print { body { margin: 0; max-width: none; } a { color: inherit; text-decoration: none; }
  footer { display: none; } }
"""


def _md_html(markdown: str) -> str:
    """A body as HTML (raw HTML off); links to other pages become their text on paper."""
    md = parser()
    tokens = md.parse(markdown)
    for block in tokens:
        open_node = False
        for token in block.children or ():
            if token.type == "link_open" and str(token.attrs.get("href", "")).startswith("node:"):
                token.type, token.tag, token.content, open_node = "text", "", "", True
            elif token.type == "link_close" and open_node:
                token.type, token.tag, token.content, open_node = "text", "", "", False
    return str(md.renderer.render(tokens, md.options, {}))


def css_string(text: str) -> str:
    """Text as a CSS string that cannot end the string, the rule or the <style> element."""
    return '"' + "".join(c if c.isalnum() or c in " ,.:-_" else f"\\{ord(c):x} " for c in text) + '"'


def _grid_html(h: Handout, grid: OptionGrid, e: Callable[[str], str]) -> str:
    parts = ["<h2>The options side by side</h2>"]
    if h.option_marks:
        parts.append(f"<p>{e(MARK.strip())} marks the rows that touch what matters a lot to you, the same way for every option.</p>")
    for column, node in enumerate(grid.columns):
        rows = "".join(f"<dt>{e(label)}</dt><dd>{e(text)}"
                       + "".join(f'<br><em class="mark">{e(MARK)}{e(statement)}</em>' for statement in marks) + "</dd>"
                       for label, text, marks in _grid_rows(h, grid, column))
        numbers = h.option_sources[column] if column < len(h.option_sources) else ()
        refs = f'<p class="refs">{e(_refs(numbers).strip())}</p>' if numbers else ""
        parts.append(f"<section class=\"option\"><h3>{e(node.title)}</h3><dl class=\"glance\">{rows}</dl>{refs}</section>")
    return "\n".join(parts)


def handout_html(h: Handout) -> str:
    """The handout as one printable HTML page that loads nothing."""
    e = html.escape
    pages = []
    for p in h.pages:
        refs = f' <span class="refs">{e(_refs(p.sources).strip())}</span>' if p.sources else ""
        glance = "".join(f"<dt>{e(label)}</dt><dd>{e(text)}</dd>" for label, text in p.glance)
        facts = "".join(f"<li>{e(words)}</li>" for words in p.facts)
        pages.append(f"<h3>{e(p.title)}</h3>\n<p>{e(p.summary)}{refs}</p>"
                     + (f'\n<dl class="glance">{glance}</dl>' if glance else "")
                     + (f"\n<ul>{facts}</ul>" if facts else ""))
    questions = "".join(f'<li><span class="box">[ ]</span> {e(q)}</li>' for q in h.questions)
    notes = "".join(f"<p>{e(p).replace(chr(10), '<br>')}</p>" for p in h.notes.split("\n\n") if p.strip())
    sources = "".join(f"<li>{e(citation_words(c))}</li>" for c in h.sources)
    route = f"<p>Your route: {e(', then '.join(h.route))}.</p>" if h.route else ""
    fill = "<br>".join(f"{e(label)}: {blank}" for label, blank in FILL_IN)
    footer = f"{h.title}, {h.date}, fingerprint {h.fingerprint}"
    return f"""<!DOCTYPE html>
<html lang="{e(h.language or 'en')}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(h.title)}: session summary {e(h.date)}</title>
<style>{_CSS.replace("FOOTER", css_string(footer))}</style>
</head>
<body>
<main>
<h1>{e(h.title)}</h1>
<p class="meta">{e(_header(h)[0])}</p>
<p class="disclaimer">{e(h.disclaimer)}</p>
<section class="urgent" aria-labelledby="urgent-title">
<h2 id="urgent-title">{e(h.urgent_title)}</h2>
<p><strong>Emergency: {e(h.emergency)}.</strong><br>Your surgical team: {e(h.clinic)}.<br>The signs that need help now are on the last pages.</p>
</section>
{_decision_html(h, e)}
{route}
<h2>What we looked at</h2>
{chr(10).join(pages) or "<p>(Only pages that help you find your way were opened.)</p>"}
{_grid_html(h, h.options, e) if h.options is not None else ""}
<h2>Questions to ask your care team</h2>
{f"<p>You ticked these to ask. Tick each box off at your appointment.</p><ul>{questions}</ul>" if questions else "<p>(No questions were ticked.)</p>"}
<h2>Notes</h2>
{notes or "<p>(No notes.)</p>"}
<h2>Your care team</h2>
<p class="fill">Your surgical team: {e(h.clinic)}.<br>{fill}</p>
<section class="signs" aria-labelledby="signs-title">
<h2 id="signs-title">{e(h.urgent_title)}</h2>
<p><strong>Emergency: {e(h.emergency)}.</strong><br>Your surgical team: {e(h.clinic)}.</p>
{_md_html(_demote(h.urgent_body))}
{f'<p class="refs">{e(_refs(h.urgent_sources).strip())}</p>' if h.urgent_sources else ""}
</section>
<h2>Sources</h2>
{f"<ol>{sources}</ol>" if sources else "<p>(No sources were cited.)</p>"}
</main>
<footer>{e(footer)}</footer>
</body>
</html>
"""


def _demote(markdown: str) -> str:
    """Headings of a body sit under the handout's own headings."""
    return re.sub(r"^(#{1,4}) ", r"##\1 ", markdown, flags=re.MULTILINE)


FORMATS: dict[str, Callable[[Handout], str]] = {
    ".html": handout_html,
    ".htm": handout_html,
    ".md": handout_markdown,
    ".markdown": handout_markdown,
}
MIME_TYPES = {".html": "text/html", ".htm": "text/html", ".md": "text/markdown", ".markdown": "text/markdown"}


def render(h: Handout, suffix: str) -> str:
    """The handout in the format a file name's suffix asks for (KeyError for others)."""
    return FORMATS[suffix.lower()](h)
