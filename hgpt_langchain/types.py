"""The selector protocol: what model selection promises the graph.

Implementations: :class:`hgpt_langchain.selection.RetrievalSelector` (and ``LLMSelector``).
Anything with the same method can be passed instead. The executor protocol lives in
:mod:`hgpt_langchain.execution.base`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from hgpt_langchain.state import ModelChoice, Plan


@runtime_checkable
class Selector(Protocol):
    """Chooses a model for every task of a plan."""

    def select(self, plan: Plan, request: str) -> dict[int, ModelChoice]:
        """Return a :class:`ModelChoice` per task id, candidates ranked best first."""
        ...
