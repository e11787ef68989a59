"""``hgpt mcp`` as a real subprocess, over stdio and streamable HTTP (127.0.0.1 only).

Driven by the official ``mcp`` client and by ``langchain-mcp-adapters`` tools inside a
``create_agent`` agent (scripted chat model). The server plans offline and selects by retrieval
over the shipped catalog for real; the executor is the sleep executor (no model runs), which
writes a PNG for image outputs, so files flow in (inline base64 or a path) and out (embedded).
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from langchain.agents import create_agent
from langchain_core.messages import AIMessage, ToolMessage
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client
from mcp.client.streamable_http import streamablehttp_client

from tests.fake_chat import ScriptedChatModel

REQUEST = "Describe photo.jpg, then generate an image of a red bus"
SLEEP = "hgpt_langchain.execution.sleep:SleepExecutor"


@pytest.fixture
def allowed(tmp_path):
    """A folder the server may read, holding a real JPEG photo."""
    from PIL import Image, ImageDraw

    folder = tmp_path / "shared"
    folder.mkdir()
    img = Image.new("RGB", (96, 64), (40, 110, 200))
    ImageDraw.Draw(img).ellipse((20, 8, 70, 58), fill=(250, 210, 0))
    img.save(folder / "photo.jpg", quality=90)
    return folder


def _server_args(allowed: Path, workspace: Path, *extra: str) -> list[str]:
    return [
        "-m",
        "hgpt_langchain.cli",
        "mcp",
        "--planner",
        "offline",
        "--executor",
        SLEEP,
        "--allow-dir",
        str(allowed),
        "--workspace",
        str(workspace),
        *extra,
    ]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(Path(__file__).parents[1]), env.get("PYTHONPATH", "")])
    return env


async def _check_session(session: ClientSession, allowed: Path, workspace: Path) -> None:
    """Tool list, a full run with files in and out, bad input, a refused path, plan, search."""
    tools = {t.name: t for t in (await session.list_tools()).tools}
    assert {"hugginggpt", "plan", "search_models"} <= set(tools)
    assert "attachments" in tools["hugginggpt"].inputSchema["properties"]

    photo = (allowed / "photo.jpg").read_bytes()
    res = await session.call_tool(
        "hugginggpt",
        {
            "request": REQUEST,
            "attachments": [{"name": "photo.jpg", "data": base64.b64encode(photo).decode()}],
        },
    )
    assert not res.isError, res.content
    report = res.structuredContent
    assert [t["task"] for t in report["plan"]["tasks"]] == ["image-to-text", "text-to-image"]
    assert [r["status"] for r in report["results"]] == ["ok", "ok"]
    assert report["planner"] == "offline"
    # the photo went into the run's workspace (under --workspace), byte for byte
    (inp,) = report["files"]
    assert Path(inp).is_relative_to(workspace) and Path(inp).read_bytes() == photo
    assert res.content[0].type == "text" and res.content[0].text == report["answer"]
    blobs = [c for c in res.content if c.type == "resource"]
    assert len(blobs) == 1 and blobs[0].resource.mimeType == "image/png"
    assert base64.b64decode(blobs[0].resource.blob).startswith(b"\x89PNG")

    # a path under --allow-dir works too
    res = await session.call_tool(
        "hugginggpt", {"request": "Describe photo.jpg", "files": [str(allowed / "photo.jpg")]}
    )
    assert not res.isError and res.structuredContent["results"][0]["status"] == "ok"

    # bad input: one clear tool error, same wording as the CLI
    res = await session.call_tool(
        "hugginggpt",
        {"request": "Describe x.jpg", "attachments": [{"name": "x.jpg", "data": "not base64!"}]},
    )
    assert res.isError
    assert res.content[0].text.startswith("hgpt: error: Attachment 'x.jpg' is not valid base64")
    res = await session.call_tool(
        "hugginggpt",
        {"request": "Read it", "attachments": [{"name": "../../etc/passwd", "data": "eA=="}]},
    )
    assert res.isError and "must be a plain file name" in res.content[0].text

    # a file outside the allowed folders is refused, even through a symlink inside them
    outside = allowed.parent / "secret.txt"
    outside.write_text("secret")
    (allowed / "link.txt").symlink_to(outside)
    for path in (str(outside), str(allowed / "link.txt")):
        res = await session.call_tool("hugginggpt", {"request": "Summarize it", "files": [path]})
        assert res.isError
        assert "is outside the folders this server may read" in res.content[0].text

    res = await session.call_tool("plan", {"request": REQUEST, "files": ["photo.jpg"]})
    assert not res.isError
    assert [t["task"] for t in res.structuredContent["tasks"]] == [
        "image-to-text",
        "text-to-image",
    ]
    res = await session.call_tool(
        "search_models", {"query": "caption photos", "task": "image-to-text", "k": 3}
    )
    models = res.structuredContent["models"]
    assert len(models) == 3 and {m["task"] for m in models} == {"image-to-text"}
    assert all("downloads" in m and "description" in m for m in models)
    res = await session.call_tool("search_models", {"query": "x", "task": "no-such-task"})
    assert res.isError and "Unknown task type 'no-such-task'" in res.content[0].text


async def _agent_calls_hugginggpt(session: ClientSession, allowed: Path) -> None:
    """langchain-mcp-adapters tools (on the same session) inside a create_agent agent."""
    from langchain_mcp_adapters.tools import load_mcp_tools

    tools = await load_mcp_tools(session)
    assert {"hugginggpt", "plan", "search_models"} <= {t.name for t in tools}
    call = {
        "name": "hugginggpt",
        "args": {"request": "Describe photo.jpg", "files": [str(allowed / "photo.jpg")]},
        "id": "call_1",
    }
    llm = ScriptedChatModel([AIMessage("", tool_calls=[call]), "It shows a photo."])
    agent = create_agent(llm, tools=tools)
    out = await agent.ainvoke({"messages": [("user", "What is in photo.jpg?")]})
    (tool_msg,) = [m for m in out["messages"] if isinstance(m, ToolMessage)]
    assert tool_msg.status != "error"
    assert "Image-to-Text" in str(tool_msg.content)
    assert out["messages"][-1].content == "It shows a photo."
    # the agent's model saw the tool's answer
    assert any(isinstance(m, ToolMessage) for m in llm.prompts[-1])


def test_mcp_server_over_stdio_runs_requests_and_refuses_bad_input(allowed, tmp_path):
    workspace = tmp_path / "runs"
    params = StdioServerParameters(
        command=sys.executable, args=_server_args(allowed, workspace), env=_env()
    )

    async def main() -> None:
        async with stdio_client(params) as (read, write), ClientSession(read, write) as session:
            await session.initialize()
            await _check_session(session, allowed, workspace)
            await _agent_calls_hugginggpt(session, allowed)

    asyncio.run(main())


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def _http_server(allowed: Path, workspace: Path):
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, *_server_args(allowed, workspace, "--http", f"127.0.0.1:{port}")],
        env=_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise AssertionError(f"hgpt mcp --http exited: {proc.stderr.read()}")
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 1):
                break
            time.sleep(0.2)
        else:
            raise AssertionError("hgpt mcp --http did not start listening")
        yield f"http://127.0.0.1:{port}/mcp"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def test_mcp_server_over_streamable_http_runs_requests_and_refuses_bad_input(allowed, tmp_path):
    workspace = tmp_path / "runs"

    async def main(url: str) -> None:
        async with (
            streamablehttp_client(url) as (read, write, _),
            ClientSession(read, write) as session,
        ):
            await session.initialize()
            await _check_session(session, allowed, workspace)
            await _agent_calls_hugginggpt(session, allowed)

    with _http_server(allowed, workspace) as url:
        asyncio.run(main(url))


def test_mcp_command_rejects_a_bad_http_address(capsys):
    from hgpt_langchain.cli import main

    assert main(["mcp", "--http", "localhost:notaport"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("hgpt: error: --http takes HOST:PORT or PORT")


def test_model_tools_are_served_one_per_catalog_model_of_the_given_tasks(tmp_path):
    from mcp.shared.memory import create_connected_server_and_client_session

    from hgpt_langchain.execution.sleep import SleepExecutor
    from hgpt_langchain.mcp_server import build_server

    executor = SleepExecutor(durations=0.01)
    server = build_server(
        graph_kwargs={"planner": "offline", "executor": executor},
        model_tasks=["translation"],
        model_tool_kwargs={"executor": executor, "k": 2, "workspace": str(tmp_path / "ws")},
    )

    async def main():
        async with create_connected_server_and_client_session(server) as session:
            tools = {t.name: t for t in (await session.list_tools()).tools}
            model_tools = sorted(set(tools) - {"hugginggpt", "plan", "search_models"})
            res = await session.call_tool(model_tools[0], {"text": "hello"})
            return tools, model_tools, res

    tools, model_tools, res = asyncio.run(main())
    assert len(model_tools) == 2
    assert "text" in tools[model_tools[0]].inputSchema["properties"]
    assert not res.isError and res.content[0].text.startswith("translation by ")
    assert executor.calls and executor.calls[0].args == {"text": "hello"}
