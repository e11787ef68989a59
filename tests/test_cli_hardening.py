"""``hgpt run`` as a new user meets it: text documents, bad input, outcomes and advice."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from hgpt_langchain.cli import main
from hgpt_langchain.selection.base import StaticSelector
from tests.helpers import EchoExecutor

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
    tiny_qa_bert,
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


# ---- errors before work ------------------------------------------------------------------------


@pytest.fixture
def no_work(env, monkeypatch):
    """Fails the test if a graph is built (planning would start)."""
    import hgpt_langchain.graph as graph_module
    import hgpt_langchain.llm as llm_module

    built = []
    monkeypatch.setattr(graph_module, "build_graph", lambda *a, **k: built.append(k))
    real_resolve = llm_module.resolve_llm
    monkeypatch.setattr(
        llm_module, "resolve_llm", lambda spec=None: built.append("llm") or real_resolve(spec)
    )
    return built


def _one_error_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("hgpt: error: ") and "Traceback" not in err
    return lines[0]


@pytest.mark.parametrize(
    ("argv", "env_var", "says"),
    [
        (["--catalog", "missing.jsonl"], None, "--catalog 'missing.jsonl' does not exist"),
        (["--selector", "llm"], None, "--selector llm needs a chat model"),
        ([], ("HGPT_EXECUTION", "bogus"), "HGPT_EXECUTION='bogus' is not valid"),
        (["--max-concurrency", "0"], None, "--max-concurrency must be at least 1"),
        (["--timeout", "-1"], None, "--timeout must be"),
    ],
)
def test_bad_run_options_are_refused_before_planning(
    no_work, monkeypatch, capsys, argv, env_var, says
):
    if env_var:
        monkeypatch.setenv(*env_var)
    assert main(["run", "describe a photo", *argv]) == 2
    assert says in _one_error_line(capsys.readouterr().err)
    assert [b for b in no_work if b != "llm"] == []


def _fifo(path):
    os.mkfifo(path)
    return path


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (lambda d: d / "nope.png", "does not exist"),
        (lambda d: d, "is a folder"),
        (lambda d: _fifo(d / "pipe.wav"), "not a regular file"),
        (lambda d: _big(d / "huge.txt"), "at most"),
    ],
)
def test_bad_input_files_are_refused_before_any_llm_call(
    no_work, monkeypatch, capsys, tmp_path, make, says
):
    from hgpt_langchain.cli import _run

    monkeypatch.setattr(_run, "MAX_INPUT_BYTES", 10)
    path = make(tmp_path)
    assert main(["run", "describe it", "--file", str(path)]) == 2
    assert says in _one_error_line(capsys.readouterr().err)
    assert no_work == []  # no LLM resolved, no graph built


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files without read permission")
def test_an_unreadable_input_file_is_refused(no_work, capsys, tmp_path):
    f = tmp_path / "locked.txt"
    f.write_text("x")
    f.chmod(0)
    assert main(["run", "summarise it", "--file", str(f)]) == 2
    assert "not readable" in _one_error_line(capsys.readouterr().err)


@pytest.mark.parametrize(
    ("request_text", "says"),
    [("", "Say what you want"), ("   \n ", "empty"), ("x" * 20_001, "at most")],
)
def test_empty_or_oversized_requests_are_refused(no_work, capsys, request_text, says):
    assert main(["run", request_text]) == 2
    assert says in _one_error_line(capsys.readouterr().err)
    assert no_work == []
    assert main(["plan", request_text]) == 2
    line = _one_error_line(capsys.readouterr().err)
    assert "empty" in line or "at most" in line


def _big(path):
    path.write_bytes(b"x" * 100)
    return path


# ---- outcome and advice ------------------------------------------------------------------------


def _failed_report(error: str):
    from hgpt_langchain.state import Plan, Report, Task, TaskResult

    plan = Plan(tasks=[Task(id=0, task="image-classification", args={"image": "a.png"})])
    result = TaskResult(task_id=0, task="image-classification", status="failed", error=error)
    return Report(request="classify a.png", plan=plan, results=[result])


def test_advice_to_set_hf_token_only_when_no_token_is_set(monkeypatch):
    from hgpt_langchain.response import TemplateResponder

    report = _failed_report(
        "Model 'google/vit-base' is not in the local Hugging Face cache and cannot be "
        "downloaded here (offline)."
    )
    for var in ("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HGPT_INFERENCE_URL", "HF_HUB_OFFLINE"):
        monkeypatch.delenv(var, raising=False)
    assert "set HF_TOKEN" in TemplateResponder().respond(report)
    monkeypatch.setenv("HF_TOKEN", "hf_" + "x" * 30)
    answer = TemplateResponder().respond(report)
    assert "set HF_TOKEN" not in answer and "Remote inference is configured" in answer
    assert "hf_xxx" not in answer


def test_a_url_in_the_request_without_allow_urls_says_to_pass_it(env, monkeypatch, capsys):
    echo = EchoExecutor()
    _route(monkeypatch, StaticSelector(lambda t: [f"{t.task}-model"]), echo)
    code = main(
        ["run", "Classify the image at https://example.com/cat.png", "--planner", "offline"]
    )
    out = capsys.readouterr().out
    assert echo.calls == []
    assert "--allow-urls" in out and "allow_urls=True in Python" in out
    assert "set HF_TOKEN" not in out
    assert code == 1  # no task succeeded


def test_a_url_given_as_file_without_allow_urls_is_refused_before_work(no_work, capsys):
    assert main(["run", "classify it", "--file", "https://example.com/cat.png"]) == 2
    assert "pass --allow-urls" in _one_error_line(capsys.readouterr().err)
    assert no_work == []


# ---- an unreachable LLM provider ---------------------------------------------------------------


def _closed_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("command", ["plan", "run"])
def test_an_unreachable_llm_provider_is_one_clear_error_naming_it(
    env, monkeypatch, capsys, command
):
    pytest.importorskip("langchain_openai")
    port = _closed_port()
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-not-a-real-key")
    monkeypatch.setenv("OPENAI_BASE_URL", f"http://127.0.0.1:{port}/v1")
    argv = [command, "translate 'hello' to French", "--llm", "openai:gpt-4o-mini"]
    assert main([*argv, "--planner", "llm"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "sk-test-not-a-real-key" not in err
    (line,) = [x for x in err.splitlines() if x.startswith("hgpt: error:")]
    assert "LLM provider (ChatOpenAI gpt-4o-mini" in line and f"127.0.0.1:{port}" in line
    assert "--planner offline" in line


# ---- catalog sync without network --------------------------------------------------------------


def test_catalog_sync_without_network_is_one_quick_clear_error(tmp_path):
    import subprocess
    import sys

    port = _closed_port()
    drop = ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_TOKEN")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update(
        HF_ENDPOINT=f"http://127.0.0.1:{port}",
        HF_HOME=str(tmp_path / "hf"),
        PYTHONPATH=str(Path(__file__).resolve().parents[1]),
    )
    argv = ["catalog", "sync", "--task", "text-classification", "--limit", "2"]
    proc = subprocess.run(
        [sys.executable, "-m", "hgpt_langchain.cli", *argv, "--out", str(tmp_path / "c.jsonl")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,  # huggingface_hub alone retries for ~25 s; this fails at the first refusal
    )
    assert proc.returncode == 2
    line = _one_error_line(proc.stderr)  # no retry warnings, no traceback
    assert f"Cannot reach the Hugging Face Hub at http://127.0.0.1:{port}" in line
    assert "Retrying" not in proc.stderr


# ---- content that does not match its type ------------------------------------------------------


def test_content_that_does_not_match_its_type_fails_that_task_only(
    env,
    monkeypatch,
    capsys,
    tiny_image_classifier,
    tiny_audio_classifier,
    tiny_text_classifier,
):
    import hgpt_langchain.graph as graph_module
    from hgpt_langchain.execution import LocalExecutor
    from tests.tiny_models import write_png

    (env / "text.jpg").write_text("this is text, not a JPEG", encoding="utf-8")
    png = write_png(env / "whole.png").read_bytes()
    (env / "cut.png").write_bytes(png[: len(png) // 2])
    (env / "empty.wav").write_bytes(b"")
    plan = {
        "tasks": [
            {"id": 0, "task": "image-classification", "dep": [], "args": {"image": "text.jpg"}},
            {"id": 1, "task": "image-classification", "dep": [], "args": {"image": "cut.png"}},
            {"id": 2, "task": "audio-classification", "dep": [], "args": {"audio": "empty.wav"}},
            {"id": 3, "task": "text-classification", "dep": [], "args": {"text": "great phone"}},
        ]
    }
    models = {
        "image-classification": tiny_image_classifier,
        "audio-classification": tiny_audio_classifier,
        "text-classification": tiny_text_classifier,
    }
    real = graph_module.build_graph

    def build_graph(llm=None, **kw):
        kw.update(
            planner=plan,
            selector=StaticSelector(lambda t: [str(models[t.task])]),
            executor=LocalExecutor(device="cpu", seed=0),
        )
        return real(llm, **kw)

    monkeypatch.setattr(graph_module, "build_graph", build_graph)
    files = [str(env / n) for n in ("text.jpg", "cut.png", "empty.wav")]
    argv = ["run", "classify these", "--json", *[a for f in files for a in ("--file", f)]]
    code = main(argv)
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert "Traceback" not in captured.err
    status = {r["task_id"]: r for r in report["results"]}
    assert status[3]["status"] == "ok"
    assert code == 0  # one task succeeded
    assert (
        status[0]["status"] == "failed" and "text.jpg is not a readable image" in status[0]["error"]
    )
    assert (
        status[1]["status"] == "failed" and "cut.png is not a readable image" in status[1]["error"]
    )
    assert status[2]["status"] == "failed" and "empty.wav" in status[2]["error"]
    assert "decode" in status[2]["error"].lower()


# ---- library progress bars ---------------------------------------------------------------------


def test_library_loading_bars_do_not_garble_the_cli_output(tmp_path):
    """The offline planner loads the embedding model through transformers in a fresh process:
    its "Loading weights" bar must not appear among the CLI's own lines."""
    import subprocess
    import sys

    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]))
    env.pop("HF_HUB_DISABLE_PROGRESS_BARS", None)
    proc = subprocess.run(
        [sys.executable, "-m", "hgpt_langchain.cli", "plan", "translate 'hello' to French"]
        + ["--planner", "offline"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "translation" in proc.stdout
    assert "Loading weights" not in proc.stderr and "it/s]" not in proc.stderr
