"""Derive a training set and a held-out set of single-task requests from TaskBench's labels.

``taskbench/labels.jsonl`` holds the labels (``id``, ``type``, ``nodes`` and ``links`` from
``sampled_nodes`` / ``sampled_links``) of every whole record on 327 pages of TaskBench's
``data.json`` (see ``taskbench/PROVENANCE.md``). This keeps the single-task records, looks up
each one's request text in TaskBench's ``user_requests.json`` (the original wording; the
``instruction`` field of ``data.json`` is a paraphrase of it) and writes, next to this script:

* ``taskbench_train.jsonl``: records from pages ``k = 0 (mod 4)``: what the shipped task head is
  trained on (``python -m hgpt_langchain.selection.taskhead``).
* ``taskbench_heldout.jsonl``: records from pages ``k = 2 (mod 4)``: never used to train or tune
  anything, the held-out selection benchmark.

Both are ``{"q", "task", "id"}`` per line. It also writes ``taskbench/labelled_more.jsonl``: every
record of any type (single, chain, dag) as ``{"id", "user_request", "type", "n_tools",
"sampled_nodes", "sampled_links"}``, which ``bench/taskbench.py --data`` reads: the offline
planner's node and edge F1 on requests it was never tuned on (no arguments: they were not
transcribed). Records already in ``data.sample.jsonl`` (the
168 requests of ``taskbench_single.jsonl``, on which earlier ranking weights were chosen) are left
out of both. Prints one JSON object with the counts.

Usage: python bench/data/derive_taskbench_split.py [--requests PATH/user_requests.json]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from hgpt_langchain.tasks import resolve_task

HERE = Path(__file__).parent
REQUESTS = (
    HERE.parents[2] / "shared/data/jarvis/taskbench/data_huggingface/user_requests.json"
)  # the shared TaskBench snapshot beside the repository
PAGE = 16_000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=Path, default=REQUESTS)
    args = parser.parse_args()

    text: dict[str, str] = {}
    for line in args.requests.read_text().splitlines():
        rec = json.loads(line)
        text.setdefault(rec["id"], rec["user_request"])
    sample = {
        json.loads(line)["id"]
        for line in (HERE / "taskbench" / "data.sample.jsonl").read_text().splitlines()
    }
    counts: Counter[str] = Counter()
    out: dict[str, list[dict[str, str]]] = {"train": [], "heldout": []}
    labelled = []
    seen: set[str] = set()
    for line in (HERE / "taskbench" / "labels.jsonl").read_text().splitlines():
        rec = json.loads(line)
        counts["records"] += 1
        if rec["id"] in sample:
            counts["dropped_in_data_sample"] += 1
            continue
        if rec["id"] in seen:
            counts["dropped_duplicate_id"] += 1
            continue
        seen.add(rec["id"])
        labelled.append(
            {
                "id": rec["id"],
                "user_request": text[rec["id"]],
                "type": rec["type"],
                "n_tools": len(rec["nodes"]),
                "sampled_nodes": rec["nodes"],
                "sampled_links": [{"source": a, "target": b} for a, b in rec["links"]],
            }
        )
        if rec["type"] != "single":
            continue
        counts["single"] += 1
        task = resolve_task(rec["nodes"][0]) if len(rec["nodes"]) == 1 else None
        if task is None:
            counts["dropped_unmapped_task"] += 1
            continue
        split = "train" if (rec["page"] // PAGE) % 4 == 0 else "heldout"
        out[split].append({"q": text[rec["id"]], "task": task, "id": rec["id"]})
    more = HERE / "taskbench" / "labelled_more.jsonl"
    more.write_text("".join(json.dumps(r) + "\n" for r in labelled))
    counts["labelled_more"] = len(labelled)
    for split, rows in out.items():
        path = HERE / f"taskbench_{split}.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in rows))
        counts[split] = len(rows)
    print(json.dumps(dict(counts)))


if __name__ == "__main__":
    main()
