"""``hgpt run`` as a new user meets it: text documents, bad input, outcomes and advice."""

from __future__ import annotations

import json

import pytest

from hgpt_langchain.cli import main
from hgpt_langchain.selection import StaticSelector
from tests.helpers import EchoExecutor
from tests.tiny_models import tiny_qa_bert  # noqa: F401 - session fixture

NOTES = "Edwin Hubble was an American astronomer who showed that the universe is expanding."
QUESTION = "Who was Edwin Hubble according to the text?"


@pytest.fixture
def env(monkeypatch, tmp_path):
    """Checkpoints and workspaces under tmp_path; the working directory too."""
    monkeypatch.setenv("HGPT_CHECKPOINT_DB", str(tmp_path / "cp.sqlite"))
    monkeypatch.setenv("HGPT_WORKSPACE_DIR", str(tmp_path / "runs"))
    monkeypatch.chdir(tmp_path)
    for var in ("HGPT_LLM", "OPENAI_API_KEY", "HGPT_EXECUTION"):
        monkeypatch.delenv(var, raising=False)
    return tmp_path


def _route(monkeypatch, selector, executor):
    """The CLI's graph with this selector and executor; planner and the rest are real."""
    import hgpt_langchain.graph as graph_module

    real = graph_module.build_graph

    def build_graph(llm=None, **kw):
        kw["selector"] = selector
        kw["executor"] = executor
        return real(llm, **kw)

    monkeypatch.setattr(graph_module, "build_graph", build_graph)


# ---- text documents reach models as text -------------------------------------------------------


def test_a_text_file_reaches_the_qa_model_as_its_text_not_its_path(
    env,
    monkeypatch,
    capsys,
    tiny_qa_bert,  # noqa: F811
):
    from hgpt_langchain.execution import LocalExecutor

    notes = env / "notes.txt"
    notes.write_text(NOTES, encoding="utf-8")
    _route(
        monkeypatch,
        StaticSelector(lambda t: [str(tiny_qa_bert)]),
        LocalExecutor(device="cpu", seed=0),
    )
    code = main(["run", QUESTION, "--file", str(notes), "--planner", "offline", "--json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 0
    (result,) = report["results"]
    assert result["task"] == "question-answering" and result["status"] == "ok"
    answer = result["output"]
    # an extractive model answers with a span of its context: of the notes, not of a path
    assert answer and answer in NOTES
    assert "/" not in answer and "runs" not in answer


def test_text_arguments_naming_a_text_document_get_its_contents(env, monkeypatch, capsys):
    notes = env / "notes.md"
    notes.write_text("# Hubble\n" + NOTES, encoding="utf-8")
    echo = EchoExecutor()
    _route(monkeypatch, StaticSelector(lambda t: [f"{t.task}-model"]), echo)
    assert main(["run", QUESTION, "--file", str(notes), "--planner", "offline"]) == 0
    (call,) = echo.calls
    assert call[0] == "question-answering"
    assert call[2]["context"] == "# Hubble\n" + NOTES


def test_an_oversized_text_document_fails_its_task_with_the_limit(env, monkeypatch, capsys):
    from hgpt_langchain.execution import resources

    monkeypatch.setattr(resources, "MAX_TEXT_DOCUMENT_BYTES", 50)
    notes = env / "notes.txt"
    notes.write_text(NOTES * 2, encoding="utf-8")
    echo = EchoExecutor()
    _route(monkeypatch, StaticSelector(lambda t: [f"{t.task}-model"]), echo)
    code = main(["run", QUESTION, "--file", str(notes), "--planner", "offline", "--json"])
    report = json.loads(capsys.readouterr().out)
    assert echo.calls == []
    (result,) = report["results"]
    assert result["status"] == "failed"
    assert "notes.txt" in result["error"] and "MB of text" in result["error"]
    assert code != 0
