"""What every planner returns, and the planner protocol."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from langchain_core.messages import BaseMessage

from hgpt_langchain.state import Plan


@dataclass
class PlanResult:
    """A validated plan and how it was made."""

    plan: Plan
    """The validated plan (empty when there is nothing for a model to do)."""
    raw: str | None = None
    """Raw planner output of the last attempt (for debugging)."""
    llm_calls: int = 0
    """LLM calls the planner made (0 for the offline planner)."""
    planner: str = "llm"
    """Which planner made it: 'llm', 'offline' or 'static'."""
    confidence: float | None = None
    """The planner's confidence in [0, 1], where it has one (offline planner)."""
    problems: list[str] = field(default_factory=list)
    """Validation problems that were repaired (empty for a first-time valid plan)."""


@runtime_checkable
class Planner(Protocol):
    """Turns a request into a validated plan."""

    def plan(
        self, request: str, files: Sequence[str] = (), history: Sequence[BaseMessage] = ()
    ) -> PlanResult:
        """Plan ``request`` given input ``files`` and the conversation ``history``."""
        ...


class StaticPlanner:
    """A planner that always returns the same plan (tests, benchmarks, user-edited plans)."""

    def __init__(self, plan: Plan | dict | list):
        from hgpt_langchain.planning.validate import validate_plan

        validation = validate_plan(plan)
        if not validation.ok:
            from hgpt_langchain.errors import PlanningError

            raise PlanningError(
                "The given plan is invalid: " + " ".join(validation.problems),
                problems=validation.problems,
            )
        self._plan = validation.plan

    def plan(
        self, request: str, files: Sequence[str] = (), history: Sequence[BaseMessage] = ()
    ) -> PlanResult:
        """Return the fixed plan."""
        return PlanResult(self._plan.model_copy(deep=True), planner="static")
