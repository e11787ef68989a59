"""Durable runs: a run interrupted mid-execution resumes from its SQLite checkpoint.

Finished tasks are not run again (checked with executor call counts), in the same process after
an exception and in a new process after the first one was killed.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from pydantic import BaseModel

from hgpt_langchain import build_graph
from hgpt_langchain.checkpoint import (
    STATE_TYPES,
    checkpoint_db_path,
    checkpoint_serializer,
    sqlite_checkpointer,
)
from hgpt_langchain.execution.context import current_task_id
from hgpt_langchain.state import Candidate, ModelChoice, Plan, Task, TaskResult
from tests.helpers import EchoExecutor, FirstModelSelector

REPO = Path(__file__).resolve().parents[1]

CHAIN3 = {
    "tasks": [
        {"id": 0, "task": "text-to-image", "dep": [], "args": {"text": "a red lighthouse"}},
        {"id": 1, "task": "image-to-text", "dep": [0], "args": {"image": "<resource>-0"}},
        {"id": 2, "task": "text-to-speech", "dep": [1], "args": {"text": "<resource>-1"}},
    ]
}


class NotInState(BaseModel):
    x: int = 1


class Crash(BaseException):
    """Stands for the process going away (not an ``Exception``: the scheduler must not eat it)."""


class CrashingExecutor(EchoExecutor):
    """Records plan task ids; raises :class:`Crash` on ``crash_on`` while armed."""

    def __init__(self, crash_on: int | None = None):
        super().__init__()
        self.crash_on = crash_on
        self.task_ids: list[int | None] = []

    def run(self, task, model, args, workspace):
        tid = current_task_id()
        self.task_ids.append(tid)
        if tid == self.crash_on:
            raise Crash(f"process died during task {tid}")
        return super().run(task, model, args, workspace)


def graph_with(saver, executor, tmp_path):
    return build_graph(
        planner=CHAIN3,
        selector=FirstModelSelector(),
        executor=executor,
        checkpointer=saver,
        workspace_root=str(tmp_path / "runs"),
    )


def test_run_interrupted_mid_execution_resumes_without_redoing_finished_tasks(tmp_path, caplog):
    db = tmp_path / "cp.sqlite"
    config = {"configurable": {"thread_id": "run-1"}}
    first = CrashingExecutor(crash_on=2)
    with sqlite_checkpointer(db) as saver:
        graph = graph_with(saver, first, tmp_path)
        with pytest.raises(Crash):
            graph.invoke({"request": "Draw a lighthouse, describe it, read it aloud"}, config)
    assert first.task_ids == [0, 1, 2]

    # A new graph over a new connection (as a new process would have) finishes the run.
    second = CrashingExecutor()
    caplog.set_level(logging.WARNING)
    with sqlite_checkpointer(db) as saver:
        graph = graph_with(saver, second, tmp_path)
        snapshot = graph.get_state(config)
        assert snapshot.next == ("execute",)
        # the state models come back as models, through the allowlisted serializer
        assert isinstance(snapshot.values["plan"], Plan)
        assert isinstance(snapshot.values["choices"][2], ModelChoice)
        out = graph.invoke(None, config)
    assert second.task_ids == [2], "tasks 0 and 1 were finished and must not run again"
    report = out["report"]
    assert [r["status"] for r in report["results"]] == ["ok", "ok", "ok"]
    # task 2 ran on task 1's checkpointed output, not on a placeholder
    assert second.calls[0][2]["text"].startswith("image-to-text(")
    assert not [r for r in caplog.records if "unregistered type" in r.getMessage()]


CRASH_SCRIPT = textwrap.dedent(
    """
    import os, sqlite3, sys, time
    from hgpt_langchain import build_graph
    from hgpt_langchain.checkpoint import sqlite_checkpointer
    from hgpt_langchain.execution.context import current_task_id
    from tests.helpers import EchoExecutor, FirstModelSelector
    from tests.test_durable import CHAIN3

    db, log, root = sys.argv[1:4]

    def finished_tasks():
        con = sqlite3.connect(db)
        try:
            return con.execute(
                "SELECT COUNT(*) FROM writes WHERE channel = '__return__'"
            ).fetchone()[0]
        finally:
            con.close()

    class Killed(EchoExecutor):
        def run(self, task, model, args, workspace):
            tid = current_task_id()
            with open(log, "a") as f:
                f.write(f"{tid}\\n")
            if tid == 2:
                # die once the results of tasks 0 and 1 are on disk (bounded wait)
                deadline = time.monotonic() + 20
                while finished_tasks() < 2 and time.monotonic() < deadline:
                    time.sleep(0.02)
                os._exit(17)
            return super().run(task, model, args, workspace)

    with sqlite_checkpointer(db) as saver:
        graph = build_graph(planner=CHAIN3, selector=FirstModelSelector(), executor=Killed(),
                            checkpointer=saver, workspace_root=root)
        graph.invoke({"request": "go"}, {"configurable": {"thread_id": "killed-run"}})
    """
)


def test_run_of_a_killed_process_resumes_in_a_new_one(tmp_path):
    db, log = tmp_path / "cp.sqlite", tmp_path / "calls.log"
    script = tmp_path / "crash.py"
    script.write_text(CRASH_SCRIPT)
    env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONDONTWRITEBYTECODE": "1"}
    proc = subprocess.run(
        [sys.executable, str(script), str(db), str(log), str(tmp_path / "runs")],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert proc.returncode == 17, proc.stderr[-2000:]
    assert log.read_text().split() == ["0", "1", "2"]

    executor = CrashingExecutor()
    with sqlite_checkpointer(db) as saver:
        out = graph_with(saver, executor, tmp_path).invoke(
            None, {"configurable": {"thread_id": "killed-run"}}
        )
    assert executor.task_ids == [2]
    assert [r["status"] for r in out["report"]["results"]] == ["ok", "ok", "ok"]
    assert out["report"]["workspace"].endswith("killed-run")


def test_serializer_round_trips_state_models_and_refuses_other_classes():
    serde = checkpoint_serializer()
    choice = ModelChoice(
        task_id=1,
        task="image-to-text",
        model="m",
        candidates=[Candidate(id="m", score=0.5, available=True)],
        reason="r",
    )
    values = {
        "plan": Plan(tasks=[Task(id=1, task="image-to-text", args={"image": "a.png"})]),
        "choices": {1: choice},
        "results": {
            1: TaskResult(
                task_id=1, task="image-to-text", status="ok", output="x", data={"labels": [1, 2]}
            )
        },
    }
    back = serde.loads_typed(serde.dumps_typed(values))
    assert back == values and isinstance(back["choices"][1].candidates[0], Candidate)
    assert ("hgpt_langchain.state", "TaskResult") in STATE_TYPES

    # a class outside the allowlist is not revived (reviving classes can run code on load),
    # while LangGraph's permissive default would revive it
    from langgraph.checkpoint.serde.jsonplus import JsonPlusSerializer

    blob = serde.dumps_typed({"o": NotInState(x=3)})
    assert isinstance(JsonPlusSerializer().loads_typed(blob)["o"], NotInState)
    assert not isinstance(serde.loads_typed(blob)["o"], NotInState)


def test_checkpoint_db_location(monkeypatch, tmp_path):
    monkeypatch.delenv("HGPT_CHECKPOINT_DB", raising=False)
    assert checkpoint_db_path() == Path("~/.cache/hgpt_langchain/checkpoints.sqlite").expanduser()
    monkeypatch.setenv("HGPT_CHECKPOINT_DB", str(tmp_path / "x" / "cp.sqlite"))
    assert checkpoint_db_path() == tmp_path / "x" / "cp.sqlite"
    with sqlite_checkpointer() as saver:
        assert saver is not None
    assert (tmp_path / "x" / "cp.sqlite").is_file()


def test_results_in_state_are_json_friendly_for_other_savers(tmp_path):
    # the report the graph returns is plain JSON (what Studio and the CLI store and print)
    with sqlite_checkpointer(":memory:") as saver:
        out = graph_with(saver, EchoExecutor(), tmp_path).invoke(
            {"request": "go"}, {"configurable": {"thread_id": "json"}}
        )
    assert json.loads(json.dumps(out["report"]))["results"][2]["status"] == "ok"
