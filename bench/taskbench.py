"""Planning quality on TaskBench's Hugging Face tools (node / edge / argument F1, edit distance).

Usage::

    python bench/taskbench.py --planner offline                       # whole labelled sample
    python bench/taskbench.py --planner offline --split test          # held-out half only
    python bench/taskbench.py --data bench/data/taskbench/labelled_more.jsonl
                                        # 3,245 more requests, never tuned on (nodes and edges only)
    python bench/taskbench.py --llm openai:gpt-4o-mini --limit 100     # needs a key and network
    python bench/taskbench.py --planner gold                          # label-noise ceiling
    python bench/taskbench.py --quick                                  # CI smoke run

Prints one JSON object: ``{"n", "node_f1", "edge_f1", "arg_name_f1", "edit_distance",
"by_type": {"single", "chain", "dag"}, ...}`` (F1 as fractions). ``--planner gold`` scores the
data's own ``task_nodes`` against its ``sampled_nodes`` / ``sampled_links``: the best any planner
can reach with these labels. The offline planner is restricted to the task types that have a
TaskBench tool (TaskBench's prompt lists its tools to the LLM in the same way); ``--all-tasks``
lifts that. ``--split dev|test`` keeps one half of the records (``evaluation.split_of``): the
offline planner's anchors and thresholds were inspected on ``dev`` only. ``labelled_more.jsonl``
holds gold tool graphs but no arguments, so argument F1 and edit distance are ``null`` there.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from _common import ROOT, emit

DEFAULT_DATA = ROOT / "bench/data/taskbench/data.sample.jsonl"


def make_planner(name: str, llm_spec: str | None, all_tasks: bool):
    """Build the planner to evaluate."""
    from hgpt_langchain.evaluation import TASKBENCH_TASKS

    if llm_spec:
        from langchain.chat_models import init_chat_model

        from hgpt_langchain.planning.llm import LLMPlanner

        return LLMPlanner(init_chat_model(llm_spec))
    if name == "offline":
        from hgpt_langchain.planning.offline import OfflinePlanner

        return OfflinePlanner(tasks=None if all_tasks else TASKBENCH_TASKS)
    if name == "gold":
        return None
    raise SystemExit(f"unknown planner {name!r}: use offline, gold or --llm SPEC")


def run(
    data: Path,
    planner_name: str = "offline",
    llm_spec: str | None = None,
    limit: int | None = None,
    split: str | None = None,
    all_tasks: bool = False,
    dump: Path | None = None,
    planner=None,
) -> dict:
    """Plan every record and score the plans."""
    from hgpt_langchain.errors import PlanningError
    from hgpt_langchain.evaluation import Scorer, gold_plan, load_taskbench, plan_to_graph
    from hgpt_langchain.state import Plan

    records = [r for r in load_taskbench(data, split=split) if r.labelled]
    if limit:
        records = records[:limit]
    if planner is None and planner_name != "gold":
        planner = make_planner(planner_name, llm_spec, all_tasks)
    if planner is not None and hasattr(planner, "warm_up"):
        planner.warm_up()
    scorer = Scorer()
    failures = 0
    llm_calls = 0
    confidences = []
    rows = []
    start = time.perf_counter()
    for rec in records:
        if planner is None:
            plan = gold_plan(rec)
            conf = None
        else:
            try:
                result = planner.plan(rec.request)
                plan, conf = result.plan, result.confidence
                llm_calls += result.llm_calls
            except PlanningError as err:
                failures += 1
                llm_calls += getattr(err, "llm_calls", 0)
                plan, conf = Plan(), None
        graph = plan_to_graph(plan)
        own = scorer.add(rec, graph)
        if conf is not None:
            confidences.append(conf)
        if dump is not None:
            rows.append(
                {
                    "id": rec.id,
                    "type": rec.type,
                    "request": rec.request,
                    "gold": rec.nodes,
                    "gold_links": rec.links,
                    "pred": graph.nodes,
                    "pred_links": sorted(graph.links),
                    "confidence": conf,
                    **own,
                    "plan": plan.model_dump(mode="json"),
                }
            )
    seconds = time.perf_counter() - start
    out = scorer.result()
    out.update(
        {
            "planner": "llm:" + llm_spec if llm_spec else planner_name,
            "data": str(data),
            "split": split or "all",
            "planner_failures": failures,
            "llm_calls": llm_calls,
            "ms_per_request": round(1000 * seconds / max(len(records), 1), 2),
            "mean_confidence": round(sum(confidences) / len(confidences), 4)
            if confidences
            else None,
            "tasks": "registry" if all_tasks else "taskbench tools",
        }
    )
    if dump is not None:
        dump.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--planner", default="offline", help="offline (default) or gold")
    parser.add_argument(
        "--llm", default=None, help="chat model spec for LLMPlanner, e.g. openai:gpt-4o"
    )
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--split", choices=["dev", "test"], default=None)
    parser.add_argument(
        "--all-tasks", action="store_true", help="let the planner use every registry task"
    )
    parser.add_argument(
        "--dump", type=Path, default=None, help="write per-record predictions (JSONL)"
    )
    parser.add_argument("--quick", action="store_true", help="30 records (CI smoke run)")
    args = parser.parse_args()
    limit = 30 if args.quick and not args.limit else args.limit
    emit(run(args.data, args.planner, args.llm, limit, args.split, args.all_tasks, args.dump))


if __name__ == "__main__":
    main()
