"""The run path a user hits first: inputs are copies, the task timeout is a deadline."""

from __future__ import annotations

import os
import time
from pathlib import Path

from hgpt_langchain.execution.scheduler import Scheduler
from hgpt_langchain.execution.sleep import SleepExecutor
from hgpt_langchain.execution.workspace import Workspace
from hgpt_langchain.state import Plan, Task
from tests.helpers import choose

# ---- inputs are copied, never linked -----------------------------------------------------------


def test_editing_the_workspace_copy_of_an_input_leaves_the_users_file_alone(
    tmp_path: Path, ws: Workspace
):
    original = tmp_path / "notes.txt"
    original.write_text("the user's words", encoding="utf-8")
    copy = Path(ws.import_file(str(original)))
    assert copy.is_relative_to(ws.inputs_dir)
    copy.write_text("changed by a task", encoding="utf-8")
    assert original.read_text(encoding="utf-8") == "the user's words"
    assert os.stat(original).st_nlink == 1
    assert os.stat(copy).st_ino != os.stat(original).st_ino


def test_an_input_that_is_a_symlink_comes_in_as_a_plain_copy_not_a_link(
    tmp_path: Path, ws: Workspace
):
    target = tmp_path / "secret-elsewhere.txt"
    target.write_text("outside", encoding="utf-8")
    link = tmp_path / "innocent.txt"
    link.symlink_to(target)
    copy = Path(ws.import_file(str(link)))
    assert not copy.is_symlink()
    assert os.stat(target).st_nlink == 1  # not hard-linked into the workspace
    copy.write_text("changed", encoding="utf-8")
    assert target.read_text(encoding="utf-8") == "outside"


# ---- --timeout is a deadline for the whole task ------------------------------------------------


def test_a_hanging_model_uses_the_task_deadline_once_not_once_per_candidate(ws: Workspace):
    plan = Plan(tasks=[Task(id=1, task="text-generation", args={"text": "x"})])
    ex = SleepExecutor({"hang-a": 4.0, "hang-b": 4.0, "hang-c": 4.0})
    t0 = time.monotonic()
    result = Scheduler(ex, task_timeout=1.0).run(
        plan, choose(plan, "hang-a", "hang-b", "hang-c"), ws
    )[1]
    elapsed = time.monotonic() - t0
    assert result.status == "failed"
    assert [c.model for c in ex.calls] == ["hang-a"]  # no second model after the deadline
    assert "timed out after 1 s, the task's deadline" in result.error
    assert "--timeout" in result.error
    assert elapsed < 2.9  # before: one full timeout per candidate (3 s)


def test_transient_retries_stop_at_the_task_deadline(ws: Workspace):
    plan = Plan(tasks=[Task(id=1, task="text-generation", args={"text": "x"})])
    # every call takes 0.4 s and fails transiently (a 503 "loading" that never ends)
    ex = SleepExecutor({"m": 0.4, "n": 0.4}, flaky={"m": 100, "n": 100})
    result = Scheduler(ex, task_timeout=1.0, retries=5, backoff=0.05).run(
        plan, choose(plan, "m", "n"), ws
    )[1]
    assert result.status == "failed"
    # 12 calls without a deadline (6 per model); at most a few fit in 1 s
    assert 1 <= len(ex.calls) <= 4, [c.model for c in ex.calls]
