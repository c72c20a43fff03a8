"""The one Markdown parser of the guide: links, plain words and raw HTML, found one way.

Validation, the full-screen guide, plain mode, search and the handout all read node bodies
through this module, so a link `check` accepts is a link every front end can follow, whatever
way it is written: inline `[text](node:ID)`, reference `[text][ref]` with `[ref]: node:ID`,
or an autolink `<node:ID>`.

The parser is markdown-it with the two extensions Rich's Markdown renderer enables
(strikethrough, tables), so what we find is what the screen draws. Raw HTML is switched off:
it is text to every front end, never markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
import re
from typing import Callable, Iterable, Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token

NODE_SCHEME = "node:"


@dataclass(frozen=True)
class Link:
    """A link in a body: to another node (`node:ID`) or to an outside address."""

    text: str
    href: str
    line: int = 0  # 1-based line of the body where the link's paragraph starts (0: unknown)

    @property
    def node_id(self) -> str | None:
        """The target node id, or None for an outside address."""
        return self.href[len(NODE_SCHEME) :] if self.href.startswith(NODE_SCHEME) else None


@lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    """The shared parser: CommonMark, raw HTML off, Rich's extensions on."""
    return MarkdownIt("commonmark", {"html": False}).enable("strikethrough").enable("table")


def parse(markdown: str) -> list[Token]:
    """The block tokens of a body (inline tokens are each block's `children`)."""
    return parser().parse(markdown)


def _tokens(markdown: str | Sequence[Token]) -> Sequence[Token]:
    return parse(markdown) if isinstance(markdown, str) else markdown


def all_links(markdown: str | Sequence[Token]) -> tuple[Link, ...]:
    """Every link in reading order, repeats included, each with its paragraph's line."""
    found: list[Link] = []
    for block in _tokens(markdown):
        line = block.map[0] + 1 if block.map else 0
        href: str | None = None
        words: list[str] = []
        for token in block.children or ():
            if token.type == "link_open":
                href, words = str(token.attrs.get("href", "")), []
            elif token.type == "link_close" and href is not None:
                found.append(Link(" ".join("".join(words).split()) or href, href, line))
                href = None
            elif href is not None and token.type in ("text", "code_inline"):
                words.append(token.content)
            elif href is not None and token.type in ("softbreak", "hardbreak"):
                words.append(" ")
    return tuple(found)


def links(markdown: str | Sequence[Token]) -> tuple[Link, ...]:
    """Every distinct link target in reading order, with its first link text."""
    first: dict[str, Link] = {}
    for link in all_links(markdown):
        first.setdefault(link.href, link)
    return tuple(first.values())


def node_targets(markdown: str | Sequence[Token]) -> tuple[Link, ...]:
    """The links to nodes (`node:ID`), repeats included: what `check` resolves."""
    return tuple(link for link in all_links(markdown) if link.node_id is not None)


def plain_text(markdown: str | Sequence[Token], describe_link: Callable[[Link], str] | None = None) -> str:
    """The words of a body without its syntax: a line per paragraph, heading or list item
    (items keep a "- " or "1. " mark), a blank line between blocks, code as written.
    `describe_link` may add words after a link's text (plain mode says where a link leads);
    by default a link is just its text."""
    out: list[str] = []
    marks: list[list[int]] = []  # one per open list: [next number] or [] for bullets
    mark = ""
    row: list[str] | None = None  # the cells of the table row being read
    for block in _tokens(markdown):
        kind = block.type
        if kind in ("fence", "code_block"):
            out.append(block.content.rstrip("\n"))
        elif kind == "bullet_list_open":
            marks.append([])
        elif kind == "ordered_list_open":
            marks.append([int(block.attrs.get("start", 1) or 1)])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            marks.pop()
            if not marks:
                out.append("")
        elif kind == "list_item_open" and marks:
            indent = "  " * (len(marks) - 1)
            if marks[-1]:
                mark = f"{indent}{marks[-1][0]}. "
                marks[-1][0] += 1
            else:
                mark = f"{indent}- "
        elif kind == "tr_open":
            row = []
        elif kind == "inline" and row is not None:
            row.append(_inline_words(block.children or (), describe_link))
        elif kind == "tr_close" and row is not None:
            out.append(" | ".join(row))
            row = None
        elif kind == "inline":
            out.append(mark + _inline_words(block.children or (), describe_link))
            mark = ""
        elif kind in ("paragraph_close", "heading_close", "table_close") and not marks:
            out.append("")
    text = "\n".join(out)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


def _inline_words(children: Iterable[Token], describe_link: Callable[[Link], str] | None) -> str:
    words: list[str] = []
    href: str | None = None
    text_start = 0
    for token in children:
        if token.type in ("text", "code_inline"):
            words.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            words.append(" ")
        elif token.type == "image":
            words.append(token.content or "")
        elif token.type == "link_open":
            href, text_start = str(token.attrs.get("href", "")), len(words)
        elif token.type == "link_close" and href is not None:
            if describe_link is not None:
                text = " ".join("".join(words[text_start:]).split()) or href
                extra = describe_link(Link(text, href))
                if extra:
                    words.append(extra)
            href = None
    return "".join(words)
