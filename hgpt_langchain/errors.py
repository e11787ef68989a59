"""Named exceptions. Each message says what went wrong and what to do about it."""

from __future__ import annotations


class HuggingGPTError(Exception):
    """Base class of every error hgpt_langchain raises on purpose."""


class ConfigurationError(HuggingGPTError):
    """Something the user must configure is missing or wrong (LLM, token, catalog path)."""


class PlanningError(HuggingGPTError):
    """The planner could not produce a valid plan, even after one repair round.

    Attributes:
        problems: The validation problems of the last attempt.
        raw: The raw planner output of the last attempt, for debugging.
    """

    def __init__(self, message: str, *, problems: list[str] | None = None, raw: str | None = None):
        super().__init__(message)
        self.problems = list(problems or [])
        self.raw = raw


class ExecutionError(HuggingGPTError):
    """A task failed to run. ``transient`` marks errors worth a retry (503, timeouts)."""

    def __init__(self, message: str, *, transient: bool = False):
        super().__init__(message)
        self.transient = transient


class UnsupportedTaskError(ExecutionError):
    """The task type has no executor path for this back end (local or remote)."""


class WorkspaceError(HuggingGPTError):
    """A path left the run's workspace, or a URL was not allowed to be fetched."""
