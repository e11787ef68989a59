r"""A minimal OpenAI-compatible chat server over a local chat model (``/v1/chat/completions``).

It serves :class:`~hgpt_langchain.local_llm.ChatLocalGGUF` (or any LangChain chat model) to any
OpenAI client: LangChain's ``ChatOpenAI``, other machines, other tools. ``response_format`` with a
``json_schema`` and forced tool calls (``tool_choice``) are honoured as the real API honours them:
the output is decoded under the schema. Non-streaming only; one request at a time.

Usage::

    python -m hgpt_langchain.local_server --port 8008            # --llm local's default weights
    OPENAI_BASE_URL=http://127.0.0.1:8008/v1 OPENAI_API_KEY=unused \
        hgpt run --llm openai:local "Describe photo.jpg" photo.jpg
"""

from __future__ import annotations

import argparse
import json
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage, ToolMessage


def _content_text(content: Any) -> str:
    if isinstance(content, list):
        return "".join(p.get("text", "") for p in content if isinstance(p, dict))
    return "" if content is None else str(content)


def to_langchain(messages: list[dict[str, Any]]) -> list[BaseMessage]:
    """OpenAI chat messages to LangChain messages."""
    out: list[BaseMessage] = []
    for m in messages:
        role, text = m.get("role"), _content_text(m.get("content"))
        if role in ("system", "developer"):
            out.append(SystemMessage(text))
        elif role == "assistant":
            calls = [
                {
                    "name": c["function"]["name"],
                    "args": json.loads(c["function"].get("arguments") or "{}"),
                    "id": c.get("id") or "call",
                }
                for c in m.get("tool_calls") or []
            ]
            out.append(AIMessage(content=text, tool_calls=calls))
        elif role == "tool":
            out.append(ToolMessage(text, tool_call_id=m.get("tool_call_id") or "call"))
        else:
            out.append(HumanMessage(text))
    return out


def completion(llm: BaseChatModel, body: dict[str, Any]) -> dict[str, Any]:
    """Answer one ``/v1/chat/completions`` request body."""
    kwargs: dict[str, Any] = {}
    for key in ("response_format", "tools", "tool_choice"):
        if body.get(key) is not None:
            kwargs[key] = body[key]
    max_tokens = body.get("max_completion_tokens") or body.get("max_tokens")
    if max_tokens:
        kwargs["max_tokens"] = int(max_tokens)
    choice = kwargs.get("tool_choice")
    if isinstance(choice, str) and choice in ("required", "any") and len(body.get("tools")) == 1:
        kwargs["tool_choice"] = body["tools"][0]["function"]["name"]
    reply = llm.invoke(to_langchain(body.get("messages") or []), **kwargs)
    usage = reply.usage_metadata or {}
    message: dict[str, Any] = {"role": "assistant", "content": reply.text or None}
    finish = "stop"
    if reply.tool_calls:
        message["tool_calls"] = [
            {
                "id": c.get("id") or f"call_{uuid.uuid4().hex[:12]}",
                "type": "function",
                "function": {"name": c["name"], "arguments": json.dumps(c["args"])},
            }
            for c in reply.tool_calls
        ]
        message["content"] = None
        finish = "tool_calls"
    return {
        "id": f"chatcmpl-{uuid.uuid4().hex}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": body.get("model") or "local",
        "choices": [{"index": 0, "message": message, "finish_reason": finish, "logprobs": None}],
        "usage": {
            "prompt_tokens": usage.get("input_tokens", 0),
            "completion_tokens": usage.get("output_tokens", 0),
            "total_tokens": usage.get("total_tokens", 0),
        },
    }


def make_server(llm: BaseChatModel, host: str = "127.0.0.1", port: int = 0) -> ThreadingHTTPServer:
    """An HTTP server answering the OpenAI chat API with ``llm`` (``port=0``: any free port)."""
    lock = threading.Lock()
    bodies: list[dict[str, Any]] = []

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:  # quiet
            pass

        def _send(self, status: int, payload: dict[str, Any]) -> None:
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            if self.path.rstrip("/").endswith("/models"):
                self._send(200, {"object": "list", "data": [{"id": "local", "object": "model"}]})
            else:
                self._send(404, {"error": {"message": "not found"}})

        def do_POST(self) -> None:  # noqa: N802 - http.server's name
            if not self.path.rstrip("/").endswith("/chat/completions"):
                self._send(404, {"error": {"message": "not found"}})
                return
            try:
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
                if body.get("stream"):
                    raise ValueError("streaming is not supported by this server")
                with lock:
                    bodies.append(body)
                    payload = completion(llm, body)
            except Exception as err:  # noqa: BLE001 - reported to the client as the API does
                self._send(400, {"error": {"message": str(err), "type": "invalid_request_error"}})
                return
            self._send(200, payload)

    server = ThreadingHTTPServer((host, port), Handler)
    server.bodies = bodies  # type: ignore[attr-defined]  # the requests served (for inspection)
    return server


def main() -> None:
    """``python -m hgpt_langchain.local_server``: serve ``--llm local[:...]`` over HTTP."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--llm", default="local", help="local[:NAME|PATH|PACKAGE]")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8008)
    args = parser.parse_args()
    from hgpt_langchain.local_llm import ChatLocalGGUF

    llm = ChatLocalGGUF.from_spec(args.llm)
    llm.runtime()
    server = make_server(llm, args.host, args.port)
    print(f"serving {args.llm} on http://{args.host}:{server.server_port}/v1")  # noqa: T201
    server.serve_forever()


if __name__ == "__main__":
    main()
