"""Async end to end: concurrent ``ainvoke`` runs overlap, stay isolated and keep the loop free.

No assertion here depends on absolute timings: overlap is checked on the executor's recorded
start/end times (every run's task started before the first one ended) and loop responsiveness on a
ticker's ticks counted while every run's task was sleeping.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time

from langchain_core.messages import AIMessage, ToolMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from langgraph.checkpoint.memory import InMemorySaver

from hgpt_langchain import build_graph
from hgpt_langchain.execution.sleep import SleepExecutor
from hgpt_langchain.hugginggpt_tool import HuggingGPTTool
from hgpt_langchain.planning.base import PlanResult
from hgpt_langchain.state import Plan
from tests import plans
from tests.fake_chat import ScriptedChatModel
from tests.helpers import FirstModelSelector

RUNS = 20
SLEEP = 2.0


class OwnFilePlanner:
    """Plans captioning of the request's own file, then drawing from the caption."""

    def plan(self, request, files, history):
        tasks = [
            {"id": 0, "task": "image-to-text", "dep": [], "args": {"image": files[-1]}},
            {"id": 1, "task": "text-to-image", "dep": [0], "args": {"text": "<resource>-0"}},
        ]
        return PlanResult(Plan.model_validate({"tasks": tasks}), planner="custom")


def test_concurrent_tool_runs_overlap_stay_isolated_and_keep_the_loop_responsive(tmp_path):
    inputs = []
    for i in range(RUNS):
        path = tmp_path / f"photo{i}.jpg"
        path.write_bytes(f"photo number {i}".encode())
        inputs.append(path)
    executor = SleepExecutor(durations={"image-to-text": SLEEP, "text-to-image": 0.01})
    saver = InMemorySaver()
    tool = HuggingGPTTool(
        planner=OwnFilePlanner(),
        selector=FirstModelSelector(),
        executor=executor,
        checkpointer=saver,
        workspace_root=str(tmp_path / "runs"),
        allowed_dirs=[str(tmp_path)],
    )
    ticks: list[float] = []

    async def ticker(stop: asyncio.Event) -> None:
        while not stop.is_set():
            ticks.append(time.monotonic())
            await asyncio.sleep(0.01)

    async def main() -> list[ToolMessage]:
        stop = asyncio.Event()
        tick = asyncio.create_task(ticker(stop))
        calls = [
            tool.ainvoke(
                {
                    "type": "tool_call",
                    "id": f"call_{i}",
                    "name": tool.name,
                    "args": {"request": f"Describe {inputs[i].name}", "files": [str(inputs[i])]},
                }
            )
            for i in range(RUNS)
        ]
        out = await asyncio.gather(*calls)
        stop.set()
        await tick
        return out

    messages = asyncio.run(main())

    captions = [c for c in executor.calls if c.task == "image-to-text"]
    assert len(captions) == RUNS and len(executor.calls) == 2 * RUNS
    # overlap: all 20 long tasks were running at the same time
    assert max(c.start for c in captions) < min(c.end for c in captions)
    # the loop kept running while every run's task slept (a blocked loop gives no tick there)
    window = [t for t in ticks if max(c.start for c in captions) < t < min(c.end for c in captions)]
    assert len(window) >= 5, f"{len(window)} ticks while all tasks ran"

    # isolation: each run saw its own file, in its own workspace, with its own report
    workspaces = set()
    for i, msg in enumerate(messages):
        report = msg.artifact
        assert msg.tool_call_id == f"call_{i}"
        assert report["request"] == f"Describe photo{i}.jpg"
        assert [r["status"] for r in report["results"]] == ["ok", "ok"]
        (own,) = report["files"]
        assert own.startswith(report["workspace"])
        with open(own, "rb") as f:
            assert f.read() == f"photo number {i}".encode()
        assert report["results"][0]["data"]["args"]["image"] == own
        drawn = report["results"][1]["files"][0]
        assert drawn.startswith(report["workspace"])
        workspaces.add(report["workspace"])
    assert len(workspaces) == RUNS
    # and its own checkpoint thread
    threads = {c.config["configurable"]["thread_id"] for c in saver.list(None)}
    assert len(threads) == RUNS


class AsyncOnlyChatModel(ScriptedChatModel):
    """Fails if called synchronously: proves the graph uses the chat model's async API."""

    def _generate(self, messages, stop=None, run_manager=None, **kwargs):  # type: ignore[override]
        raise AssertionError("the chat model was called synchronously under ainvoke")

    async def _agenerate(self, messages, stop=None, run_manager=None, **kwargs):  # type: ignore[override]
        self.prompts.append(list(messages))
        await asyncio.sleep(0)
        msg = next(self.messages)
        return ChatResult(generations=[ChatGeneration(message=msg)])


def test_ainvoke_plans_and_answers_with_the_chat_models_async_api(tmp_path, photo):
    llm = AsyncOnlyChatModel([plans.SINGLE, "The photo shows a cat."])
    graph = build_graph(
        llm,
        selector=FirstModelSelector(),
        executor=SleepExecutor(durations=0.01),
        workspace_root=str(tmp_path / "runs"),
    )
    out = asyncio.run(graph.ainvoke({"request": "Describe photo.jpg", "files": [photo]}))
    assert out["answer"] == "The photo shows a cat."
    assert out["report"]["planner"] == "llm" and out["report"]["llm_calls"] == 2
    assert [r["status"] for r in out["report"]["results"]] == ["ok"]
    assert llm.calls == 2


def test_astream_streams_stages_and_task_events_without_blocking(tmp_path, photo):
    graph = build_graph(
        planner=json.loads(plans.CHAIN),
        selector=FirstModelSelector(),
        executor=SleepExecutor(durations=0.01),
        workspace_root=str(tmp_path / "runs"),
    )

    async def main() -> list:
        return [
            chunk
            async for chunk in graph.astream(
                {"request": "Describe photo.jpg aloud", "files": [photo]}, stream_mode="custom"
            )
        ]

    events = asyncio.run(main())
    kinds = [(e.get("event"), e.get("stage") or e.get("task_id")) for e in events]
    assert ("task_end", 0) in kinds and ("task_end", 1) in kinds
    assert kinds.index(("task_end", 0)) < kinds.index(("task_start", 1))
    assert kinds[-1] == ("stage", "respond")


def test_model_tool_ainvoke_runs_the_model_in_the_worker_pool(tmp_path):
    from hgpt_langchain.execution.tools import make_model_tool

    seen = []

    class Recorder(SleepExecutor):
        def run(self, task, model, args, workspace):
            seen.append(threading.current_thread().name)
            return super().run(task, model, args, workspace)

    tool = make_model_tool(
        "t5-small", task="translation", executor=Recorder(durations=0.01), workspace=tmp_path
    )
    msg = asyncio.run(
        tool.ainvoke(
            {"type": "tool_call", "id": "c1", "name": tool.name, "args": {"text": "hello"}}
        )
    )
    assert isinstance(msg, ToolMessage) and msg.content == "translation by t5-small"
    assert seen and seen[0].startswith("hgpt-worker")


def test_agent_ainvoke_calls_hugginggpt_tool_asynchronously(tmp_path, photo):
    from langchain.agents import create_agent

    tool = HuggingGPTTool(
        planner=json.loads(plans.SINGLE),
        selector=FirstModelSelector(),
        executor=SleepExecutor(durations=0.01),
        workspace_root=str(tmp_path / "runs"),
        allowed_dirs=[str(tmp_path)],
    )
    call = {"name": tool.name, "args": {"request": "Describe photo.jpg", "files": [photo]}}
    llm = ScriptedChatModel([AIMessage("", tool_calls=[{**call, "id": "c1"}]), "Done."])
    agent = create_agent(llm, tools=[tool])
    out = asyncio.run(agent.ainvoke({"messages": [("user", "What is in photo.jpg?")]}))
    (tool_msg,) = [m for m in out["messages"] if isinstance(m, ToolMessage)]
    assert tool_msg.artifact["results"][0]["status"] == "ok"
    assert out["messages"][-1].content == "Done."


def test_async_run_interrupted_mid_execution_resumes_without_redoing_finished_tasks(tmp_path):
    import pytest

    from tests.test_durable import CHAIN3, Crash, CrashingExecutor

    saver = InMemorySaver()
    config = {"configurable": {"thread_id": "async-run"}}

    def graph_with(executor):
        return build_graph(
            planner=CHAIN3,
            selector=FirstModelSelector(),
            executor=executor,
            checkpointer=saver,
            workspace_root=str(tmp_path / "runs"),
        )

    first = CrashingExecutor(crash_on=2)
    with pytest.raises(Crash):
        asyncio.run(graph_with(first).ainvoke({"request": "Draw, describe, read aloud"}, config))
    assert first.task_ids == [0, 1, 2]
    second = CrashingExecutor()
    out = asyncio.run(graph_with(second).ainvoke(None, config))
    assert second.task_ids == [2], "tasks 0 and 1 were checkpointed and must not run again"
    assert [r["status"] for r in out["report"]["results"]] == ["ok", "ok", "ok"]
    assert second.calls[0][2]["text"].startswith("image-to-text(")
