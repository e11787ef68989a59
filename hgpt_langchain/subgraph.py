"""Composing HuggingGPT into a larger LangGraph graph that has its own state.

Two patterns, both keeping the parent's keys free of duplicates:

**1. The compiled graph as a node** (shared keys). The graph declares an input schema
(``request``, ``files``, ``messages``) and an output schema (``answer``, ``report``,
``messages``), so it reads only those keys from the parent and writes back only those of them the
parent also has; its internal keys (plan, choices, results, workspace, ...) never reach the
parent. ``messages`` comes back as the whole list, which LangGraph's ``add_messages`` reducer
merges by message id (nothing is duplicated); a parent that keeps messages with ``operator.add``
must use pattern 2::

    class Parent(TypedDict):
        messages: Annotated[list[AnyMessage], add_messages]
        files: list[str]
        report: dict

    parent = StateGraph(Parent)
    parent.add_node("hugginggpt", build_graph(llm))  # compiled without its own checkpointer
    parent.add_edge(START, "hugginggpt")

**2. A wrapper node** (different keys). :func:`hugginggpt_node` maps the parent's keys to the
graph's input and writes back only what you name: the answer as *one new* AI message, the report
under a key of your choice::

    class Chat(TypedDict):
        chat: Annotated[list[AnyMessage], operator.add]
        attachments: list[str]
        hgpt: dict

    parent = StateGraph(Chat)
    parent.add_node("hugginggpt", hugginggpt_node(graph, messages_key="chat",
                                                  files_key="attachments", report_key="hgpt"))

In both patterns the graph runs as a subgraph: it uses the parent's checkpointer (compile it
without one), its stage and task events appear in ``parent.stream(..., subgraphs=True)``, and a
plan-approval ``interrupt`` surfaces in the parent, which resumes it with ``Command(resume=...)``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from langchain_core.messages import AIMessage, AnyMessage, BaseMessage, HumanMessage
from langchain_core.runnables import RunnableConfig, RunnableLambda

from hgpt_langchain.errors import ConfigurationError


def _last_human_text(messages: Sequence[Any]) -> str:
    for msg in reversed(list(messages or [])):
        if isinstance(msg, HumanMessage):
            return str(msg.text)
        if isinstance(msg, tuple) and len(msg) == 2 and msg[0] in ("user", "human"):
            return str(msg[1])
    return ""


def _as_messages(messages: Sequence[Any]) -> list[BaseMessage]:
    from langchain_core.messages import convert_to_messages

    return list(convert_to_messages(list(messages or [])))


def hugginggpt_node(
    graph: Any = None,
    *,
    request_key: str | None = "request",
    files_key: str | None = "files",
    messages_key: str | None = "messages",
    answer_key: str | None = None,
    report_key: str | None = "report",
    answer_name: str | None = "hugginggpt",
    **build_kwargs: Any,
) -> RunnableLambda:
    """A node that runs HuggingGPT on a parent state with keys of its own.

    The request is ``state[request_key]`` when set, else the text of the last human message in
    ``state[messages_key]``. The messages are passed as conversation history; the node returns
    only the new answer message, so any messages reducer (``add_messages`` or ``operator.add``)
    keeps each message once.

    Args:
        graph: A compiled HuggingGPT graph; built with ``build_graph(**build_kwargs)`` if omitted.
        request_key: Parent key holding the request (``None``: always use the last human message).
        files_key: Parent key holding input file paths (``None``: no files).
        messages_key: Parent key holding the conversation; the answer is appended there as one
            ``AIMessage`` (``None``: neither read nor written).
        answer_key: Parent key to receive the answer text (``None``: not written).
        report_key: Parent key to receive the report dict (``None``: not written).
        answer_name: ``name`` of the answer message (which agent spoke), or ``None``.
        **build_kwargs: Keyword arguments of :func:`~hgpt_langchain.graph.build_graph`.

    Returns:
        A runnable for ``StateGraph.add_node`` (sync and async).

    Raises:
        ConfigurationError: Both ``graph`` and ``build_kwargs``, or no key to write to.
    """
    if graph is not None and build_kwargs:
        raise ConfigurationError(
            "Pass either a compiled graph or build_graph keyword arguments to hugginggpt_node, "
            f"not both (got graph and {sorted(build_kwargs)})."
        )
    if not (messages_key or answer_key or report_key):
        raise ConfigurationError(
            "hugginggpt_node would write nothing: set messages_key, answer_key or report_key."
        )
    if graph is None:
        from hgpt_langchain.graph import build_graph

        graph = build_graph(**build_kwargs)

    def inputs(state: Any) -> dict[str, Any]:
        state = dict(state)
        history = _as_messages(state.get(messages_key) or []) if messages_key else []
        request = str(state.get(request_key) or "") if request_key else ""
        request = request or _last_human_text(history)
        files = list(state.get(files_key) or []) if files_key else []
        return {"request": request, "files": files, "messages": history}

    def outputs(out: dict[str, Any]) -> dict[str, Any]:
        answer = str(out.get("answer") or "")
        update: dict[str, Any] = {}
        if messages_key and "answer" in out:
            msg: AnyMessage = AIMessage(answer, name=answer_name)
            update[messages_key] = [msg]
        if answer_key and "answer" in out:
            update[answer_key] = answer
        if report_key and "report" in out:
            update[report_key] = out["report"]
        return update

    def run(state: Any, config: RunnableConfig) -> dict[str, Any]:
        return outputs(graph.invoke(inputs(state), config))

    async def arun(state: Any, config: RunnableConfig) -> dict[str, Any]:
        return outputs(await graph.ainvoke(inputs(state), config))

    return RunnableLambda(run, afunc=arun, name="hugginggpt")
