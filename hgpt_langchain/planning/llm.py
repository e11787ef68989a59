"""The LLM planner: one chat-model call turns a request into a validated plan.

The prompt is a specification with the registry's task list, few-shot demonstrations (single,
chain and DAG requests, shipped as ``hgpt_langchain/prompts/plan.yaml``) and the conversation
trimmed to a token budget. Output is read from a tool call (``submit_plan``) where the model
supports tool calling, else extracted tolerantly from text. An invalid plan gets one repair round
that feeds the exact validation problems back; if it is still invalid,
:class:`~hgpt_langchain.errors.PlanningError`.
The prompt never lists models, so its size does not grow with the catalog.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Generator, Sequence
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import (
    AIMessage,
    BaseMessage,
    HumanMessage,
    SystemMessage,
)
from langchain_core.messages.utils import count_tokens_approximately, trim_messages
from pydantic import BaseModel, Field

from hgpt_langchain.errors import PlanningError
from hgpt_langchain.llm import ainvoke_llm, invoke_llm
from hgpt_langchain.planning.base import PlanResult
from hgpt_langchain.planning.jsonish import extract_json
from hgpt_langchain.planning.validate import needs_a_model, validate_plan
from hgpt_langchain.planning.wording import is_small_talk
from hgpt_langchain.prompts import load_prompt
from hgpt_langchain.tasks import TASKS

logger = logging.getLogger(__name__)


def task_list_text() -> str:
    """The registry as prompt lines: ``name: arg (modality), ... -> outputs. description``."""
    lines = []
    for spec in TASKS.values():
        args = ", ".join(
            f"{a.name} ({a.modality}{'' if a.required else ', optional'})" for a in spec.args
        )
        lines.append(f"- {spec.name}: {args} -> {'/'.join(spec.outputs)}. {spec.description}")
    return "\n".join(lines)


def task_list_compact() -> str:
    """The registry as short prompt lines: ``name: arg, arg -> output``."""
    return "\n".join(
        f"- {spec.name}: {', '.join(a.name for a in spec.args)} -> {spec.output}. "
        f"{spec.description.split('(')[0].rstrip(' .')}."
        for spec in TASKS.values()
    )


JSON_SCHEMA_CHAT_MODELS = {"ChatLocalGGUF", "ChatOpenAI", "AzureChatOpenAI", "ChatOllama"}
"""Chat model classes whose provider decodes under a JSON schema (``response_format``)."""


class PlannedTask(BaseModel):
    """One task of a plan (tool-calling schema)."""

    id: int = Field(description="Unique task id, starting at 0.")
    task: str = Field(description="Task type from the list.")
    dep: list[int] = Field(default_factory=list, description="Ids of tasks whose output is used.")
    args: dict[str, str] = Field(
        default_factory=dict, description="Arguments; '<resource>-k' is the output of task k."
    )


class submit_plan(BaseModel):  # noqa: N801 - the tool name the model sees
    """Submit the plan for the user's request (an empty list when no model is needed)."""

    tasks: list[PlannedTask] = Field(default_factory=list)


def _files_line(files: Sequence[str]) -> str:
    names = [f.replace("\\", "/").rsplit("/", 1)[-1] for f in files]
    return f"\nFiles: {', '.join(names)}" if names else ""


class LLMPlanner:
    """Plan with any LangChain chat model.

    Args:
        llm: The chat model.
        history_tokens: Budget (approximate tokens) for earlier conversation turns.
        repair: Whether an invalid plan gets one repair round.
        structured: ``"auto"`` uses tool calling when the model supports it, ``False`` never.
        constrained: Decode under the registry's JSON schema (:mod:`.schema`): local models and
            providers with JSON-schema output get ``response_format`` (local: positional schema,
            so ids, ``dep`` and ``<resource>-k`` can only name earlier tasks; API models:
            ``with_structured_output(method="json_schema", strict=True)``), others a forced
            ``submit_plan`` tool with that schema. ``"auto"``: on unless ``structured`` is off;
            ``"tool"``: always the forced tool.
        compact: Use the short prompt (``prompts/plan_short.yaml``); default: when the model
            says it prefers short prompts (local models).
        draft: A planner (e.g. the offline planner) whose plan is shown to the LLM as a draft.

    Example:
        >>> planner = LLMPlanner(init_chat_model("openai:gpt-4o-mini"))  # doctest: +SKIP
        >>> planner.plan("Describe photo.jpg", files=["photo.jpg"]).plan  # doctest: +SKIP
    """

    def __init__(
        self,
        llm: BaseChatModel,
        *,
        history_tokens: int = 1500,
        repair: bool = True,
        structured: bool | str = "auto",
        constrained: bool | str = "auto",
        compact: bool | None = None,
        draft: Any | None = None,
    ):
        self.llm = llm
        self.history_tokens = history_tokens
        self.repair = repair
        self.constrained = bool(structured) if constrained == "auto" else bool(constrained)
        self.method = "tool" if constrained == "tool" else "auto"
        self.compact = (
            bool(getattr(llm, "prefers_short_prompts", False)) if compact is None else compact
        )
        self.draft = draft
        self.usage = {"input_tokens": 0, "output_tokens": 0}
        """Tokens over all calls, where the model reports them."""
        self._bound = self._bind(llm) if structured and not self.constrained else llm

    def _schema_runnable(self, files: Sequence[str], request: str = "") -> tuple[Any, str]:
        """The model bound to this request's plan schema, and how (``json_schema`` or ``tool``)."""
        from hgpt_langchain.planning.schema import plan_json_schema

        kind = type(self.llm).__name__
        if kind == "ChatLocalGGUF" and self.method != "tool":
            # Small local models answer [] to requests that need models (measured: 2 of 5
            # TaskBench requests); under the schema they plan at least one task unless the
            # request is only small talk. API models keep the choice of an empty plan.
            min_tasks = 0 if not files and is_small_talk(request) else 1
            schema = plan_json_schema(files=files or None, min_tasks=min_tasks)
            fmt = {"type": "json_schema", "json_schema": {"name": "submit_plan", "schema": schema}}
            return self.llm.bind(response_format=fmt), "json_schema"
        min_tasks = 1 if needs_a_model(request, files) else 0
        schema = plan_json_schema(
            positional=False, files=files or None, min_tasks=min_tasks, strict=True
        )
        if kind in JSON_SCHEMA_CHAT_MODELS and self.method != "tool":
            try:
                return (
                    self.llm.with_structured_output(
                        schema, method="json_schema", strict=True, include_raw=True
                    ),
                    "json_schema",
                )
            except (NotImplementedError, TypeError, ValueError):
                pass
        tool = {
            "type": "function",
            "function": {
                "name": "submit_plan",
                "description": schema["description"],
                "parameters": schema,
            },
        }
        try:
            return self.llm.bind_tools([tool], tool_choice=_tool_choice(self.llm)), "tool"
        except (NotImplementedError, TypeError, ValueError):
            return self._bind(self.llm), "tool"

    @staticmethod
    def _bind(llm: BaseChatModel) -> Any:
        try:
            return llm.bind_tools([submit_plan], tool_choice=_tool_choice(llm))
        except (NotImplementedError, TypeError, ValueError):
            try:
                return llm.bind_tools([submit_plan])
            except (NotImplementedError, TypeError, ValueError):
                return llm

    def messages(
        self, request: str, files: Sequence[str] = (), history: Sequence[BaseMessage] = ()
    ) -> list[BaseMessage]:
        """Build the planning prompt (exposed for inspection and token counting)."""
        prompt = load_prompt("plan_short" if self.compact else "plan")
        task_list = task_list_compact() if self.compact else task_list_text()
        msgs: list[BaseMessage] = [SystemMessage(prompt["system"].format(task_list=task_list))]
        for demo in prompt["demonstrations"]:
            msgs.append(HumanMessage(demo["request"] + _files_line(demo.get("files", []))))
            msgs.append(AIMessage(json.dumps(demo["plan"], ensure_ascii=False)))
        if history:
            trimmed = trim_messages(
                list(history),
                max_tokens=self.history_tokens,
                token_counter=count_tokens_approximately,
                strategy="last",
                start_on="human",
                include_system=False,
                allow_partial=False,
            )
            msgs.extend(m for m in trimmed if not isinstance(m, SystemMessage))
        last = request + _files_line(files)
        if self.draft is not None:
            try:
                draft_plan = self.draft.plan(request, files, history).plan
            except Exception as err:  # noqa: BLE001 - a draft is optional help
                logger.info("no draft plan: %s", err)
            else:
                tasks = [t.model_dump(mode="json") for t in draft_plan.tasks]
                text = json.dumps({"tasks": tasks}, ensure_ascii=False)
                last += "\n" + load_prompt("plan_short")["draft"].format(draft=text)
        msgs.append(HumanMessage(last))
        return msgs

    def plan(
        self, request: str, files: Sequence[str] = (), history: Sequence[BaseMessage] = ()
    ) -> PlanResult:
        """Plan ``request``.

        Raises:
            PlanningError: The output could not be read as a valid plan, even after repair.
        """
        steps = self._steps(request, files, history)
        bound, msgs = next(steps)
        while True:
            try:
                bound, msgs = steps.send(
                    invoke_llm(bound, msgs, purpose="planning", model=self.llm)
                )
            except StopIteration as stop:
                return stop.value  # type: ignore[no-any-return]

    async def aplan(
        self, request: str, files: Sequence[str] = (), history: Sequence[BaseMessage] = ()
    ) -> PlanResult:
        """Async :meth:`plan` (the chat model's ``ainvoke``).

        Raises:
            PlanningError: The output could not be read as a valid plan, even after repair.
        """
        steps = self._steps(request, files, history)
        bound, msgs = next(steps)
        while True:
            try:
                bound, msgs = steps.send(
                    await ainvoke_llm(bound, msgs, purpose="planning", model=self.llm)
                )
            except StopIteration as stop:
                return stop.value  # type: ignore[no-any-return]

    def _steps(
        self, request: str, files: Sequence[str], history: Sequence[BaseMessage]
    ) -> Generator[tuple[Any, list[BaseMessage]], Any, PlanResult]:
        """The planning dialogue: yields (model, prompt), receives replies, returns the plan."""
        msgs = self.messages(request, files, history)
        bound = self._schema_runnable(files, request)[0] if self.constrained else self._bound
        calls = 0
        problems: list[str] = []
        raw = ""
        for attempt in range(2 if self.repair else 1):
            reply = yield bound, msgs
            calls += 1
            if isinstance(reply, dict) and "raw" in reply:  # with_structured_output(include_raw)
                reply = reply["raw"]
            for key, value in (getattr(reply, "usage_metadata", None) or {}).items():
                if key in self.usage:
                    self.usage[key] += int(value or 0)
            parsed, raw = _read_reply(reply)
            if parsed is None:
                problems = [
                    "The reply was not valid JSON. Return only a JSON object "
                    '{"tasks": [...]} with no other text.'
                ]
            else:
                validation = validate_plan(parsed, files=files or None, request=request)
                if validation.ok:
                    if validation.fixes:
                        logger.info("plan fixed automatically: %s", "; ".join(validation.fixes))
                    return PlanResult(
                        validation.plan, raw=raw, llm_calls=calls, planner="llm", problems=problems
                    )
                problems = validation.problems
            logger.warning("plan attempt %d invalid: %s", attempt + 1, " ".join(problems))
            msgs = [
                *msgs,
                AIMessage(raw),
                HumanMessage(
                    load_prompt("plan_short" if self.compact else "plan")["repair"].format(
                        problems="\n".join(f"- {p}" for p in problems)
                    )
                ),
            ]
        error = PlanningError(
            "The planner's output is not a valid plan"
            + (" after one repair round" if self.repair else "")
            + ": "
            + " ".join(problems)
            + " Try rephrasing the request, or use a stronger model (--llm).",
            problems=problems,
            raw=raw,
        )
        error.llm_calls = calls  # type: ignore[attr-defined]
        raise error


def _tool_choice(llm: BaseChatModel) -> Any:
    """The ``tool_choice`` that forces ``submit_plan`` on ``llm``.

    llama-cpp-python ignores a string ``tool_choice`` (only the dict form turns its JSON-schema
    grammar on), so ``ChatLlamaCpp`` gets the dict.
    """
    if type(llm).__name__ == "ChatLlamaCpp":
        return {"type": "function", "function": {"name": "submit_plan"}}
    return "submit_plan"


def _read_reply(reply: BaseMessage) -> tuple[Any | None, str]:
    """Return (parsed plan data or None, raw text) from a model reply."""
    tool_calls = getattr(reply, "tool_calls", None) or []
    for call in tool_calls:
        if call.get("name") in ("submit_plan", "Plan", "plan"):
            return call.get("args", {}), json.dumps(call.get("args", {}), ensure_ascii=False)
    text = str(reply.text)
    return extract_json(text), text
