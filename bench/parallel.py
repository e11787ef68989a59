"""DAG scheduling benchmark: makespan vs critical path through the real graph.

Layered DAGs of sleep tasks (width 1..8, depth 1..4) with unequal durations run through
``build_graph`` (fixed planner, fixed selector, :class:`SleepExecutor`). Each task (layer l, slot i)
depends on two tasks of the previous layer, so a wave-based scheduler (each layer waits for the
slowest task of the previous one) is visibly slower than critical-path scheduling.

Prints one JSON object::

    {"rows": [{"width", "depth", "makespan_s", "critical_path_s", "sequential_s", "wave_s",
               "send_makespan_s"?}], "max_ratio": M, ...}

``makespan_s`` is first task start to last task end inside the graph run, ``wave_s`` the analytic
makespan of wave-by-wave execution, ``send_makespan_s`` (with ``--send``) the measured makespan of
an alternative graph that fans out each ready wave with ``Send``. M = max makespan/critical path.

Usage: ``python bench/parallel.py [--quick] [--send]``
"""

from __future__ import annotations

import argparse
import operator
import sys
import tempfile
import time
from pathlib import Path
from typing import Annotated, Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import emit  # noqa: E402

from hgpt_langchain.selection.base import StaticSelector  # noqa: E402
from hgpt_langchain.state import Plan, Task  # noqa: E402

POOL_CONFIG: dict[str, Any] = {}
"""Extra invoke config; ``--pool N`` sets LangGraph's thread pool size (``max_concurrency``)."""


def make_dag(width: int, depth: int, base: float) -> tuple[Plan, dict[int, float]]:
    """A layered DAG and its per-task durations (unequal, deterministic)."""
    tasks: list[Task] = []
    durations: dict[int, float] = {}
    for layer in range(depth):
        for slot in range(width):
            tid = layer * width + slot
            deps = []
            if layer > 0:
                prev = (layer - 1) * width
                deps = sorted({prev + slot, prev + (slot + 1) % width})
            text = " ".join(f"<resource>-{d}" for d in deps) or f"prompt {tid}"
            tasks.append(Task(id=tid, task="text-generation", dep=deps, args={"text": text}))
            durations[tid] = round(base * (1 + ((slot * 7 + layer * 3) % 5)) / 3, 4)
    return Plan(tasks=tasks), durations


def critical_path(plan: Plan, durations: dict[int, float]) -> float:
    finish: dict[int, float] = {}
    for t in plan.tasks:  # ids are in topological order
        finish[t.id] = max((finish[d] for d in t.dep), default=0.0) + durations[t.id]
    return max(finish.values())


def wave_makespan(plan: Plan, durations: dict[int, float]) -> float:
    level: dict[int, int] = {}
    for t in plan.tasks:
        level[t.id] = max((level[d] + 1 for d in t.dep), default=0)
    per_level: dict[int, float] = {}
    for tid, lv in level.items():
        per_level[lv] = max(per_level.get(lv, 0.0), durations[tid])
    return sum(per_level.values())


def run_graph(plan: Plan, durations: dict[int, float], width: int, root: str) -> float:
    from hgpt_langchain.execution import SleepExecutor
    from hgpt_langchain.graph import build_graph

    executor = SleepExecutor(durations)
    graph = build_graph(
        planner=plan,  # a fixed plan (StaticPlanner)
        selector=StaticSelector("sleep"),
        executor=executor,
        responder="template",
        max_concurrency=max(width, 1),
        task_timeout=60.0,
        workspace_root=root,
    )
    out = graph.invoke({"request": "run the benchmark DAG", "files": []}, POOL_CONFIG)
    statuses = [r["status"] for r in out["report"]["results"]]
    if statuses.count("ok") != len(plan.tasks):
        raise RuntimeError(f"benchmark tasks failed: {statuses}")
    starts = [c.start for c in executor.calls]
    ends = [c.end for c in executor.calls]
    return max(ends) - min(starts)


def run_send_graph(plan: Plan, durations: dict[int, float]) -> float:
    """Wave-by-wave execution with ``Send`` fan-out (the alternative design), measured."""
    from langgraph.graph import END, START, StateGraph
    from langgraph.types import Send

    from hgpt_langchain.execution import SleepExecutor
    from hgpt_langchain.execution.context import task_context
    from hgpt_langchain.tasks import TASKS

    executor = SleepExecutor(durations)
    by_id = plan.by_id()

    def dispatch(state):  # noqa: ANN001, ANN202
        return {}

    def route(state):  # noqa: ANN001, ANN202
        done = set(state.get("done") or [])
        ready = [t.id for t in plan.tasks if t.id not in done and set(t.dep) <= done]
        return [Send("run_task", {"task_id": tid}) for tid in ready] or END

    def run_task(payload):  # noqa: ANN001, ANN202
        task = by_id[payload["task_id"]]
        with task_context(task.id):
            executor.run(TASKS[task.task], "sleep", dict(task.args), _DummyWorkspace())
        return {"done": [task.id]}

    builder = StateGraph(_SendState)
    builder.add_node("dispatch", dispatch)
    builder.add_node("run_task", run_task)
    builder.add_edge(START, "dispatch")
    builder.add_conditional_edges("dispatch", route, ["run_task", END])
    builder.add_edge("run_task", "dispatch")
    graph = builder.compile()
    graph.invoke({"done": []}, {"max_concurrency": 64, "recursion_limit": 200})
    return max(c.end for c in executor.calls) - min(c.start for c in executor.calls)


from typing_extensions import TypedDict  # noqa: E402


class _SendState(TypedDict, total=False):
    done: Annotated[list[int], operator.add]


class _DummyWorkspace:
    def output_path(self, stem: str, ext: str) -> Path:  # text tasks never call this
        raise AssertionError("not used")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="few, short DAGs (CI)")
    parser.add_argument("--send", action="store_true", help="also measure Send fan-out")
    parser.add_argument(
        "--pool", type=int, default=0, help="LangGraph thread pool size (config max_concurrency)"
    )
    args = parser.parse_args()
    if args.pool:
        POOL_CONFIG["max_concurrency"] = args.pool
    if args.quick:
        widths, depths, base = (1, 4, 8), (1, 3), 0.03
    else:
        widths, depths, base = tuple(range(1, 9)), (1, 2, 3, 4), 0.15
    rows = []
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as root:
        for width in widths:
            for depth in depths:
                plan, durations = make_dag(width, depth, base)
                makespan = run_graph(plan, durations, width, root)
                row = {
                    "width": width,
                    "depth": depth,
                    "makespan_s": round(makespan, 4),
                    "critical_path_s": round(critical_path(plan, durations), 4),
                    "sequential_s": round(sum(durations.values()), 4),
                    "wave_s": round(wave_makespan(plan, durations), 4),
                }
                if args.send:
                    row["send_makespan_s"] = round(run_send_graph(plan, durations), 4)
                rows.append(row)
    ratios = [r["makespan_s"] / r["critical_path_s"] for r in rows]
    result: dict[str, Any] = {
        "rows": rows,
        "max_ratio": round(max(ratios), 4),
        "mean_ratio": round(sum(ratios) / len(ratios), 4),
        "max_wave_ratio": round(max(r["wave_s"] / r["critical_path_s"] for r in rows), 4),
        "quick": args.quick,
        "pool": args.pool or None,
        "seconds": round(time.perf_counter() - start, 2),
    }
    if args.send:
        result["max_send_ratio"] = round(
            max(r["send_makespan_s"] / r["critical_path_s"] for r in rows), 4
        )
    emit(result)


if __name__ == "__main__":
    main()
