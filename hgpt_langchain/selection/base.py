"""The selection stage's protocol and the fixed selector.

A :class:`Selector` chooses a model for every task of a plan. Implementations:
:class:`~hgpt_langchain.selection.retrieval.RetrievalSelector` (the default, no LLM call),
:class:`~hgpt_langchain.selection.llm.LLMSelector` (one LLM call among retrieved candidates) and
:class:`StaticSelector` (fixed models). Anything with the same method can be passed instead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, runtime_checkable

from hgpt_langchain.state import Candidate, ModelChoice, Plan, Task


@runtime_checkable
class Selector(Protocol):
    """Chooses a model for every task of a plan."""

    def select(self, plan: Plan, request: str) -> dict[int, ModelChoice]:
        """Return a :class:`ModelChoice` per task id, candidates ranked best first."""
        ...


class StaticSelector:
    """Chooses fixed models, no retrieval: pinned models, dry runs, tests and benchmarks.

    Args:
        models: One model id for every task; or ``models(task) -> id | [ids]`` where the first
            id is chosen and the rest are fallbacks in order.
        reason: The reason recorded with every choice.

    Example:
        >>> StaticSelector(lambda t: [f"me/{t.task}", f"me/{t.task}-backup"])  # doctest: +SKIP
    """

    def __init__(self, models: str | Callable[[Task], str | list[str]], reason: str = "fixed"):
        self.models = models
        self.reason = reason

    def select(self, plan: Plan, request: str) -> dict[int, ModelChoice]:
        """The fixed :class:`ModelChoice` of every task of ``plan``."""
        choices = {}
        for task in plan.tasks:
            ids = self.models(task) if callable(self.models) else self.models
            ids = [ids] if isinstance(ids, str) else list(ids)
            choices[task.id] = ModelChoice(
                task_id=task.id,
                task=task.task,
                model=ids[0] if ids else None,
                candidates=[
                    Candidate(id=m, score=round(1.0 - 0.1 * i, 4)) for i, m in enumerate(ids)
                ],
                reason=self.reason,
            )
        return choices
