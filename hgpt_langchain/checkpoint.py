"""Durable runs: a SQLite checkpointer whose serializer knows the graph's state types.

The graph state holds pydantic models (:class:`~hgpt_langchain.state.Plan`,
:class:`~hgpt_langchain.state.ModelChoice`, :class:`~hgpt_langchain.state.TaskResult`). LangGraph's
default serializer revives unregistered types with a warning (and refuses them under
``LANGGRAPH_STRICT_MSGPACK=true``), so :func:`checkpoint_serializer` builds a
``JsonPlusSerializer`` with an explicit allowlist: LangGraph's safe types (messages, dates, ...)
plus the state models, and nothing else.

Example:
    >>> from hgpt_langchain import build_graph
    >>> from hgpt_langchain.checkpoint import sqlite_checkpointer
    >>> with sqlite_checkpointer("runs.sqlite") as saver:  # doctest: +SKIP
    ...     graph = build_graph(checkpointer=saver)
    ...     config = {"configurable": {"thread_id": "run-1"}}
    ...     graph.invoke({"request": "Describe photo.jpg", "files": ["photo.jpg"]}, config)
    ...     # after a crash: graph.invoke(None, config) finishes without redoing finished tasks
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from hgpt_langchain.errors import ConfigurationError

logger = logging.getLogger(__name__)

STATE_TYPES: tuple[tuple[str, str], ...] = tuple(
    ("hgpt_langchain.state", name)
    for name in ("Plan", "Task", "ModelChoice", "Candidate", "TaskResult", "Report")
)
"""``(module, class)`` of every model the graph keeps in its state (the serializer allowlist)."""

DEFAULT_CHECKPOINT_DB = Path("~/.cache/hgpt_langchain/checkpoints.sqlite")
"""Where ``hgpt run`` keeps its checkpoints (override with ``HGPT_CHECKPOINT_DB``)."""


def checkpoint_db_path(path: str | os.PathLike[str] | None = None) -> Path:
    """The checkpoint database to use: ``path``, else ``HGPT_CHECKPOINT_DB``, else the default.

    Args:
        path: An explicit database file.

    Returns:
        The expanded path (its folder is not created here).
    """
    chosen = path or os.environ.get("HGPT_CHECKPOINT_DB") or DEFAULT_CHECKPOINT_DB
    return Path(chosen).expanduser()


def checkpoint_serializer() -> Any:
    """A ``JsonPlusSerializer`` that revives LangGraph's safe types and the state models only.

    Returns:
        The serializer, to pass as ``serde=`` to any LangGraph checkpointer.
    """
    from langgraph.checkpoint.serde.jsonplus import JsonPlusSerializer

    return JsonPlusSerializer(allowed_msgpack_modules=STATE_TYPES)


def _sqlite_saver_class() -> Any:
    try:
        from langgraph.checkpoint.sqlite import SqliteSaver
    except ImportError as err:
        raise ConfigurationError(
            "Durable runs need the SQLite checkpointer: pip install 'hgpt-langchain[durable]' "
            "(langgraph-checkpoint-sqlite)."
        ) from err
    return SqliteSaver


@contextmanager
def sqlite_checkpointer(path: str | os.PathLike[str] | None = None) -> Iterator[Any]:
    """Open a SQLite checkpointer (``langgraph-checkpoint-sqlite``) with the state allowlist.

    Args:
        path: Database file (created with its folder if missing), ``":memory:"``, or ``None``
            for ``HGPT_CHECKPOINT_DB`` / ``~/.cache/hgpt_langchain/checkpoints.sqlite``.

    Yields:
        A ``SqliteSaver``; the connection is closed when the block ends.

    Raises:
        ConfigurationError: ``langgraph-checkpoint-sqlite`` is not installed, or the database
            cannot be opened.
    """
    saver_class = _sqlite_saver_class()
    if str(path) == ":memory:":
        target = ":memory:"
    else:
        db = checkpoint_db_path(path)
        try:
            db.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise ConfigurationError(
                f"Cannot create the folder of the checkpoint database {db}: {err}. Set "
                "HGPT_CHECKPOINT_DB to a writable file."
            ) from err
        target = str(db)
    try:
        conn = sqlite3.connect(target, check_same_thread=False, timeout=LOCK_TIMEOUT_S)
    except sqlite3.Error as err:
        raise ConfigurationError(
            f"Cannot open the checkpoint database {target}: {err}. Set HGPT_CHECKPOINT_DB to a "
            "writable file."
        ) from err
    try:
        saver = saver_class(conn, serde=checkpoint_serializer())
        _check_database(saver, conn, target)
        logger.debug("Checkpoints in %s", target)
        yield saver
    finally:
        conn.close()


LOCK_TIMEOUT_S = 5.0
"""How long opening the checkpoint database waits for another process's lock."""

_EXPECTED_COLUMNS = {
    "checkpoints": {"thread_id", "checkpoint_ns", "checkpoint_id", "checkpoint", "metadata"},
    "writes": {"thread_id", "checkpoint_ns", "checkpoint_id", "task_id", "idx", "channel", "value"},
}


def _check_database(saver: Any, conn: sqlite3.Connection, target: str) -> None:
    """Refuse a garbage, truncated, foreign or locked database with a message saying what to do.

    Raises:
        ConfigurationError: The database cannot be used; the message names the file and the fix.
    """
    try:
        saver.setup()
        for table, needed in _EXPECTED_COLUMNS.items():
            have = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
            if not needed <= have:
                missing = ", ".join(sorted(needed - have))
                raise ConfigurationError(
                    f"The checkpoint database {target} is not an hgpt checkpoint database (its "
                    f"table {table!r} lacks {missing}). Set HGPT_CHECKPOINT_DB to another file, "
                    "or move this one aside; --no-checkpoint runs without checkpoints."
                )
        conn.execute("SELECT count(*) FROM checkpoints").fetchone()
        if conn.in_transaction:
            conn.commit()
        conn.execute("BEGIN IMMEDIATE")  # fail now, not mid-run, if another writer holds it
        conn.rollback()
    except sqlite3.OperationalError as err:
        if "locked" in str(err) or "busy" in str(err):
            raise ConfigurationError(
                f"The checkpoint database {target} is locked by another process (another hgpt "
                "run?). Wait for it to finish, or set HGPT_CHECKPOINT_DB to another file."
            ) from err
        raise _broken(target, err) from err
    except sqlite3.DatabaseError as err:
        raise _broken(target, err) from err


def _broken(target: str, err: Exception) -> ConfigurationError:
    return ConfigurationError(
        f"The checkpoint database {target} is damaged or not a SQLite database ({err}). Move it "
        f"aside (mv {target} {target}.broken) to start a fresh one, or set HGPT_CHECKPOINT_DB to "
        "another file; --no-checkpoint runs without checkpoints."
    )
