"""The ``auto`` planner, and the one place that turns a ``planner=`` argument into a planner.

:class:`AutoPlanner` plans offline first and asks the LLM planner only when the offline plan is
not confident. :func:`make_planner` resolves what :func:`~hgpt_langchain.graph.build_graph`,
``hgpt plan`` and the MCP server accept as ``planner`` (a name, a planner object or a fixed plan).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal

from hgpt_langchain.errors import ConfigurationError
from hgpt_langchain.planning.base import Planner, PlanResult, StaticPlanner
from hgpt_langchain.state import Plan
from hgpt_langchain.workers import run_blocking

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel
    from langchain_core.messages import BaseMessage

PlannerName = Literal["llm", "offline", "auto"]
"""The planners known by name."""


class AutoPlanner:
    """Offline plan when the offline planner is confident, the LLM planner otherwise.

    With no LLM configured the offline plan is always used.
    """

    def __init__(self, offline: Any, llm_planner: Any | None):
        self.offline = offline
        self.llm_planner = llm_planner

    def plan(
        self, request: str, files: Sequence[str] = (), history: Sequence[BaseMessage] = ()
    ) -> PlanResult:
        """Plan offline first; fall back to the LLM when the offline plan is not confident."""
        result = self.offline.plan(request, files, history)
        if self.llm_planner is None or self.offline.confident(result):
            return result
        return self.llm_planner.plan(request, files, history)

    async def aplan(
        self, request: str, files: Sequence[str] = (), history: Sequence[BaseMessage] = ()
    ) -> PlanResult:
        """Async :meth:`plan`: the offline plan in the worker pool, the LLM's async API."""
        result = await run_blocking(self.offline.plan, request, files, history)
        if self.llm_planner is None or self.offline.confident(result):
            return result
        return await self.llm_planner.aplan(request, files, history)  # type: ignore[no-any-return]


def make_planner(
    planner: PlannerName | Planner | Plan | dict | None, llm: BaseChatModel | None
) -> Planner:
    """Resolve the ``planner`` argument of :func:`~hgpt_langchain.graph.build_graph`.

    Raises:
        ConfigurationError: ``planner="llm"`` without a chat model.
    """
    if isinstance(planner, Plan | dict | list):
        return StaticPlanner(planner)
    if planner is not None and not isinstance(planner, str):
        return planner
    name = planner or ("auto" if llm is None else "llm")
    if name == "llm":
        if llm is None:
            from hgpt_langchain.llm import HOW_TO_CONFIGURE

            raise ConfigurationError(f"The LLM planner needs a chat model. {HOW_TO_CONFIGURE}")
        from hgpt_langchain.planning.llm import LLMPlanner

        return LLMPlanner(llm)
    if name in ("offline", "auto"):
        from hgpt_langchain.planning.offline import OfflinePlanner

        offline = OfflinePlanner()
        if name == "offline":
            return offline
        from hgpt_langchain.planning.llm import LLMPlanner

        return AutoPlanner(offline, LLMPlanner(llm) if llm is not None else None)
    raise ConfigurationError(f"Unknown planner {name!r}: use 'llm', 'offline' or 'auto'.")
