"""Model choice inside the right task: top-1 acceptable on a labelled request set.

Each row of bench/data/model_choice.jsonl has a task type, arguments, a request and the SET of
acceptable catalog models (language/direction, domain and runnability fit), written from the
catalog's facts. Compares the fit-aware ranking ("ours") with three baselines: the most
downloaded model of the task, plain MiniLM cosine, and the previous ranking (fit=False).
Prints one JSON object. Usage: python bench/model_choice.py [--quick] [--split heldout|tune|all]
[--hub online|offline]

``--hub online`` (the default) ranks as for a user whose Hub is reachable: the local executor can
run every model of a library it loads, downloaded on first use. ``--hub offline`` ranks as with
``HF_HUB_OFFLINE=1``: only models already on this machine run, so nearly every other model is a
"cannot run" fallback. The process may set ``HF_HUB_OFFLINE`` either way (the index and the
language identifier never touch the network); ``--hub`` decides what the executor is told.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections import defaultdict
from pathlib import Path
from unittest import mock

DATA = Path(__file__).parent / "data" / "model_choice.jsonl"


def main() -> None:
    """Run the benchmark and print its JSON."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="first 20 rows of the split")
    parser.add_argument("--split", default="heldout", choices=["heldout", "tune", "all"])
    parser.add_argument("--data", default=str(DATA))
    parser.add_argument("--hub", default="online", choices=["online", "offline"])
    parser.add_argument("--round", default=None, help="only rows of this round (r3, r4, ...)")
    args = parser.parse_args()

    from hgpt_langchain.execution.local import LocalExecutor
    from hgpt_langchain.selection.index import ModelIndex, default_index
    from hgpt_langchain.selection.retrieval import RetrievalSelector, task_query
    from hgpt_langchain.state import Task

    rows = [json.loads(line) for line in Path(args.data).read_text().splitlines() if line]
    if args.split != "all":
        rows = [r for r in rows if r["split"] == args.split]
    if args.round:
        rows = [r for r in rows if r.get("round") == args.round]
    if args.quick:
        rows = rows[:20]
    index = default_index()
    cosine = ModelIndex(index.catalog, embeddings=index.embeddings, ranking="cosine")
    executor = LocalExecutor()
    offline = args.hub == "offline"
    hub = mock.patch("hgpt_langchain.execution.local.hub_offline", return_value=offline)

    def can_run(entry):  # what the executor says with the Hub reachable or not
        with hub:
            return executor.can_run(entry)

    ours = RetrievalSelector(index=index, can_run=can_run)
    previous = RetrievalSelector(index=index, fit=False)

    def popular(task: Task, request: str) -> str:
        return max(index.catalog.by_task(task.task), key=lambda e: e.downloads).id

    def plain(task: Task, request: str) -> str:
        return cosine.search(task_query(task, request), task=task.task, k=1)[0].id

    methods = {
        "ours": lambda t, r: ours.choose(t, r).model,
        "most_downloaded": popular,
        "cosine": plain,
        "previous": lambda t, r: previous.choose(t, r).model,
    }
    for r in rows[:2]:  # warm up (language identification model, ONNX session)
        ours.choose(Task(id=1, task=r["task"], args=r["args"]), r["request"])
    hits: dict[str, list[int]] = defaultdict(list)
    per_task: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    ms: dict[str, list[float]] = defaultdict(list)
    misses = []
    for r in rows:
        task = Task(id=1, task=r["task"], args=r["args"])
        for name, fn in methods.items():
            start = time.perf_counter()
            model = fn(task, r["request"])
            ms[name].append((time.perf_counter() - start) * 1000)
            ok = int(model in r["acceptable"])
            hits[name].append(ok)
            per_task[r["task"]][name].append(ok)
            if name == "ours" and not ok:
                misses.append({"task": r["task"], "request": r["request"], "chose": model})
    out = {
        "bench": "model_choice",
        "split": args.split,
        "round": args.round,
        "hub": args.hub,
        "rows": len(rows),
        "top1_acceptable": {n: round(sum(v) / len(v), 3) for n, v in hits.items()},
        "per_task": {
            t: {n: round(sum(v) / len(v), 2) for n, v in d.items()} | {"n": len(d["ours"])}
            for t, d in sorted(per_task.items())
        },
        "ms_per_choice_median": {n: round(sorted(v)[len(v) // 2], 1) for n, v in ms.items()},
        "ours_misses": misses,
        "loadavg": [round(x, 2) for x in os.getloadavg()],
    }
    print(json.dumps(out, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
