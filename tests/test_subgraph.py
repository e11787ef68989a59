"""HuggingGPT inside a parent graph with its own state: shared keys or a wrapper node."""

from __future__ import annotations

import asyncio
import operator
from typing import Annotated

import pytest
from langchain_core.messages import AIMessage, AnyMessage, HumanMessage
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.graph import END, START, StateGraph
from langgraph.graph.message import add_messages
from langgraph.types import Command
from typing_extensions import TypedDict

from hgpt_langchain import build_graph
from hgpt_langchain.errors import ConfigurationError
from hgpt_langchain.subgraph import hugginggpt_node
from tests.helpers import EchoExecutor, FirstModelSelector

PLAN = {
    "tasks": [
        {"id": 0, "task": "image-to-text", "dep": [], "args": {"image": "photo.jpg"}},
        {"id": 1, "task": "text-to-speech", "dep": [0], "args": {"text": "<resource>-0"}},
    ]
}


def hgpt(tmp_path, executor=None, **kw):
    return build_graph(
        planner=PLAN,
        selector=FirstModelSelector(),
        executor=executor or EchoExecutor(),
        workspace_root=str(tmp_path / "runs"),
        **kw,
    )


class Parent(TypedDict, total=False):
    messages: Annotated[list[AnyMessage], add_messages]
    files: list[str]
    report: dict
    log: Annotated[list[str], operator.add]
    summary: str


def build_parent(sub, checkpointer=None):
    def before(state: Parent) -> dict:
        return {"log": ["before"]}

    def after(state: Parent) -> dict:
        statuses = [r["status"] for r in state["report"]["results"]]
        return {"log": ["after"], "summary": f"{len(statuses)} tasks: {statuses}"}

    builder = StateGraph(Parent)
    builder.add_node("before", before)
    builder.add_node("hugginggpt", sub)
    builder.add_node("after", after)
    builder.add_edge(START, "before")
    builder.add_edge("before", "hugginggpt")
    builder.add_edge("hugginggpt", "after")
    builder.add_edge("after", END)
    return builder.compile(checkpointer=checkpointer)


def test_compiled_graph_as_a_node_shares_keys_without_duplicates(tmp_path, photo):
    executor = EchoExecutor()
    parent = build_parent(hgpt(tmp_path, executor))
    out = parent.invoke(
        {
            "messages": [
                HumanMessage("hi"),
                AIMessage("hello"),
                HumanMessage("Describe photo.jpg and read it aloud"),
            ],
            "files": [photo],
            "log": ["start"],
        }
    )
    # the parent's own keys went through their reducers once
    assert out["log"] == ["start", "before", "after"]
    assert out["files"] == [photo]
    # the conversation: each earlier message once, plus the answer
    assert [m.content for m in out["messages"][:3]] == [
        "hi",
        "hello",
        "Describe photo.jpg and read it aloud",
    ]
    assert len(out["messages"]) == 4 and isinstance(out["messages"][-1], AIMessage)
    assert out["messages"][-1].content.startswith("Answer:")
    # the report arrived; the subgraph's internal keys did not leak into the parent
    assert out["summary"] == "2 tasks: ['ok', 'ok']"
    assert out["report"]["request"] == "Describe photo.jpg and read it aloud"
    assert not {"plan", "choices", "results", "workspace", "artifacts"} & set(out)
    assert [c[0] for c in executor.calls] == ["image-to-text", "text-to-speech"]


class Chat(TypedDict, total=False):
    chat: Annotated[list[AnyMessage], operator.add]  # a reducer that would duplicate
    attachments: list[str]
    hgpt: dict
    answer_text: str


def test_wrapper_node_maps_other_keys_and_appends_one_message(tmp_path, photo):
    executor = EchoExecutor()
    node = hugginggpt_node(
        hgpt(tmp_path, executor),
        messages_key="chat",
        request_key=None,
        files_key="attachments",
        report_key="hgpt",
        answer_key="answer_text",
    )
    builder = StateGraph(Chat)
    builder.add_node("hugginggpt", node)
    builder.add_edge(START, "hugginggpt")
    builder.add_edge("hugginggpt", END)
    parent = builder.compile()
    history = [
        HumanMessage("hello"),
        AIMessage("hi there"),
        HumanMessage("Describe photo.jpg and read it aloud"),
    ]
    out = parent.invoke({"chat": history, "attachments": [photo]})
    assert [m.content for m in out["chat"][:3]] == [m.content for m in history]
    assert len(out["chat"]) == 4
    answer = out["chat"][-1]
    assert isinstance(answer, AIMessage) and answer.name == "hugginggpt"
    assert answer.content == out["answer_text"] and answer.content.startswith("Answer:")
    assert out["hgpt"]["request"] == "Describe photo.jpg and read it aloud"
    assert out["attachments"] == [photo]
    assert len(executor.calls) == 2


def test_wrapper_node_async_and_built_from_kwargs(tmp_path, photo):
    node = hugginggpt_node(
        planner=PLAN,
        selector=FirstModelSelector(),
        executor=EchoExecutor(),
        workspace_root=str(tmp_path / "runs"),
    )
    builder = StateGraph(Parent)
    builder.add_node("hugginggpt", node)
    builder.add_edge(START, "hugginggpt")
    parent = builder.compile()
    out = asyncio.run(
        parent.ainvoke({"messages": [HumanMessage("Describe photo.jpg")], "files": [photo]})
    )
    assert [r["status"] for r in out["report"]["results"]] == ["ok", "ok"]
    assert len(out["messages"]) == 2


def test_task_events_stream_through_the_parent(tmp_path, photo):
    parent = build_parent(hgpt(tmp_path))
    events = []
    for namespace, mode, chunk in parent.stream(
        {"messages": [HumanMessage("Describe photo.jpg")], "files": [photo]},
        stream_mode=["custom", "updates"],
        subgraphs=True,
    ):
        if mode == "custom":
            events.append((namespace, chunk))
    ends = [c for ns, c in events if c.get("event") == "task_end"]
    assert sorted(e["task_id"] for e in ends) == [0, 1]
    assert all(ns and ns[0].startswith("hugginggpt:") for ns, _ in events)


def test_plan_approval_interrupt_surfaces_in_the_parent(tmp_path, photo):
    executor = EchoExecutor()
    parent = build_parent(hgpt(tmp_path, executor, approve_plan=True), checkpointer=InMemorySaver())
    config = {"configurable": {"thread_id": "p1"}}
    out = parent.invoke(
        {"messages": [HumanMessage("Describe photo.jpg")], "files": [photo]}, config
    )
    (intr,) = out["__interrupt__"]
    assert [t["task"] for t in intr.value["plan"]["tasks"]] == ["image-to-text", "text-to-speech"]
    assert executor.calls == []
    out = parent.invoke(Command(resume="accept"), config)
    assert out["summary"] == "2 tasks: ['ok', 'ok']" and len(executor.calls) == 2
    assert out["log"] == ["before", "after"]


def test_wrapper_refuses_useless_or_ambiguous_configuration(tmp_path):
    with pytest.raises(ConfigurationError, match="write nothing"):
        hugginggpt_node(hgpt(tmp_path), messages_key=None, report_key=None)
    with pytest.raises(ConfigurationError, match="not both"):
        hugginggpt_node(hgpt(tmp_path), planner="offline")
