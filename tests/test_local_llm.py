"""The real local controller: a small model from its PyPI package plans under the schema, and
LangChain's real ChatOpenAI client plans and answers through an OpenAI-compatible local server.

The model (Qwen2.5-Coder-0.5B-Instruct, from the ``local-llm`` extra) is loaded once per session;
outputs are kept short. Assertions are on validity and structure, never on a specific plan.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path

import jsonschema
import pytest
from langchain.chat_models import init_chat_model

from hgpt_langchain import build_graph
from hgpt_langchain.llm import resolve_llm
from hgpt_langchain.local_llm import ChatLocalGGUF, cache_dir
from hgpt_langchain.local_server import make_server
from hgpt_langchain.planning.llm import LLMPlanner
from hgpt_langchain.planning.schema import plan_json_schema
from hgpt_langchain.planning.validate import validate_plan
from hgpt_langchain.tasks import TASKS
from tests.helpers import EchoExecutor, FirstModelSelector


@pytest.fixture(scope="session")
def local_llm():
    """``--llm local``: the packaged weights, joined into the test cache and loaded once."""
    llm = resolve_llm("local")
    assert isinstance(llm, ChatLocalGGUF)
    llm.runtime()
    yield llm
    # The weights are in memory now; the joined copy in the session's temporary cache can go.
    joined = Path(llm.folder) / (llm.gguf_file or "")
    if joined.is_file() and cache_dir() in joined.parents:
        joined.unlink()


@pytest.fixture(scope="session")
def server(local_llm):
    srv = make_server(local_llm, "127.0.0.1", 0)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()


def _assert_valid_structure(plan, files):
    assert plan.tasks, "a request with a file must get at least one task"
    assert all(t.task in TASKS for t in plan.tasks)
    assert validate_plan(plan, files=files).ok
    data = {"tasks": [t.model_dump(mode="json") for t in plan.tasks]}
    jsonschema.validate(data, plan_json_schema(positional=False, files=files))


def test_packaged_local_model_plans_a_request_under_the_schema(local_llm):
    planner = LLMPlanner(local_llm)
    files = ["photo.jpg"]
    result = planner.plan("Describe photo.jpg and read the description aloud.", files)
    # the raw decoded text is JSON of the positional schema (grammar-constrained decoding)
    jsonschema.validate(json.loads(result.raw), plan_json_schema(files=files, min_tasks=1))
    _assert_valid_structure(result.plan, files)
    assert planner.usage["input_tokens"] > 0 and planner.usage["output_tokens"] > 0


def test_local_model_tool_call_is_decoded_under_the_tool_schema(local_llm):
    tool = {
        "type": "function",
        "function": {
            "name": "pick_color",
            "description": "Pick a colour.",
            "parameters": {
                "type": "object",
                "properties": {"color": {"type": "string", "enum": ["red", "green", "blue"]}},
                "required": ["color"],
                "additionalProperties": False,
            },
        },
    }
    reply = local_llm.bind_tools([tool], tool_choice="pick_color").invoke(
        "Which colour is the sky?", max_tokens=16
    )
    assert reply.tool_calls[0]["name"] == "pick_color"
    assert reply.tool_calls[0]["args"]["color"] in ("red", "green", "blue")


def test_real_chat_openai_plans_and_answers_through_a_local_openai_compatible_server(
    server, photo, tmp_path
):
    llm = init_chat_model(
        "openai:local",
        base_url=f"http://127.0.0.1:{server.server_port}/v1",
        api_key="unused",
        temperature=0,
        max_tokens=96,
        max_retries=0,
    )
    graph = build_graph(
        llm,
        planner=LLMPlanner(llm, compact=True),  # a small model behind the API: short prompt
        selector=FirstModelSelector(),
        executor=EchoExecutor(),
        workspace_root=str(tmp_path / "runs"),
    )
    out = graph.invoke({"request": "Describe photo.jpg", "files": [photo]})
    report = out["report"]
    assert report["planner"] == "llm"
    plan = report["plan"]["tasks"]
    assert plan and all(t["task"] in TASKS for t in plan)
    assert all(r["status"] == "ok" for r in report["results"])
    assert isinstance(out["answer"], str) and out["answer"].strip()
    assert report["llm_calls"] >= 2
    # the planner's request carried the registry schema as a strict json_schema response_format
    fmt = server.bodies[0]["response_format"]
    assert fmt["type"] == "json_schema" and fmt["json_schema"]["strict"] is True
    assert "prefixItems" not in json.dumps(fmt)


def test_real_chat_openai_tool_calls_through_the_local_server(server):
    llm = init_chat_model(
        "openai:local",
        base_url=f"http://127.0.0.1:{server.server_port}/v1",
        api_key="unused",
        temperature=0,
        max_tokens=160,
        max_retries=0,
    )
    # the registry schema as a forced submit_plan tool (providers without json_schema output)
    planner = LLMPlanner(llm, constrained="tool", compact=True)
    result = planner.plan("Transcribe talk.wav", ["talk.wav"])
    body = server.bodies[-1]
    assert body["tool_choice"]["function"]["name"] == "submit_plan"
    assert body["tools"][0]["function"]["parameters"]["properties"]["tasks"]["minItems"] == 1
    _assert_valid_structure(result.plan, ["talk.wav"])
