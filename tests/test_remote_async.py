"""Remote tasks on the async path: ``AsyncInferenceClient``, no worker thread per call.

The stand-in Inference API server of ``tests/test_remote_executor.py`` (127.0.0.1 only) answers;
a spy makes every sync ``InferenceClient`` construction fail, so a test that passes did not use it.
No assertion depends on absolute timings: overlap is read from the server's in-flight counter, loop
responsiveness from a ticker's ticks counted while every request was in flight.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import io
import json
import threading
import time
from pathlib import Path

import pytest
from PIL import Image

from hgpt_langchain import build_graph, workers
from hgpt_langchain.errors import ExecutionError
from hgpt_langchain.execution import (
    HybridExecutor,
    RemoteExecutor,
    Scheduler,
    Workspace,
    task_context,
)
from hgpt_langchain.execution.tools import make_model_tool
from hgpt_langchain.selection.base import StaticSelector
from hgpt_langchain.state import Plan, Task, TaskResult
from hgpt_langchain.tasks import TASKS
from tests.helpers import choose
from tests.inference_server import InferenceServer as _Server
from tests.inference_server import _Handler
from tests.test_remote_executor import _FailingLocal

pytestmark = pytest.mark.usefixtures("hub_online")


@pytest.fixture
def remote(remote: RemoteExecutor) -> RemoteExecutor:
    """The plugin's stand-in executor with a 10 s timeout: an async client's first call also
    builds its HTTP session, and 0.5 s could expire on a loaded CI machine."""
    remote.timeout = 10.0
    return remote


@pytest.fixture
def server(inference_server: _Server) -> _Server:
    """The 127.0.0.1 stand-in endpoint (the ``inference_server`` plugin fixture)."""
    return inference_server


DELAY = 1.0
"""Seconds the stand-in holds each ``delay-*`` request."""


class _DelayHandler(_Handler):
    """``/models/delay-*``: answers after :data:`DELAY` s and counts requests in flight."""

    def do_POST(self):  # noqa: N802
        if not self.path.startswith("/models/delay-"):
            return super().do_POST()
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        srv = self.server
        with srv.lock:
            srv.requests.append({"path": self.path})
            srv.in_flight += 1
            srv.max_in_flight = max(srv.max_in_flight, srv.in_flight)
        start = time.monotonic()
        time.sleep(DELAY)
        with srv.lock:
            srv.in_flight -= 1
            srv.spans.append((start, time.monotonic()))
        label = self.path.removeprefix("/models/")
        return self._send(200, [[{"label": label, "score": 1.0}]])


@pytest.fixture
def overlap(server: _Server) -> _Server:
    """The stand-in server, also answering ``delay-*`` (see :class:`_DelayHandler`)."""
    server.RequestHandlerClass = _DelayHandler
    server.in_flight, server.max_in_flight, server.spans = 0, 0, []  # type: ignore[attr-defined]
    server.lock = threading.Lock()  # type: ignore[attr-defined]
    return server


@pytest.fixture
def sessions(monkeypatch: pytest.MonkeyPatch) -> list:
    """Every HTTP session made for an ``AsyncInferenceClient`` (ours or its own)."""
    import huggingface_hub.utils
    from huggingface_hub.inference._generated import _async_client

    made: list = []
    factory = huggingface_hub.utils.get_async_session

    def spy():
        made.append(factory())
        return made[-1]

    monkeypatch.setattr(huggingface_hub.utils, "get_async_session", spy)
    monkeypatch.setattr(_async_client, "get_async_session", spy)
    return made


@pytest.fixture
def clients(monkeypatch: pytest.MonkeyPatch, sessions: list) -> dict[str, int]:
    """Counts ``AsyncInferenceClient`` instances and closes; the sync client fails the test."""
    import huggingface_hub

    counts = {"opened": 0, "closed": 0}

    class SpyAsyncClient(huggingface_hub.AsyncInferenceClient):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            counts["opened"] += 1

        async def close(self):
            counts["closed"] += 1
            await super().close()

    class NoSyncClient:
        def __init__(self, *args, **kwargs):
            raise AssertionError("the sync InferenceClient was used on the async path")

    monkeypatch.setattr(huggingface_hub, "AsyncInferenceClient", SpyAsyncClient)
    monkeypatch.setattr(huggingface_hub, "InferenceClient", NoSyncClient)
    return counts


@pytest.fixture
def one_worker_thread(monkeypatch: pytest.MonkeyPatch):
    """The shared worker pool shrunk to one thread: a call that held a thread would serialise."""
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="one-worker")
    monkeypatch.setattr(workers, "_pool", pool)
    yield pool
    pool.shutdown(wait=True)


def _plan(*tasks: Task) -> Plan:
    return Plan(tasks=list(tasks))


ONE_TASK = Plan(tasks=[Task(id=1, task="text-classification", args={"text": "nice"})])


def _one_task(sched: Scheduler, model: str, ws: Workspace, *, sync: bool = False) -> TaskResult:
    """The result of a one-task plan run on ``model`` by ``sched.arun`` (or ``sched.run``)."""
    choices = choose(ONE_TASK, model)
    if sync:
        return sched.run(ONE_TASK, choices, ws)[1]
    return asyncio.run(sched.arun(ONE_TASK, choices, ws))[1]


def test_graph_ainvoke_runs_a_two_task_plan_through_the_async_client(
    remote: RemoteExecutor, server: _Server, clients: dict[str, int], sessions: list, tmp_path
):
    plan = {
        "tasks": [
            {"id": 0, "task": "conversational", "dep": [], "args": {"text": "What to cook?"}},
            {"id": 1, "task": "text-classification", "dep": [0], "args": {"text": "<resource>-0"}},
        ]
    }
    models = {"conversational": "chat", "text-classification": "sentiment"}
    graph = build_graph(
        planner=plan,
        selector=StaticSelector(lambda t: models[t.task]),
        executor=HybridExecutor(remote=remote, policy="remote"),
        responder="template",
        workspace_root=str(tmp_path / "runs"),
    )
    out = asyncio.run(graph.ainvoke({"request": "Suggest a dinner and rate the idea"}))
    results = out["report"]["results"]
    assert [r["status"] for r in results] == ["ok", "ok"], results
    assert results[0]["output"] == "Pasta tonight!" and results[0]["executor"] == "remote"
    assert results[1]["output"].startswith("NEGATIVE (0.80)")
    # task 1 got task 0's answer, sent by the async client to the stand-in
    assert server.requests[0]["path"].endswith("/v1/chat/completions")
    assert json.loads(server.requests[1]["body"])["inputs"] == "Pasta tonight!"
    assert clients == {"opened": 2, "closed": 2}
    # both checkpointed @task calls of the execute node shared the loop's one HTTP session
    assert len(sessions) == 1 and sessions[0].is_closed


@pytest.mark.parametrize(
    ("task", "model", "args"),
    [
        ("text-classification", "sentiment", {"text": "cold food"}),
        ("automatic-speech-recognition", "asr", {"audio": "speech.wav"}),
        ("object-detection", "detector", {"image": "street.png"}),
        ("text-to-image", "painter", {"text": "a fox"}),
        ("conversational", "chat", {"text": "What to cook?"}),
    ],
)
def test_arun_gives_what_run_gives(
    remote: RemoteExecutor, remote_ws: Workspace, server: _Server, monkeypatch, task, model, args
):
    spec = TASKS[task]
    with task_context(3):
        sync = remote.run(spec, model, dict(args), remote_ws)
    sync_request = server.requests[-1]
    sync_files = [Path(f).read_bytes() for f in sync.files]
    import huggingface_hub

    monkeypatch.setattr(huggingface_hub, "InferenceClient", None)  # async path only from here
    with task_context(3):
        out = asyncio.run(remote.arun(spec, model, dict(args), remote_ws))
    assert (out.text, out.data, out.executor) == (sync.text, sync.data, "remote")
    # the same upload, typed the same (the file was read in the worker pool, not by the client)
    assert server.requests[-1]["body"] == sync_request["body"]
    assert server.requests[-1]["headers"].get("Content-Type") == sync_request["headers"].get(
        "Content-Type"
    )
    assert len(out.files) == len(sync_files)
    for path, before in zip(out.files, sync_files, strict=True):
        if path.endswith(".png"):
            with Image.open(path) as img, Image.open(io.BytesIO(before)) as ref:
                assert img.size == ref.size
        else:
            assert Path(path).read_bytes() == before


def test_a_4xx_gives_the_same_clear_error_as_sync(
    remote: RemoteExecutor, remote_ws: Workspace, server: _Server
):
    spec = TASKS["text-classification"]
    with pytest.raises(ExecutionError) as sync:
        remote.run(spec, "broken", {"text": "x"}, remote_ws)
    with pytest.raises(ExecutionError) as info:
        asyncio.run(remote.arun(spec, "broken", {"text": "x"}, remote_ws))
    assert str(info.value) == str(sync.value)
    assert "HTTP 400: Input is not valid" in str(info.value) and not info.value.transient
    sched = Scheduler(remote, retries=2, backoff=0.01)
    failed = _one_task(sched, "broken", remote_ws)
    assert failed.error == _one_task(sched, "broken", remote_ws, sync=True).error
    assert failed.status == "failed" and len(failed.attempts) == 1  # a 4xx is not retried


def test_timeouts_and_503s_are_transient_and_the_token_stays_secret(
    server: _Server, remote_ws: Workspace, clients: dict[str, int], sessions: list
):
    port = server.server_address[1]
    secret = "hf_not_a_real_token_456"
    ex = RemoteExecutor(
        token=secret, base_url=f"http://127.0.0.1:{port}/models/{{model}}", timeout=0.5
    )
    spec = TASKS["text-classification"]
    for model, message in (("slow", "timed out"), ("loading", "loading")):
        with pytest.raises(ExecutionError, match=message) as info:
            asyncio.run(ex.arun(spec, model, {"text": "x"}, remote_ws))
        assert info.value.transient and secret not in str(info.value)
    assert server.requests[-1]["headers"].get("authorization") == f"Bearer {secret}"
    assert clients["opened"] == clients["closed"] == 2
    assert len(sessions) == 2 and all(session.is_closed for session in sessions)


def test_scheduler_arun_retries_a_503_then_succeeds(
    remote: RemoteExecutor, remote_ws: Workspace, server: _Server, clients: dict[str, int]
):
    server.flaky_left = 2
    result = _one_task(Scheduler(remote, retries=2, backoff=0.01), "flaky", remote_ws)
    assert result.status == "ok" and result.output == "POSITIVE (0.75)"
    assert len(result.attempts) == 3 and "loading" in result.attempts[0]
    assert len(server.requests) == 3 and clients == {"opened": 3, "closed": 3}


def test_hybrid_arun_keeps_the_fallback_order(
    remote: RemoteExecutor, remote_ws: Workspace, server: _Server, clients: dict[str, int]
):
    local = _FailingLocal()
    spec = TASKS["text-classification"]
    hybrid = HybridExecutor(local=local, remote=remote, policy="auto")
    # on this machine -> local first (in the worker pool); it fails -> the async remote answers
    out = asyncio.run(hybrid.arun(spec, "on-disk", {"text": "x"}, remote_ws))
    assert local.calls == 1 and out.executor == "remote"
    assert server.requests[0]["model"] == "on-disk" and clients["opened"] == 1
    # not on this machine -> remote first; both fail -> one error naming both, as in sync
    with pytest.raises(ExecutionError) as info:
        asyncio.run(hybrid.arun(spec, "broken", {"text": "x"}, remote_ws))
    message = str(info.value)
    assert message.startswith("remote: Remote model 'broken'") and "HTTP 400" in message
    assert message.endswith(" | local: local out of memory") and not info.value.transient
    assert local.calls == 2 and clients == {"opened": 2, "closed": 2}


def test_concurrent_remote_tasks_overlap_without_holding_threads_and_the_loop_ticks(
    remote: RemoteExecutor,
    remote_ws: Workspace,
    overlap: _Server,
    clients: dict[str, int],
    sessions: list,
    one_worker_thread,
):
    n = 6
    plan = _plan(*(Task(id=i, task="text-classification", args={"text": "x"}) for i in range(n)))
    choices = {i: choose(plan, f"delay-{i}")[i] for i in range(n)}
    remote.timeout = 30.0
    ticks: list[float] = []

    async def main():
        stop = asyncio.Event()

        async def ticker() -> None:
            while not stop.is_set():
                ticks.append(time.monotonic())
                await asyncio.sleep(0.01)

        tick = asyncio.create_task(ticker())
        try:
            return await Scheduler(remote, max_concurrency=n).arun(plan, choices, remote_ws)
        finally:
            stop.set()
            await tick

    results = asyncio.run(main())
    assert [results[i].output for i in range(n)] == [f"delay-{i} (1.00)" for i in range(n)]
    # one worker thread, yet every request was in flight at once: none of them held the thread
    assert overlap.max_in_flight == n  # type: ignore[attr-defined]
    spans = overlap.spans  # type: ignore[attr-defined]
    all_in = max(start for start, _ in spans), min(end for _, end in spans)
    assert all_in[0] < all_in[1]
    assert sum(all_in[0] <= t <= all_in[1] for t in ticks) >= 2  # the loop kept running
    assert clients == {"opened": n, "closed": n}
    # the calls shared the loop's one HTTP session (built off the loop), closed when it ended
    assert len(sessions) == 1 and sessions[0].is_closed


def test_the_task_deadline_cancels_an_async_call(
    remote: RemoteExecutor, remote_ws: Workspace, overlap: _Server, clients: dict[str, int]
):
    remote.timeout = 30.0
    result = _one_task(Scheduler(remote, task_timeout=0.5, retries=0), "delay-0", remote_ws)
    assert result.status == "failed" and "the task's deadline" in result.error
    assert clients == {"opened": 1, "closed": 1}  # the cancelled call closed its session


def test_a_model_tool_ainvoke_awaits_the_async_client(
    remote: RemoteExecutor, remote_ws: Workspace, clients: dict[str, int]
):
    tool = make_model_tool(
        "sentiment", task="text-classification", executor=remote, workspace=remote_ws
    )
    call = {"type": "tool_call", "id": "c1", "name": tool.name, "args": {"text": "cold food"}}
    message = asyncio.run(tool.ainvoke(call))
    assert message.content.startswith("NEGATIVE (0.80)")
    assert message.artifact["executor"] == "remote" and clients == {"opened": 1, "closed": 1}
    broken = make_model_tool(
        "broken", task="text-classification", executor=remote, workspace=remote_ws
    )
    message = asyncio.run(broken.ainvoke({**call, "name": broken.name}))
    assert message.status == "error" and "HTTP 400: Input is not valid" in message.content
