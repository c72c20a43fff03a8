"""A short fingerprint of the content as loaded, printed on every handout, on the help screen
and by `hfs-guide --version`: a clinic can tell which reviewed text a person was shown.

It hashes what the guide shows (meta, nodes with their bodies, sources, glossary), not the
files' bytes, so re-indenting a YAML file does not change it and a changed word always does.
"""

from __future__ import annotations

import hashlib

from hfs_guide.core.model import Graph


def content_fingerprint(graph: Graph) -> str:
    """12 hex digits of SHA-256 over the loaded content, in content order."""
    digest = hashlib.sha256()
    for part in (
        repr(graph.meta), graph.start,
        *(repr(node) for node in graph.nodes.values()),
        *(repr(source) for source in graph.sources.values()),
        *(repr(term) for term in graph.glossary.values()),
    ):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()[:12]


def content_label(graph: Graph) -> str:
    """'content version 2.0, reviewed 2026-11-30, fingerprint 1a2b3c4d5e6f'."""
    meta = graph.meta
    return f"content version {meta.version}, reviewed {meta.reviewed}, fingerprint {content_fingerprint(graph)}"
