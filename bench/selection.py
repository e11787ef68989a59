"""Retrieval-selection benchmark: does searching a request find a model of the right task?

Reads queries ``{"q", "task"}`` (JSONL), searches each ``q`` with NO task filter in a catalog
(JSONL of ``{"id", "task", "description"}``; default: the shipped catalog) and prints ONE JSON
object ``{"n", "top1", "top5", "top5_per_task2", "p50_ms", "p95_ms"}``: top-k is the share of
queries whose k best models include one of the expected task; ``top5_per_task2`` the same for
the 5 hits with at most 2 per task type (what ``get_model_tools`` hands an agent); latencies are
per search, query embedding included.

``--compare`` instead prints ``{"variants": [...]}``: every text recipe (description only,
description + tags, full raw card) crossed with every ranking preset (cosine, cosine +
popularity, cosine + BM25 hybrid, task-aware without the task head, task-aware, task-aware +
BM25), plus pure BM25.

Usage:
    python bench/selection.py --data bench/data/taskbench_single.jsonl [--catalog FILE]
        [--recipe desc+tags] [--ranking task] [--quick] [--compare]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hgpt_langchain.catalog import Catalog, CatalogEntry, load_catalog  # noqa: E402
from hgpt_langchain.selection.index import ModelIndex  # noqa: E402
from hgpt_langchain.selection.ranking import _BM25, Ranking  # noqa: E402

# Raw model cards (for the "full card" recipe of --compare): the shared data beside the repo.
RAW_CARDS = Path(__file__).resolve().parents[2] / "shared/data/jarvis/hugginggpt/p0_models.jsonl"


def read_queries(path: Path) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    return [r for r in rows if r.get("q") and r.get("task")]


def quick_catalog(catalog: Catalog, per_task: int = 4) -> Catalog:
    """A small catalog (a few entries per task) so --quick runs in seconds."""
    seen: dict[str, int] = {}
    keep = []
    for entry in catalog:
        if seen.get(entry.task, 0) < per_task:
            keep.append(entry)
            seen[entry.task] = seen.get(entry.task, 0) + 1
    return Catalog(keep)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    pos = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[pos]


def evaluate(index: ModelIndex, queries: list[dict], k: int = 5) -> dict:
    index.prepare()
    index.search("warm up the embedding model", k=k)
    top1 = topk = mixed = 0
    times = []
    for row in queries:
        start = time.perf_counter()
        vector = index.embed_query(row["q"])
        hits = index.search(row["q"], k=k, vector=vector)
        times.append((time.perf_counter() - start) * 1000)
        tasks = [h.task for h in hits]
        top1 += bool(tasks) and tasks[0] == row["task"]
        topk += row["task"] in tasks
        spread = index.search(row["q"], k=k, vector=vector, per_task=2)
        mixed += row["task"] in [h.task for h in spread]
    n = len(queries)
    return {
        "n": n,
        "top1": round(top1 / n, 4) if n else 0.0,
        "top5": round(topk / n, 4) if n else 0.0,
        "top5_per_task2": round(mixed / n, 4) if n else 0.0,
        "p50_ms": round(statistics.median(times), 2) if times else 0.0,
        "p95_ms": round(percentile(times, 0.95), 2),
    }


def evaluate_bm25(catalog: Catalog, queries: list[dict], recipe: str, k: int = 5) -> dict:
    entries = list(catalog)
    bm25 = _BM25.build([e.text(recipe) for e in entries])
    top1 = topk = 0
    times = []
    for row in queries:
        start = time.perf_counter()
        scores = bm25.scores(row["q"])
        best = sorted(range(len(entries)), key=lambda i: -scores[i])[:k]
        times.append((time.perf_counter() - start) * 1000)
        tasks = [entries[i].task for i in best]
        top1 += tasks[0] == row["task"]
        topk += row["task"] in tasks
    n = len(queries)
    return {
        "n": n,
        "top1": round(top1 / n, 4),
        "top5": round(topk / n, 4),
        "p50_ms": round(statistics.median(times), 2),
        "p95_ms": round(percentile(times, 0.95), 2),
    }


def raw_card_catalog(catalog: Catalog) -> Catalog | None:
    """The same entries with the raw (uncleaned) card text as description, where available."""
    if not RAW_CARDS.is_file():
        return None
    raw = {}
    for line in RAW_CARDS.read_text().splitlines():
        rec = json.loads(line)
        raw[rec["id"]] = rec.get("description") or ""
    return Catalog(
        CatalogEntry(**{**e.model_dump(), "description": raw.get(e.id) or e.description})
        for e in catalog
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="JSONL of {q, task}")
    parser.add_argument(
        "--catalog", type=Path, default=None, help="catalog JSONL (default: shipped)"
    )
    parser.add_argument("--recipe", default="desc+tags", choices=["desc", "desc+tags"])
    parser.add_argument("--ranking", default="task", help="ranking preset (see Ranking.named)")
    parser.add_argument("--quick", action="store_true", help="tiny catalog and 24 queries")
    parser.add_argument("--compare", action="store_true", help="all recipes x rankings")
    parser.add_argument("--cache-dir", default=None, help="index cache (default: a temp dir)")
    args = parser.parse_args()

    catalog = load_catalog(args.catalog)
    queries = read_queries(args.data)
    if args.quick:
        catalog = quick_catalog(catalog)
        queries = queries[:24]
    cache = args.cache_dir or tempfile.mkdtemp(prefix="hgpt-bench-")

    if not args.compare:
        index = ModelIndex(catalog, recipe=args.recipe, ranking=args.ranking, cache_dir=cache)
        print(json.dumps(evaluate(index, queries)))
        return

    variants = []
    texts = {"desc": (catalog, "desc"), "desc+tags": (catalog, "desc+tags")}
    raw = None if args.quick else raw_card_catalog(catalog)
    if raw is not None:
        texts["card"] = (raw, "desc")
    for text_name, (cat, recipe) in texts.items():
        variants.append(
            {"text": text_name, "ranking": "bm25", **evaluate_bm25(cat, queries, recipe)}
        )
        for ranking in ("cosine", "cosine+pop", "hybrid", "task-nohead", "task", "task+bm25"):
            index = ModelIndex(cat, recipe=recipe, ranking=Ranking.named(ranking), cache_dir=cache)
            variants.append({"text": text_name, "ranking": ranking, **evaluate(index, queries)})
    print(json.dumps({"data": str(args.data), "catalog_rows": len(catalog), "variants": variants}))


if __name__ == "__main__":
    main()
