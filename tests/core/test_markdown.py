"""One Markdown parser for links and plain words (core/markdown.py)."""

from __future__ import annotations

from hfs_guide.core.markdown import all_links, links, node_targets, plain_text

BODY = """# A heading

Text with [an inline link](node:alpha), a [reference][ref] and an autolink <node:gamma>.
A [site](https://example.org) too, and [alpha again](node:alpha).

- first item
- second item
  1. nested

```
code stays as written
```

<script>alert(1)</script>

[ref]: node:beta
"""


def test_every_way_of_writing_a_node_link_is_found_with_its_line() -> None:
    found = node_targets(BODY)
    assert [link.node_id for link in found] == ["alpha", "beta", "gamma", "alpha"]
    assert {link.line for link in found} == {3}


def test_distinct_links_keep_reading_order_and_first_text() -> None:
    distinct = links(BODY)
    assert [link.href for link in distinct] == ["node:alpha", "node:beta", "node:gamma", "https://example.org"]
    assert distinct[0].text == "an inline link"
    assert distinct[3].node_id is None


def test_links_inside_code_are_not_links() -> None:
    assert all_links("`[x](node:a)`\n\n    [y](node:b)\n") == ()


def test_plain_text_drops_syntax_keeps_words_lists_and_code() -> None:
    text = plain_text(BODY)
    lines = text.splitlines()
    assert lines[0] == "A heading"
    assert "Text with an inline link, a reference and an autolink node:gamma. A site too, and alpha again." in lines
    assert "- first item" in lines and "  1. nested" in lines
    assert "code stays as written" in lines
    assert "<script>alert(1)</script>" in lines  # raw HTML is text, never markup
    assert "#" not in text and "](" not in text


def test_plain_text_can_say_where_links_lead() -> None:
    text = plain_text("Go [there](node:alpha) or [out](https://e.org).",
                      lambda link: f" (page {link.node_id})" if link.node_id else f" ({link.href})")
    assert text == "Go there (page alpha) or out (https://e.org)."


def test_check_finds_dead_reference_links_and_autolinks_with_their_line(tmp_path) -> None:
    import shutil
    from pathlib import Path

    import pytest

    from hfs_guide.core.loader import load_graph
    from hfs_guide.core.problems import ContentError

    mini = Path(__file__).parents[1] / "fixtures" / "mini"
    folder = tmp_path / "mini"
    shutil.copytree(mini, folder)
    (folder / "nodes" / "end.md").write_text(
        "# The end\n\nSee [this][gone] and <node:nowhere-at-all>.\n\n[gone]: node:nowhere\n", encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_graph(folder)
    found = {p.message.split("'")[1]: (p.line, p.col) for p in error.value.problems if "link to" in p.message}
    assert found == {"nowhere": (5, 9), "nowhere-at-all": (3, 23)}
