"""Streaming: stage updates and per-task custom events arrive live, in a consistent order."""

from __future__ import annotations

import asyncio

from hgpt_langchain import build_graph
from hgpt_langchain.execution.sleep import SleepExecutor
from tests.helpers import FirstModelSelector

DAG = {
    "tasks": [
        {"id": 0, "task": "text-to-image", "dep": [], "args": {"text": "a lighthouse at dusk"}},
        {"id": 1, "task": "object-detection", "dep": [0], "args": {"image": "<resource>-0"}},
        {"id": 2, "task": "depth-estimation", "dep": [0], "args": {"image": "<resource>-0"}},
        {"id": 3, "task": "image-to-text", "dep": [1], "args": {"image": "<resource>-1"}},
    ]
}


def make(tmp_path, **kw):
    executor = SleepExecutor(durations={"0": 0.05, "1": 0.05, "2": 0.4, "3": 0.02}, **kw)
    graph = build_graph(
        planner=DAG,
        selector=FirstModelSelector(),
        executor=executor,
        workspace_root=str(tmp_path / "runs"),
    )
    return graph, executor


def check_events(chunks):
    updates = [next(iter(c)) for mode, c in chunks if mode == "updates"]
    # stage updates, with each plan task's result as its own update while "execute" runs
    assert updates[:2] == ["plan", "select"] and updates[-2:] == ["execute", "respond"]
    assert sorted(updates[2:-2]) == [f"hgpt_task_{i}" for i in range(4)]
    task_updates = [c for mode, c in chunks if mode == "updates" and "hgpt_task_1" in c]
    assert task_updates[0]["hgpt_task_1"]["status"] == "ok"
    custom = [c for mode, c in chunks if mode == "custom"]
    stages = [(e["stage"], e["status"]) for e in custom if e.get("event") == "stage"]
    assert stages == [
        ("plan", "start"),
        ("plan", "done"),
        ("select", "start"),
        ("select", "done"),
        ("execute", "start"),
        ("execute", "done"),
        ("respond", "start"),
        ("respond", "done"),
    ]
    plan_done = next(e for e in custom if e.get("stage") == "plan" and e["status"] == "done")
    assert [t["id"] for t in plan_done["tasks"]] == [0, 1, 2, 3]
    select_done = next(e for e in custom if e.get("stage") == "select" and e["status"] == "done")
    assert select_done["choices"][3] == "image-to-text-model-a"

    # every task starts, then ends, inside the execute stage, with its model and status
    pos = {id(e): i for i, e in enumerate(custom)}
    exec_start = next(pos[id(e)] for e in custom if e.get("stage") == "execute")
    exec_done = max(pos[id(e)] for e in custom if e.get("stage") == "execute")
    starts = {e["task_id"]: pos[id(e)] for e in custom if e.get("event") == "task_start"}
    ends = {e["task_id"]: e for e in custom if e.get("event") == "task_end"}
    assert set(starts) == set(ends) == {0, 1, 2, 3}
    for tid, end in ends.items():
        assert exec_start < starts[tid] < pos[id(end)] < exec_done
        assert end["status"] == "ok" and end["model"].endswith("-model-a")
        assert end["seconds"] >= 0.0
    # a task starts only after its dependency ended; 3 does not wait for the slow task 2
    assert pos[id(ends[0])] < starts[1] and pos[id(ends[0])] < starts[2]
    assert pos[id(ends[1])] < starts[3] < pos[id(ends[2])]
    return custom


def test_stage_and_task_events_are_streamed_in_order(tmp_path):
    graph, executor = make(tmp_path)
    chunks = list(
        graph.stream({"request": "draw, detect, depth, caption"}, stream_mode=["updates", "custom"])
    )
    check_events(chunks)
    assert len(executor.calls) == 4


def test_async_streaming_gives_the_same_events(tmp_path):
    graph, _ = make(tmp_path)

    async def collect():
        return [c async for c in graph.astream({"request": "x"}, stream_mode=["updates", "custom"])]

    check_events(asyncio.run(collect()))


def test_failed_and_skipped_tasks_are_streamed_with_their_status(tmp_path):
    graph, _ = make(tmp_path, fail=[1])
    custom = [
        c
        for mode, c in graph.stream({"request": "x"}, stream_mode=["custom", "values"])
        if mode == "custom"
    ]
    ends = {e["task_id"]: e for e in custom if e.get("event") == "task_end"}
    assert ends[1]["status"] == "failed" and "simulated" in ends[1]["error"]
    assert ends[3]["status"] == "skipped" and ends[2]["status"] == "ok"
    assert any(e.get("event") == "task_attempt_failed" and e["task_id"] == 1 for e in custom)
