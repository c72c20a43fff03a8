"""A node's page as ONE Rich renderable: fast to show, content literal, links as actions.

Textual's Markdown widget mounts a widget per block (60-230 ms a step, see DESIGN.md); one
renderable in one widget settles in ~20 ms. Rich's Markdown never parses console markup, so
`[b]` in content stays `[b]`. Its hyperlinks are rewritten into click actions that name a link
only by its number: no content text ever reaches Textual's action parser, and no terminal
hyperlink (which a terminal could open in a browser) is ever emitted.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import AbstractSet, Callable, Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token
from rich.console import Console, ConsoleOptions, Group, RenderableType
from rich.markdown import Markdown
from rich.segment import Segment
from rich.style import Style
from rich.theme import Theme
from textual.strip import Strip

from hfs_guide.core.model import Graph, Node
from hfs_guide.tui.page_parts import page_parts

NODE_SCHEME = "node:"


@dataclass(frozen=True)
class Link:
    """A link in a node's body: to another node (`node:ID`) or to an outside address."""

    text: str
    href: str

    @property
    def node_id(self) -> str | None:
        """The target node id, or None for an outside address."""
        return self.href[len(NODE_SCHEME) :] if self.href.startswith(NODE_SCHEME) else None


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # The same parser settings Rich's Markdown uses, so hrefs match its link styles exactly.
    # One parser for all: making one costs more than parsing a short body with it.
    return MarkdownIt().enable("strikethrough").enable("table")


def find_links(markdown: str | Sequence[Token]) -> tuple[Link, ...]:
    """Every distinct link target in a body (text, or tokens already parsed), in reading order,
    with its first link text."""
    found: dict[str, str] = {}
    for block in _parser().parse(markdown) if isinstance(markdown, str) else markdown:
        href: str | None = None
        words: list[str] = []
        for token in block.children or ():
            if token.type == "link_open":
                href, words = str(token.attrs.get("href", "")), []
            elif token.type == "link_close" and href is not None:
                found.setdefault(href, " ".join("".join(words).split()) or href)
                href = None
            elif href is not None and token.type in ("text", "code_inline"):
                words.append(token.content)
            elif href is not None and token.type in ("softbreak", "hardbreak"):
                words.append(" ")
    return tuple(Link(text, href) for href, text in found.items())


class NodePage:
    """A node's page as one renderable, drawn into Strips once per width and kept."""

    def __init__(self, parts: list[RenderableType], links: tuple[Link, ...], theme: Theme) -> None:
        self.links = links
        self._group = Group(*parts)
        self._numbers = {link.href: number for number, link in enumerate(links)}
        self._theme = theme
        self._strips: dict[int, list[Strip]] = {}

    def strips(self, console: Console, options: ConsoleOptions, width: int) -> list[Strip]:
        """The page's lines at `width` cells; links carry `follow(N)` click actions."""
        strips = self._strips.get(width)
        if strips is None:
            with console.use_theme(self._theme):
                lines = console.render_lines(self._group, options.update_width(width), pad=False)
            strips = self._strips[width] = [Strip([self._relink(s) for s in line]) for line in lines]
        return strips

    def _relink(self, segment: Segment) -> Segment:
        style = segment.style
        if style is None or not style.link:
            return segment
        plain = style.update_link(None)
        number = self._numbers.get(style.link)
        if number is None:  # an image's address, say: shown, not clickable
            return Segment(segment.text, plain, segment.control)
        return Segment(segment.text, plain + Style.from_meta({"@click": f"follow({number})"}), segment.control)


class PageBook:
    """The pages of a graph, built on first view and kept; a new theme starts them afresh.

    A page is kept per set of ticked questions: ticking one draws that page anew.
    """

    def __init__(self, graph: Graph) -> None:
        self._graph = graph
        self._pages: dict[tuple[str, frozenset[int]], NodePage] = {}
        self._links: dict[str, tuple[Link, ...]] = {}
        self.theme: Theme | None = None

    def page(self, node: Node, theme: Callable[[], Theme], ticked: AbstractSet[int] = frozenset()) -> NodePage:
        """The page of `node` with questions `ticked`; `theme` is asked for the page styles
        only when none are kept."""
        key = (node.id, frozenset(ticked))
        page = self._pages.get(key)
        if page is None:
            if self.theme is None:
                self.theme = theme()
            parts = page_parts(self._graph, node, ticked)
            links = self._links.get(node.id)
            if links is None:  # reuse the body's tokens: Rich's Markdown has parsed it already
                body = next(part for part in parts if isinstance(part, Markdown))
                links = self._links[node.id] = find_links(body.parsed)
            page = self._pages[key] = NodePage(parts, links, self.theme)
        return page

    def forget_theme(self) -> None:
        """Drop the drawn pages (their colours); the links found are kept."""
        self._pages.clear()
        self.theme = None


def plain_text(markdown: str) -> str:
    """The words of a Markdown body, without its syntax (for search)."""
    words: list[str] = []
    for block in _parser().parse(markdown):
        if block.type in ("fence", "code_block"):
            words.append(block.content)
        for token in block.children or ():
            if token.type in ("text", "code_inline"):
                words.append(token.content)
            elif token.type in ("softbreak", "hardbreak"):
                words.append(" ")
        if block.type == "inline":
            words.append("\n")
    return "".join(words)
