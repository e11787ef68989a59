"""Index scale benchmark: build, persist, load and query synthetic catalogs of 10k and 100k models.

Synthetic catalogs cycle through the shipped catalog's entries (new ids, task kept, popularity
jittered) with descriptions drawn from a pool of distinct texts: each shipped description plus
variants that append a domain phrase. Embedding 100k texts with the real MiniLM on 2 CPU cores
would take many minutes, so only the pool's DISTINCT texts are embedded (once, memoised across
rows and sizes); every row still gets its own matrix row, and queries are embedded for real. The
ranking is the default one, task head included.
Entries use the description-only text recipe so rows sharing a description share a vector.

Per size it prints (in one JSON object ``{"rows": [...]}``): ``build_s`` (first prepare: embed
the not-yet-seen distinct texts + task prototypes, build the matrix, persist), ``load_s`` (a
fresh ModelIndex over the same catalog loading the persisted index), ``index_mb`` (on disk),
``rss_mb`` (process resident memory after loading), ``query_p50_ms`` / ``query_p95_ms`` (one
search with no task filter, query embedding included, TaskBench requests as queries),
``embed_p50_ms`` (the query embedding alone) and ``search_only_p50_ms`` (the search given the
query vector). ``query_backend`` names the backend that embedded the queries, and
``embed_p50_ms_by_backend`` times the same queries on each query backend of the default
embeddings in the same run (ONNX Runtime int8 / float32 vs torch). Timings depend on other load
on the machine: report ``os.getloadavg()`` with them.

``--store faiss`` searches one HNSW graph per task type instead of scanning rows (``build_s`` and
``load_s`` then include building or loading the graphs).

Usage: python bench/retrieval_scale.py [--quick] [--sizes 10000 100000] [--queries N]
    [--store numpy|faiss]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hgpt_langchain.catalog import Catalog, CatalogEntry, load_catalog  # noqa: E402
from hgpt_langchain.embeddings import (  # noqa: E402
    SentenceTransformerEmbeddings,
    default_embeddings,
)
from hgpt_langchain.selection.index import ModelIndex  # noqa: E402
from hgpt_langchain.selection.taskhead import default_task_head  # noqa: E402

HERE = Path(__file__).parent
DOMAINS = [
    "",
    " Fine-tuned for medical text.",
    " Tuned on legal documents.",
    " Optimised for mobile.",
    " Trained on news data.",
    " Distilled, smaller and faster.",
]


class MemoEmbeddings(SentenceTransformerEmbeddings):
    """The real MiniLM; each distinct DOCUMENT text is embedded once. Queries are never memoised
    (``encode`` is the plain model call the index uses for queries)."""

    def __init__(self, base: SentenceTransformerEmbeddings):
        super().__init__(base.model_path, name=f"memo:{base.name}", batch_size=base.batch_size)
        self._model = base.model
        self.memo: dict[str, np.ndarray] = {}
        self.embedded = 0

    def encode_documents(self, texts):
        missing = list(dict.fromkeys(t for t in texts if t not in self.memo))
        if missing:
            self.embedded += len(missing)
            for text, vec in zip(missing, self.encode(missing), strict=True):
                self.memo[text] = vec
        return np.stack([self.memo[t] for t in texts])


def synthetic_catalog(n: int, pool_size: int, seed: int = 0) -> Catalog:
    base = list(load_catalog())
    rng = random.Random(seed)
    pool = [(e.task, e.description + d) for d in DOMAINS for e in base][:pool_size]
    by_task: dict[str, list[str]] = {}
    for task, text in pool:
        by_task.setdefault(task, []).append(text)
    tasks = sorted(by_task)
    entries = []
    for i in range(n):
        task = tasks[i % len(tasks)]
        entries.append(
            CatalogEntry(
                id=f"synthetic-{i // 1000}/model-{i}",
                task=task,
                likes=rng.randint(0, 500),
                downloads=rng.randint(0, 1_000_000),
                description=rng.choice(by_task[task]),
            )
        )
    return Catalog(entries)


def folder_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        pages = int(fh.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="sizes 1000 and 3000, 10 queries, 120 texts"
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--pool", type=int, default=4000, help="distinct description texts")
    parser.add_argument(
        "--store", choices=["numpy", "faiss"], default="numpy", help="ModelIndex store"
    )
    args = parser.parse_args()
    sizes, n_queries, pool = args.sizes, args.queries, args.pool
    if args.quick:
        sizes, n_queries, pool = [1000, 3000], 10, 120

    queries = [
        json.loads(line)["q"]
        for line in (HERE / "data" / "taskbench_single.jsonl").read_text().splitlines()
    ][:n_queries]
    base = default_embeddings()
    base.encode(["warm up"])
    embeddings = MemoEmbeddings(base)
    head = default_task_head(base)  # the same model under another name: the default ranking
    cache = Path(tempfile.mkdtemp(prefix="hgpt-scale-"))
    rows = []
    try:
        for n in sizes:
            catalog = synthetic_catalog(n, pool)

            def open_index(catalog=catalog):
                return ModelIndex(
                    catalog,
                    embeddings=embeddings,
                    recipe="desc",
                    cache_dir=cache,
                    task_head=head,
                    store=args.store,
                ).prepare()

            start = time.perf_counter()
            built = open_index()
            build_s = time.perf_counter() - start
            path = built.path
            del built

            start = time.perf_counter()
            index = open_index()
            load_s = time.perf_counter() - start
            assert not index.built

            index.search("warm up", k=5)
            times, embed_times, search_times = [], [], []
            for q in queries:
                t0 = time.perf_counter()
                vector = index.embed_query(q)
                embed_times.append((time.perf_counter() - t0) * 1000)
                t0 = time.perf_counter()
                index.search(q, k=5, vector=vector)
                search_times.append((time.perf_counter() - t0) * 1000)
                t0 = time.perf_counter()
                index.search(q, k=5)
                times.append((time.perf_counter() - t0) * 1000)
            times.sort()
            rows.append(
                {
                    "n": n,
                    "build_s": round(build_s, 2),
                    "load_s": round(load_s, 3),
                    "index_mb": round(folder_mb(path), 1),
                    "rss_mb": round(rss_mb(), 1),
                    "query_p50_ms": round(statistics.median(times), 2),
                    "query_p95_ms": round(times[min(len(times) - 1, int(0.95 * len(times)))], 2),
                    "embed_p50_ms": round(statistics.median(embed_times), 2),
                    "search_only_p50_ms": round(statistics.median(search_times), 2),
                    "distinct_texts_embedded": embeddings.embedded,
                }
            )
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    by_backend = {}
    for backend in ("onnx-int8", "onnx", "torch"):
        other = SentenceTransformerEmbeddings(base.model_path, query_backend=backend)
        other._model = base.model
        other.encode_query("warm up")
        times = []
        for q in queries:
            t0 = time.perf_counter()
            other.encode_query(q)
            times.append((time.perf_counter() - t0) * 1000)
        by_backend[backend] = round(statistics.median(times), 2)
    print(
        json.dumps(
            {
                "rows": rows,
                "store": args.store,
                "query_backend": embeddings.query_backend_used,
                "embed_p50_ms_by_backend": by_backend,
                "loadavg_1m": round(os.getloadavg()[0], 2),
            }
        )
    )


if __name__ == "__main__":
    main()
