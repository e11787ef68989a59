"""RayServeExecutor on a local Ray instance (2 CPUs, 127.0.0.1) with tiny models built from configs.

One Ray session for the module: three family applications (text, vision, audio) deployed with
``deploy``; tasks go through a DeploymentHandle (inside Ray) and over HTTP (outside). Multiplexing
(LRU of 2 models per replica) and a killed replica are checked. Ray is always shut down.
"""

from __future__ import annotations

import os
import shutil
import socket
from pathlib import Path

import pytest

from hgpt_langchain.execution import Scheduler, Workspace
from hgpt_langchain.execution.policy import HybridExecutor
from hgpt_langchain.execution.ray_serve import FamilyConfig, RayServeExecutor, deploy
from hgpt_langchain.selection.base import StaticSelector
from hgpt_langchain.state import Plan, Task
from hgpt_langchain.tasks import TASKS
from tests.tiny_models import write_png, write_wav

ray = pytest.importorskip("ray", reason="the ray extra is not installed")


_SLOW_MACHINE = {
    "RAY_SERVE_PROXY_READY_CHECK_TIMEOUT_S": "60",
    "RAY_SERVE_PROXY_HEALTH_CHECK_TIMEOUT_S": "60",
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def serve_port():
    from ray import serve

    port = _free_port()
    # Serve marks its HTTP proxy unhealthy when it is not ready within 5 s, three times in a row;
    # on a loaded 2-core machine importing the proxy takes longer (seen at load average 4-6), so
    # the test's own Ray processes (which inherit this environment) wait up to 60 s.
    saved = {k: os.environ.get(k) for k in _SLOW_MACHINE}
    os.environ.update(_SLOW_MACHINE)
    ray.init(
        num_cpus=2,
        include_dashboard=False,
        _node_ip_address="127.0.0.1",
        object_store_memory=200 * 2**20,
        log_to_driver=False,
    )
    try:
        serve.start(http_options={"host": "127.0.0.1", "port": port})
        small = FamilyConfig(num_cpus=0, max_models_per_replica=2, local_options={"device": "cpu"})
        deploy({"text": small, "vision": small, "audio": small})
        yield port
    finally:
        try:
            serve.shutdown()
        finally:
            ray.shutdown()
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    ws = Workspace.create(tmp_path, run_id="ray")
    ws.import_file(str(write_png(tmp_path / "pet.png")))
    ws.import_file(str(write_wav(tmp_path / "word.wav")))
    return ws


class _Stub:
    def __init__(self, name, fail=False):
        self.name, self.fail, self.calls = name, fail, 0

    def supports(self, task):
        return True

    configured = True

    def run(self, task, model, args, workspace):
        from hgpt_langchain.errors import ExecutionError
        from hgpt_langchain.execution.base import ExecutionOutput

        self.calls += 1
        if self.fail:
            raise ExecutionError(f"{self.name} is down")
        return ExecutionOutput(text=self.name, executor=self.name)


def test_the_ray_policy_tries_ray_then_remote_then_local(ws):
    ray_, remote, local = _Stub("ray", fail=True), _Stub("remote", fail=True), _Stub("local")
    hybrid = HybridExecutor(local, remote, policy="ray", ray=ray_, size_lookup=None)
    assert [e.name for e in hybrid.plan_for(TASKS["text-classification"], "m")] == [
        "ray",
        "remote",
        "local",
    ]
    out = hybrid.run(TASKS["text-classification"], "m", {"text": "x"}, ws)
    assert out.executor == "local" and (ray_.calls, remote.calls, local.calls) == (1, 1, 1)


def test_execution_ray_without_an_address_is_refused_before_any_work(monkeypatch, capsys):
    from hgpt_langchain.cli import main

    monkeypatch.delenv("HGPT_RAY_ADDRESS", raising=False)
    assert not ray.is_initialized()  # these run before the module's Ray session starts
    code = main(["run", "Is 'great phone' positive?", "--execution", "ray", "--no-checkpoint"])
    err = capsys.readouterr().err
    assert code == 2 and "hgpt: error: Ray Serve execution needs" in err
    assert "HGPT_RAY_ADDRESS" in err and "Traceback" not in err
    assert "[plan]" not in err  # nothing was planned


def test_a_three_task_dag_runs_on_the_family_deployments(
    serve_port, ws, tiny_text_classifier, tiny_image_classifier, tiny_audio_classifier
):
    plan = Plan(
        tasks=[
            Task(id=0, task="image-classification", args={"image": "pet.png"}),
            Task(id=1, task="text-classification", dep=[0], args={"text": "<resource>-0"}),
            Task(id=2, task="audio-classification", args={"audio": "word.wav"}),
        ]
    )
    models = {
        "image-classification": str(tiny_image_classifier),
        "text-classification": str(tiny_text_classifier),
        "audio-classification": str(tiny_audio_classifier),
    }
    choices = StaticSelector(lambda t: models[t.task]).select(plan, "")
    executor = HybridExecutor(policy="ray", ray=RayServeExecutor(timeout=120), size_lookup=None)
    results = Scheduler(executor, retries=0).run(plan, choices, ws)
    assert [results[i].status for i in range(3)] == ["ok", "ok", "ok"], results
    assert {r.executor for r in results.values()} == {"ray"}
    assert results[0].data[0]["label"] in {"cat", "dog", "bird"}
    assert results[1].data[0]["label"] in {"NEGATIVE", "POSITIVE"}
    assert results[2].data[0]["label"] in {"yes", "no"}


def test_calls_over_http_from_outside_ray(serve_port, ws, tiny_text_classifier):
    client = RayServeExecutor(address=f"http://127.0.0.1:{serve_port}", timeout=120)
    out = client.run(TASKS["text-classification"], str(tiny_text_classifier), {"text": "ok"}, ws)
    assert out.executor == "ray" and out.data[0]["label"] in {"NEGATIVE", "POSITIVE"}


def test_files_come_back_by_content_into_the_callers_workspace(serve_port, ws, tmp_path):
    """Outputs are bytes sent back, written under the caller's output names (no shared disk)."""
    from tests.tiny_models import build_yolos

    detector = build_yolos(tmp_path / "models")
    client = RayServeExecutor(timeout=120)
    from hgpt_langchain.execution import task_context

    with task_context(7):
        out = client.run(TASKS["object-detection"], str(detector), {"image": "pet.png"}, ws)
    names = sorted(Path(f).name for f in out.files)
    assert names == ["task-7-boxes.json", "task-7.png"]
    assert all(Path(f).parent == ws.outputs_dir and Path(f).stat().st_size for f in out.files)


def test_multiplexing_keeps_two_models_per_replica_and_evicts_the_least_recent(
    serve_port, ws, tiny_text_classifier, tmp_path
):
    ids = []
    for name in ("a", "b", "c"):
        copy = tmp_path / f"sentiment-{name}"
        shutil.copytree(tiny_text_classifier, copy)
        ids.append(str(copy))
    a, b, c = ids
    client = RayServeExecutor(timeout=120)
    loads = []
    for model in (a, b, a, c, b, a):
        client.run(TASKS["text-classification"], model, {"text": "fine"}, ws)
        loads.append(client.last_call["loads"])
    first = loads[0]
    # a, b load; a is cached; c evicts b (least recent), b evicts a; a loads again.
    assert [n - first for n in loads] == [0, 1, 1, 2, 3, 4]


def test_a_model_that_fails_to_load_carries_the_replica_message(serve_port, ws, tmp_path):
    client = RayServeExecutor(timeout=120)
    from hgpt_langchain.errors import ExecutionError

    with pytest.raises(ExecutionError, match=r"Ray replica \S+: .*Cannot load model") as info:
        client.run(TASKS["text-classification"], str(tmp_path / "missing"), {"text": "x"}, ws)
    assert info.value.transient is False


def test_a_killed_replica_is_survived(serve_port, ws, tiny_text_classifier):
    client = RayServeExecutor(timeout=120, retries=6, retry_delay=0.5)
    model = str(tiny_text_classifier)
    client.run(TASKS["text-classification"], model, {"text": "before"}, ws)
    before = client.last_call["replica"]
    replicas = [
        a
        for a in ray.util.list_named_actors(all_namespaces=True)
        if "HGPTExpert-text" in a["name"] and "REPLICA" in a["name"].upper()
    ]
    assert replicas, ray.util.list_named_actors(all_namespaces=True)
    actor = ray.get_actor(replicas[0]["name"], namespace=replicas[0]["namespace"])
    ray.kill(actor, no_restart=True)
    out = client.run(TASKS["text-classification"], model, {"text": "after"}, ws)
    assert out.data[0]["label"] in {"NEGATIVE", "POSITIVE"}
    assert client.last_call["replica"] != before
