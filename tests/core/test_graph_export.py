"""The graph export for clinicians: kinds, parts, back edges and a legend; Graphviz draws it."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from hfs_guide.core.graph_export import graph_dot, graph_mermaid
from hfs_guide.core.loader import load_graph

ROOT = Path(__file__).parents[2]


@pytest.fixture(scope="module")
def graph():
    return load_graph(ROOT / "content")


def test_dot_gives_kinds_shapes_parts_clusters_ids_and_a_legend(graph) -> None:
    dot = graph_dot(graph)
    assert 'shape=octagon, fillcolor="#ffd6d6"' in dot  # urgent care stands out
    assert dot.count("subgraph cluster_") >= 4 and "Legend" in dot
    for node_id in graph.nodes:
        assert f"({node_id})" in dot
    assert "style=dashed" in dot and "constraint=false" in dot


def test_mermaid_has_classes_subgraphs_and_dashed_back_edges(graph) -> None:
    text = graph_mermaid(graph)
    assert "classDef urgent" in text and "subgraph part0" in text and "-.->" in text and "Legend" in text


# CI (.ci/run) installs Graphviz and sets HFS_REQUIRE_GRAPHVIZ=1, so there it fails rather than skips.
@pytest.mark.skipif(shutil.which("dot") is None and not os.environ.get("HFS_REQUIRE_GRAPHVIZ"),
                    reason="Graphviz is not installed")
def test_graphviz_renders_the_shipped_guide(tmp_path: Path, graph) -> None:
    source = tmp_path / "guide.dot"
    source.write_text(graph_dot(graph))
    done = subprocess.run(["dot", "-Tsvg", str(source)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("<g id=\"node") >= len(graph.nodes)
