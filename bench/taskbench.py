"""Planning quality on TaskBench's Hugging Face tools (node / edge / argument F1, edit distance).

Usage::

    python bench/taskbench.py --planner offline                       # whole labelled sample
    python bench/taskbench.py --planner offline --split test          # held-out half only
    python bench/taskbench.py --data bench/data/taskbench/labelled_more.jsonl
                                        # 3,245 more requests, never tuned on (nodes and edges only)
    python bench/taskbench.py --llm openai:gpt-4o-mini --limit 100     # needs a key and network
    python bench/taskbench.py --planner gold                          # label-noise ceiling
    python bench/taskbench.py --quick                                  # CI smoke run
    python bench/taskbench.py --llm local --limit 8 --split test       # local controller arms

With ``--llm local[:...]`` the script compares arms on the same records: ``raw`` (prompt only, no
schema, no repair), ``constrained`` (JSON-schema constrained decoding), ``constrained+repair``,
``constrained+draft`` (the offline planner's plan given as a draft, with repair), ``offline``
and ``auto`` (offline when confident, else constrained+repair): valid-plan rate, node / edge F1,
LLM calls, seconds per plan (p50) and tokens per arm. ``--arms`` picks a subset.

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
import sys
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


LOCAL_ARMS = ("raw", "constrained", "constrained+repair", "constrained+draft", "offline", "auto")


def local_planner(arm: str, llm, all_tasks: bool):
    """The planner of one arm of the local-controller comparison."""
    from hgpt_langchain.evaluation import TASKBENCH_TASKS
    from hgpt_langchain.planning.auto import AutoPlanner
    from hgpt_langchain.planning.llm import LLMPlanner
    from hgpt_langchain.planning.offline import OfflinePlanner

    tasks = None if all_tasks else TASKBENCH_TASKS
    if arm == "raw":
        return LLMPlanner(llm, structured=False, constrained=False, repair=False)
    if arm == "constrained":
        return LLMPlanner(llm, repair=False)
    if arm == "constrained+repair":
        return LLMPlanner(llm)
    if arm == "constrained+draft":
        return LLMPlanner(llm, draft=OfflinePlanner(tasks=tasks))
    if arm == "offline":
        return OfflinePlanner(tasks=tasks)
    if arm == "auto":
        return AutoPlanner(OfflinePlanner(tasks=tasks), LLMPlanner(llm))
    raise SystemExit(f"unknown arm {arm!r}: use {', '.join(LOCAL_ARMS)}")


def run_arms(
    data: Path, llm_spec: str, arms: list[str], limit: int, split: str | None, all_tasks: bool
) -> dict:
    """Plan the same records with every arm; per arm quality, validity, calls, time and tokens."""
    import os
    import statistics

    from hgpt_langchain.errors import PlanningError
    from hgpt_langchain.evaluation import Scorer, load_taskbench, plan_to_graph
    from hgpt_langchain.llm import resolve_llm
    from hgpt_langchain.state import Plan

    records = [r for r in load_taskbench(data, split=split) if r.labelled][:limit]
    start = time.perf_counter()
    llm = resolve_llm(llm_spec)
    if hasattr(llm, "runtime"):
        llm.runtime()
    load_s = time.perf_counter() - start
    out: dict = {
        "llm": llm_spec,
        "model": getattr(llm, "model_name", llm_spec),
        "data": str(data),
        "split": split or "all",
        "n": len(records),
        "model_load_s": round(load_s, 1),
        "loadavg_start": [round(x, 2) for x in os.getloadavg()],
        "arms": {},
    }
    for arm in arms:
        planner = local_planner(arm, llm, all_tasks)
        llm_planner = getattr(planner, "llm_planner", planner)
        scorer = Scorer()
        valid = calls = 0
        seconds = []
        for rec in records:
            t0 = time.perf_counter()
            try:
                result = planner.plan(rec.request)
                plan = result.plan
                calls += result.llm_calls
                valid += 1
            except PlanningError as err:
                calls += getattr(err, "llm_calls", 0)
                plan = Plan()
            seconds.append(time.perf_counter() - t0)
            scorer.add(rec, plan_to_graph(plan))
        score = scorer.result()
        usage = getattr(llm_planner, "usage", None) or {}
        out["arms"][arm] = {
            "valid_plan_rate": round(valid / max(len(records), 1), 4),
            "node_f1": score.get("node_f1"),
            "edge_f1": score.get("edge_f1"),
            "llm_calls": calls,
            "s_per_plan_p50": round(statistics.median(seconds), 2) if seconds else None,
            "input_tokens": usage.get("input_tokens", 0),
            "output_tokens": usage.get("output_tokens", 0),
        }
        print(json.dumps({arm: out["arms"][arm]}), file=sys.stderr)  # progress
    out["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
    out["seconds"] = round(time.perf_counter() - start, 1)
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
    parser.add_argument(
        "--arms", default=None, help=f"with --llm local: comma list of {', '.join(LOCAL_ARMS)}"
    )
    args = parser.parse_args()
    if args.llm and args.llm.split(":")[0] == "local":
        arms = args.arms.split(",") if args.arms else list(LOCAL_ARMS)
        if args.quick and not args.arms:
            arms = ["constrained", "offline"]
        limit = args.limit or (1 if args.quick else 8)
        emit(run_arms(args.data, args.llm, arms, limit, args.split, args.all_tasks))
        return
    limit = 30 if args.quick and not args.limit else args.limit
    emit(run(args.data, args.planner, args.llm, limit, args.split, args.all_tasks, args.dump))


if __name__ == "__main__":
    main()
