"""The web app's view model: stream events -> DAG statuses, task cards, answer (no Gradio)."""

from __future__ import annotations

import re

from langgraph.checkpoint.memory import InMemorySaver
from langgraph.types import Command

from hgpt_langchain import build_graph
from hgpt_langchain.execution.sleep import SleepExecutor
from hgpt_langchain.state import ModelChoice, Plan, TaskResult
from hgpt_langchain.ui.view import (
    RunView,
    apply,
    mark_cancelled,
    media_kind,
    plan_json,
    render_answer,
    render_cards,
    render_dag,
)
from tests.helpers import FirstModelSelector

DAG = {
    "tasks": [
        {"id": 0, "task": "text-to-image", "dep": [], "args": {"text": "a lighthouse at dusk"}},
        {"id": 1, "task": "object-detection", "dep": [0], "args": {"image": "<resource>-0"}},
        {"id": 2, "task": "depth-estimation", "dep": [0], "args": {"image": "<resource>-0"}},
        {"id": 3, "task": "image-to-text", "dep": [1], "args": {"image": "<resource>-1"}},
    ]
}


def url(path):
    return "/files" + path


def node_statuses(html):
    return {
        int(tid): status
        for tid, status in re.findall(r'data-task-id="(\d+)" data-status="(\w+)"', html)
    }


def plan_done(tasks):
    return (
        "custom",
        {"event": "stage", "stage": "plan", "status": "done", "tasks": tasks, "planner": "offline"},
    )


def test_dag_nodes_follow_task_events_pending_running_done_failed_skipped():
    view = RunView()
    apply(view, ("custom", {"event": "stage", "stage": "plan", "status": "start"}))
    assert "Planning" in render_dag(view)
    apply(view, plan_done(DAG["tasks"]))
    assert node_statuses(render_dag(view)) == dict.fromkeys(range(4), "pending")
    apply(
        view,
        (
            "custom",
            {
                "event": "stage",
                "stage": "select",
                "status": "done",
                "choices": {0: "m/t2i", 1: "m/det", 2: "m/depth", 3: None},
            },
        ),
    )
    apply(
        view,
        (
            "custom",
            {
                "event": "task_start",
                "task_id": 0,
                "task": "text-to-image",
                "model": "m/t2i",
                "status": "running",
                "seconds": 0.0,
            },
        ),
    )
    dag = render_dag(view)
    assert node_statuses(dag)[0] == "running" and "m/t2i" in dag and "running" in dag
    apply(
        view,
        (
            "custom",
            {
                "event": "task_end",
                "task_id": 0,
                "task": "text-to-image",
                "model": "m/t2i",
                "status": "ok",
                "seconds": 1.25,
            },
        ),
    )
    apply(
        view,
        (
            "custom",
            {
                "event": "task_attempt_failed",
                "task_id": 1,
                "model": "m/det",
                "task": "object-detection",
                "error": "m/det: 503",
                "transient": True,
            },
        ),
    )
    assert view.tasks[1].status == "running" and "retrying" in view.tasks[1].note
    apply(
        view,
        (
            "custom",
            {
                "event": "task_end",
                "task_id": 1,
                "task": "object-detection",
                "model": "m/det",
                "status": "failed",
                "seconds": 2.0,
                "error": "m/det: out of memory",
            },
        ),
    )
    apply(
        view,
        (
            "custom",
            {
                "event": "task_end",
                "task_id": 3,
                "task": "image-to-text",
                "model": None,
                "status": "skipped",
                "seconds": 0.0,
                "error": "Skipped: dependency did not succeed (task 1 failed).",
            },
        ),
    )
    dag = render_dag(view)
    assert node_statuses(dag) == {0: "done", 1: "failed", 2: "pending", 3: "skipped"}
    assert "done in 1.2s" in dag or "done in 1.3s" in dag
    # nodes sit in columns by dependency depth: 0 left of 1 and 2, 1 left of 3
    xs = {
        int(t): int(x)
        for t, x in re.findall(
            r'data-task-id="(\d+)"[^>]*><title>[^<]*</title><rect x="(\d+)"', dag
        )
    }
    assert xs[0] < xs[1] == xs[2] < xs[3]
    assert dag.count('class="hgpt-edge"') == 3  # one edge per dependency
    cards = render_cards(view, url)
    assert "m/det: out of memory" in cards and "dependency did not succeed" in cards


def test_cards_show_model_link_candidates_reason_and_each_kind_of_output():
    view = RunView()
    apply(view, plan_done(DAG["tasks"]))
    choice = ModelChoice(
        task_id=0,
        task="text-to-image",
        model="org/sd-tiny",
        candidates=[{"id": "org/sd-tiny", "score": 0.91}, {"id": "org/other", "score": 0.5}],
        reason="best match for 'lighthouse'",
    )
    apply(view, ("updates", {"select": {"choices": {0: choice}}}))
    results = {
        0: TaskResult(
            task_id=0,
            task="text-to-image",
            model="org/sd-tiny",
            status="ok",
            output="an image",
            files=["/ws/task-0.png"],
            seconds=0.5,
        ),
        1: TaskResult(
            task_id=1,
            task="object-detection",
            model="org/detr",
            status="ok",
            files=["/ws/a.wav", "/ws/b.mp4"],
            data=[{"label": "lighthouse", "score": 0.9, "box": [1, 2, 3, 4]}],
        ),
    }
    apply(view, ("updates", {"execute": {"results": results}}))
    cards = render_cards(view, url)
    assert '<a href="https://huggingface.co/org/sd-tiny"' in cards
    assert "org/other" in cards and "0.910" in cards
    assert "best match for &#x27;lighthouse&#x27;" in cards
    assert '<img class="hgpt-output-image" src="/files/ws/task-0.png"' in cards
    assert '<audio class="hgpt-output-audio" controls src="/files/ws/a.wav"' in cards
    assert '<video class="hgpt-output-video" controls src="/files/ws/b.mp4"' in cards
    assert 'class="hgpt-output-json"' in cards and "lighthouse" in cards
    assert view.produced_files() == ["/ws/task-0.png", "/ws/a.wav", "/ws/b.mp4"]


def test_text_from_the_model_is_escaped_in_the_page():
    view = RunView()
    apply(view, plan_done([{"id": 0, "task": "summarization", "dep": [], "args": {"text": "x"}}]))
    apply(
        view,
        (
            "updates",
            {
                "hgpt_task_0": TaskResult(
                    task_id=0,
                    task="summarization",
                    model="m/s",
                    status="ok",
                    output="<script>alert(1)</script>",
                )
            },
        ),
    )
    cards = render_cards(view, url)
    assert "<script>" not in cards and "&lt;script&gt;" in cards


def test_media_kind_by_extension():
    assert [media_kind(p) for p in ("a.PNG", "b.wav", "c.mp4", "d.json", "e.txt")] == [
        "image",
        "audio",
        "video",
        "json",
        "file",
    ]


def test_a_real_graph_run_folds_into_a_finished_view(tmp_path):
    graph = build_graph(
        planner=DAG,
        selector=FirstModelSelector(),
        executor=SleepExecutor(durations=0.01, fail=[2]),
        workspace_root=str(tmp_path / "runs"),
    )
    view = RunView()
    seen_running = False
    for item in graph.stream(
        {"request": "draw, detect, depth, caption"}, stream_mode=["updates", "custom"]
    ):
        apply(view, item)
        seen_running |= any(t.status == "running" for t in view.tasks.values())
    assert seen_running
    assert view.stages == dict.fromkeys(("plan", "select", "execute", "respond"), "done")
    assert {t.id: t.status for t in view.tasks.values()} == {
        0: "done",
        1: "done",
        2: "failed",
        3: "done",
    }
    assert view.tasks[2].error and "simulated" in view.tasks[2].error
    assert view.tasks[0].files and view.tasks[0].files[0].endswith(".png")
    assert view.tasks[0].candidates and view.tasks[0].reason
    assert view.answer and view.report["plan"]["tasks"]
    answer = render_answer(view)
    assert view.answer in answer and "task 2 depth-estimation: **failed**" in answer


def test_approval_interrupt_then_edit_then_cancel(tmp_path):
    graph = build_graph(
        planner=DAG,
        selector=FirstModelSelector(),
        executor=SleepExecutor(durations=0.0),
        approve_plan=True,
        checkpointer=InMemorySaver(),
        workspace_root=str(tmp_path / "runs"),
    )
    config = {"configurable": {"thread_id": "t1"}}
    view = RunView()
    for item in graph.stream({"request": "draw"}, config, stream_mode=["updates", "custom"]):
        apply(view, item)
    assert view.approval is not None and not view.finished
    assert "approval" in render_answer(view)
    edited = {"tasks": [DAG["tasks"][0]]}
    assert '"text-to-image"' in plan_json(view)
    for item in graph.stream(Command(resume=edited), config, stream_mode=["updates", "custom"]):
        apply(view, item)
    assert view.approval is None and view.finished
    assert list(view.tasks) == [0] and view.tasks[0].status == "done"
    assert view.planner == "user"

    # a second request on the same thread, cancelled
    view = RunView()
    for item in graph.stream({"request": "draw again"}, config, stream_mode=["updates", "custom"]):
        apply(view, item)
    assert view.approval is not None
    mark_cancelled(view)
    for item in graph.stream(Command(resume="cancel"), config, stream_mode=["updates", "custom"]):
        apply(view, item)
    assert view.cancelled and view.finished
    assert {t.status for t in view.tasks.values()} == {"skipped"}
    answer = render_answer(view)
    assert answer.startswith("**Cancelled:**") and "cancelled by the user" in answer


def test_a_failed_plan_shows_its_error_and_an_empty_dag():
    view = RunView()
    apply(
        view,
        (
            "custom",
            {
                "event": "stage",
                "stage": "plan",
                "status": "failed",
                "error": "The planner's output was not a plan.",
            },
        ),
    )
    apply(
        view,
        ("updates", {"plan": {"plan": Plan(), "errors": ["The planner's output was not a plan."]}}),
    )
    apply(
        view,
        (
            "updates",
            {
                "respond": {
                    "answer": "I could not plan this.",
                    "report": {"errors": ["The planner's output was not a plan."]},
                }
            },
        ),
    )
    assert "No task in the plan." in render_dag(view)
    assert view.stages["plan"] == "failed"
    assert "not a plan" in render_answer(view)
