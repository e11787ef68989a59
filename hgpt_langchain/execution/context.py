"""Which plan task is running in the current thread (set by the scheduler for executors).

The :class:`~hgpt_langchain.execution.base.Executor` protocol passes the task *type*, not the plan
task id; executors read the id from here to give outputs stable names (``outputs/task-3.png``).
"""

from __future__ import annotations

import contextvars
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

_CURRENT_TASK: contextvars.ContextVar[int | None] = contextvars.ContextVar(
    "hgpt_current_task_id", default=None
)


def current_task_id() -> int | None:
    """The id of the plan task being executed in this context, or ``None`` outside one."""
    return _CURRENT_TASK.get()


@contextmanager
def task_context(task_id: int | None) -> Iterator[None]:
    """Mark the code inside the ``with`` block as running plan task ``task_id``."""
    token = _CURRENT_TASK.set(task_id)
    try:
        yield
    finally:
        _CURRENT_TASK.reset(token)


def output_stem(task_name: str, suffix: str = "") -> str:
    """A stable output file stem: ``task-<id>[-suffix]``, or a unique one outside a plan."""
    task_id = current_task_id()
    base = f"task-{task_id}" if task_id is not None else f"{task_name}-{uuid.uuid4().hex[:8]}"
    return f"{base}-{suffix}" if suffix else base
