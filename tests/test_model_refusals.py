"""Models the local executor refuses before loading, with the reason; the next candidate runs.

A model repository that ships its own Python code (``auto_map``) is never run unless
``trust_remote_code`` is on; a model whose weights exceed the memory budget is not loaded (the
cache used to keep it anyway, as its only entry).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from hgpt_langchain.errors import ExecutionError
from hgpt_langchain.execution import LocalExecutor, Scheduler
from hgpt_langchain.state import Candidate, ModelChoice, Plan, Task
from hgpt_langchain.tasks import TASKS

SPEC = TASKS["text-classification"]


@pytest.fixture
def remote_code_model(tmp_path: Path, tiny_text_classifier: Path) -> Path:
    """The tiny classifier, but its config asks for the repository's own code."""
    folder = tmp_path / "remote-code-model"
    shutil.copytree(tiny_text_classifier, folder)
    config = json.loads((folder / "config.json").read_text())
    config["auto_map"] = {"AutoModelForSequenceClassification": "modeling_evil.EvilModel"}
    (folder / "config.json").write_text(json.dumps(config))
    (folder / "modeling_evil.py").write_text("raise SystemExit('remote code ran')\n")
    return folder


def test_a_model_that_ships_code_is_refused_with_the_reason(remote_code_model: Path, ws):
    ex = LocalExecutor(device="cpu")
    with pytest.raises(ExecutionError, match="ships its own Python code.*trust_remote_code"):
        ex.run(SPEC, str(remote_code_model), {"text": "good"}, ws)
    assert ex.cache.keys() == []


def test_a_model_over_the_memory_budget_is_refused_before_loading(tiny_text_classifier: Path, ws):
    ex = LocalExecutor(device="cpu", memory_budget_mb=0.001)
    with pytest.raises(ExecutionError, match="more than the memory budget of 0 MiB"):
        ex.run(SPEC, str(tiny_text_classifier), {"text": "good"}, ws)
    assert ex.cache.keys() == []  # never loaded
    roomy = LocalExecutor(device="cpu", memory_budget_mb=1000)
    assert roomy.run(SPEC, str(tiny_text_classifier), {"text": "good"}, ws).text


def test_the_next_candidate_runs_after_a_refusal(
    remote_code_model: Path, tiny_text_classifier: Path, ws
):
    plan = Plan(tasks=[Task(id=0, task="text-classification", args={"text": "good food"})])
    refused, fine = str(remote_code_model), str(tiny_text_classifier)
    choice = ModelChoice(
        task_id=0,
        task="text-classification",
        model=refused,
        candidates=[Candidate(id=refused, score=1.0), Candidate(id=fine, score=0.5)],
    )
    results = Scheduler(LocalExecutor(device="cpu"), retries=0).run(plan, {0: choice}, ws)
    result = results[0]
    assert result.status == "ok" and result.model == fine, result
    assert "ships its own Python code" in result.attempts[0]
