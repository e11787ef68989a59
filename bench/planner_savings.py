"""How many LLM planning calls ``--planner auto`` saves on TaskBench requests.

``auto`` keeps the offline plan when its confidence is at least the threshold (0 LLM calls) and
asks the LLM planner otherwise (1 call, 2 with a repair round). Over the labelled sample this
prints the share answered offline and the node F1 of the confident subset vs the rest (so the
saving can be weighed against quality); over the unlabelled ``user_requests.json`` it prints the
share answered offline. ``--fit`` refits the confidence model's weights on the ``dev`` half of the
labelled sample (target: the offline plan has exactly the gold tool multiset) and prints them.

Usage::

    python bench/planner_savings.py                  # labelled sample + 500 unlabelled requests
    python bench/planner_savings.py --split test     # held-out half only
    python bench/planner_savings.py --fit            # refit the confidence weights on dev
    python bench/planner_savings.py --quick          # CI smoke run

Prints one JSON object.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from _common import ROOT, emit

DATA_DIR = ROOT / "bench/data/taskbench"


def _planner(threshold: float | None):
    from hgpt_langchain.evaluation import TASKBENCH_TASKS
    from hgpt_langchain.planning.offline import DEFAULT_THRESHOLD, OfflinePlanner

    planner = OfflinePlanner(
        tasks=TASKBENCH_TASKS, threshold=DEFAULT_THRESHOLD if threshold is None else threshold
    )
    planner.warm_up()
    return planner


def labelled(planner, records) -> dict:
    """Confidence, the auto decision and node F1 per subset over labelled records."""
    from hgpt_langchain.evaluation import Scorer, plan_to_graph

    confident, rest = Scorer(), Scorer()
    bins: dict[str, list[int]] = {}
    n_conf = 0
    for rec in records:
        result = planner.plan(rec.request)
        graph = plan_to_graph(result.plan)
        use = planner.confident(result)
        n_conf += use
        (confident if use else rest).add(rec, graph)
        exact = Counter(graph.nodes) == Counter(rec.nodes)
        key = f"{min(int((result.confidence or 0) * 5), 4) / 5:.1f}"
        bins.setdefault(key, []).append(int(exact))
    conf_res, rest_res = confident.result(), rest.result()
    n = len(records)
    return {
        **_answered(n_conf, n),
        "llm_planning_calls_auto": n - n_conf,
        "llm_planning_calls_llm_only": n,
        "confident": _subset(conf_res),
        "not_confident": _subset(rest_res),
        "calibration": {
            k: {"n": len(v), "exact_nodes": round(sum(v) / len(v), 4)}
            for k, v in sorted(bins.items())
        },
    }


def _subset(res: dict) -> dict:
    """The headline scores of one subset and its count per request type."""
    out = {k: res.get(k) for k in ("n", "node_f1", "edge_f1", "exact_graph")}
    return out | {"by_type": {t: v["n"] for t, v in res["by_type"].items()}}


def unlabelled(planner, path: Path, limit: int, exclude: set[str]) -> dict:
    """Share of unlabelled requests ``auto`` answers offline."""
    from hgpt_langchain.evaluation import load_taskbench

    records = [r for r in load_taskbench(path) if r.id not in exclude][:limit]
    n_conf = sum(planner.confident(planner.plan(r.request)) for r in records)
    return _answered(n_conf, len(records))


def _answered(n_conf: int, n: int) -> dict:
    """How many of ``n`` requests the offline planner answered (each saves one LLM call)."""
    return {
        "n": n,
        "offline_answered": n_conf,
        "offline_share": round(n_conf / n, 4) if n else None,
        "llm_planning_calls_saved": n_conf,
    }


def fit(planner, records) -> dict:
    """Fit the logistic confidence weights on ``records`` (exact tool multiset as the target)."""
    import numpy as np

    from hgpt_langchain.evaluation import plan_to_graph

    rows, ys = [], []
    for rec in records:
        f = planner.features(rec.request)
        rows.append(
            [f["min_score"], f["min_margin"], f["n_tasks"] - 1, f["borderline"], f["unbound"]]
        )
        nodes = plan_to_graph(planner.plan(rec.request).plan).nodes
        ys.append(float(Counter(nodes) == Counter(rec.nodes)))
    x = np.hstack([np.ones((len(rows), 1)), np.asarray(rows)])
    y = np.asarray(ys)
    w = np.zeros(x.shape[1])
    for _ in range(20000):
        p = 1 / (1 + np.exp(-x @ w))
        grad = x.T @ (p - y) / len(y) + 0.01 * np.r_[0, w[1:]]
        w -= 0.5 * grad
    p = 1 / (1 + np.exp(-x @ w))
    return {
        "n": len(y),
        "positives": int(y.sum()),
        "weights": [round(float(v), 3) for v in w],
        "order": ["intercept", "min_score", "min_margin", "n_tasks-1", "borderline", "unbound"],
        "log_loss": round(
            float(-np.mean(y * np.log(p + 1e-9) + (1 - y) * np.log(1 - p + 1e-9))), 4
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA_DIR / "data.sample.jsonl")
    parser.add_argument("--requests", type=Path, default=DATA_DIR / "user_requests.sample.jsonl")
    parser.add_argument("--unlabelled", type=int, default=500, help="unlabelled requests to plan")
    parser.add_argument("--split", choices=["dev", "test"], default=None)
    parser.add_argument("--threshold", type=float, default=None)
    parser.add_argument("--fit", action="store_true", help="refit the confidence weights on dev")
    parser.add_argument("--quick", action="store_true", help="20 + 20 requests (CI smoke run)")
    args = parser.parse_args()

    from hgpt_langchain.evaluation import load_taskbench

    planner = _planner(args.threshold)
    start = time.perf_counter()
    if args.fit:
        records = load_taskbench(args.data, split="dev")
        emit({"fit": fit(planner, records[:20] if args.quick else records)})
        return
    records = load_taskbench(args.data, split=args.split)
    if args.quick:
        records = records[:20]
    out = {
        "threshold": planner.threshold,
        "split": args.split or "all",
        "labelled": labelled(planner, records),
    }
    if args.requests.exists() and args.unlabelled:
        sample_ids = {r.id for r in load_taskbench(args.data)}
        out["unlabelled"] = unlabelled(
            planner, args.requests, 20 if args.quick else args.unlabelled, sample_ids
        )
        out["unlabelled"]["excluded_sample_ids"] = True
    out["seconds"] = round(time.perf_counter() - start, 1)
    emit(out)


if __name__ == "__main__":
    main()
