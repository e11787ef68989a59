"""Plan approval: the graph pauses after planning; ``Command(resume=...)`` accepts/edits/cancels."""

from __future__ import annotations

from langgraph.checkpoint.memory import InMemorySaver
from langgraph.types import Command

from hgpt_langchain import build_graph
from tests.helpers import EchoExecutor, FirstModelSelector

PLAN = {
    "tasks": [
        {"id": 0, "task": "image-to-text", "dep": [], "args": {"image": "photo.jpg"}},
        {"id": 1, "task": "text-to-speech", "dep": [0], "args": {"text": "<resource>-0"}},
    ]
}


def paused(tmp_path, photo, thread="t1"):
    executor = EchoExecutor()
    graph = build_graph(
        planner=PLAN,
        selector=FirstModelSelector(),
        executor=executor,
        approve_plan=True,
        checkpointer=InMemorySaver(),
        workspace_root=str(tmp_path / "runs"),
    )
    config = {"configurable": {"thread_id": thread}}
    request = {"request": "Describe photo.jpg and read it aloud", "files": [photo]}
    out = graph.invoke(request, config)
    return graph, executor, config, out


def test_run_pauses_after_planning_with_the_plan_in_the_interrupt(tmp_path, photo):
    graph, executor, config, out = paused(tmp_path, photo)
    assert "answer" not in out and executor.calls == []
    (intr,) = out["__interrupt__"]
    assert [t["task"] for t in intr.value["plan"]["tasks"]] == ["image-to-text", "text-to-speech"]
    assert "accept" in intr.value["question"]
    assert graph.get_state(config).next == ("approve",)


def test_accept_runs_the_plan(tmp_path, photo):
    graph, executor, config, _ = paused(tmp_path, photo)
    out = graph.invoke(Command(resume="accept"), config)
    assert [c[0] for c in executor.calls] == ["image-to-text", "text-to-speech"]
    assert [r["status"] for r in out["report"]["results"]] == ["ok", "ok"]
    assert out["report"]["planner"] == "static"


def test_edited_plan_replaces_the_proposed_one(tmp_path, photo):
    graph, executor, config, _ = paused(tmp_path, photo)
    edited = {
        "tasks": [
            {"id": 0, "task": "image-classification", "dep": [], "args": {"image": "photo.jpg"}}
        ]
    }
    out = graph.invoke(Command(resume=edited), config)
    assert [c[0] for c in executor.calls] == ["image-classification"]
    report = out["report"]
    assert [t["task"] for t in report["plan"]["tasks"]] == ["image-classification"]
    assert report["planner"] == "user"
    assert report["choices"][0]["model"] == "image-classification-model-a"


def test_cancel_runs_nothing_and_says_so(tmp_path, photo):
    graph, executor, config, _ = paused(tmp_path, photo)
    out = graph.invoke(Command(resume="cancel"), config)
    assert executor.calls == []
    assert out["report"]["plan"]["tasks"] == []
    assert "cancelled" in out["answer"]


def test_invalid_edit_is_reported_and_nothing_runs(tmp_path, photo):
    graph, executor, config, _ = paused(tmp_path, photo)
    bad = {"tasks": [{"id": 0, "task": "no-such-task", "dep": [], "args": {"image": "photo.jpg"}}]}
    out = graph.invoke(Command(resume=bad), config)
    assert executor.calls == []
    assert any("edited plan is invalid" in e for e in out["report"]["errors"])
    assert "no-such-task" in out["answer"]
