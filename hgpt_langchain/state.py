"""Typed data that crosses stage boundaries, and the LangGraph state that carries it.

Each stage reads and writes only these models: the planner produces a :class:`Plan`, the selector
a :class:`ModelChoice` per task, the executor a :class:`TaskResult` per task and the responder the
answer and a :class:`Report`. All of them are JSON-serialisable (``model_dump(mode="json")``).
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from langchain_core.messages import AnyMessage
from pydantic import BaseModel, Field
from typing_extensions import TypedDict


def add_messages(left: Any, right: Any, **kwargs: Any) -> Any:
    """LangGraph's ``add_messages`` reducer of the ``messages`` channel.

    Imported when a graph first merges messages: ``langgraph.graph`` takes about half a second to
    import, and planning alone (``hgpt plan``) never needs it.
    """
    from langgraph.graph.message import add_messages as reducer

    return reducer(left, right, **kwargs)


RESOURCE_RE = re.compile(r"<resource>-(\d+)")
"""``<resource>-k`` in a task argument means "the output of task k"."""


def resource_refs(value: str) -> list[int]:
    """Return the task ids that ``value`` refers to with ``<resource>-k``."""
    return [int(m) for m in RESOURCE_RE.findall(value)]


class Task(BaseModel):
    """One planned task: a node of the plan DAG."""

    id: int = Field(description="Unique task id within the plan.")
    task: str = Field(description="Task type, a name from the task registry.")
    dep: list[int] = Field(
        default_factory=list, description="Ids of tasks whose output this task needs."
    )
    args: dict[str, str] = Field(
        default_factory=dict,
        description="Arguments by name; '<resource>-k' stands for the output of task k.",
    )


class Plan(BaseModel):
    """A validated DAG of tasks (possibly empty: nothing for a model to do)."""

    tasks: list[Task] = Field(default_factory=list)

    def by_id(self) -> dict[int, Task]:
        """Tasks keyed by id."""
        return {t.id: t for t in self.tasks}


class Candidate(BaseModel):
    """A model considered for a task, with its retrieval score."""

    id: str
    score: float
    likes: int = 0
    downloads: int = 0
    available: bool | None = None
    """True when known to run here (cached locally or reachable remotely); None if unknown."""


class ModelChoice(BaseModel):
    """The model picked for one task, the alternatives and why."""

    task_id: int
    task: str
    model: str | None = Field(description="Chosen model id; None when no model fits.")
    candidates: list[Candidate] = Field(
        default_factory=list, description="Ranked candidates, chosen first; fallbacks follow."
    )
    reason: str = ""


TaskStatus = Literal["ok", "failed", "skipped"]


class TaskResult(BaseModel):
    """What running one task produced."""

    task_id: int
    task: str
    model: str | None = None
    status: TaskStatus
    output: str | None = Field(
        default=None, description="Text output, or a short text rendering of the result."
    )
    files: list[str] = Field(
        default_factory=list, description="Artifacts produced (paths inside the workspace)."
    )
    data: Any = Field(default=None, description="Structured output (labels, boxes, scores).")
    error: str | None = None
    seconds: float = 0.0
    attempts: list[str] = Field(
        default_factory=list, description="Models tried in order, with the error of failed ones."
    )
    executor: str | None = Field(default=None, description="'local', 'remote' or a custom name.")

    def main_output(self, modality: str) -> str | None:
        """What ``<resource>-k`` resolves to for an argument of ``modality``."""
        if modality == "text":
            return (
                self.output if self.output is not None else (self.files[0] if self.files else None)
            )
        for path in self.files:
            from hgpt_langchain.tasks import modality_of_path

            if modality_of_path(path) == modality:
                return path
        return self.files[0] if self.files else None


class Report(BaseModel):
    """Everything one request produced: the structured counterpart of the answer."""

    request: str
    files: list[str] = Field(default_factory=list)
    plan: Plan = Field(default_factory=Plan)
    choices: list[ModelChoice] = Field(default_factory=list)
    results: list[TaskResult] = Field(default_factory=list)
    answer: str = ""
    planner: str | None = None
    llm_calls: int = 0
    workspace: str | None = None
    errors: list[str] = Field(default_factory=list)


def merge_dicts(left: dict | None, right: dict | None) -> dict:
    """Reducer: merge per-key dicts so parallel writers never overwrite each other.

    Writing ``None`` resets the value (the planner does so at the start of each request).
    """
    if right is None:
        return {}
    return {**(left or {}), **right}


class InputState(TypedDict, total=False):
    """What a caller passes in: a request (or messages) and input files."""

    request: str
    """The user's request. If absent, the last human message is used."""
    files: list[str]
    """Paths or URLs of input files (images, audio, video, documents)."""
    messages: Annotated[list[AnyMessage], add_messages]
    """Conversation so far (multi-turn). The answer is appended as an AI message."""


class OutputState(TypedDict, total=False):
    """What a caller gets back."""

    answer: str
    report: dict[str, Any]
    messages: Annotated[list[AnyMessage], add_messages]


class HuggingGPTState(InputState, OutputState, total=False):
    """The one state the four stages share.

    ``plan`` -> ``select`` -> ``execute`` -> ``respond``; each node writes only its own keys.
    """

    plan: Plan | None
    """Validated plan (stage 1)."""
    plan_raw: str | None
    """Raw planner output, kept for debugging when parsing or validation failed."""
    planner: str | None
    """Which planner produced the plan ('llm', 'offline', 'user')."""
    choices: Annotated[dict[int, ModelChoice], merge_dicts]
    """Stage 2: model choice per task id."""
    results: Annotated[dict[int, TaskResult], merge_dicts]
    """Stage 3: result per task id (written as tasks finish)."""
    workspace: str | None
    """Folder of this run's inputs and outputs."""
    llm_calls: Annotated[dict[str, int], merge_dicts]
    """LLM calls made for this request, by stage (reset at each new request)."""
    errors: list[str]
    """Stage-level errors of this request (planning failed, ...), reported in the answer."""
    artifacts: list[str]
    """Files produced by earlier turns of this thread, so later requests can refer to them."""
