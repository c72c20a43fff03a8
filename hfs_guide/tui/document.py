"""A node's page as ONE Rich renderable: fast to show, content literal, links as actions.

Textual's Markdown widget mounts a widget per block (60-230 ms a step, see DESIGN.md); one
renderable in one widget settles in ~20 ms. Rich's Markdown never parses console markup, so
`[b]` in content stays `[b]`. Its hyperlinks are rewritten into click actions that name a link
only by its number: no content text ever reaches Textual's action parser, and no terminal
hyperlink (which a terminal could open in a browser) is ever emitted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import AbstractSet, Callable, Sequence

from markdown_it.token import Token
from rich.console import Console, ConsoleOptions, Group, RenderableType
from rich.markdown import Markdown
from rich.segment import Segment
from rich.style import Style
from rich.theme import Theme
from textual.strip import Strip

from hfs_guide.core.markdown import Link, links
from hfs_guide.core.markdown import plain_text as markdown_words
from hfs_guide.core.model import Graph
from hfs_guide.core.page import Page
from hfs_guide.tui.page_parts import page_parts

__all__ = ["Link", "NodePage", "PageBook", "find_links", "plain_text"]


def find_links(markdown: str | Sequence[Token]) -> tuple[Link, ...]:
    """Every distinct link target in a body, in reading order (the core's one parser)."""
    return links(markdown)


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
    """Drawn pages, kept by what they hold (a Page is a value: ticking a question makes a
    new one); a new theme starts them afresh."""

    def __init__(self, graph: Graph) -> None:
        self._graph = graph
        self._pages: dict[Page, NodePage] = {}
        self._links: dict[str, tuple[Link, ...]] = {}
        self.theme: Theme | None = None

    def page(self, page: Page, theme: Callable[[], Theme]) -> NodePage:
        """The drawing of `page`; `theme` is asked for the page styles only when none are kept."""
        drawn = self._pages.get(page)
        if drawn is None:
            if self.theme is None:
                self.theme = theme()
            parts = page_parts(page)
            links_found = self._links.get(page.node_id)
            if links_found is None:  # reuse the body's tokens: Rich's Markdown has parsed it already
                body = next((part for part in parts if isinstance(part, Markdown)), None)
                links_found = find_links(body.parsed) if body is not None else ()
                self._links[page.node_id] = links_found
            drawn = self._pages[page] = NodePage(parts, links_found, self.theme)
        return drawn

    def forget_theme(self) -> None:
        """Drop the drawn pages (their colours); the links found are kept."""
        self._pages.clear()
        self.theme = None


def plain_text(markdown: str) -> str:
    """The words of a Markdown body, without its syntax (for search)."""
    return markdown_words(markdown)
