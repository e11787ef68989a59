"""Durable runs benchmark: what checkpointing costs, and what resuming saves.

A chain-and-fan plan of sleep tasks runs through ``build_graph`` (fixed planner and selector,
:class:`SleepExecutor`) without a checkpointer, with LangGraph's in-memory saver and with the SQLite
checkpointer of :mod:`hgpt_langchain.checkpoint` (a file on disk, as ``hgpt run`` uses). Then a
run is interrupted at its last task and resumed: the resumed run re-executes only that task.

Prints one JSON object::

    {"tasks": N, "task_s": d, "runs": R,
     "run_s": {"none": .., "memory": .., "sqlite": ..},       # median wall time of one run
     "overhead_ms": {"memory": .., "sqlite": ..},             # vs no checkpointer
     "resume": {"tasks_rerun": 1, "resume_s": .., "from_scratch_s": .., "saved_s": ..}}

Usage: ``python bench/durable.py [--quick]``
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import emit  # noqa: E402

from hgpt_langchain import build_graph  # noqa: E402
from hgpt_langchain.checkpoint import checkpoint_serializer, sqlite_checkpointer  # noqa: E402
from hgpt_langchain.execution.context import current_task_id  # noqa: E402
from hgpt_langchain.execution.sleep import SleepExecutor  # noqa: E402
from hgpt_langchain.selection.base import StaticSelector  # noqa: E402


class Stop(BaseException):
    """Simulated interruption (Ctrl-C) of the run."""


def make_plan(n: int) -> dict:
    """Task 0 feeds tasks 1..n-2 (a fan), which all feed the last task."""
    tasks = [{"id": 0, "task": "text-generation", "dep": [], "args": {"text": "start"}}]
    for i in range(1, n - 1):
        tasks.append(
            {"id": i, "task": "text-generation", "dep": [0], "args": {"text": "<resource>-0"}}
        )
    last = n - 1
    joined = " ".join(f"<resource>-{i}" for i in range(1, n - 1)) or "<resource>-0"
    tasks.append(
        {
            "id": last,
            "task": "text-generation",
            "dep": list(range(1, n - 1)) or [0],
            "args": {"text": joined},
        }
    )
    return {"tasks": tasks}


class StoppingExecutor(SleepExecutor):
    """Sleep executor that raises :class:`Stop` on one task id while armed."""

    stop_on: int | None = None

    def run(self, task, model, args, workspace):  # type: ignore[override]
        if current_task_id() == self.stop_on:
            raise Stop
        return super().run(task, model, args, workspace)


def timed_run(graph, config, payload) -> float:
    start = time.perf_counter()
    graph.invoke(payload, config)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes (CI)")
    args = parser.parse_args()
    n, task_s, runs = (4, 0.01, 3) if args.quick else (10, 0.2, 7)
    plan = make_plan(n)

    from langgraph.checkpoint.memory import InMemorySaver

    with tempfile.TemporaryDirectory() as tmp:
        root = str(Path(tmp) / "runs")

        def graph_with(saver, executor=None):
            return build_graph(
                planner=plan,
                selector=StaticSelector(lambda t: f"org/{t.task}"),
                executor=executor or SleepExecutor(durations=task_s),
                checkpointer=saver,
                workspace_root=root,
                max_concurrency=n,
            )

        times: dict[str, list[float]] = {"none": [], "memory": [], "sqlite": []}
        with sqlite_checkpointer(Path(tmp) / "cp.sqlite") as sqlite_saver:
            savers = {
                "none": None,
                "memory": InMemorySaver(serde=checkpoint_serializer()),
                "sqlite": sqlite_saver,
            }
            graphs = {name: graph_with(saver) for name, saver in savers.items()}
            for i in range(runs + 1):  # the first round warms up
                for name, graph in graphs.items():
                    config = {"configurable": {"thread_id": f"{name}-{i}"}}
                    took = timed_run(graph, config, {"request": "go"})
                    if i:
                        times[name].append(took)

            # interrupted at the last task, then resumed in a new graph over the same database
            executor = StoppingExecutor(durations=task_s)
            executor.stop_on = n - 1
            config = {"configurable": {"thread_id": "interrupted"}}
            try:
                graph_with(sqlite_saver, executor).invoke({"request": "go"}, config)
            except Stop:
                pass
            resumed = SleepExecutor(durations=task_s)
            resume_s = timed_run(graph_with(sqlite_saver, resumed), config, None)
            rerun = sorted({c.task_id for c in resumed.calls})

    run_s = {k: round(statistics.median(v), 4) for k, v in times.items()}
    from_scratch = run_s["sqlite"]
    emit(
        {
            "tasks": n,
            "task_s": task_s,
            "runs": runs,
            "run_s": run_s,
            "overhead_ms": {
                k: round((run_s[k] - run_s["none"]) * 1000, 1) for k in ("memory", "sqlite")
            },
            "resume": {
                "tasks_rerun": len(rerun),
                "rerun_ids": rerun,
                "resume_s": round(resume_s, 4),
                "from_scratch_s": from_scratch,
                "saved_s": round(from_scratch - resume_s, 4),
            },
        }
    )


if __name__ == "__main__":
    main()
