"""The option grid and icon arrays are built from the content."""

from __future__ import annotations

from pathlib import Path

from hfs_guide.core.loader import load_graph
from hfs_guide.core.model import Fact, OPTION_FIELDS
from hfs_guide.core.overview import icon_grid, icon_sentence, option_grid

MINI = Path(__file__).parents[1] / "fixtures" / "mini"


def test_option_grid_columns_and_rows_come_from_content() -> None:
    graph = load_graph()
    grid = option_grid(graph)
    assert [n.id for n in grid.columns] == [n.id for n in graph.options()]
    assert [label for label, _ in grid.rows] == [label for _, label in OPTION_FIELDS]
    assert grid.rows[0][1][0] == grid.columns[0].option["what_it_is"]


def icon_fact(count: int, of: int, says: str = "t") -> Fact:
    return Fact("f", says, "g", "t", "s", "f", "neutral", True, count, of)


def test_icon_grid_matches_its_figure() -> None:
    figure = icon_fact(25, 100, "25 in 100 get better slowly")
    rows = icon_grid(figure)
    assert len(rows) == 10 and all(len(r) == 10 for r in rows)
    assert "".join(rows).count("#") == 25
    assert icon_sentence(figure) == "25 in 100 get better slowly"
    assert "".join(icon_grid(icon_fact(1, 3))).count("#") == 33
    assert "".join(icon_grid(icon_fact(0, 100))).count("#") == 0
