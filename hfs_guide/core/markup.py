"""Raw HTML in Markdown bodies, and text made safe to put into a Markdown file.

A body is Markdown for the guide's own renderers, which never run HTML. A Markdown handout,
though, is opened by whatever CommonMark viewer the patient has, and CommonMark passes raw
HTML (`<script>`, `<img onerror=...>`) through. So `check` refuses raw HTML in a body, and
the Markdown handout escapes what it copies, in case a body or a note holds some anyway.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Iterator

from hfs_guide.core.problems import Problem

if TYPE_CHECKING:  # markdown-it costs ~20 ms to import: only when a body may hold HTML
    from markdown_it import MarkdownIt

# CommonMark raw HTML starts with `<` then a letter, `/`, `!` or `?`: without one there is none.
MAYBE_HTML = re.compile(r"<[A-Za-z/!?]")
# What makes plain text active in CommonMark: `<` before a letter, `/`, `!` or `?` (HTML and
# autolinks, with any backslashes before it), `](` (a link or an image that loads an address),
# and a `[label]:` line (a link definition). Everything else stays as typed: the Markdown
# handout is read as plain text too, where every backslash would be noise.
_HTML_START = re.compile(r"(\\*)<(?=[A-Za-z/!?])")
_DEFINITION = re.compile(r"^( {0,3})\[(?=[^\]\n]*\]:)", re.MULTILINE)


@lru_cache(maxsize=1)
def _html_parser() -> "MarkdownIt":
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True})


def raw_html(markdown: str) -> Iterator[tuple[int, int, str]]:
    """(line, col, html) for each piece of raw HTML in `markdown`, as CommonMark reads it."""
    if not MAYBE_HTML.search(markdown):
        return
    lines = markdown.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    for token in _html_parser().parse(markdown):
        if token.map is None:
            continue
        first = token.map[0]
        if token.type == "html_block":
            yield first + 1, lines[first].find("<") + 1, token.content.split("\n", 1)[0].strip()
            continue
        cursor = starts[first]
        for child in token.children or ():
            if child.type != "html_inline":
                continue
            head = child.content.split("\n", 1)[0]
            found = markdown.find(head, cursor, starts[token.map[1]])
            if found < 0:  # should not happen; the start of the block is close enough
                yield first + 1, 1, head
                continue
            cursor = found + len(head)
            row = markdown.count("\n", 0, found)
            yield row + 1, found - starts[row] + 1, head


def raw_html_problem(name: str, markdown: str) -> Problem | None:
    """A located problem for the first raw HTML in a body, or None."""
    for line, col, html in raw_html(markdown):
        shown = html if len(html) <= 40 else html[:37] + "..."
        return Problem(
            name, line, col,
            f"raw HTML {shown!r} is not allowed in a body: write it as text, or put a backslash before the '<'",
        )
    return None


def markdown_literal(text: str) -> str:
    """Plain text (a note, a title) for a Markdown file: no HTML, link or image can come of it."""
    # n backslashes before `<` become 2n + 1: each typed one stays literal and `<` is escaped.
    text = _HTML_START.sub(lambda found: found.group(1) * 2 + "\\<", text)
    text = text.replace("](", "]\\(")
    return _DEFINITION.sub(r"\1\\[", text)


def markdown_without_html(markdown: str) -> str:
    """A Markdown body with any raw HTML made inert (every `<` written as `&lt;`).

    `check` refuses such bodies, so this only matters for content that bypassed it.
    """
    if next(raw_html(markdown), None) is None:
        return markdown
    return markdown.replace("<", "&lt;")
