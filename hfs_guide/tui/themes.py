"""Colours: the shipped high-contrast theme, and Rich styles for a page from the live theme."""

from __future__ import annotations

from typing import Mapping

from rich.errors import StyleSyntaxError
from rich.style import Style
from rich.theme import Theme as RichTheme
from textual.color import Color, ColorParseError
from textual.theme import Theme

HIGH_CONTRAST = Theme(
    name="high-contrast",
    primary="#FFFF00",
    secondary="#00FFFF",
    accent="#FFFF00",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#1A1A1A",
    warning="#FFD700",
    error="#FF6E6E",
    success="#00FF7F",
    boost="#FFFFFF",
    dark=True,
    variables={
        "border": "#FFFFFF",
        "border-blurred": "#BBBBBB",
        "block-cursor-background": "#FFFF00",
        "block-cursor-foreground": "#000000",
        "block-cursor-text-style": "bold",
        "block-cursor-blurred-background": "#FFFFFF",
        "block-cursor-blurred-foreground": "#000000",
        "footer-background": "#000000",
        "footer-key-foreground": "#FFFF00",
        "footer-description-foreground": "#FFFFFF",
        "link-color": "#00FFFF",
        "link-style": "bold underline",
        "link-color-hover": "#000000",
        "link-background-hover": "#00FFFF",
        "markdown-h1-color": "#FFFF00",
        "markdown-h2-color": "#FFFF00",
        "markdown-h3-color": "#00FFFF",
        "markdown-h4-color": "#FFFFFF",
        "markdown-h5-color": "#FFFFFF",
        "markdown-h6-color": "#FFFFFF",
        "scrollbar": "#FFFFFF",
        "scrollbar-background": "#333333",
    },
)
"""White on black, yellow and cyan accents, no dimmed text."""

THEMES: tuple[Theme, ...] = (HIGH_CONTRAST,)


def _color(variables: Mapping[str, str], name: str, fallback: str = "") -> str:
    """A CSS variable as a solid #RRGGBB colour (alpha blended onto the background)."""
    value = variables.get(name, "")
    try:
        color = Color.parse(value)
        background = Color.parse(variables.get("background", "#000000"))
    except ColorParseError:  # "auto 87%" and the like: derived at draw time, not a colour
        return fallback
    return (background + color).hex6 if color.a < 1 else color.hex6


def _style(spec: str) -> Style:
    try:
        return Style.parse(spec.strip() or "none")
    except StyleSyntaxError:  # a Textual-only style word: fall back to plain text
        return Style.null()


def page_theme(variables: Mapping[str, str], dark: bool = True) -> RichTheme:
    """Rich styles for a node page, taken from the current Textual theme's variables."""
    primary = _color(variables, "primary")
    # Links: the theme's link colour when it is a colour, else a primary shade that reads well.
    link = _color(variables, "link-color", _color(variables, "primary-lighten-2" if dark else "primary-darken-2", primary))
    accent = _color(variables, "accent", primary)
    secondary = _color(variables, "secondary", primary)
    muted = _color(variables, "foreground-muted", _color(variables, "foreground"))
    error = _color(variables, "error", primary)
    styles: dict[str, Style] = {}
    for level in range(1, 7):
        color = _color(variables, f"markdown-h{level}-color", primary)
        styles[f"markdown.h{level}"] = _style(f"{variables.get(f'markdown-h{level}-text-style', 'bold')} {color}")
    styles.update(
        {
            "markdown.link": _style(f"underline {link}"),
            "markdown.link_url": _style(f"underline {link}"),
            "markdown.code": _style(f"bold {accent}"),
            "markdown.code_block": _style(accent),
            "markdown.block_quote": _style(f"italic {secondary}"),
            "markdown.item.bullet": _style(f"bold {accent}"),
            "markdown.item.number": _style(f"bold {accent}"),
            "markdown.list": _style(accent),
            "markdown.hr": _style(muted),
            "markdown.table.border": _style(primary),
            "markdown.table.header": _style("bold"),
            "guide.title": _style(f"bold {_color(variables, 'markdown-h1-color', primary)}"),
            "guide.notice": _style("bold"),
            "guide.notice.border": _style(primary),
            "guide.muted": _style(muted),
            "guide.urgent.border": _style(error),
            "guide.figure.filled": _style(f"bold {accent}"),
            "guide.figure.empty": _style(muted),
        }
    )
    return RichTheme(styles, inherit=True)
