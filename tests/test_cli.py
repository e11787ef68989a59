"""The hgpt command line: tasks, plan, and clear errors for user mistakes."""

import json

import pytest

from hgpt_langchain.cli import main
from hgpt_langchain.tasks import TASKS
from tests import plans
from tests.fake_chat import ScriptedChatModel


@pytest.fixture
def scripted_llm(monkeypatch):
    """Make --llm / HGPT_LLM resolve to a scripted model."""
    holder = {}

    def install(*responses):
        llm = ScriptedChatModel(list(responses))
        holder["llm"] = llm
        monkeypatch.setattr("hgpt_langchain.llm.resolve_llm", lambda spec=None: llm)
        return llm

    return install


def test_tasks_json_lists_the_registry(capsys):
    assert main(["tasks", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["task"] for r in rows] == list(TASKS)
    assert {"task", "inputs", "outputs", "local", "remote"} <= set(rows[0])
    by = {r["task"]: r for r in rows}
    assert by["visual-question-answering"]["inputs"] == ["image", "text"]
    assert by["audio-to-audio"]["local"] is (TASKS["audio-to-audio"].local is not None)


def test_readme_task_table_matches_the_registry(capsys):
    from pathlib import Path

    main(["tasks", "--markdown"])
    table = capsys.readouterr().out.strip()
    readme = (Path(__file__).parent.parent / "README.md").read_text()
    assert table in readme, "README task table is stale: paste `hgpt tasks --markdown`"


def test_plan_json_with_a_configured_model(scripted_llm, tmp_path, capsys):
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"jpg")
    llm = scripted_llm(plans.CHAIN)
    code = main(
        [
            "plan",
            "Describe photo.jpg and read it aloud",
            "--file",
            str(photo),
            "--llm",
            "openai:gpt-4o-mini",
            "--json",
        ]
    )
    assert code == 0 and llm.calls == 1
    out = json.loads(capsys.readouterr().out)
    assert out == {
        "tasks": [
            {"id": 0, "task": "image-to-text", "dep": [], "args": {"image": "photo.jpg"}},
            {"id": 1, "task": "text-to-speech", "dep": [0], "args": {"text": "<resource>-0"}},
        ]
    }


def test_invalid_plan_is_one_clear_error_without_traceback(scripted_llm, tmp_path, capsys):
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"jpg")
    scripted_llm(plans.UNKNOWN_TASK, plans.UNKNOWN_TASK)
    code = main(["plan", "Describe photo.jpg", "--file", str(photo), "--llm", "x:y"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("hgpt: error:") and "image-captioning-pro" in err
    assert "Traceback" not in err


def test_missing_input_file_is_a_user_error(capsys):
    code = main(["plan", "Describe it", "--file", "/nonexistent/photo.jpg", "--planner", "offline"])
    err = capsys.readouterr().err
    assert code == 2 and "does not exist" in err and "Traceback" not in err


def test_llm_planner_without_a_model_says_how_to_configure_one(capsys):
    code = main(["plan", "Describe it", "--planner", "llm"])
    err = capsys.readouterr().err
    assert code == 2 and "--llm" in err and "HGPT_LLM" in err


def test_unknown_provider_is_a_configuration_error(capsys):
    code = main(["plan", "Describe it", "--llm", "no-such-provider:model"])
    err = capsys.readouterr().err
    assert code == 2 and "no-such-provider" in err


def test_run_json_with_a_configured_model_prints_the_whole_report(
    scripted_llm, monkeypatch, tmp_path, capsys
):
    import hgpt_langchain.graph as graph_module
    from tests.helpers import EchoExecutor, FirstModelSelector

    real = graph_module.build_graph
    monkeypatch.setattr(
        graph_module,
        "build_graph",
        lambda llm=None, **kw: real(
            llm, **{**kw, "selector": FirstModelSelector(), "executor": EchoExecutor()}
        ),
    )
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"jpg")
    llm = scripted_llm(plans.CHAIN, plans.ANSWER)
    code = main(
        [
            "run",
            "Describe photo.jpg and read it aloud",
            "-f",
            str(photo),
            "--llm",
            "openai:gpt-4o-mini",
            "--json",
        ]
    )
    out, err = capsys.readouterr()
    assert code == 0 and llm.calls == 2
    report = json.loads(out)
    assert {"plan", "choices", "results", "answer"} <= set(report)
    assert [t["task"] for t in report["plan"]["tasks"]] == ["image-to-text", "text-to-speech"]
    assert [r["status"] for r in report["results"]] == ["ok", "ok"]
    assert report["answer"] == plans.ANSWER and report["llm_calls"] == 2
    assert "[plan]" in err  # progress goes to stderr, the JSON alone to stdout
