"""A scripted chat model for tests: realistic planner/responder outputs, call counting."""

from __future__ import annotations

from typing import Any

from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage, BaseMessage


class ScriptedChatModel(GenericFakeChatModel):
    """``GenericFakeChatModel`` that records the prompts it saw and supports ``bind_tools``.

    Give it ``responses`` (strings or AIMessages) in the order the graph will call it.
    """

    prompts: list[list[BaseMessage]] = []

    def __init__(self, responses: list[str | AIMessage], **kwargs: Any):
        msgs = [r if isinstance(r, AIMessage) else AIMessage(content=r) for r in responses]
        super().__init__(messages=iter(msgs), **kwargs)
        self.prompts = []

    def _generate(self, messages, stop=None, run_manager=None, **kwargs):  # type: ignore[override]
        self.prompts.append(list(messages))
        return super()._generate(messages, stop=stop, run_manager=run_manager, **kwargs)

    @property
    def calls(self) -> int:
        """How many times the model was called."""
        return len(self.prompts)

    def bind_tools(self, tools: Any, **kwargs: Any) -> ScriptedChatModel:  # type: ignore[override]
        return self
