"""MCP tools as experts: a graph runs one task type on a small stdio MCP server's tool."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from hgpt_langchain import build_graph
from hgpt_langchain.errors import ConfigurationError
from hgpt_langchain.mcp_experts import load_mcp_config
from tests.helpers import EchoExecutor, FirstModelSelector
from tests.test_cli_run import cli as cli  # the CLI fixture (in-process graph parts)

SERVER = textwrap.dedent(
    '''
    import base64, hashlib, io
    from mcp.server.fastmcp import FastMCP, Image

    server = FastMCP("speech")

    @server.tool()
    def transcribe(audio: str) -> str:
        """Speech recognition: base64 audio in, text out."""
        data = base64.b64decode(audio)
        return f"heard {len(data)} bytes sha1 {hashlib.sha1(data).hexdigest()[:10]}"

    @server.tool()
    def text_to_image(text: str) -> Image:
        """Named after its task type: draws a PNG whose width is the text's length."""
        from PIL import Image as PILImage
        buf = io.BytesIO()
        PILImage.new("RGB", (len(text), 3), (0, 0, 255)).save(buf, format="PNG")
        return Image(data=buf.getvalue(), format="png")

    server.run("stdio")
    '''
)

PLAN = {
    "tasks": [
        {"id": 0, "task": "automatic-speech-recognition", "dep": [], "args": {"audio": "hi.wav"}},
        {"id": 1, "task": "text-to-image", "dep": [0], "args": {"text": "<resource>-0"}},
        {"id": 2, "task": "image-to-text", "dep": [1], "args": {"image": "<resource>-1"}},
    ]
}


@pytest.fixture
def speech(tmp_path):
    """Real speech made by espeak-ng."""
    path = tmp_path / "hi.wav"
    subprocess.run(["espeak-ng", "-w", str(path), "hello from the test"], check=True)
    return path


def test_graph_runs_declared_task_types_on_mcp_tools_and_the_rest_on_its_executor(tmp_path, speech):
    import hashlib

    from PIL import Image

    script = tmp_path / "speech_server.py"
    script.write_text(SERVER)
    config = tmp_path / "mcp.json"
    config.write_text(
        json.dumps(
            {
                "mcpServers": {
                    "speech": {
                        "command": sys.executable,
                        "args": [str(script)],
                        "tasks": {"transcribe": "automatic-speech-recognition"},
                    }
                }
            }
        )
    )
    executor = EchoExecutor()
    graph = build_graph(
        planner=PLAN,
        selector=FirstModelSelector(),
        executor=executor,
        workspace_root=str(tmp_path / "runs"),
        mcp_servers=load_mcp_config(str(config)),
    )
    out = graph.invoke({"request": "Transcribe hi.wav and draw it", "files": [str(speech)]})
    report = out["report"]
    models = {c["task"]: c["model"] for c in report["choices"]}
    assert models == {
        "automatic-speech-recognition": "mcp:speech/transcribe",
        "text-to-image": "mcp:speech/text_to_image",
        "image-to-text": "image-to-text-model-a",
    }
    # catalog models stay as fallbacks behind the MCP tool
    asr_choice = report["choices"][0]
    assert [c["id"] for c in asr_choice["candidates"]][1:] == [
        "automatic-speech-recognition-model-a",
        "automatic-speech-recognition-model-b",
    ]
    results = {r["task"]: r for r in report["results"]}
    assert all(r["status"] == "ok" for r in results.values()), results
    data = speech.read_bytes()
    heard = f"heard {len(data)} bytes sha1 {hashlib.sha1(data).hexdigest()[:10]}"
    assert results["automatic-speech-recognition"]["output"] == heard
    assert results["automatic-speech-recognition"]["executor"] == "mcp"
    (png,) = results["text-to-image"]["files"]
    assert png.startswith(report["workspace"]) and png.endswith(".png")
    assert Image.open(png).size == (len(heard), 3)
    # only the task type no MCP tool declares ran on the graph's own executor, on the MCP output
    assert executor.calls == [("image-to-text", "image-to-text-model-a", {"image": png})]
    assert "mcp:speech/transcribe" in out["answer"]


def test_mcp_config_errors_are_clear(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    with pytest.raises(ConfigurationError, match="is not valid JSON"):
        load_mcp_config(str(bad))
    bad.write_text(json.dumps({"speech": "python server.py"}))
    with pytest.raises(ConfigurationError, match="must map server names to connections"):
        load_mcp_config(str(bad))


def test_a_tool_mapped_to_an_unknown_task_type_is_reported(tmp_path):
    script = tmp_path / "speech_server.py"
    script.write_text(SERVER)
    servers = {
        "speech": {
            "transport": "stdio",
            "command": sys.executable,
            "args": [str(script)],
            "tasks": {"transcribe": "mind-reading"},
        }
    }
    graph = build_graph(
        planner=PLAN,
        selector=FirstModelSelector(),
        executor=EchoExecutor(),
        workspace_root=str(tmp_path / "runs"),
        mcp_servers=servers,
    )
    with pytest.raises(ConfigurationError, match="unknown task type 'mind-reading'"):
        graph.invoke({"request": "Transcribe hi.wav", "files": []})


def test_hgpt_run_with_mcp_config_runs_the_declared_task_on_the_mcp_tool(
    cli, tmp_path, capsys, speech
):
    from hgpt_langchain.cli import main

    script = tmp_path / "speech_server.py"
    script.write_text(SERVER)
    config = tmp_path / "mcp.json"
    config.write_text(
        json.dumps(
            {
                "speech": {
                    "command": sys.executable,
                    "args": [str(script)],
                    "tasks": {"transcribe": "automatic-speech-recognition"},
                }
            }
        )
    )
    cli["plan"] = {
        "tasks": [
            {
                "id": 0,
                "task": "automatic-speech-recognition",
                "dep": [],
                "args": {"audio": "hi.wav"},
            }
        ]
    }
    code = main(
        ["run", "Transcribe hi.wav", "-f", str(speech), "--mcp-config", str(config), "--json"]
    )
    assert code == 0
    report = json.loads(capsys.readouterr().out)
    assert report["choices"][0]["model"] == "mcp:speech/transcribe"
    assert report["results"][0]["output"].startswith(f"heard {speech.stat().st_size} bytes")
    assert cli["executor"].task_ids == []  # the graph's own executor ran nothing


def test_hgpt_run_reports_a_missing_mcp_config(capsys, tmp_path):
    from hgpt_langchain.cli import main

    missing = tmp_path / "nope.json"
    assert main(["run", "Transcribe hi.wav", "--mcp-config", str(missing)]) == 2
    assert "hgpt: error: Cannot read the MCP config" in capsys.readouterr().err
