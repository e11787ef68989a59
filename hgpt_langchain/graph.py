"""The HuggingGPT graph: ``plan -> select -> execute -> respond`` over one typed state.

Each node calls a plain stage object (planner, selector, scheduler, responder), so every stage can
be used and tested without the graph. Heavy components (embedding index, local models) are built
on first use, not when the graph is built.

Example:
    >>> from hgpt_langchain import build_graph
    >>> graph = build_graph(planner="offline")  # no LLM needed
    >>> request = {"request": "Describe photo.jpg", "files": ["photo.jpg"]}
    >>> out = graph.invoke(request)  # doctest: +SKIP
    >>> print(out["answer"])  # doctest: +SKIP
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage
from langchain_core.runnables import RunnableConfig, RunnableLambda
from langgraph.config import get_stream_writer
from langgraph.graph import END, START, StateGraph
from langgraph.graph.state import CompiledStateGraph
from langgraph.types import interrupt

from hgpt_langchain.errors import ConfigurationError, PlanningError
from hgpt_langchain.execution.base import Executor
from hgpt_langchain.planning.auto import PlannerName, make_planner
from hgpt_langchain.planning.base import Planner, PlanResult
from hgpt_langchain.redact import redact
from hgpt_langchain.response import LLMResponder, Responder, TemplateResponder
from hgpt_langchain.selection.base import Selector
from hgpt_langchain.state import (
    HuggingGPTState,
    InputState,
    ModelChoice,
    OutputState,
    Plan,
    Report,
    TaskResult,
)
from hgpt_langchain.workers import run_blocking

logger = logging.getLogger(__name__)

POOL_THREADS = 64
"""LangGraph thread-pool size for a run: enough for every task of a large plan to wait."""


class _Lazy:
    """Build a component on first use, once, thread-safely."""

    def __init__(self, factory: Callable[[], Any]):
        self._factory = factory
        self._value: Any = None
        self._lock = threading.Lock()

    def get(self) -> Any:
        if self._value is None:
            with self._lock:
                if self._value is None:
                    self._value = self._factory()
        return self._value


@dataclass
class _Stages:
    """The stage objects one graph uses."""

    planner: Planner
    selector: _Lazy
    scheduler: _Lazy
    responder: Responder
    workspace_root: str | None
    allow_urls: bool
    allow_private_urls: bool


def _emit(event: dict[str, Any]) -> None:
    try:
        get_stream_writer()(event)
    except Exception:  # outside a streaming run  # noqa: BLE001
        pass


# Checkpoint serializers that do not know our pydantic types (e.g. a strict msgpack allowlist on
# a LangGraph server) hand them back as dicts; these accessors accept both.


def _plan_of(state: HuggingGPTState) -> Plan:
    value = state.get("plan")
    return Plan.model_validate(value) if value else Plan()


def _choices_of(state: HuggingGPTState) -> dict[int, ModelChoice]:
    return {int(k): ModelChoice.model_validate(v) for k, v in (state.get("choices") or {}).items()}


def _results_of(state: HuggingGPTState) -> dict[int, TaskResult]:
    return {int(k): TaskResult.model_validate(v) for k, v in (state.get("results") or {}).items()}


def _request_of(state: HuggingGPTState) -> str:
    if state.get("request"):
        return str(state["request"])
    for msg in reversed(state.get("messages") or []):
        if isinstance(msg, HumanMessage):
            return str(msg.text)
    return ""


def _workspace(stages: _Stages, state: HuggingGPTState, config: RunnableConfig | None) -> Any:
    from hgpt_langchain.execution.workspace import Workspace

    policy = {"allow_urls": stages.allow_urls, "allow_private_urls": stages.allow_private_urls}
    if state.get("workspace"):
        return Workspace.open(state["workspace"], **policy)
    thread = ((config or {}).get("configurable") or {}).get("thread_id")
    run_id = str(thread) if thread else uuid.uuid4().hex[:12]
    return Workspace.create(stages.workspace_root, run_id=run_id, **policy)


def _make_nodes(stages: _Stages) -> dict[str, Any]:
    def plan_start(
        state: HuggingGPTState, config: RunnableConfig
    ) -> tuple[dict[str, Any], tuple[str, list[str], list[BaseMessage]] | None]:
        """The plan node up to the planner call: the update so far and the planner's args."""
        request = _request_of(state)
        _emit({"event": "stage", "stage": "plan", "status": "start"})
        messages = list(state.get("messages") or [])
        new_messages: list[BaseMessage] = []
        if state.get("request") and not (
            messages and isinstance(messages[-1], HumanMessage) and messages[-1].content == request
        ):
            new_messages.append(HumanMessage(request))
        history = [m for m in messages if not (m is messages[-1] and m.content == request)]
        ws = _workspace(stages, state, config)
        inputs = [ws.import_file(f) for f in state.get("files") or []]
        # Oldest first, newest last: the planner binds "it" to the most recent file, and a file
        # passed with this request is newer than what earlier turns produced.
        available = list(state.get("artifacts") or []) + inputs
        update: dict[str, Any] = {
            "request": request,
            "messages": new_messages,
            "workspace": str(ws.root),
            "files": inputs,
            "choices": None,
            "results": None,
            "errors": [],
            "llm_calls": None,
        }
        if not request.strip():
            update.update(plan=Plan(), plan_raw=None, planner=None)
            update["errors"] = ["The request is empty: say what you want done."]
            return update, None
        return update, (request, available, history)

    def plan_end(update: dict[str, Any], result: Any) -> dict[str, Any]:
        """The plan node after the planner call (``result``: a plan or a PlanningError)."""
        if isinstance(result, PlanningError):
            err = result
            update.update(
                plan=Plan(),
                plan_raw=err.raw,
                planner="llm",
                errors=[redact(str(err)) or ""],
                llm_calls={"plan": getattr(err, "llm_calls", 0)},
            )
            error = redact(str(err))
            _emit({"event": "stage", "stage": "plan", "status": "failed", "error": error})
            return update
        if isinstance(result, Plan):
            result = PlanResult(result, planner="custom")
        update.update(
            plan=result.plan,
            plan_raw=result.raw,
            planner=result.planner,
            llm_calls={"plan": result.llm_calls},
        )
        _emit(
            {
                "event": "stage",
                "stage": "plan",
                "status": "done",
                "tasks": [t.model_dump() for t in result.plan.tasks],
                "planner": result.planner,
            }
        )
        return update

    def plan(state: HuggingGPTState, config: RunnableConfig) -> dict[str, Any]:
        update, call = plan_start(state, config)
        if call is None:
            return update
        try:
            result: Any = stages.planner.plan(*call)
        except PlanningError as err:
            result = err
        return plan_end(update, result)

    async def aplan(state: HuggingGPTState, config: RunnableConfig) -> dict[str, Any]:
        update, call = await run_blocking(plan_start, state, config)
        if call is None:
            return update
        try:
            if hasattr(stages.planner, "aplan"):
                result: Any = await stages.planner.aplan(*call)
            else:
                result = await run_blocking(stages.planner.plan, *call)
        except PlanningError as err:
            result = err
        return plan_end(update, result)

    def approve(state: HuggingGPTState) -> dict[str, Any]:
        plan_ = _plan_of(state)
        decision = interrupt(
            {
                "question": "Accept this plan? Resume with 'accept', 'cancel' or an edited plan.",
                "plan": plan_.model_dump(mode="json"),
            }
        )
        return _apply_decision(decision, plan_, state.get("files") or [])

    def select(state: HuggingGPTState) -> dict[str, Any]:
        plan_ = _plan_of(state)
        _emit({"event": "stage", "stage": "select", "status": "start"})
        selector: Selector = stages.selector.get()
        before = getattr(selector, "llm_calls", 0)
        choices = selector.select(plan_, _request_of(state))
        calls = getattr(selector, "llm_calls", 0) - before
        _emit(
            {
                "event": "stage",
                "stage": "select",
                "status": "done",
                "choices": {k: v.model for k, v in choices.items()},
            }
        )
        return {"choices": choices, "llm_calls": {"select": calls}}

    def execute_start(state: HuggingGPTState, config: RunnableConfig) -> tuple[Plan, Any]:
        plan_ = _plan_of(state)
        _emit({"event": "stage", "stage": "execute", "status": "start"})
        ws = _workspace(stages, state, config)
        # Later turns of a thread share its workspace: prefix their outputs (turn2-task-0.png)
        # so they never overwrite files of earlier turns that the conversation refers to.
        turn = sum(isinstance(m, HumanMessage) for m in state.get("messages") or [])
        ws.output_prefix = f"turn{turn}-" if turn > 1 else ""
        return plan_, ws

    def execute(state: HuggingGPTState, config: RunnableConfig) -> dict[str, Any]:
        plan_, ws = execute_start(state, config)
        results = stages.scheduler.get().run(plan_, _choices_of(state), ws, done=_results_of(state))
        _emit({"event": "stage", "stage": "execute", "status": "done"})
        return {"results": results}

    async def aexecute(state: HuggingGPTState, config: RunnableConfig) -> dict[str, Any]:
        plan_, ws = await run_blocking(execute_start, state, config)
        scheduler = await run_blocking(stages.scheduler.get)
        choices, done = _choices_of(state), _results_of(state)
        if hasattr(scheduler, "arun"):
            results = await scheduler.arun(plan_, choices, ws, done=done)
        else:
            results = await run_blocking(scheduler.run, plan_, choices, ws, done=done)
        _emit({"event": "stage", "stage": "execute", "status": "done"})
        return {"results": results}

    async def arespond(state: HuggingGPTState) -> dict[str, Any]:
        if not hasattr(stages.responder, "arespond"):
            return await run_blocking(respond, state)
        report = respond_start(state)
        before = stages.responder.llm_calls
        answer = await stages.responder.arespond(report)
        # concurrent runs share the responder: its counter may move for other runs meanwhile
        calls = (
            1 if isinstance(stages.responder, LLMResponder) else stages.responder.llm_calls - before
        )
        return respond_end(state, report, answer, calls)

    def respond_start(state: HuggingGPTState) -> Report:
        _emit({"event": "stage", "stage": "respond", "status": "start"})
        return build_report(state)

    def respond(state: HuggingGPTState) -> dict[str, Any]:
        report = respond_start(state)
        before = stages.responder.llm_calls
        answer = stages.responder.respond(report)
        return respond_end(state, report, answer, stages.responder.llm_calls - before)

    def respond_end(
        state: HuggingGPTState, report: Report, answer: str, calls: int
    ) -> dict[str, Any]:
        report.answer = answer
        report.llm_calls = sum((state.get("llm_calls") or {}).values()) + calls
        produced = [f for r in report.results for f in r.files]
        _emit({"event": "stage", "stage": "respond", "status": "done"})
        earlier = [f for f in state.get("artifacts") or [] if f not in report.files]
        return {
            "answer": answer,
            "report": report.model_dump(mode="json"),
            "messages": [AIMessage(answer)],
            "llm_calls": {"respond": calls},
            # The next turn of this thread sees this turn's inputs and outputs as files it
            # can refer to ("now make it black and white"); the request itself is consumed.
            "artifacts": earlier + report.files + produced,
            "request": None,
            "files": [],
        }

    async def aselect(state: HuggingGPTState) -> dict[str, Any]:
        return await run_blocking(select, state)

    # Each node runs its sync function under invoke/stream and its async one under
    # ainvoke/astream (LLM calls on the model's async API, blocking work in the worker pool).
    return {
        "plan": RunnableLambda(plan, afunc=aplan, name="plan"),
        "approve": approve,
        "select": RunnableLambda(select, afunc=aselect, name="select"),
        "execute": RunnableLambda(execute, afunc=aexecute, name="execute"),
        "respond": RunnableLambda(respond, afunc=arespond, name="respond"),
    }


def _apply_decision(decision: Any, plan_: Plan, files: list[str]) -> dict[str, Any]:
    """Apply a plan-approval answer: accept, cancel, or an edited plan."""
    from hgpt_langchain.planning.validate import validate_plan

    if decision in (True, None) or (
        isinstance(decision, str) and decision.lower() in ("accept", "yes", "y", "ok")
    ):
        return {}
    if decision is False or (
        isinstance(decision, str) and decision.lower() in ("cancel", "no", "n")
    ):
        return {"plan": Plan(), "errors": ["The plan was cancelled by the user."]}
    edited = decision.get("plan", decision) if isinstance(decision, dict) else decision
    validation = validate_plan(edited, files=files or None)
    if not validation.ok:
        return {
            "plan": Plan(),
            "errors": ["The edited plan is invalid: " + " ".join(validation.problems)],
        }
    return {"plan": validation.plan, "planner": "user"}


def build_report(state: HuggingGPTState) -> Report:
    """Collect the state of one request into a :class:`Report`."""
    plan_ = _plan_of(state)
    choices = _choices_of(state)
    results = _results_of(state)
    return Report(
        request=_request_of(state),
        files=list(state.get("files") or []),
        plan=plan_,
        choices=[choices[t.id] for t in plan_.tasks if t.id in choices],
        results=[results[t.id] for t in plan_.tasks if t.id in results],
        planner=state.get("planner"),
        llm_calls=sum((state.get("llm_calls") or {}).values()),
        workspace=state.get("workspace"),
        errors=list(state.get("errors") or []),
    )


def _after_plan(state: HuggingGPTState) -> str:
    return "select" if _plan_of(state).tasks else "respond"


def build_graph(
    llm: BaseChatModel | None = None,
    *,
    planner: PlannerName | Planner | Plan | dict | None = None,
    selector: Selector | Literal["retrieval", "llm"] | None = None,
    executor: Executor | None = None,
    responder: Responder | Literal["llm", "template"] | None = None,
    catalog: Any = None,
    embeddings: Any = None,
    max_concurrency: int = 4,
    task_timeout: float = 300.0,
    retries: int = 2,
    workspace_root: str | None = None,
    allow_urls: bool = False,
    allow_private_urls: bool = False,
    approve_plan: bool = False,
    checkpointer: Any = None,
    name: str = "hugginggpt",
    mcp_servers: dict[str, Any] | None = None,
) -> CompiledStateGraph:
    """Build the HuggingGPT graph.

    Args:
        llm: The controller chat model (planning and response). ``None``: offline planner and
            templated response.
        planner: ``"llm"``, ``"offline"``, ``"auto"`` (offline when confident, else LLM), a
            planner object (``plan(request, files, history) -> PlanResult``) or a fixed plan.
            Default: ``"llm"`` with a chat model, ``"auto"`` without.
        selector: A :class:`~hgpt_langchain.selection.base.Selector`, ``"retrieval"`` (default,
            no LLM call) or ``"llm"`` (one LLM call choosing among each task's top candidates).
        executor: An :class:`~hgpt_langchain.execution.base.Executor`. Default: local when a
            model is available locally, remote (``HF_TOKEN``) otherwise.
        responder: A responder object, ``"llm"`` or ``"template"``. Default: LLM if given.
        catalog: A catalog (or a path to a JSONL catalog) for the default selector.
        embeddings: LangChain ``Embeddings`` for the default selector's index.
        max_concurrency: Tasks run in parallel at most.
        task_timeout: Seconds one task may take.
        retries: Retries of a transient remote error, per model.
        workspace_root: Folder holding one workspace per run (default ``./.hgpt/runs``).
        allow_urls: Allow http(s) URLs as inputs.
        allow_private_urls: Also allow private and loopback addresses.
        approve_plan: Pause after planning for approval (needs a checkpointer); resume with
            ``Command(resume="accept" | "cancel" | {"tasks": [...]})``.
        checkpointer: A LangGraph checkpointer (durable, resumable runs).
        name: Graph name.
        mcp_servers: MCP servers whose tools run the task types they declare, in the format
            of ``MultiServerMCPClient`` (see :mod:`hgpt_langchain.mcp_experts`).

    Returns:
        The compiled graph. Input: ``{"request", "files"}`` or ``{"messages"}``; output:
        ``{"answer", "report", "messages"}``.
    """
    the_planner = make_planner(planner, llm)
    experts = None
    if mcp_servers:
        from hgpt_langchain.mcp_experts import MCPExecutor, MCPExperts, MCPSelector

        experts = MCPExperts(mcp_servers)

    made: list[Any] = []

    def the_executor() -> Any:
        if not made:
            from hgpt_langchain.execution import default_executor

            made.append(executor if executor is not None else default_executor())
        return made[0]

    def load() -> Any:
        from hgpt_langchain.catalog import load_catalog

        return load_catalog(catalog) if isinstance(catalog, str) else catalog

    shared_catalog = _Lazy(load)  # one catalog for selection and the model tools, loaded once

    def make_selector() -> Selector:
        base = _make_selector()
        return MCPSelector(experts, base) if experts is not None else base

    def _make_selector() -> Selector:
        if selector is not None and not isinstance(selector, str):
            return selector
        from hgpt_langchain.selection.llm import LLMSelector
        from hgpt_langchain.selection.retrieval import RetrievalSelector, local_availability

        the_catalog = shared_catalog.get()
        # Models already downloaded (or local folders) get a bonus: they run without a network.
        # The executor's can_run keeps models it cannot run (or that no provider serves) as
        # fallbacks only.
        base = RetrievalSelector(
            the_catalog,
            embeddings=embeddings,
            availability=local_availability(),
            can_run=getattr(the_executor(), "can_run", None),
        )
        if selector == "llm":
            if llm is None:
                raise ConfigurationError("selector='llm' needs a chat model (llm=...).")
            return LLMSelector(llm, base)
        return base

    def make_scheduler() -> Any:
        from hgpt_langchain.execution.scheduler import Scheduler

        # The model tools describe the chosen models from the catalog they were chosen from.
        the_catalog = shared_catalog.get()
        if the_catalog is None and selector is not None and not isinstance(selector, str):
            from hgpt_langchain.catalog import Catalog

            found = getattr(selector, "catalog", None)
            the_catalog = found if isinstance(found, Catalog) else None
        return Scheduler(
            MCPExecutor(experts, the_executor()) if experts is not None else the_executor(),
            max_concurrency=max_concurrency,
            task_timeout=task_timeout,
            retries=retries,
            catalog=the_catalog,
        )

    if responder is None:
        the_responder: Responder = LLMResponder(llm) if llm is not None else TemplateResponder()
    elif responder == "llm":
        if llm is None:
            raise ConfigurationError("responder='llm' needs a chat model (llm=...).")
        the_responder = LLMResponder(llm)
    elif responder == "template":
        the_responder = TemplateResponder()
    else:
        the_responder = responder  # type: ignore[assignment]

    stages = _Stages(
        planner=the_planner,
        selector=_Lazy(make_selector),
        scheduler=_Lazy(make_scheduler),
        responder=the_responder,
        workspace_root=workspace_root,
        allow_urls=allow_urls,
        allow_private_urls=allow_private_urls,
    )
    nodes = _make_nodes(stages)
    builder = StateGraph(HuggingGPTState, input_schema=InputState, output_schema=OutputState)
    builder.add_node("plan", nodes["plan"])
    builder.add_node("select", nodes["select"])
    builder.add_node("execute", nodes["execute"])
    builder.add_node("respond", nodes["respond"])
    builder.add_edge(START, "plan")
    if approve_plan:
        builder.add_node("approve", nodes["approve"])
        builder.add_conditional_edges(
            "plan",
            lambda s: "approve" if _after_plan(s) == "select" else "respond",
            ["approve", "respond"],
        )
        builder.add_conditional_edges("approve", _after_plan, ["select", "respond"])
    else:
        builder.add_conditional_edges("plan", _after_plan, ["select", "respond"])
    builder.add_edge("select", "execute")
    builder.add_edge("execute", "respond")
    builder.add_edge("respond", END)
    graph = builder.compile(checkpointer=checkpointer, name=name)
    # Each planned task waits for its own dependencies inside one of LangGraph's pool threads
    # (see execution/scheduler.py); the default pool (cpu + 4 threads) would make wide plans
    # wait for a free thread. Waiting threads cost nothing; the scheduler still caps how many
    # tasks *run* at once at ``max_concurrency``.
    return graph.with_config(max_concurrency=POOL_THREADS)
