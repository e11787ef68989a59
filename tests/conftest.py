"""Shared fixtures: no network, no provider keys, tiny models built once per session."""

from __future__ import annotations

import os
import tempfile

import pytest

pytest_plugins = [
    "tests.tiny_models",  # tiny_* models built from configs, once per session
    "tests.inference_server",  # inference_server: a 127.0.0.1 stand-in endpoint; hub_online
]

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("OMP_NUM_THREADS", "2")
# Persisted indexes and the ONNX query encoder go to a per-session folder, not the user's cache.
os.environ.setdefault("HGPT_CACHE_DIR", tempfile.mkdtemp(prefix="hgpt-test-cache-"))


@pytest.fixture(autouse=True)
def _no_provider_keys(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory):
    """Tests never see real credentials or the user's Hugging Face cache."""
    for key in (
        "OPENAI_API_KEY",
        "HF_TOKEN",
        "HUGGING_FACE_HUB_TOKEN",
        "HGPT_LLM",
        "ANTHROPIC_API_KEY",
    ):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    # Checkpoints and workspaces of CLI runs go to temporary folders, never the user's.
    monkeypatch.setenv(
        "HGPT_CHECKPOINT_DB", str(tmp_path_factory.mktemp("ckpt") / "checkpoints.sqlite")
    )
    monkeypatch.setenv("HGPT_WORKSPACE_DIR", str(tmp_path_factory.mktemp("runs")))


@pytest.fixture
def photo(tmp_path):
    """A user's input file (its bytes are never decoded by the stand-in executors)."""
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8fakejpeg")
    return str(path)


@pytest.fixture
def ws(tmp_path):
    """An empty run workspace under the test's temporary folder (files import into ``inputs/``)."""
    from hgpt_langchain.execution.workspace import Workspace

    return Workspace.create(tmp_path / "runs", run_id="run")
