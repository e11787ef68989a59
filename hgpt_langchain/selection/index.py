"""A vector index of catalog model descriptions, persisted on disk and filterable by task.

:class:`ModelIndex` embeds one text per :class:`~hgpt_langchain.catalog.CatalogEntry` (the
"text recipe", see :meth:`CatalogEntry.text`) with any LangChain ``Embeddings`` (default: the
shipped all-MiniLM-L6-v2) and ranks models for a query by a weighted sum of

* ``similarity``: cosine between the query and the entry text;
* ``task``: how well the query matches the entry's *task type* (cosine to task prototypes written
  from the task registry: title, description, examples, cues), so a model's task counts even when
  its card is vague;
* ``head``: the probability of the entry's task type under a *task head*, a linear classifier
  over the query embedding trained on labelled requests
  (:mod:`hgpt_langchain.selection.taskhead`; one is shipped for the default embeddings);
* ``popularity``: log-scaled downloads and likes;
* ``bm25``: lexical overlap (optional, off by default);
* ``cue``: the query names one of the task's registry cues;
* ``modality``: +1 when the task reads a kind of media the query gives, by naming a file
  (``photo.jpg``) or talking about it ("the recording of a call"; "an audio version of this
  text" asks for audio, it gives none); -1 when the task's main input is media the query does
  not give, or when the query asks for text ("transcribe") and the task makes media.

The default numpy store keeps a float32 matrix of unit vectors with rows grouped by task, so a task
filter scans one contiguous slice. Without a filter on large catalogs it scores the task types
first and scans only the best ones' rows (``prune_tasks``, ``prune_margin``). The matrix is saved
under ``<cache>/index/<fingerprint>`` (cache: ``cache_dir`` argument, else ``$HGPT_CACHE_DIR``, else
``~/.cache/hgpt_langchain``); the fingerprint covers catalog content, embedding model, text recipe
and prototype texts, so an unchanged catalog is never embedded twice. Any LangChain
``VectorStore`` can be used instead (``vector_store=``): it then supplies the similarity term.

The weights, the lexical terms and the media terms are in :mod:`hgpt_langchain.selection.ranking`.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from hgpt_langchain.catalog import Catalog, CatalogEntry, default_catalog
from hgpt_langchain.embeddings import embedding_name, query_vector
from hgpt_langchain.errors import ConfigurationError
from hgpt_langchain.paths import cache_root
from hgpt_langchain.selection.prototypes import task_prototypes
from hgpt_langchain.selection.ranking import (
    _BM25,
    Ranking,
    _cue_pattern,
    _modality_fit,
    _query_media,
)
from hgpt_langchain.selection.taskhead import TaskHead, default_task_head
from hgpt_langchain.tasks import TASKS, resolve_task

if TYPE_CHECKING:
    from langchain_core.embeddings import Embeddings
    from langchain_core.vectorstores import VectorStore

    from hgpt_langchain.selection.ann import TaskHNSW

logger = logging.getLogger(__name__)

INDEX_FORMAT = 1
"""Bumped whenever the on-disk layout or the prototype recipe changes."""

SHIPPED_INDEX_DIR = Path(__file__).parent.parent / "data" / "index"
"""Pre-built index of the shipped catalog with the default embeddings (read-only)."""

RECIPES = ("desc", "desc+tags")
"""Text recipes: what is embedded for each entry (see :meth:`CatalogEntry.text`)."""


@dataclass
class Hit:
    """One search result."""

    entry: CatalogEntry
    score: float
    """The combined ranking score (higher is better)."""
    similarity: float
    """Cosine between query and entry text."""
    parts: dict[str, float] = field(default_factory=dict)
    """Each weighted term of ``score``."""

    @property
    def id(self) -> str:
        """The model id."""
        return self.entry.id

    @property
    def task(self) -> str:
        """The entry's task type."""
        return self.entry.task


def _best_per_segment(score: np.ndarray, lengths: list[int], n: int) -> np.ndarray:
    """Positions of the ``n`` best scores within each consecutive segment of ``lengths``."""
    best, start = [], 0
    for length in lengths:
        segment = score[start : start + length]
        if length > n:
            best.append(start + np.argpartition(-segment, n - 1)[:n])
        else:
            best.append(np.arange(start, start + length))
        start += length
    return _concat(best) if best else np.zeros(0, dtype=np.int64)


def _concat(arrays: list[np.ndarray]) -> np.ndarray:
    return arrays[0] if len(arrays) == 1 else np.concatenate(arrays)


@dataclass
class _Scored:
    """Scored rows of a search: row ids, their task index, similarity, terms and total."""

    rows: np.ndarray
    tasks: np.ndarray
    sims: np.ndarray
    parts: dict[str, np.ndarray]
    score: np.ndarray

    @classmethod
    def join(cls, items: list[_Scored]) -> _Scored:
        if len(items) == 1:
            return items[0]
        return cls(
            _concat([i.rows for i in items]),
            _concat([i.tasks for i in items]),
            _concat([i.sims for i in items]),
            {name: _concat([i.parts[name] for i in items]) for name in items[0].parts},
            _concat([i.score for i in items]),
        )


class ModelIndex:
    """Searchable embeddings of a catalog's models (see the module docstring).

    Args:
        catalog: The catalog; ``None`` = the shipped catalog.
        embeddings: Any LangChain ``Embeddings``; ``None`` = the shipped all-MiniLM-L6-v2.
        recipe: Text recipe (``"desc"`` or ``"desc+tags"``).
        ranking: Ranking weights or a preset name (see :meth:`Ranking.named`).
        vector_store: A LangChain ``VectorStore`` to use instead of the numpy store. Entries are
            added to it (with ``id`` and ``task`` metadata) when it is empty.
        cache_dir: Root of the persisted indexes (see :func:`cache_root`).
        persist: Save / reuse the embedded matrix on disk.
        prune_above: Catalog size from which a search without a task filter skips the task
            types that cannot reach the top hits (exact: the same hits as a full scan).
        store: How the built-in store finds similar rows: ``"numpy"`` (exact scan of the
            candidate task types' rows) or ``"faiss"`` (one HNSW graph per task type,
            approximate, for catalogs of 100k models and more; needs ``faiss-cpu``; see
            :mod:`hgpt_langchain.selection.ann`).
        ann_candidates: With ``store="faiss"``: rows fetched from each searched task's graph
            and then ranked.
        task_head: A trained :class:`~hgpt_langchain.selection.taskhead.TaskHead` for the
            ``head`` term; ``"default"`` = the head shipped for the default embedding model
            (none for other embeddings); ``None`` = no head.
    """

    def __init__(
        self,
        catalog: Catalog | None = None,
        *,
        embeddings: Embeddings | None = None,
        recipe: str = "desc+tags",
        ranking: Ranking | str = "task",
        vector_store: VectorStore | None = None,
        cache_dir: str | Path | None = None,
        persist: bool = True,
        prune_above: int = 5_000,
        store: str = "numpy",
        ann_candidates: int = 100,
        task_head: TaskHead | str | None = "default",
    ):
        if recipe not in RECIPES:
            raise ConfigurationError(f"Unknown text recipe {recipe!r}; choose one of {RECIPES}.")
        if store not in ("numpy", "faiss"):
            raise ConfigurationError(f"Unknown store {store!r}; choose 'numpy' or 'faiss'.")
        if store == "faiss" and vector_store is not None:
            raise ConfigurationError("Pass either vector_store= or store='faiss', not both.")
        self.catalog = catalog if catalog is not None else default_catalog()
        if embeddings is None:
            from hgpt_langchain.embeddings import default_embeddings

            embeddings = default_embeddings()
        self.embeddings = embeddings
        self.recipe = recipe
        self.ranking = Ranking.named(ranking) if isinstance(ranking, str) else ranking
        self.vector_store = vector_store
        self.cache_dir = cache_dir
        self.persist = persist
        self.prune_above = prune_above
        self._bounds_value: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
        self.store = store
        self.ann_candidates = ann_candidates
        self._ann: TaskHNSW | None = None
        self._source: Path | None = None  # the folder the matrix was loaded from / saved to
        self._lock = threading.Lock()
        self._ready = False
        self.load_seconds = 0.0
        self.built = False
        """True when the last preparation embedded the catalog (False: loaded from disk)."""

        # Task types outside the registry (a foreign catalog's own names) come after the
        # registry's; the registry's terms never score them (see _foreign_evidence).
        self._foreign = sorted({e.task for e in self.catalog} - TASKS.keys())
        self._proto_tasks = [*TASKS, *self._foreign]
        order = {t: i for i, t in enumerate(self._proto_tasks)}
        self._entries: list[CatalogEntry] = sorted(
            self.catalog, key=lambda e: order.get(e.task, len(order))
        )
        self._row_of = {e.id: i for i, e in enumerate(self._entries)}
        self._ranges: dict[str, tuple[int, int]] = {}
        for i, entry in enumerate(self._entries):
            start, _ = self._ranges.get(entry.task, (i, i))
            self._ranges[entry.task] = (start, i + 1)
        self._task_of_row = np.array(
            [order.get(e.task, len(order)) for e in self._entries], dtype=np.int32
        )
        self._proto_pairs = task_prototypes()
        self._proto_index = np.array(
            [self._proto_tasks.index(t) for t, _ in self._proto_pairs], dtype=np.int64
        )
        self._pop = self._popularity()
        if isinstance(task_head, str):
            if task_head != "default":
                raise ConfigurationError(
                    f"task_head must be a TaskHead, 'default' or None, not {task_head!r}."
                )
            task_head = default_task_head(self.embeddings)
        self.task_head: TaskHead | None = task_head
        self._head_scores = task_head.aligned(self._proto_tasks) if task_head else None
        self._matrix: np.ndarray | None = None
        self._protos: np.ndarray | None = None
        self._bm25: _BM25 | None = None
        self._encoder: Any = None

    # ---- identity and persistence --------------------------------------------------------------

    def fingerprint(self) -> str:
        """Hash of catalog content, embedding model, text recipe and prototype texts."""
        digest = hashlib.sha256()
        digest.update(self.catalog.fingerprint().encode())
        digest.update(embedding_name(self.embeddings).encode())
        digest.update(self.recipe.encode())
        digest.update(json.dumps(self._proto_pairs).encode())
        digest.update(str(INDEX_FORMAT).encode())
        return digest.hexdigest()[:20]

    @property
    def path(self) -> Path:
        """Folder of this index on disk."""
        return cache_root(self.cache_dir) / "index" / self.fingerprint()

    def prepare(self) -> ModelIndex:
        """Load the persisted index, or embed the catalog (and persist it). Idempotent."""
        if self._ready:
            return self
        with self._lock:
            if self._ready:
                return self
            start = time.perf_counter()
            if not (self.persist and self._load()):
                self._build()
                if self.persist:
                    self._save()
            if self.vector_store is not None:
                self._fill_vector_store()
            if self.store == "faiss":
                from hgpt_langchain.selection.ann import TaskHNSW

                ann = TaskHNSW()
                writable = self._source is not None and self._source.parent != SHIPPED_INDEX_DIR
                assert self._matrix is not None
                self._ann = ann.prepare(
                    self._matrix, self._ranges, ann.folder(self._source) if writable else None
                )
            self.load_seconds = time.perf_counter() - start
            self._ready = True
        return self

    def _texts(self) -> list[str]:
        return [e.text(self.recipe) for e in self._entries]

    def _embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 1), dtype=np.float32)
        # ``encode_documents`` / ``encode``: numpy fast paths (no float lists) when offered.
        encode = getattr(self.embeddings, "encode_documents", None) or getattr(
            self.embeddings, "encode", None
        )
        if callable(encode):
            vectors = np.asarray(encode(texts), dtype=np.float32)
        else:
            vectors = np.asarray(self.embeddings.embed_documents(texts), dtype=np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.maximum(norms, 1e-12)

    def _build(self) -> None:
        logger.info("Embedding %d catalog entries (%s).", len(self._entries), self.recipe)
        texts = self._texts()
        self._protos = self._embed([t for _, t in self._proto_pairs])
        self._matrix = self._embed(texts) if self.vector_store is None else None
        self._bm25 = _BM25.build(texts) if self.ranking.bm25 else None
        self.built = True

    def _save(self) -> None:
        target = self.path
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=target.parent))
        try:
            if self._matrix is not None:
                np.save(tmp / "vectors.npy", self._matrix)
            assert self._protos is not None
            np.save(tmp / "prototypes.npy", self._protos)
            if self._bm25 is not None:
                self._bm25.save(tmp / "bm25.npz")
            meta = {
                "format": INDEX_FORMAT,
                "rows": len(self._entries),
                "ids_sha": hashlib.sha256(
                    "\n".join(e.id for e in self._entries).encode()
                ).hexdigest(),
                "embeddings": embedding_name(self.embeddings),
                "recipe": self.recipe,
                "catalog": self.catalog.fingerprint(),
                "has_vectors": self._matrix is not None,
            }
            (tmp / "meta.json").write_text(json.dumps(meta))
            try:
                tmp.rename(target)
            except OSError:
                # Another process saved the same index first; ours is identical.
                pass
            self._source = target
        finally:
            if tmp.exists():
                for f in tmp.iterdir():
                    f.unlink()
                tmp.rmdir()

    def _load(self) -> bool:
        # The user's cache first, then the index shipped for the shipped catalog and the
        # default embedding model (same fingerprint = same catalog, model, recipe, format), so
        # that a fresh install never spends a minute embedding the bundled catalog.
        shipped = SHIPPED_INDEX_DIR / self.fingerprint()
        return self._load_from(self.path) or (shipped.is_dir() and self._load_from(shipped))

    def export(self, folder: str | Path) -> Path:
        """Write this index (built or loaded) to ``folder/<fingerprint>``; return that path.

        ``python -m hgpt_langchain.selection.index`` uses it to refresh the index shipped in the
        package.
        """
        self.prepare()
        saved = self.cache_dir
        self.cache_dir = str(folder)
        try:
            target = Path(folder) / "index" / self.fingerprint()
            if not target.is_dir():
                self._save()
        finally:
            self.cache_dir = saved
        final = Path(folder) / self.fingerprint()
        if target != final:
            if final.exists():
                shutil.rmtree(final)
            target.rename(final)
            target.parent.rmdir()
        return final

    def _load_from(self, target: Path) -> bool:
        meta_file = target / "meta.json"
        if not meta_file.is_file():
            return False
        try:
            meta = json.loads(meta_file.read_text())
            ids_sha = hashlib.sha256("\n".join(e.id for e in self._entries).encode()).hexdigest()
            if meta.get("format") != INDEX_FORMAT or meta.get("ids_sha") != ids_sha:
                return False
            if self.vector_store is None:
                if not meta.get("has_vectors"):
                    return False
                # The FAISS store reads its graphs, not the matrix (needed only to build them):
                # map it instead of reading it.
                mmap = "r" if self.store == "faiss" else None
                matrix = np.load(target / "vectors.npy", mmap_mode=mmap)
                if matrix.shape[0] != len(self._entries):
                    return False
                self._matrix = matrix
            self._protos = np.load(target / "prototypes.npy")
            if self.ranking.bm25:
                bm25_file = target / "bm25.npz"
                if bm25_file.is_file():
                    self._bm25 = _BM25.load(bm25_file)
                else:  # persisted without BM25: build it now (and add it, unless read-only)
                    self._bm25 = _BM25.build(self._texts())
                    if target.parent != SHIPPED_INDEX_DIR:
                        self._bm25.save(bm25_file)
        except (OSError, ValueError, KeyError) as err:
            logger.warning("Ignoring unreadable index at %s (%s); rebuilding.", target, err)
            return False
        self.built = False
        self._source = target
        return True

    def _fill_vector_store(self) -> None:
        store = self.vector_store
        assert store is not None
        probe = None
        try:
            probe = store.similarity_search("model", k=1)
        except Exception:  # noqa: BLE001 - an empty store may raise
            probe = []
        if probe:
            return
        from langchain_core.documents import Document

        docs = [
            Document(page_content=e.text(self.recipe), metadata={"id": e.id, "task": e.task})
            for e in self._entries
        ]
        store.add_documents(docs, ids=[e.id for e in self._entries])

    # ---- query ---------------------------------------------------------------------------------

    def _popularity(self) -> np.ndarray:
        if not self._entries:
            return np.zeros(0, dtype=np.float32)
        downloads = np.log1p(
            np.array([max(e.downloads, 0) for e in self._entries], dtype=np.float64)
        )
        likes = np.log1p(np.array([max(e.likes, 0) for e in self._entries], dtype=np.float64))
        pop = 0.5 * downloads / max(downloads.max(), 1.0) + 0.5 * likes / max(likes.max(), 1.0)
        return pop.astype(np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        """Embed a query into a unit float32 vector.

        Uses the embeddings' fast single-query path when they have one (see
        :meth:`~hgpt_langchain.embeddings.SentenceTransformerEmbeddings.encode_query`).
        """
        return query_vector(self.embeddings, text)

    def _prototype_scores(self, q: np.ndarray) -> np.ndarray:
        assert self._protos is not None
        sims = self._protos @ q
        best = np.full(len(self._proto_tasks), -1.0, dtype=np.float32)
        np.maximum.at(best, self._proto_index, sims.astype(np.float32))
        return best

    def _task_evidence(self, query: str, q: np.ndarray) -> dict[str, np.ndarray]:
        """Weighted task-level terms, each an array over task types.

        Registry order, then the catalog's foreign task types (see :meth:`_foreign_evidence`).
        """
        w = self.ranking
        parts: dict[str, np.ndarray] = {}
        registry = list(TASKS)
        if w.task:
            parts["task"] = w.task * self._prototype_scores(q)[: len(registry)]
        if w.cue:
            lower = query.lower()
            parts["cue"] = w.cue * np.array(
                [bool(_cue_pattern(t).search(lower)) for t in registry],
                dtype=np.float32,
            )
        if w.head and self._head_scores is not None:
            assert self.task_head is not None
            if q.shape[0] != self.task_head.dim:
                raise ConfigurationError(
                    f"The task head expects {self.task_head.dim}-d vectors from "
                    f"{self.task_head.embeddings!r}, but the query vector has {q.shape[0]}; "
                    "pass the embeddings it was trained with, or task_head=None."
                )
            parts["head"] = w.head * self._head_scores(q)[: len(registry)]
        if w.modality:
            media = _query_media(query)
            parts["modality"] = w.modality * np.array(
                [_modality_fit(TASKS[t], media) for t in registry],
                dtype=np.float32,
            )
        return self._foreign_evidence(parts)

    def _foreign_evidence(self, parts: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        """Extend registry-only task terms to the catalog's foreign task types.

        The registry's prototypes, cues, media terms and trained head know nothing of a task
        type outside the registry, so they must neither reward nor punish its models: each
        foreign task type gets the terms of the best-scoring registry task type that has models
        in this catalog (none: zero). A foreign model then ranks against the best registry
        models by similarity and popularity alone, and an all-foreign catalog (APIBench's own
        domains, say) is ranked by similarity and popularity, as with ``ranking="cosine+pop"``.
        """
        if not self._foreign:
            return parts
        n = len(TASKS)
        present = [i for i, t in enumerate(TASKS) if t in self._ranges]
        if parts and present:
            total = np.sum(list(parts.values()), axis=0)
            best = present[int(np.argmax(total[present]))]
            fill = {name: float(values[best]) for name, values in parts.items()}
        else:
            fill = dict.fromkeys(parts, 0.0)
        return {
            name: np.concatenate(
                [values[:n], np.full(len(self._foreign), fill[name], dtype=np.float32)]
            )
            for name, values in parts.items()
        }

    def search(
        self,
        query: str,
        *,
        task: str | None = None,
        k: int = 5,
        exclude: Sequence[str] = (),
        vector: np.ndarray | None = None,
        per_task: int | None = None,
    ) -> list[Hit]:
        """Rank catalog models for ``query``.

        Args:
            query: Free text (a request, or task type + arguments + request).
            task: Only models of this task type (registry name or alias).
            k: How many hits to return.
            exclude: Model ids to leave out.
            vector: The query's embedding (:meth:`embed_query`), if already computed.
            per_task: Without ``task``: at most this many hits of one task type, so that the
                ``k`` hits span the likeliest task types (``None``: the ``k`` best).

        Returns:
            Up to ``k`` hits, best first.

        Raises:
            ConfigurationError: ``task`` is not a known task type.
        """
        self.prepare()
        if task is not None:
            name = resolve_task(task) or (task if task in self._foreign else None)
            if name is None:
                raise ConfigurationError(
                    f"Unknown task type {task!r}. Task types: {', '.join(TASKS)}."
                )
            task = name
            if task not in self._ranges:
                return []
        if not self._entries or k <= 0:
            return []
        q = self.embed_query(query) if vector is None else np.asarray(vector, dtype=np.float32)
        evidence = self._task_evidence(query, q)
        task_total = (
            np.sum(list(evidence.values()), axis=0)
            if evidence
            else np.zeros(len(self._proto_tasks), dtype=np.float32)
        )
        bm25 = None
        if self.ranking.bm25 and self._bm25 is not None:
            raw = self._bm25.scores(query)
            top = float(raw.max()) if raw.size else 0.0
            bm25 = raw / top if top > 0 else raw
        want = k + len(exclude)
        scored: dict[tuple[int, int], _Scored] = {}

        def score_ranges(ranges: list[tuple[int, int]]) -> _Scored:
            for r in ranges:
                if r not in scored:
                    scored[r] = self._score_range(r, query, task, q, evidence, bm25, want)
            return _Scored.join([scored[r] for r in sorted(ranges)])

        def pool_of(s: _Scored) -> tuple[np.ndarray, np.ndarray]:
            score = s.score
            if exclude:
                excluded = [self._row_of[i] for i in exclude if i in self._row_of]
                if excluded:
                    score = np.where(np.isin(s.rows, excluded), -np.inf, score)
            pool = np.arange(len(score))
            if per_task and task is None:
                # Rows are grouped by task type: cut where the task changes.
                cuts = np.flatnonzero(np.diff(s.tasks)) + 1
                lengths = np.diff(np.concatenate([[0], cuts, [len(s.tasks)]])).tolist()
                pool = _best_per_segment(score, lengths, per_task)
            return score, pool[np.isfinite(score[pool])]

        if task is not None:
            ranges = [self._ranges[task]]
        else:
            ranges = self._pruned_ranges(task_total, q, score_ranges, pool_of, k)
        s = score_ranges(ranges)
        score, pool = pool_of(s)
        k = min(k, len(pool))
        if k <= 0:
            return []
        top = pool[np.argpartition(-score[pool], k - 1)[:k]] if k < len(pool) else pool
        top = top[np.argsort(-score[top], kind="stable")]
        return [
            Hit(
                self._entries[int(s.rows[j])],
                float(score[j]),
                float(s.sims[j]),
                {name: float(values[j]) for name, values in s.parts.items()},
            )
            for j in top
        ]

    def _score_range(
        self,
        rows_range: tuple[int, int],
        query: str,
        task: str | None,
        q: np.ndarray,
        evidence: dict[str, np.ndarray],
        bm25: np.ndarray | None,
        want: int,
    ) -> _Scored:
        """Every ranking term of the rows ``a:b`` (one task type's rows, or all rows)."""
        a, b = rows_range
        if self._ann is not None:
            # Approximate: each task's HNSW graph gives its most similar rows.
            tasks = [t for t, (start, _) in self._ranges.items() if a <= start < b]
            found = [self._ann.search(t, q, max(self.ann_candidates, want)) for t in tasks]
            row_ids = _concat([rows for rows, _ in found])
            sims = _concat([s for _, s in found])
        else:
            row_ids = np.arange(a, b)
            if self.vector_store is not None:
                sims = self._store_similarities(query, task, row_ids, want)
            else:
                assert self._matrix is not None
                # Contiguous slices are views (no copy). einsum runs single-threaded without
                # BLAS: as fast as BLAS here (memory-bound) and immune to BLAS threads spinning
                # when the CPU is shared.
                sims = np.einsum("ij,j->i", self._matrix[a:b], q)
        row_tasks = self._task_of_row[row_ids]
        w = self.ranking
        parts: dict[str, np.ndarray] = {"similarity": w.similarity * sims}
        for name, values in evidence.items():
            parts[name] = values[row_tasks]
        if w.popularity:
            parts["popularity"] = w.popularity * self._pop[row_ids]
        if bm25 is not None:
            parts["bm25"] = w.bm25 * bm25[row_ids]
        return _Scored(row_ids, row_tasks, sims, parts, np.sum(list(parts.values()), axis=0))

    @property
    def _bound_tasks(self) -> np.ndarray:
        """Registry index of each task type that has rows, in row order."""
        return np.array([self._proto_tasks.index(t) for t in self._ranges], dtype=np.int64)

    @property
    def _bounds(self) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
        """Per task type with rows: centroid, radius (farthest row from it), best popularity.

        Computed on first use, once (saved beside a writable persisted index).
        """
        if self._bounds_value is None and self._matrix is not None:
            with self._lock:
                if self._bounds_value is None:
                    self._bounds_value = self._load_or_compute_bounds()
        return self._bounds_value

    def _load_or_compute_bounds(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        assert self._matrix is not None
        file = self._source / "bounds.npz" if self._source is not None else None
        if file is not None and file.is_file():
            try:
                data = np.load(file)
                if len(data["radii"]) == len(self._ranges):
                    return data["centroids"], data["radii"], data["best_pop"]
            except (OSError, ValueError, KeyError):
                pass
        centroids, radii, best_pop = [], [], []
        for a, b in self._ranges.values():
            block = np.asarray(self._matrix[a:b], dtype=np.float32)
            centre = block.mean(axis=0)
            centroids.append(centre)
            radii.append(float(np.sqrt(((block - centre) ** 2).sum(axis=1).max())))
            best_pop.append(float(self._pop[a:b].max()))
        bounds = (
            np.asarray(centroids, dtype=np.float32),
            np.asarray(radii, dtype=np.float32),
            np.asarray(best_pop, dtype=np.float32),
        )
        if file is not None and self._source.parent != SHIPPED_INDEX_DIR:
            try:
                np.savez(file, centroids=bounds[0], radii=bounds[1], best_pop=bounds[2])
            except OSError:  # a read-only cache only costs recomputing next time
                pass
        return bounds

    def _pruned_ranges(
        self,
        task_total: np.ndarray,
        q: np.ndarray,
        score_ranges: Any,
        pool_of: Any,
        k: int,
    ) -> list[tuple[int, int]]:
        """Without a task filter: the task types whose rows can reach the top ``k`` (exact).

        Each task type's best possible score is bounded from above by its task evidence plus
        the largest similarity its rows can have (``q . centroid + radius``, Cauchy-Schwarz),
        its best popularity and the largest BM25 term. The task types with the highest bounds
        are scored until they hold ``k`` hits; the k-th best of those is a lower bound of the
        final k-th best, so every task type whose bound is below it is skipped: the result is
        the full scan's, only faster. Small catalogs (``prune_above``) are scanned whole.
        """
        n = len(self._entries)
        if n <= self.prune_above or self._bounds is None or self.vector_store is not None:
            return [(0, n)]
        centroids, radii, best_pop = self._bounds
        w = self.ranking
        sim_bound = np.minimum(centroids @ q + radii, 1.0)
        upper = (
            task_total[self._bound_tasks]
            + w.similarity * sim_bound
            + w.popularity * best_pop
            + (w.bm25 if w.bm25 and self._bm25 is not None else 0.0)
            + 1e-4  # float32 rounding of the terms above
        )
        order = np.argsort(-upper, kind="stable")
        ranges = [self._ranges[self._proto_tasks[self._bound_tasks[i]]] for i in order]
        first: list[tuple[int, int]] = []
        threshold = -np.inf
        for i, r in enumerate(ranges):
            first.append(r)
            score, pool = pool_of(score_ranges(first))
            if len(pool) >= k:
                threshold = float(np.partition(score[pool], len(pool) - k)[len(pool) - k])
                rest = [
                    ranges[j] for j in range(i + 1, len(ranges)) if upper[order[j]] >= threshold
                ]
                return first + rest
        return first

    def _store_similarities(
        self, query: str, task: str | None, row_ids: np.ndarray, k: int
    ) -> np.ndarray:
        store = self.vector_store
        assert store is not None
        fetch = min(len(self._entries), max(4 * k, 50))
        kwargs: dict[str, Any] = {}
        if task is not None:
            kwargs["filter"] = lambda doc: doc.metadata.get("task") == task
        results = _store_search(store, query, fetch, kwargs)
        sims = np.full(len(row_ids), -1.0, dtype=np.float32)
        position = {int(r): i for i, r in enumerate(row_ids)}
        for doc, relevance in results:
            row = self._row_of.get(doc.metadata.get("id", ""))
            if row is not None and row in position:
                sims[position[row]] = float(relevance)
        return sims

    # ---- info ----------------------------------------------------------------------------------

    def info(self) -> dict[str, Any]:
        """Size and configuration, JSON-ready."""
        return {
            "rows": len(self._entries),
            "tasks": len(self._ranges),
            "embeddings": embedding_name(self.embeddings),
            "recipe": self.recipe,
            "ranking": asdict(self.ranking),
            "task_head": self.task_head.fingerprint() if self.task_head else None,
            "fingerprint": self.fingerprint(),
            "path": str(self.path) if self.persist else None,
            "store": type(self.vector_store).__name__
            if self.vector_store is not None
            else self.store,
        }


def _store_search(
    store: Any, query: str, k: int, kwargs: dict[str, Any]
) -> list[tuple[Any, float]]:
    """Relevance-scored search, higher is better.

    Stores without a relevance function give their raw similarity scores; stores that reject a
    callable filter are searched unfiltered (the caller keeps only rows of the wanted task).
    """
    for method in ("similarity_search_with_relevance_scores", "similarity_search_with_score"):
        for kw in (kwargs, {}):
            try:
                return getattr(store, method)(query, k=k, **kw)
            except NotImplementedError:
                break
            except TypeError:
                continue
    return []


_DEFAULT_INDEXES: dict[tuple[int, str], ModelIndex] = {}


def default_index(catalog: Catalog | None = None) -> ModelIndex:
    """A shared :class:`ModelIndex` over ``catalog`` (default: shipped) with default settings."""
    catalog = catalog if catalog is not None else default_catalog()
    key = (id(catalog), catalog.fingerprint())
    if key not in _DEFAULT_INDEXES:
        _DEFAULT_INDEXES[key] = ModelIndex(catalog)
    return _DEFAULT_INDEXES[key]


if __name__ == "__main__":  # pragma: no cover - maintainer command
    # Refresh the shipped index after changing the shipped catalog, the prototypes or the
    # default embedding model: python -m hgpt_langchain.selection.index
    for old in SHIPPED_INDEX_DIR.glob("*"):
        shutil.rmtree(old)
    print(default_index().export(SHIPPED_INDEX_DIR))
