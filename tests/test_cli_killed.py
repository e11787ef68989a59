"""A real ``hgpt run`` process killed at a chosen moment, then ``--resume``: the answer comes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _cli(tmp_path: Path, *args: str, kill: str | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.update(
        PYTHONPATH=str(REPO),
        HGPT_CHECKPOINT_DB=str(tmp_path / "cp.sqlite"),
        HGPT_WORKSPACE_DIR=str(tmp_path / "runs"),
        HGPT_TEST_CALLS=str(tmp_path / "calls"),
    )
    env.pop("HGPT_TEST_KILL", None)
    for var in ("HGPT_LLM", "OPENAI_API_KEY"):
        env.pop(var, None)
    if kill:
        env["HGPT_TEST_KILL"] = kill
    return subprocess.run(
        [sys.executable, "-m", "tests.killable_cli", *args],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=240,
    )


def _calls(tmp_path: Path) -> list[str]:
    f = tmp_path / "calls"
    return f.read_text().split() if f.exists() else []


@pytest.mark.parametrize("kill", ["after-plan", "sigint-in-task"])
def test_a_killed_run_resumes_to_the_answer_and_its_report(tmp_path: Path, kill: str):
    first = _cli(tmp_path, "run", "write about a lighthouse, then summarise it", kill=kill)
    assert first.returncode in (130, -9), first.stderr[-2000:]
    (run_id,) = os.listdir(tmp_path / "runs")
    report_file = tmp_path / "runs" / run_id / "report.json"
    if kill == "sigint-in-task":
        assert first.returncode == 130
        saved = json.loads(report_file.read_text(encoding="utf-8"))
        assert saved["status"] == "interrupted" and saved["run_id"] == run_id
        assert [t["id"] for t in saved["plan"]["tasks"]] == [0, 1]
        assert saved["resume"] == f"hgpt run --resume {run_id}"
    before = _calls(tmp_path)
    resumed = _cli(tmp_path, "run", "--resume", run_id, "--json")
    assert resumed.returncode == 0, resumed.stderr[-2000:]
    assert "had already finished" not in resumed.stderr
    report = json.loads(resumed.stdout)
    assert report["answer"].startswith("Answer:")
    assert "summarization of [text-generation of [a lighthouse]]" in report["answer"]
    assert [r["status"] for r in report["results"]] == ["ok", "ok"]
    # every task ran exactly once over both processes
    assert sorted(_calls(tmp_path)) == ["0", "1"], (before, _calls(tmp_path))
    assert json.loads(report_file.read_text(encoding="utf-8"))["answer"] == report["answer"]
    again = _cli(tmp_path, "run", "--resume", run_id)
    assert again.returncode == 0 and "had already finished" in again.stderr
    assert again.stdout.startswith("Answer:")
