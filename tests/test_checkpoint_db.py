"""A broken checkpoint database (garbage, truncated, foreign schema, locked) through the CLI.

Each gives one ``hgpt: error:`` line naming the file and the fix, exit 2, and no traceback.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import hgpt_langchain.checkpoint as checkpoint
from hgpt_langchain.cli import main
from tests.helpers import EchoExecutor, FirstModelSelector

PLAN = {"tasks": [{"id": 0, "task": "summarization", "dep": [], "args": {"text": "hello"}}]}


@pytest.fixture
def db(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    import hgpt_langchain.graph as graph_module

    path = tmp_path / "cp.sqlite"
    monkeypatch.setenv("HGPT_CHECKPOINT_DB", str(path))
    monkeypatch.setenv("HGPT_WORKSPACE_DIR", str(tmp_path / "runs"))
    real = graph_module.build_graph

    def build_graph(llm=None, **kw):
        kw.update(selector=FirstModelSelector(), executor=EchoExecutor(), planner=PLAN)
        return real(llm, **kw)

    monkeypatch.setattr(graph_module, "build_graph", build_graph)
    return path


def _fails_clearly(capsys, db: Path, *words: str, argv=("run", "summarize hello")) -> str:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert code == 2, (out, err)
    assert err.startswith("hgpt: error:") and "Traceback" not in err, err
    assert str(db) in err and "HGPT_CHECKPOINT_DB" in err, err
    for word in words:
        assert word in err, err
    return err


def test_a_healthy_database_works(db: Path, capsys):
    assert main(["run", "summarize hello"]) == 0
    assert db.stat().st_size > 0


def test_a_garbage_file_is_refused_with_the_fix(db: Path, capsys):
    db.write_bytes(b"this is not a database\n" * 100)
    _fails_clearly(capsys, db, "not a SQLite database", "mv ")
    assert db.read_bytes().startswith(b"this is not"), "the user's file is left alone"


def test_a_truncated_database_is_refused_with_the_fix(db: Path, capsys):
    assert main(["run", "summarize hello"]) == 0
    capsys.readouterr()
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 3])
    _fails_clearly(capsys, db, "damaged")
    _fails_clearly(capsys, db, "damaged", argv=("run", "--resume", "some-run"))


def test_a_database_of_another_program_is_refused(db: Path, capsys):
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE checkpoints (id INTEGER PRIMARY KEY, blob TEXT)")
    conn.commit()
    conn.close()
    _fails_clearly(capsys, db, "not an hgpt checkpoint database")


def test_a_locked_database_is_refused_after_a_short_wait(
    db: Path, capsys, monkeypatch: pytest.MonkeyPatch
):
    assert main(["run", "summarize hello"]) == 0
    capsys.readouterr()
    monkeypatch.setattr(checkpoint, "LOCK_TIMEOUT_S", 0.2)
    holder = sqlite3.connect(db)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        _fails_clearly(capsys, db, "locked")
    finally:
        holder.rollback()
        holder.close()
