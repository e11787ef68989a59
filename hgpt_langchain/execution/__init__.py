"""Stage 3: running tasks. Workspaces, executors (local, remote, hybrid) and the DAG scheduler.

The names below load on first use, so importing one module of this package (say
:mod:`~hgpt_langchain.execution.base` for the protocol) does not load the others. Heavy
libraries (torch, transformers, diffusers) are imported only when a local model runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hgpt_langchain._lazy import lazy_getattr

if TYPE_CHECKING:
    from hgpt_langchain.execution.base import ExecutionOutput, Executor
    from hgpt_langchain.execution.context import current_task_id, task_context
    from hgpt_langchain.execution.local import ROUTES, LocalExecutor
    from hgpt_langchain.execution.policy import HybridExecutor, default_executor
    from hgpt_langchain.execution.remote import REMOTE_CALLS, RemoteExecutor
    from hgpt_langchain.execution.scheduler import Scheduler
    from hgpt_langchain.execution.sleep import SleepExecutor
    from hgpt_langchain.execution.workspace import Workspace

_EXPORTS: dict[str, str] = {
    "ExecutionOutput": "hgpt_langchain.execution.base",
    "Executor": "hgpt_langchain.execution.base",
    "current_task_id": "hgpt_langchain.execution.context",
    "task_context": "hgpt_langchain.execution.context",
    "ROUTES": "hgpt_langchain.execution.local",
    "LocalExecutor": "hgpt_langchain.execution.local",
    "HybridExecutor": "hgpt_langchain.execution.policy",
    "default_executor": "hgpt_langchain.execution.policy",
    "REMOTE_CALLS": "hgpt_langchain.execution.remote",
    "RemoteExecutor": "hgpt_langchain.execution.remote",
    "Scheduler": "hgpt_langchain.execution.scheduler",
    "SleepExecutor": "hgpt_langchain.execution.sleep",
    "Workspace": "hgpt_langchain.execution.workspace",
}

__all__ = [
    "REMOTE_CALLS",
    "ROUTES",
    "ExecutionOutput",
    "Executor",
    "HybridExecutor",
    "LocalExecutor",
    "RemoteExecutor",
    "Scheduler",
    "SleepExecutor",
    "Workspace",
    "current_task_id",
    "default_executor",
    "task_context",
]


__getattr__ = lazy_getattr(__name__, _EXPORTS, globals())


def __dir__() -> list[str]:
    return __all__
