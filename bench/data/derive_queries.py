"""Derive the selection benchmark's query files from TaskBench (Hugging Face tools domain).

Writes, next to this script:

* ``taskbench_single.jsonl``: every labelled single-tool request of ``data.sample.jsonl``
  (``{"q": instruction, "task": gold task mapped to a registry name, "id"}``); the gold task
  comes from ``sampled_nodes`` (the clean label), mapped with ``resolve_task``.
* ``taskbench_tools.jsonl``: the 23 tool descriptions of ``tool_desc.json`` as queries.

Prints one JSON object with the counts (records read, kept, dropped and why).

Usage: python bench/data/derive_queries.py [--src DIR]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from hgpt_langchain.tasks import resolve_task

HERE = Path(__file__).parent
DEFAULT_SRC = HERE / "taskbench"  # the vendored TaskBench sample (see its PROVENANCE.md)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--src", type=Path, default=DEFAULT_SRC)
    args = parser.parse_args()

    counts: Counter[str] = Counter()
    rows = []
    for line in (args.src / "data.sample.jsonl").read_text().splitlines():
        rec = json.loads(line)
        counts["records"] += 1
        if rec.get("type") != "single":
            continue
        counts["single"] += 1
        nodes = json.loads(rec["sampled_nodes"])
        if len(nodes) != 1:
            counts["dropped_not_one_node"] += 1
            continue
        gold = resolve_task(nodes[0]["task"])
        if gold is None:
            counts["dropped_unmapped_task"] += 1
            continue
        named = [n.get("task") for n in rec.get("task_nodes", [])]
        if named != [nodes[0]["task"]]:
            counts["noisy_task_nodes_name"] += 1  # kept: sampled_nodes is the clean gold
        rows.append({"q": rec["instruction"], "task": gold, "id": rec["id"]})
    (HERE / "taskbench_single.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    counts["kept"] = len(rows)

    tools = json.loads((args.src / "tool_desc.json").read_text())["nodes"]
    tool_rows = [
        {"q": t["desc"], "task": resolve_task(t["id"]), "id": t["id"]}
        for t in tools
        if resolve_task(t["id"])
    ]
    (HERE / "taskbench_tools.jsonl").write_text("".join(json.dumps(r) + "\n" for r in tool_rows))
    counts["tools"] = len(tool_rows)
    counts.update(Counter(f"gold:{r['task']}" for r in rows))
    print(json.dumps(dict(counts)))


if __name__ == "__main__":
    main()
