"""LocalExecutor on tiny models built from configs: the same loading code users run."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image

from hgpt_langchain.errors import ExecutionError, UnsupportedTaskError, WorkspaceError
from hgpt_langchain.execution import ROUTES, LocalExecutor, Scheduler, Workspace, task_context
from hgpt_langchain.state import ModelChoice, Plan, Task
from hgpt_langchain.tasks import TASKS
from tests.tiny_models import write_png, write_wav


@pytest.fixture(scope="module")
def executor() -> LocalExecutor:
    return LocalExecutor(device="cpu", diffusion_steps=2, image_size=32, seed=0)


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    ws = Workspace.create(tmp_path / "runs", run_id="local")
    ws.import_file(str(write_png(tmp_path / "photo.png")))
    ws.import_file(str(write_wav(tmp_path / "clip.wav", rate=8000)))
    return ws


def test_every_registry_route_exists():
    for spec in TASKS.values():
        if spec.local is not None:
            assert spec.local in ROUTES, spec.name
    assert LocalExecutor().supports("text-classification")
    assert not LocalExecutor().supports(replace(TASKS["tabular-classification"], local=None))


def test_text_classification(executor: LocalExecutor, ws: Workspace, tiny_text_classifier: Path):
    out = executor.run(
        TASKS["text-classification"], str(tiny_text_classifier), {"text": "the food was cold"}, ws
    )
    assert out.executor == "local"
    assert {d["label"] for d in out.data} == {"NEGATIVE", "POSITIVE"}
    assert sum(d["score"] for d in out.data) == pytest.approx(1.0, abs=1e-3)
    assert out.data[0]["label"] in out.text and out.data[0]["score"] >= out.data[1]["score"]


def test_image_classification(executor: LocalExecutor, ws: Workspace, tiny_image_classifier: Path):
    out = executor.run(
        TASKS["image-classification"], str(tiny_image_classifier), {"image": "photo.png"}, ws
    )
    assert {d["label"] for d in out.data} == {"cat", "dog", "bird"}
    assert out.text.split(" (")[0] == out.data[0]["label"]


def test_audio_classification_resamples(
    executor: LocalExecutor, ws: Workspace, tiny_audio_classifier: Path
):
    out = executor.run(
        TASKS["audio-classification"], str(tiny_audio_classifier), {"audio": "clip.wav"}, ws
    )
    assert {d["label"] for d in out.data} == {"yes", "no"}
    assert sum(d["score"] for d in out.data) == pytest.approx(1.0, abs=1e-3)


def test_diffusers_text_to_image_writes_png(
    executor: LocalExecutor, ws: Workspace, tiny_stable_diffusion: Path
):
    with task_context(7):
        out = executor.run(
            TASKS["text-to-image"], str(tiny_stable_diffusion), {"text": "a red fox"}, ws
        )
    assert out.files == [str(ws.root / "outputs" / "task-7.png")]
    with Image.open(out.files[0]) as img:
        assert img.format == "PNG" and img.size == (32, 32)


def test_plan_through_scheduler_with_real_models(
    executor: LocalExecutor,
    ws: Workspace,
    tiny_stable_diffusion: Path,
    tiny_image_classifier: Path,
):
    plan = Plan(
        tasks=[
            Task(id=1, task="text-to-image", args={"text": "a cat"}),
            Task(id=2, task="image-classification", dep=[1], args={"image": "<resource>-1"}),
        ]
    )
    choices = {
        1: ModelChoice(task_id=1, task="text-to-image", model=str(tiny_stable_diffusion)),
        2: ModelChoice(task_id=2, task="image-classification", model=str(tiny_image_classifier)),
    }
    results = Scheduler(executor, runner=None).run(plan, choices, ws)
    assert results[1].status == "ok" and results[1].files[0].endswith("task-1.png")
    assert results[2].status == "ok", results[2].error
    assert {d["label"] for d in results[2].data} == {"cat", "dog", "bird"}


def test_model_cache_hits_and_memory_budget(
    ws: Workspace, tiny_text_classifier: Path, tiny_image_classifier: Path
):
    from hgpt_langchain.execution.local import _weights_mb

    # room for either model alone (a bigger one is refused), not for both together
    sizes = [_weights_mb(tiny_text_classifier), _weights_mb(tiny_image_classifier)]
    assert min(sizes) > 0.1 * max(sizes)
    ex = LocalExecutor(device="cpu", memory_budget_mb=1.05 * max(sizes))
    spec = TASKS["text-classification"]
    ex.run(spec, str(tiny_text_classifier), {"text": "good"}, ws)
    ex.run(spec, str(tiny_text_classifier), {"text": "bad"}, ws)
    assert (ex.cache.misses, ex.cache.hits) == (1, 1)
    assert ex.cache.total_mb > 0
    ex.run(TASKS["image-classification"], str(tiny_image_classifier), {"image": "photo.png"}, ws)
    # over budget: only the most recently used model stays loaded
    assert [k[1] for k in ex.cache.keys()] == [str(tiny_image_classifier)]
    assert ex.cache.evictions == 1


def test_file_arguments_stay_in_the_workspace(
    executor: LocalExecutor, ws: Workspace, tiny_image_classifier: Path, tmp_path: Path
):
    outside = write_png(tmp_path / "outside.png")
    spec = TASKS["image-classification"]
    for value in ("../../outside.png", str(outside.resolve()), "missing.png"):
        with pytest.raises(WorkspaceError):
            executor.run(spec, str(tiny_image_classifier), {"image": value}, ws)


def test_unsupported_and_unloadable(executor: LocalExecutor, ws: Workspace, tmp_path: Path):
    no_route = replace(TASKS["tabular-classification"], local=None)
    with pytest.raises(UnsupportedTaskError, match="no local execution path"):
        executor.run(no_route, "some/model", {"table": "a,b\n1,2"}, ws)
    # A tabular model that is not cached, offline: the same short message as other routes.
    with pytest.raises(ExecutionError, match="not in the local Hugging Face cache"):
        executor.run(TASKS["tabular-classification"], "no-org/table", {"table": "1,2"}, ws)
    with pytest.raises(ExecutionError, match="Cannot load model"):
        executor.run(
            TASKS["text-classification"], str(tmp_path / "no-such-model"), {"text": "x"}, ws
        )
    # A Hub id that is not cached, offline: one short message saying how to get it.
    with pytest.raises(ExecutionError) as info:
        executor.run(TASKS["text-classification"], "no-org/not-cached-model", {"text": "x"}, ws)
    message = str(info.value)
    assert "not in the local Hugging Face cache" in message and "HF_TOKEN" in message
    assert "hf download no-org/not-cached-model" in message and len(message) < 300


def test_remote_code_is_off_unless_allowed(
    monkeypatch: pytest.MonkeyPatch, ws: Workspace, tiny_text_classifier: Path
):
    import transformers

    seen: list[object] = []
    real = transformers.pipeline

    def spy(*args, **kwargs):
        seen.append(kwargs.get("trust_remote_code"))
        return real(*args, **kwargs)

    monkeypatch.setattr(transformers, "pipeline", spy)
    spec = TASKS["text-classification"]
    LocalExecutor(device="cpu").run(spec, str(tiny_text_classifier), {"text": "x"}, ws)
    LocalExecutor(device="cpu", trust_remote_code=True).run(
        spec, str(tiny_text_classifier), {"text": "x"}, ws
    )
    assert seen == [False, True]
