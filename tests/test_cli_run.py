"""``hgpt run``: live progress, --approve, --resume after an interruption, --thread turns."""

from __future__ import annotations

import io
import json
import re

import pytest

from hgpt_langchain.cli import main
from hgpt_langchain.cli._run import Progress, ask_approval
from hgpt_langchain.execution.context import current_task_id
from tests.fake_chat import ScriptedChatModel
from tests.helpers import EchoExecutor, FirstModelSelector

PLAN = {
    "tasks": [
        {"id": 0, "task": "text-to-image", "dep": [], "args": {"text": "a red lighthouse"}},
        {"id": 1, "task": "image-to-text", "dep": [0], "args": {"image": "<resource>-0"}},
        {"id": 2, "task": "text-to-speech", "dep": [1], "args": {"text": "<resource>-1"}},
    ]
}


class Recorder(EchoExecutor):
    """Records plan task ids; raises KeyboardInterrupt (Ctrl-C) on ``interrupt_on``."""

    def __init__(self, interrupt_on=None):
        super().__init__()
        self.interrupt_on = interrupt_on
        self.task_ids = []

    def run(self, task, model, args, workspace):
        tid = current_task_id()
        self.task_ids.append(tid)
        if tid == self.interrupt_on:
            raise KeyboardInterrupt
        return super().run(task, model, args, workspace)


@pytest.fixture
def cli(monkeypatch, tmp_path):
    """Route the CLI's graph to an in-process selector/executor; checkpoints under tmp_path."""
    import hgpt_langchain.graph as graph_module

    monkeypatch.setenv("HGPT_CHECKPOINT_DB", str(tmp_path / "cp.sqlite"))
    monkeypatch.setenv("HGPT_WORKSPACE_DIR", str(tmp_path / "runs"))
    real = graph_module.build_graph
    setup = {"executor": Recorder(), "plan": PLAN, "built": []}

    def build_graph(llm=None, **kw):
        setup["built"].append(dict(kw))
        kw["selector"] = FirstModelSelector()
        kw["executor"] = setup["executor"]
        if setup["plan"] is not None:
            kw["planner"] = setup["plan"]
        return real(llm, **kw)

    monkeypatch.setattr(graph_module, "build_graph", build_graph)
    return setup


def stdin(monkeypatch, text):
    monkeypatch.setattr("sys.stdin", io.StringIO(text))


def run_id_of(err: str) -> str:
    return re.search(r"run id (\S+)", err).group(1)


def test_run_prints_the_answer_and_one_progress_line_per_task_change(cli, capsys):
    assert main(["run", "draw a lighthouse, describe it, read it aloud"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("Answer:")
    assert "[plan] 3 task(s)" in err
    for tid, task in enumerate(["text-to-image", "image-to-text", "text-to-speech"]):
        assert f"task {tid} {task} [{task}-model-a] waiting" in err
        assert f"task {tid} {task} [{task}-model-a] running" in err
        assert re.search(rf"task {tid} {task} \[{task}-model-a\] ok in \d+\.\ds", err)
    assert cli["executor"].task_ids == [0, 1, 2]


def render(text: str) -> list[str]:
    """A tiny terminal: applies newline, 'cursor up n lines' and 'erase line'."""
    lines, row = [""], 0
    for token in re.split(r"(\x1b\[\d+F|\x1b\[2K|\n)", text):
        if not token:
            continue
        if token == "\n":
            row += 1
            if row == len(lines):
                lines.append("")
        elif token.endswith("F"):
            row -= int(token[2:-1])
        elif token == "\x1b[2K":
            lines[row] = ""
        else:
            lines[row] += token
    return [line for line in lines if line]


def test_live_display_redraws_one_line_per_task_in_place():
    screen = io.StringIO()
    progress = Progress(screen, live=True)
    events = [
        {
            "event": "stage",
            "stage": "plan",
            "status": "done",
            "planner": "static",
            "tasks": [
                {"id": 0, "task": "text-to-image", "dep": [], "args": {}},
                {"id": 1, "task": "image-to-text", "dep": [0], "args": {}},
            ],
        },
        {
            "event": "stage",
            "stage": "select",
            "status": "done",
            "choices": {0: "m/draw", 1: "m/caption"},
        },
        {"event": "stage", "stage": "execute", "status": "start"},
        {"event": "task_start", "task_id": 0, "task": "text-to-image", "model": "m/draw"},
        {
            "event": "task_end",
            "task_id": 0,
            "task": "text-to-image",
            "model": "m/draw",
            "status": "ok",
            "seconds": 1.25,
        },
        {"event": "task_start", "task_id": 1, "task": "image-to-text", "model": "m/caption"},
        {
            "event": "task_attempt_failed",
            "task_id": 1,
            "task": "image-to-text",
            "model": "m/caption",
            "error": "503",
            "transient": True,
        },
        {
            "event": "task_end",
            "task_id": 1,
            "task": "image-to-text",
            "model": "m/other",
            "status": "failed",
            "seconds": 2.0,
            "error": "m/other: broken",
        },
        {"event": "stage", "stage": "execute", "status": "done"},
        {"event": "stage", "stage": "respond", "status": "start"},
    ]
    for e in events:
        progress(e)
    lines = render(screen.getvalue())
    task_lines = [line for line in lines if line.lstrip().startswith("task ")]
    assert task_lines == [
        "   task 0 text-to-image [m/draw] ok in 1.2s",
        "   task 1 image-to-text [m/other] failed in 2.0s: m/other: broken",
    ]
    assert lines[-1] == "[respond] ..."
    assert screen.getvalue().count("\x1b[2F") >= 4  # redrawn in place, not appended


def test_approve_accept_runs_the_plan(cli, monkeypatch, capsys):
    stdin(monkeypatch, "a\n")
    assert main(["run", "draw a lighthouse, describe it, read it aloud", "--approve"]) == 0
    out, err = capsys.readouterr()
    assert "Proposed plan (3 task(s)):" in err and "Accept this plan?" in err
    assert out.startswith("Answer:") and cli["executor"].task_ids == [0, 1, 2]


def test_approve_edit_with_inline_json_runs_the_edited_plan(cli, monkeypatch, capsys):
    edited = {
        "tasks": [
            {"id": 0, "task": "text-to-image", "dep": [], "args": {"text": "a blue lighthouse"}}
        ]
    }
    stdin(monkeypatch, "e\n" + json.dumps(edited) + "\n")
    assert main(["run", "draw a lighthouse", "--approve", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [t["task"] for t in report["plan"]["tasks"]] == ["text-to-image"]
    assert report["planner"] == "user"
    assert cli["executor"].calls[0][2] == {"text": "a blue lighthouse"}


def test_approve_edit_from_a_file_after_an_invalid_answer(cli, monkeypatch, capsys, tmp_path):
    plan_file = tmp_path / "plan.json"
    plan_file.write_text(json.dumps({"tasks": [PLAN["tasks"][0]]}))
    stdin(monkeypatch, "e\n{not json\ne\n" + str(plan_file) + "\n")
    assert main(["run", "draw a lighthouse", "--approve"]) == 0
    err = capsys.readouterr().err
    assert "That is not a JSON plan" in err
    assert cli["executor"].task_ids == [0]


def test_approve_cancel_runs_nothing(cli, monkeypatch, capsys):
    stdin(monkeypatch, "c\n")
    assert main(["run", "draw a lighthouse", "--approve"]) == 1
    out = capsys.readouterr().out
    assert "cancelled" in out and cli["executor"].task_ids == []


def test_invalid_edited_plan_is_refused_and_asked_again():
    answers = iter(["e\n", '{"tasks": [{"id": 0, "task": "nope", "args": {}}]}\n', "c\n"])
    err = io.StringIO()
    decision = ask_approval({"plan": PLAN}, [], read=lambda: next(answers), out=err)
    assert decision == "cancel" and "The edited plan is invalid" in err.getvalue()
    assert ask_approval({"plan": PLAN}, [], read=lambda: "", out=io.StringIO()) == "cancel"


def test_interrupted_run_resumes_without_redoing_finished_tasks(cli, capsys):
    cli["executor"] = Recorder(interrupt_on=2)
    code = main(["run", "draw, describe, read aloud", "--max-concurrency", "2", "--timeout", "30"])
    err = capsys.readouterr().err
    assert code == 130 and cli["executor"].task_ids == [0, 1, 2]
    run_id = run_id_of(err)
    assert f"hgpt run --resume {run_id}" in err

    cli["executor"] = Recorder()
    cli["plan"] = None  # a resumed run does not plan again
    assert main(["run", "--resume", run_id]) == 0
    out, err = capsys.readouterr()
    assert cli["executor"].task_ids == [2]
    assert out.startswith("Answer:") and f"resuming run {run_id}" in err
    # the resumed run used the options the run was started with
    assert cli["built"][-1]["max_concurrency"] == 2 and cli["built"][-1]["task_timeout"] == 30.0

    # resuming a finished run just prints its answer
    assert main(["run", "--resume", run_id]) == 0
    assert "already finished" in capsys.readouterr().err and cli["executor"].task_ids == [2]


class CtrlC(io.StringIO):
    def readline(self, *args):
        raise KeyboardInterrupt


def test_resume_of_a_run_left_at_the_approval_prompt_asks_again(cli, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", CtrlC())
    assert main(["run", "draw a lighthouse", "--approve"]) == 130
    err = capsys.readouterr().err
    run_id = run_id_of(err)
    assert "Accept this plan?" in err and cli["executor"].task_ids == []

    stdin(monkeypatch, "a\n")
    assert main(["run", "--resume", run_id]) == 0
    out, err = capsys.readouterr()
    assert "Proposed plan (3 task(s)):" in err and out.startswith("Answer:")
    assert cli["executor"].task_ids == [0, 1, 2]


def test_thread_turns_see_earlier_outputs(cli, monkeypatch, capsys):
    cli["plan"] = None
    draw = json.dumps({"tasks": [PLAN["tasks"][0]]})
    grey = json.dumps(
        {
            "tasks": [
                {
                    "id": 0,
                    "task": "image-to-image",
                    "dep": [],
                    "args": {"image": "task-text-to-image.png", "text": "make it black and white"},
                }
            ]
        }
    )
    llm = ScriptedChatModel([draw, "Here it is.", grey, "Now in grey."])
    monkeypatch.setattr("hgpt_langchain.llm.resolve_llm", lambda spec=None: llm)
    assert main(["run", "draw a lighthouse", "--thread", "chat", "--llm", "x:y"]) == 0
    assert main(["run", "now make it black and white", "--thread", "chat"]) == 0
    out = capsys.readouterr().out
    assert "Now in grey." in out
    assert "Files: task-text-to-image.png" in llm.prompts[2][-1].content
    assert any(m.content == "draw a lighthouse" for m in llm.prompts[2])
    assert cli["executor"].calls[-1][0] == "image-to-image"


def test_user_mistakes_are_clear_errors(cli, capsys):
    assert main(["run"]) == 2
    assert "Say what you want done" in capsys.readouterr().err
    assert main(["run", "x", "--resume", "abc"]) == 2
    assert "not both" in capsys.readouterr().err
    assert main(["run", "--resume", "no-such-run"]) == 2
    err = capsys.readouterr().err
    assert "No run 'no-such-run'" in err and "Traceback" not in err
    assert main(["run", "x", "--thread", "t", "--no-checkpoint"]) == 2
    assert "need checkpoints" in capsys.readouterr().err


def test_no_checkpoint_runs_without_a_database(cli, capsys, tmp_path):
    assert main(["run", "draw", "--no-checkpoint"]) == 0
    assert not (tmp_path / "cp.sqlite").exists()
    assert "run id" not in capsys.readouterr().err
