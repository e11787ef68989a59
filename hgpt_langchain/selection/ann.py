"""Approximate nearest-neighbour search for large catalogs: one FAISS HNSW graph per task type.

:class:`~hgpt_langchain.selection.index.ModelIndex` scans its float32 matrix exactly by default.
With ``store="faiss"`` it instead asks one HNSW graph (``faiss.IndexHNSWFlat``, inner product on
unit vectors = cosine) per task type for the rows most similar to the query, and ranks only those.
Rows are grouped by task in the matrix, so the graph of a task holds one contiguous slice and a
task filter (the selection node's case) searches one graph. Graphs are saved beside the persisted
index (``<index>/hnsw-M<m>/<task>.faiss``) and loaded, not rebuilt, by later processes.

Needs ``faiss-cpu`` (``pip install 'hgpt-langchain[faiss]'``).
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

from hgpt_langchain.errors import ConfigurationError

logger = logging.getLogger(__name__)


def _faiss() -> Any:
    try:
        import faiss
    except ImportError as err:
        raise ConfigurationError(
            "store='faiss' needs the faiss-cpu package: pip install 'hgpt-langchain[faiss]' "
            "(or use the default store='numpy')."
        ) from err
    return faiss


class TaskHNSW:
    """One HNSW graph per task type over the rows ``ranges[task] = (start, end)`` of a matrix.

    Args:
        m: HNSW neighbours per node (FAISS ``M``).
        ef_construction: Build-time beam width.
        ef_search: Minimum search-time beam width (raised to the number of rows asked for).
    """

    def __init__(self, m: int = 32, ef_construction: int = 64, ef_search: int = 64):
        self.faiss = _faiss()
        self.m = m
        self.ef_construction = ef_construction
        self.ef_search = ef_search
        self.graphs: dict[str, Any] = {}
        self.starts: dict[str, int] = {}
        self.built = 0
        """Graphs built (not loaded) by this object."""

    def folder(self, index_path: Path) -> Path:
        """Where the graphs of the index persisted at ``index_path`` live."""
        return index_path / f"hnsw-M{self.m}"

    def prepare(
        self, matrix: np.ndarray, ranges: dict[str, tuple[int, int]], folder: Path | None
    ) -> TaskHNSW:
        """Load each task's graph from ``folder`` or build it (and save it there)."""
        for task, (start, end) in ranges.items():
            self.starts[task] = start
            path = folder / f"{task}.faiss" if folder is not None else None
            graph = None
            if path is not None and path.is_file():
                try:
                    graph = self.faiss.read_index(str(path))
                except RuntimeError as err:
                    logger.warning("Ignoring unreadable HNSW graph %s (%s).", path, err)
                if graph is not None and graph.ntotal != end - start:
                    graph = None
            if graph is None:
                graph = self._build(matrix[start:end])
                if path is not None:
                    self._save(graph, path)
            self.graphs[task] = graph
        return self

    def _build(self, rows: np.ndarray) -> Any:
        graph = self.faiss.IndexHNSWFlat(rows.shape[1], self.m, self.faiss.METRIC_INNER_PRODUCT)
        graph.hnsw.efConstruction = self.ef_construction
        graph.add(np.ascontiguousarray(rows, dtype=np.float32))
        self.built += 1
        return graph

    def _save(self, graph: Any, path: Path) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
            os.close(fd)
            self.faiss.write_index(graph, tmp)
            os.replace(tmp, path)
        except OSError as err:  # a read-only cache: keep the graph in memory only
            logger.warning("Cannot save the HNSW graph %s (%s).", path, err)

    def search(self, task: str, query: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
        """The (up to) ``n`` rows of ``task`` most similar to ``query``: (global rows, cosines)."""
        graph = self.graphs[task]
        n = min(n, graph.ntotal)
        graph.hnsw.efSearch = max(self.ef_search, n)
        sims, ids = graph.search(np.asarray(query, dtype=np.float32).reshape(1, -1), n)
        keep = ids[0] >= 0
        return ids[0][keep].astype(np.int64) + self.starts[task], sims[0][keep]
