"""Stage 3: running tasks. Workspaces, executors (local, remote, hybrid) and the DAG scheduler.

Heavy libraries (torch, transformers, diffusers) are imported only when a local model runs.
"""

from hgpt_langchain.execution.context import current_task_id, task_context
from hgpt_langchain.execution.local import ROUTES, LocalExecutor
from hgpt_langchain.execution.policy import HybridExecutor, default_executor
from hgpt_langchain.execution.remote import REMOTE_CALLS, RemoteExecutor
from hgpt_langchain.execution.scheduler import Scheduler
from hgpt_langchain.execution.sleep import SleepExecutor
from hgpt_langchain.execution.workspace import Workspace

__all__ = [
    "REMOTE_CALLS",
    "ROUTES",
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
