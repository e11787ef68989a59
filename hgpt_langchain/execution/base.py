"""The executor protocol and what an executor returns.

Implementations: :class:`~hgpt_langchain.execution.local.LocalExecutor`,
:class:`~hgpt_langchain.execution.remote.RemoteExecutor`,
:class:`~hgpt_langchain.execution.policy.HybridExecutor`,
:class:`~hgpt_langchain.execution.sleep.SleepExecutor` (and the MCP and Ray Serve executors).
Anything with the same methods can be passed instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:
    from hgpt_langchain.execution.workspace import Workspace
    from hgpt_langchain.tasks import TaskSpec


@dataclass
class ExecutionOutput:
    """What an executor returns for one task run."""

    text: str | None = None
    """Text output (or a short text rendering of structured output)."""
    files: list[str] = field(default_factory=list)
    """Files written into the workspace (images as PNG, audio as WAV, video as MP4)."""
    data: Any = None
    """Structured output (labels and scores, boxes, ...), JSON-serialisable."""
    executor: str | None = None
    """Which executor produced it ('local', 'remote', ...)."""


@runtime_checkable
class Executor(Protocol):
    """Runs one task with one model.

    An executor may also define ``async def arun(task, model, args, workspace)`` with the same
    meaning: the async scheduler (``graph.ainvoke``) awaits it on the event loop instead of
    running :meth:`run` in the worker pool (``RemoteExecutor``, ``HybridExecutor``).
    """

    name: str

    def run(
        self, task: TaskSpec, model: str, args: dict[str, str], workspace: Workspace
    ) -> ExecutionOutput:
        """Run ``task`` with ``model`` on resolved ``args`` (no ``<resource>-k`` left).

        File arguments are paths inside ``workspace`` (or allowed URLs). Outputs are written
        into the workspace. Raise :class:`~hgpt_langchain.errors.ExecutionError` on failure
        (``transient=True`` for errors worth retrying).
        """
        ...
