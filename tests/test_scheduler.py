"""DAG scheduling: parallelism, resources, retries, fallbacks, timeouts, skips, LangGraph resume."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.graph import END, START, StateGraph
from typing_extensions import TypedDict

from hgpt_langchain.errors import UnsupportedTaskError
from hgpt_langchain.execution.base import ExecutionOutput
from hgpt_langchain.execution.scheduler import Scheduler, topological_order
from hgpt_langchain.execution.sleep import SleepExecutor
from hgpt_langchain.execution.workspace import Workspace
from hgpt_langchain.state import ModelChoice, Plan, Task, TaskResult
from tests.helpers import choose


def gen(i: int, dep: list[int] | None = None, text: str = "x") -> Task:
    return Task(id=i, task="text-generation", dep=dep or [], args={"text": text})


def span(ex: SleepExecutor, task_id: int) -> tuple[float, float]:
    calls = [c for c in ex.calls if c.task_id == task_id]
    assert len(calls) == 1, f"task {task_id} ran {len(calls)} times"
    return calls[0].start, calls[0].end


def test_independent_tasks_overlap_and_dependents_start_early(ws: Workspace):
    # 1 (long) and 2 (short) are independent; 3 needs only 2, so it must start while 1 still
    # runs (no wave barrier); 4 needs 1 and 3.
    plan = Plan(tasks=[gen(1), gen(2), gen(3, [2]), gen(4, [1, 3])])
    ex = SleepExecutor({1: 0.6, 2: 0.1, 3: 0.1, 4: 0.05})
    results = Scheduler(ex, max_concurrency=4).run(plan, choose(plan, "m"), ws)
    assert [r.status for r in results.values()] == ["ok"] * 4
    s1, e1 = span(ex, 1)
    s2, e2 = span(ex, 2)
    s3, e3 = span(ex, 3)
    s4, _ = span(ex, 4)
    assert s2 < e1 and s1 < e2  # 1 and 2 overlap
    assert s3 >= e2 and s3 < e1  # 3 starts after its own dependency, before 1 ends
    assert s4 >= max(e1, e3)


def test_max_concurrency_one_serialises(ws: Workspace):
    plan = Plan(tasks=[gen(i) for i in range(1, 5)])
    ex = SleepExecutor(0.05)
    Scheduler(ex, max_concurrency=1).run(plan, choose(plan, "m"), ws)
    spans = sorted((c.start, c.end) for c in ex.calls)
    assert len(spans) == 4
    for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
        assert start >= end


def test_resource_substitution_by_modality_and_in_text(ws: Workspace):
    plan = Plan(
        tasks=[
            Task(id=1, task="text-to-image", args={"text": "a red fox"}),
            Task(id=2, task="image-classification", dep=[1], args={"image": "<resource>-1"}),
            Task(
                id=3,
                task="translation",
                dep=[2],
                args={"text": "Label: <resource>-2!", "target_language": "French"},
            ),
        ]
    )
    ex = SleepExecutor(0.0)
    results = Scheduler(ex).run(plan, choose(plan, "m"), ws)
    image = results[1].files[0]
    assert image.endswith("task-1.png") and Path(image).is_file()
    by_task = {c.task_id: c.args for c in ex.calls}
    assert by_task[2] == {"image": image}
    assert by_task[3] == {
        "text": f"Label: {results[2].output}!",
        "target_language": "French",
    }
    assert "<resource>" not in str(by_task)


def test_failure_falls_back_to_next_candidate(ws: Workspace):
    plan = Plan(tasks=[gen(1)])
    ex = SleepExecutor(0.0, fail=["bad-model"])
    result = Scheduler(ex).run(plan, choose(plan, "bad-model", "good-model"), ws)[1]
    assert result.status == "ok"
    assert result.model == "good-model"
    assert len(result.attempts) == 2
    assert result.attempts[0].startswith("bad-model:") and "simulated" in result.attempts[0]
    assert result.attempts[1] == "good-model"


def test_transient_errors_are_retried_with_backoff(ws: Workspace):
    plan = Plan(tasks=[gen(1)])
    ex = SleepExecutor(0.0, flaky={"m": 2})
    result = Scheduler(ex, retries=2, backoff=0.01).run(plan, choose(plan, "m", "other"), ws)[1]
    assert result.status == "ok" and result.model == "m"
    assert len(result.attempts) == 3 and result.attempts[-1] == "m"
    gap = ex.calls[2].start - ex.calls[1].end
    first_gap = ex.calls[1].start - ex.calls[0].end
    assert gap >= 0.02 and first_gap >= 0.01  # exponential backoff between attempts


def test_retries_exhausted_moves_to_next_candidate(ws: Workspace):
    plan = Plan(tasks=[gen(1)])
    ex = SleepExecutor(0.0, flaky={"m": 5})
    result = Scheduler(ex, retries=1, backoff=0.0).run(plan, choose(plan, "m", "other"), ws)[1]
    assert result.status == "ok" and result.model == "other"
    assert [a.split(":")[0] for a in result.attempts] == ["m", "m", "other"]


def test_timeout_is_the_whole_tasks_deadline_then_it_fails(ws: Workspace):
    plan = Plan(tasks=[gen(1)])
    ex = SleepExecutor({"slow": 1.5, "fast": 0.0})
    result = Scheduler(ex, task_timeout=0.2).run(plan, choose(plan, "slow", "fast"), ws)[1]
    assert result.status == "failed" and [c.model for c in ex.calls] == ["slow"]
    assert "timed out after 0.2 s" in result.attempts[0]


def test_a_failing_model_falls_back_within_the_deadline(ws: Workspace):
    plan = Plan(tasks=[gen(1)])
    ex = SleepExecutor(0.0, fail=["bad"])
    result = Scheduler(ex, task_timeout=5).run(plan, choose(plan, "bad", "fast"), ws)[1]
    assert result.status == "ok" and result.model == "fast"


def test_all_candidates_fail_and_dependents_are_skipped(ws: Workspace):
    plan = Plan(
        tasks=[
            gen(1),
            Task(id=2, task="text-classification", dep=[1], args={"text": "<resource>-1"}),
            Task(id=3, task="summarization", dep=[2], args={"text": "<resource>-2"}),
            gen(4),
        ]
    )
    ex = SleepExecutor(0.0, fail=["1"])
    results = Scheduler(ex).run(plan, choose(plan, "a", "b"), ws)
    assert results[1].status == "failed"
    assert "All attempts failed" in (results[1].error or "")
    assert results[1].attempts[0].startswith("a:") and results[1].attempts[1].startswith("b:")
    assert results[2].status == "skipped" and "task 1 failed" in (results[2].error or "")
    assert results[3].status == "skipped" and "task 2 skipped" in (results[3].error or "")
    assert results[4].status == "ok"
    assert {c.task_id for c in ex.calls} == {1, 4}  # never run on placeholders


def test_no_model_unknown_dependency_and_cycle(ws: Workspace):
    plan = Plan(
        tasks=[
            gen(1),
            gen(2, [99]),
            gen(3, [4]),
            gen(4, [3]),
            gen(5, [3]),
        ]
    )
    choices = choose(plan, "m")
    choices[1] = ModelChoice(task_id=1, task="text-generation", model=None)
    ex = SleepExecutor(0.0)
    results = Scheduler(ex).run(plan, choices, ws)
    assert results[1].status == "failed" and "No model" in (results[1].error or "")
    assert results[2].status == "skipped" and "unknown task" in (results[2].error or "")
    assert results[3].status == "skipped" and "cycle" in (results[3].error or "")
    assert results[5].status == "skipped"
    assert ex.calls == []


def test_topological_order_keeps_plan_order_for_ties():
    plan = Plan(tasks=[gen(3, [1]), gen(1), gen(2)])
    order, blocked = topological_order(plan)
    assert [t.id for t in order] == [1, 2, 3] and blocked == {}


def test_done_results_are_reused_not_rerun(ws: Workspace):
    plan = Plan(tasks=[gen(1), Task(id=2, task="summarization", args={"text": "<resource>-1"})])
    done = {1: TaskResult(task_id=1, task="text-generation", status="ok", output="earlier")}
    ex = SleepExecutor(0.0)
    results = Scheduler(ex).run(plan, choose(plan, "m"), ws, done=done)
    assert results[1].output == "earlier"
    assert [c.task_id for c in ex.calls] == [2]
    assert ex.calls[0].args == {"text": "earlier"}


def test_unsupported_stops_fallbacks_and_file_args_are_confined(ws: Workspace):
    tried: list[tuple[str, dict]] = []

    def runner(task: str, model: str, args: dict, workspace: Workspace) -> ExecutionOutput:
        tried.append((model, args))
        if task == "audio-to-audio":
            raise UnsupportedTaskError("audio-to-audio has no local path")
        return ExecutionOutput(text="label")

    (ws.root / "inputs" / "a.wav").write_bytes(b"RIFF")
    (ws.root / "inputs" / "cat.png").write_bytes(b"png")
    plan = Plan(
        tasks=[
            Task(id=1, task="audio-to-audio", args={"audio": "a.wav"}),
            Task(id=2, task="image-classification", args={"image": "../../etc/passwd"}),
            Task(id=3, task="image-classification", args={"image": "/etc/passwd"}),
            Task(id=4, task="image-classification", args={"image": "cat.png"}),
        ]
    )
    results = Scheduler(runner=runner).run(plan, choose(plan, "m1", "m2"), ws)
    assert results[1].status == "failed" and "no local path" in (results[1].error or "")
    assert results[2].status == "failed" and "outside" in (results[2].error or "")
    assert results[3].status == "failed" and "outside" in (results[3].error or "")
    assert results[4].status == "ok"
    # unsupported: no second candidate; escapes never reach the runner; bare names resolved
    assert sorted(m for m, _ in tried) == ["m1", "m1"]
    assert {"audio": str(ws.root / "inputs" / "a.wav")} in [a for _, a in tried]
    assert {"image": str(ws.root / "inputs" / "cat.png")} in [a for _, a in tried]


def test_events_reach_on_event(ws: Workspace):
    events: list[dict[str, Any]] = []
    plan = Plan(tasks=[gen(1), gen(2, [1])])
    ex = SleepExecutor(0.0, fail=["1"])
    Scheduler(ex, on_event=events.append).run(plan, choose(plan, "m"), ws)
    kinds = [(e["event"], e["task_id"], e.get("status")) for e in events]
    assert ("task_start", 1, "running") in kinds
    assert ("task_attempt_failed", 1, None) in kinds
    assert ("task_end", 1, "failed") in kinds
    assert ("task_end", 2, "skipped") in kinds


class _State(TypedDict, total=False):
    statuses: dict


class _Crash(BaseException):
    """Simulates the process dying in the middle of a task."""


def test_inside_langgraph_streams_events_and_resume_skips_finished_tasks(ws: Workspace):
    plan = Plan(tasks=[gen(1), gen(2), gen(3, [1]), gen(4, [2, 3])])
    ex = SleepExecutor({1: 0.05, 2: 0.05, 3: 0.05, 4: 0.0})
    crash = threading.Event()
    crash.set()

    def runner(task: str, model: str, args: dict, workspace: Workspace) -> ExecutionOutput:
        from hgpt_langchain.execution.context import current_task_id

        if current_task_id() == 4 and crash.is_set():
            crash.clear()
            raise _Crash("power cut")
        from hgpt_langchain.tasks import get_task

        return ex.run(get_task(task), model, args, workspace)

    scheduler = Scheduler(runner=runner, task_timeout=None)

    def execute(state: _State) -> dict:
        results = scheduler.run(plan, choose(plan, "m"), ws)
        return {"statuses": {k: r.status for k, r in results.items()}}

    builder = StateGraph(_State)
    builder.add_node("execute", execute)
    builder.add_edge(START, "execute")
    builder.add_edge("execute", END)
    graph = builder.compile(checkpointer=InMemorySaver())
    config = {"configurable": {"thread_id": "resume-test"}}

    events = []
    with pytest.raises(_Crash):
        for _mode, chunk in graph.stream({}, config, stream_mode=["custom"]):
            events.append(chunk)
    assert {(e["event"], e["task_id"]) for e in events if e["event"] == "task_end"} == {
        ("task_end", 1),
        ("task_end", 2),
        ("task_end", 3),
    }
    assert sorted(c.task_id for c in ex.calls) == [1, 2, 3]

    out = graph.invoke(None, config)
    assert out["statuses"] == {1: "ok", 2: "ok", 3: "ok", 4: "ok"}
    # Only the interrupted task ran again; 1-3 came back from the checkpoint.
    assert sorted(c.task_id for c in ex.calls) == [1, 2, 3, 4]


def test_model_tools_describe_the_graphs_own_catalog_which_is_loaded_once(tmp_path, monkeypatch):
    from hgpt_langchain import catalog as catalog_mod
    from hgpt_langchain.catalog import Catalog, CatalogEntry
    from hgpt_langchain.execution import tools as tools_mod
    from hgpt_langchain.graph import build_graph
    from hgpt_langchain.selection.base import StaticSelector

    from .helpers import EchoExecutor

    house = [
        CatalogEntry(id="acme/house-writer", task="text-generation", description="ACME writer"),
        CatalogEntry(id="acme/house-backup", task="text-generation", description="ACME backup"),
    ]
    path = Catalog(house).to_jsonl(tmp_path / "house.jsonl")
    loads: list[Any] = []
    real_load = catalog_mod.load_catalog

    def counting_load(source=None):
        loads.append(source)
        return real_load(source)

    monkeypatch.setattr(catalog_mod, "load_catalog", counting_load)
    seen: list[tuple[str, str]] = []
    real_execute = tools_mod.ModelTool.execute

    def recording_execute(self, args, workspace):
        seen.append((self.entry.id, self.description))
        return real_execute(self, args, workspace)

    monkeypatch.setattr(tools_mod.ModelTool, "execute", recording_execute)
    executor = EchoExecutor(fail={"acme/house-writer"})  # every task falls back: 2 attempts each
    graph = build_graph(
        planner=Plan(tasks=[gen(1), gen(2), gen(3, [1, 2])]),
        selector=StaticSelector(["acme/house-writer", "acme/house-backup"]),
        executor=executor,
        catalog=str(path),
        retries=0,
        workspace_root=str(tmp_path / "runs"),
    )
    out = graph.invoke({"request": "write three things"})
    assert [r["status"] for r in out["report"]["results"]] == ["ok"] * 3
    assert len(seen) == 6  # 3 tasks x (failed model + fallback)
    for model_id, description in seen:
        assert "Model card: ACME" in description, description  # the graph's catalog, not shipped
        assert model_id.startswith("acme/")
    assert loads == [str(path)]  # loaded once for the graph, never per task or attempt
