"""RemoteExecutor through the real InferenceClient against a local Inference-API-like server."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from PIL import Image

from hgpt_langchain.errors import ConfigurationError, ExecutionError, UnsupportedTaskError
from hgpt_langchain.execution import (
    REMOTE_CALLS,
    HybridExecutor,
    RemoteExecutor,
    Scheduler,
    Workspace,
    task_context,
)
from hgpt_langchain.execution.base import ExecutionOutput
from hgpt_langchain.state import Candidate, ModelChoice, Plan, Task
from hgpt_langchain.tasks import TASKS
from tests.inference_server import InferenceServer

pytestmark = pytest.mark.usefixtures("hub_online")


@pytest.fixture
def ws(remote_ws: Workspace) -> Workspace:
    """The stand-in's workspace (the ``remote_ws`` plugin fixture) under this file's short name."""
    return remote_ws


def test_every_registry_remote_method_has_an_adapter():
    from huggingface_hub import InferenceClient

    for spec in TASKS.values():
        if spec.remote is not None:
            assert spec.remote in REMOTE_CALLS, spec.name
            assert callable(getattr(InferenceClient, spec.remote)), spec.remote


def test_text_classification(
    remote: RemoteExecutor, ws: Workspace, inference_server: InferenceServer
):
    out = remote.run(TASKS["text-classification"], "sentiment", {"text": "cold food"}, ws)
    assert out.executor == "remote"
    assert [d["label"] for d in out.data] == ["NEGATIVE", "POSITIVE"]
    assert out.text.startswith("NEGATIVE (0.80)")
    assert json.loads(inference_server.requests[0]["body"])["inputs"] == "cold food"


def test_text_to_image_saves_png(remote: RemoteExecutor, ws: Workspace):
    with task_context(2):
        out = remote.run(TASKS["text-to-image"], "painter", {"text": "a fox"}, ws)
    assert out.files == [str(ws.root / "outputs" / "task-2.png")]
    with Image.open(out.files[0]) as img:
        assert img.size == (8, 6)


def test_speech_recognition_sends_the_workspace_file(remote: RemoteExecutor, ws: Workspace):
    out = remote.run(TASKS["automatic-speech-recognition"], "asr", {"audio": "speech.wav"}, ws)
    assert out.text == "hello world"


def test_object_detection_writes_annotated_image_and_boxes(remote: RemoteExecutor, ws: Workspace):
    with task_context(5):
        out = remote.run(TASKS["object-detection"], "detector", {"image": "street.png"}, ws)
    png, boxes = out.files
    assert png.endswith("task-5.png") and boxes.endswith("task-5-boxes.json")
    saved = json.loads(Path(boxes).read_text())
    assert [d["label"] for d in saved] == ["cat", "dog"] and saved[0]["box"]["xmax"] == 20
    with Image.open(png) as img:
        assert img.size == (40, 40)
        assert img.getpixel((2, 10)) != (30, 120, 200)  # a box edge was drawn over the background
    assert out.text.startswith("2 object(s): cat (0.90)")


def test_chat_completion(remote: RemoteExecutor, ws: Workspace, inference_server: InferenceServer):
    out = remote.run(TASKS["conversational"], "chat", {"text": "What to cook?"}, ws)
    assert out.text == "Pasta tonight!"
    assert inference_server.requests[0]["path"].endswith("/v1/chat/completions")


def test_model_loading_503_is_transient(remote: RemoteExecutor, ws: Workspace):
    with pytest.raises(ExecutionError, match="loading") as info:
        remote.run(TASKS["text-classification"], "loading", {"text": "x"}, ws)
    assert info.value.transient


def test_client_errors_are_not_transient(remote: RemoteExecutor, ws: Workspace):
    with pytest.raises(ExecutionError, match="HTTP 400: Input is not valid") as info:
        remote.run(TASKS["text-classification"], "broken", {"text": "x"}, ws)
    assert not info.value.transient
    with pytest.raises(ExecutionError, match="not found") as info:
        remote.run(TASKS["text-classification"], "nobody", {"text": "x"}, ws)
    assert not info.value.transient


def test_timeouts_are_transient(remote: RemoteExecutor, ws: Workspace):
    with pytest.raises(ExecutionError, match="timed out") as info:
        remote.run(TASKS["text-classification"], "slow", {"text": "x"}, ws)
    assert info.value.transient


def test_unsupported_and_unconfigured(ws: Workspace):
    with pytest.raises(UnsupportedTaskError):
        RemoteExecutor(base_url="http://127.0.0.1:9").run(
            TASKS["depth-estimation"], "m", {"image": "street.png"}, ws
        )
    with pytest.raises(ConfigurationError, match="HF_TOKEN"):
        RemoteExecutor().run(TASKS["text-classification"], "m", {"text": "x"}, ws)


def test_token_is_sent_but_never_logged(
    inference_server: InferenceServer, ws: Workspace, caplog: pytest.LogCaptureFixture
):
    port = inference_server.server_address[1]
    secret = "hf_not_a_real_token_123"
    ex = RemoteExecutor(token=secret, base_url=f"http://127.0.0.1:{port}/models/{{model}}")
    with caplog.at_level(logging.DEBUG):
        ex.run(TASKS["text-classification"], "sentiment", {"text": "x"}, ws)
        with pytest.raises(ExecutionError) as info:
            ex.run(TASKS["text-classification"], "broken", {"text": "x"}, ws)
    assert inference_server.requests[0]["headers"].get("authorization") == f"Bearer {secret}"
    assert secret not in caplog.text and secret not in repr(ex) and secret not in str(info.value)


def test_scheduler_retries_503_then_succeeds(
    remote: RemoteExecutor, ws: Workspace, inference_server: InferenceServer
):
    inference_server.flaky_left = 2
    plan = Plan(tasks=[Task(id=1, task="text-classification", args={"text": "nice"})])
    choices = {1: ModelChoice(task_id=1, task="text-classification", model="flaky")}
    result = Scheduler(remote, retries=2, backoff=0.01).run(plan, choices, ws)[1]
    assert result.status == "ok" and result.output == "POSITIVE (0.75)"
    assert len(result.attempts) == 3 and "loading" in result.attempts[0]
    assert len(inference_server.requests) == 3


def test_scheduler_falls_back_to_next_remote_candidate(remote: RemoteExecutor, ws: Workspace):
    plan = Plan(tasks=[Task(id=1, task="text-classification", args={"text": "nice"})])
    choices = {
        1: ModelChoice(
            task_id=1,
            task="text-classification",
            model="broken",
            candidates=[Candidate(id="broken", score=0.9), Candidate(id="sentiment", score=0.8)],
        )
    }
    result = Scheduler(remote, retries=0).run(plan, choices, ws)[1]
    assert result.model == "sentiment" and result.status == "ok"
    assert result.attempts[0].startswith("broken:") and result.attempts[1] == "sentiment"


class _FailingLocal:
    name = "local"

    def __init__(self) -> None:
        self.calls = 0

    def supports(self, task):
        return True

    def is_available(self, model: str) -> bool:
        return model == "on-disk"

    def run(self, task, model, args, workspace) -> ExecutionOutput:
        self.calls += 1
        raise ExecutionError("local out of memory")


def test_hybrid_prefers_local_when_available_and_falls_back(
    remote: RemoteExecutor, ws: Workspace, inference_server: InferenceServer
):
    local = _FailingLocal()
    hybrid = HybridExecutor(local=local, remote=remote, policy="auto")
    spec = TASKS["text-classification"]
    assert hybrid.plan_for(spec, "on-disk") == [local, remote]
    assert hybrid.plan_for(spec, "sentiment") == [remote, local]
    # available locally -> local first; it fails -> remote answers
    inference_server.requests.clear()
    out = hybrid.run(spec, "on-disk", {"text": "x"}, ws)
    assert local.calls == 1 and out.executor == "remote"
    assert inference_server.requests[0]["model"] == "on-disk"
    # pinned policy: no fallback
    with pytest.raises(ExecutionError, match="out of memory"):
        HybridExecutor(local=local, remote=remote, policy="local").run(spec, "x", {"text": "x"}, ws)
    # depth estimation has no remote method: auto goes local even for a non-local model
    assert HybridExecutor(local=local, remote=remote).plan_for(TASKS["depth-estimation"], "m") == [
        local
    ]


def test_default_executor_reads_environment(monkeypatch: pytest.MonkeyPatch):
    from hgpt_langchain.execution import default_executor

    monkeypatch.setenv("HGPT_EXECUTION", "remote")
    monkeypatch.setenv("HGPT_INFERENCE_URL", "http://127.0.0.1:1/models/{model}")
    ex = default_executor()
    assert ex.policy == "remote" and ex.remote.base_url.endswith("{model}")
    monkeypatch.setenv("HGPT_EXECUTION", "cloud")
    with pytest.raises(ConfigurationError, match="HGPT_EXECUTION"):
        default_executor()


def test_hybrid_runs_small_hub_models_locally_by_their_listed_weight_size(
    tmp_path, monkeypatch: pytest.MonkeyPatch
):
    """auto: a model not downloaded yet runs locally when its weights are small (Hub listing)."""
    import httpx2
    from huggingface_hub import constants as hf_constants
    from huggingface_hub.utils import _http as hf_http

    from hgpt_langchain.execution.policy import hub_model_size_mb

    monkeypatch.setattr(hf_constants, "HF_HUB_OFFLINE", False)
    sizes = {
        "acme/small": [("model.safetensors", 50 * 2**20), ("pytorch_model.bin", 50 * 2**20)],
        "acme/large": [("model-1.safetensors", 3 * 2**30), ("model-2.safetensors", 2**30)],
    }
    asked = []

    def handler(request: httpx2.Request) -> httpx2.Response:
        model = request.url.path.removeprefix("/api/models/")
        asked.append(model)
        if model not in sizes:
            return httpx2.Response(404, json={"error": "Repository not found"})
        siblings = [{"rfilename": n, "size": b} for n, b in sizes[model]]
        siblings.append({"rfilename": "README.md", "size": 10})
        return httpx2.Response(200, json={"id": model, "siblings": siblings})

    hf_http.set_client_factory(lambda: httpx2.Client(transport=httpx2.MockTransport(handler)))
    try:
        assert hub_model_size_mb("acme/small") == pytest.approx(50.0)  # safetensors only
        assert hub_model_size_mb("acme/large") == pytest.approx(4096.0)
        assert hub_model_size_mb("acme/missing") is None

        class Local:
            name = "local"

            def is_available(self, model):
                return False

        class Remote:
            name = "remote"
            configured = True

        local, remote = Local(), Remote()
        hybrid = HybridExecutor(local=local, remote=remote, policy="auto", max_local_mb=1500)
        spec = TASKS["text-classification"]
        asked.clear()
        assert hybrid.plan_for(spec, "acme/small") == [local, remote]
        assert hybrid.plan_for(spec, "acme/large") == [remote, local]
        assert hybrid.plan_for(spec, "acme/small") == [local, remote]
        assert asked == ["acme/small", "acme/large"], "sizes are looked up once per model"
        # without remote inference nothing is looked up: local is the only way
        remote.configured = False
        asked.clear()
        assert HybridExecutor(local=local, remote=remote).plan_for(spec, "acme/x")[0] is local
        assert asked == []
    finally:
        hf_http.set_client_factory(hf_http.default_client_factory)


def test_cli_runs_remote_tasks_on_a_self_hosted_endpoint_after_loading_the_index(
    inference_server: InferenceServer, tmp_path: Path
):
    """The real ``hgpt`` in its own process: it loads the embedding model and the index, then
    calls the endpoint. Loading them must not switch the Hub off for the process (it once set
    HF_HUB_OFFLINE, and remote inference then answered "HF_HUB_OFFLINE is set")."""
    import os
    import subprocess
    import sys

    port = inference_server.server_address[1]
    env = {k: v for k, v in os.environ.items() if k not in ("HF_HUB_OFFLINE", "HGPT_EXECUTION")}
    env.pop("TRANSFORMERS_OFFLINE", None)
    env["HGPT_INFERENCE_URL"] = f"http://127.0.0.1:{port}/models/sentiment"
    env["HGPT_WORKSPACE_DIR"] = str(tmp_path / "runs")
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "hgpt_langchain.cli",
            "run",
            "Is this review positive or negative: 'great phone'",
            "--execution",
            "remote",
            "--no-checkpoint",
            "--json",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    report = json.loads(out.stdout)
    (result,) = report["results"]
    assert result["status"] == "ok" and result["executor"] == "remote", result
    assert result["output"].startswith("NEGATIVE (0.80)")
    assert any(r["path"] == "/models/sentiment" for r in inference_server.requests)
    assert "HF_HUB_OFFLINE" not in out.stderr
