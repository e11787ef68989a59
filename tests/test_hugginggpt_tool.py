"""HuggingGPTTool: a drop-in LangChain tool (standard tool tests, agent run, artifact, async)."""

from __future__ import annotations

import asyncio

import pytest
from langchain.agents import create_agent
from langchain_core.messages import AIMessage, ToolMessage
from langchain_tests.unit_tests import ToolsUnitTests

from hgpt_langchain import build_graph
from hgpt_langchain.errors import ConfigurationError
from hgpt_langchain.hugginggpt_tool import HuggingGPTInput, HuggingGPTTool
from tests import plans
from tests.fake_chat import ScriptedChatModel
from tests.helpers import EchoExecutor, FirstModelSelector

CAPTION_PLAN = {
    "tasks": [{"id": 0, "task": "image-to-text", "dep": [], "args": {"image": "photo.jpg"}}]
}


class TestHuggingGPTToolStandard(ToolsUnitTests):
    @property
    def tool_constructor(self):
        return HuggingGPTTool

    @property
    def tool_constructor_params(self):
        return {
            "planner": CAPTION_PLAN,
            "selector": FirstModelSelector(),
            "executor": EchoExecutor(),
        }

    @property
    def tool_invoke_params_example(self):
        return {"request": "Describe photo.jpg", "files": ["photo.jpg"]}


def make_tool(tmp_path, executor=None, **kw):
    executor = executor or EchoExecutor()
    tool = HuggingGPTTool(
        planner=CAPTION_PLAN,
        selector=FirstModelSelector(),
        executor=executor,
        workspace_root=str(tmp_path / "runs"),
        allowed_dirs=[str(tmp_path)],
        **kw,
    )
    return tool, executor


def test_tool_call_returns_answer_as_content_and_report_as_artifact(tmp_path, photo):
    tool, executor = make_tool(tmp_path)
    msg = tool.invoke(
        {
            "type": "tool_call",
            "id": "call_1",
            "name": tool.name,
            "args": {"request": "Describe photo.jpg", "files": [photo]},
        }
    )
    assert isinstance(msg, ToolMessage) and msg.tool_call_id == "call_1"
    report = msg.artifact
    assert report["request"] == "Describe photo.jpg"
    assert [r["status"] for r in report["results"]] == ["ok"]
    assert report["choices"][0]["model"] == "image-to-text-model-a"
    # the answer (content) reports the executor's real output
    assert msg.content.startswith("Answer:") and "image-to-text(" in msg.content
    assert len(executor.calls) == 1
    assert report["workspace"].startswith(str(tmp_path / "runs"))


def test_each_call_gets_its_own_workspace(tmp_path, photo):
    tool, _ = make_tool(tmp_path)
    first = tool.invoke(
        {
            "type": "tool_call",
            "id": "a",
            "name": tool.name,
            "args": {"request": "Describe photo.jpg", "files": [photo]},
        }
    )
    second = tool.invoke(
        {
            "type": "tool_call",
            "id": "b",
            "name": tool.name,
            "args": {"request": "Describe photo.jpg", "files": [photo]},
        }
    )
    assert first.artifact["workspace"] != second.artifact["workspace"]


def test_plain_invoke_returns_only_the_answer(tmp_path, photo):
    tool, _ = make_tool(tmp_path)
    out = tool.invoke({"request": "Describe photo.jpg", "files": [photo]})
    assert isinstance(out, str) and out.startswith("Answer:")


def test_async_call_runs_the_graph(tmp_path, photo):
    tool, executor = make_tool(tmp_path)
    msg = asyncio.run(
        tool.ainvoke(
            {
                "type": "tool_call",
                "id": "c",
                "name": tool.name,
                "args": {"request": "Describe photo.jpg", "files": [photo]},
            }
        )
    )
    assert msg.artifact["results"][0]["status"] == "ok" and len(executor.calls) == 1


def test_files_outside_allowed_dirs_are_refused_with_a_message(tmp_path):
    inside = tmp_path / "inside"
    inside.mkdir()
    secret = tmp_path / "secret.jpg"
    secret.write_bytes(b"x")
    executor = EchoExecutor()
    tool = HuggingGPTTool(
        planner=CAPTION_PLAN,
        selector=FirstModelSelector(),
        executor=executor,
        workspace_root=str(tmp_path / "runs"),
        allowed_dirs=[str(inside)],
    )
    out = tool.invoke({"request": "Describe secret.jpg", "files": [str(secret)]})
    assert "outside the folders this tool may read" in out
    traversal = str(inside / ".." / "secret.jpg")
    assert "outside the folders" in tool.invoke({"request": "x", "files": [traversal]})
    missing = tool.invoke({"request": "x", "files": [str(inside / "nope.jpg")]})
    assert "does not exist" in missing
    assert executor.calls == []


def test_tool_over_a_compiled_graph_with_a_scripted_llm(tmp_path, photo):
    llm = ScriptedChatModel([plans.SINGLE, plans.ANSWER])
    graph = build_graph(
        llm,
        selector=FirstModelSelector(),
        executor=EchoExecutor(),
        workspace_root=str(tmp_path / "runs"),
    )
    tool = HuggingGPTTool(graph=graph, name="vision", allowed_dirs=[str(tmp_path)])
    msg = tool.invoke(
        {
            "type": "tool_call",
            "id": "d",
            "name": "vision",
            "args": {"request": "Describe photo.jpg", "files": [photo]},
        }
    )
    assert msg.content == plans.ANSWER and msg.artifact["llm_calls"] == 2 and llm.calls == 2


def test_bad_construction_is_refused():
    with pytest.raises(ConfigurationError, match="unknown argument"):
        HuggingGPTTool(plannr="offline")
    with pytest.raises(ConfigurationError, match="plan approval"):
        HuggingGPTTool(approve_plan=True)
    with pytest.raises(ConfigurationError, match="not both"):
        HuggingGPTTool(graph=object(), planner="offline")


def test_input_schema_is_request_and_files():
    schema = HuggingGPTTool(planner=CAPTION_PLAN).tool_call_schema.model_json_schema()
    assert set(schema["properties"]) == {"request", "files"}
    assert schema["required"] == ["request"]
    assert HuggingGPTInput(request="x").files == []


def test_agent_calls_the_tool_and_answers_from_it(tmp_path, photo):
    tool, executor = make_tool(tmp_path)
    call = AIMessage(
        content="",
        tool_calls=[
            {
                "name": "hugginggpt",
                "id": "call_7",
                "type": "tool_call",
                "args": {"request": "Describe photo.jpg", "files": [photo]},
            }
        ],
    )
    model = ScriptedChatModel([call, "It is a photo; see the caption above."])
    agent = create_agent(model, tools=[tool])
    out = agent.invoke({"messages": [("user", f"What is in {photo}?")]})
    tool_msgs = [m for m in out["messages"] if isinstance(m, ToolMessage)]
    assert len(tool_msgs) == 1 and tool_msgs[0].tool_call_id == "call_7"
    assert tool_msgs[0].status == "success"
    assert tool_msgs[0].artifact["results"][0]["model"] == "image-to-text-model-a"
    assert len(executor.calls) == 1
    # the agent's model got the tool's answer on its second call
    second_prompt = model.prompts[1]
    assert any(isinstance(m, ToolMessage) and "image-to-text(" in m.content for m in second_prompt)
    assert out["messages"][-1].content == "It is a photo; see the caption above."
