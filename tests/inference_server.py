"""A 127.0.0.1 stand-in of a Hugging Face inference endpoint (a pytest plugin).

``inference_server`` starts a threaded HTTP server on a free port that answers like the Inference
API, by model name in the path (``/models/<model>`` or ``/models/<model>/v1/chat/completions``):

- answers: ``sentiment`` / ``on-disk`` (text classification), ``ok`` (one label), ``painter``
  (a PNG), ``asr`` (a transcript when the body is a WAV), ``detector`` (boxes), ``chat`` (a chat
  completion);
- faults: ``loading`` (503 model loading), ``flaky`` (503 while ``flaky_left`` > 0, then an
  answer), ``broken`` (400), ``e500``, ``e429`` (with ``Retry-After: 0``), ``badjson`` (HTML),
  ``slow`` (answers after 1.5 s), ``hang`` (no answer for 6 s), ``drip`` (a body that never
  ends, one byte every 0.15 s);
- anything else: 404.

The server records every request (``requests``: path, model, headers, body) and counts calls per
model (``hits``). ``hub_online`` lets ``huggingface_hub`` make HTTP calls again (the suite runs
with ``HF_HUB_OFFLINE``); pytest-socket still keeps every call on 127.0.0.1.
"""

from __future__ import annotations

import http.server
import io
import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PIL import Image

if TYPE_CHECKING:
    from hgpt_langchain.execution.remote import RemoteExecutor
    from hgpt_langchain.execution.workspace import Workspace


def _png_bytes() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (8, 6), (0, 255, 0)).save(buf, format="PNG")
    return buf.getvalue()


_DETECTIONS = [
    {"label": "cat", "score": 0.9, "box": {"xmin": 2, "ymin": 2, "xmax": 20, "ymax": 20}},
    {"label": "dog", "score": 0.6, "box": {"xmin": 5, "ymin": 1, "xmax": 9, "ymax": 30}},
]
_CHAT_COMPLETION = {
    "id": "x",
    "object": "chat.completion",
    "created": 0,
    "model": "chat",
    "system_fingerprint": "",
    "choices": [
        {
            "index": 0,
            "finish_reason": "stop",
            "message": {"role": "assistant", "content": "Pasta tonight!"},
        }
    ],
    "usage": {"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3},
}


class InferenceServer(http.server.ThreadingHTTPServer):
    """The stand-in server; see the module docstring for what each model name answers."""

    daemon_threads = True
    request_queue_size = 64  # the default backlog (5) drops bursts of concurrent connections
    requests: list[dict[str, Any]]
    hits: dict[str, int]
    flaky_left: int

    def handle_error(self, request, client_address):
        pass  # the client gave up on a slow, hanging or dripping answer: a broken pipe is expected


class _Handler(http.server.BaseHTTPRequestHandler):
    server: InferenceServer

    def _send(
        self,
        status: int,
        body: Any,
        ctype: str = "application/json",
        headers: dict[str, str] | None = None,
    ) -> None:
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):  # noqa: N802
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        model = self.path.removeprefix("/models/").split("/v1/")[0]
        self.server.requests.append(
            {"path": self.path, "model": model, "headers": dict(self.headers), "body": body}
        )
        self.server.hits[model] = self.server.hits.get(model, 0) + 1
        if model == "loading":
            return self._send(
                503, {"error": "Model loading is currently loading", "estimated_time": 20.0}
            )
        if model == "flaky":
            if self.server.flaky_left > 0:
                self.server.flaky_left -= 1
                return self._send(503, {"error": "Model flaky is currently loading"})
            return self._send(200, [[{"label": "POSITIVE", "score": 0.75}]])
        if model == "broken":
            return self._send(400, {"error": "Input is not valid for this model"})
        if model == "slow":
            time.sleep(1.5)
            return self._send(200, [[{"label": "LATE", "score": 1.0}]])
        if model in ("sentiment", "on-disk"):
            return self._send(
                200, [[{"label": "NEGATIVE", "score": 0.8}, {"label": "POSITIVE", "score": 0.2}]]
            )
        if model == "ok":
            return self._send(200, [[{"label": "POSITIVE", "score": 0.9}]])
        if model == "painter":
            return self._send(200, _png_bytes(), "image/png")
        if model == "asr":
            ok = body[:4] == b"RIFF"
            return self._send(200, {"text": "hello world" if ok else "NOT A WAV"})
        if model == "detector":
            return self._send(200, _DETECTIONS)
        if model == "chat":
            return self._send(200, _CHAT_COMPLETION)
        if model == "e500":
            return self._send(500, {"error": "internal server error"})
        if model == "e429":
            return self._send(429, {"error": "rate limit reached"}, headers={"Retry-After": "0"})
        if model == "badjson":
            return self._send(200, b"<html>not json</html>")
        if model == "hang":
            time.sleep(6)
            return None
        if model == "drip":  # a body that never ends, one byte at a time (no read timeout hits)
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            for _ in range(40):
                self.wfile.write(b" ")
                self.wfile.flush()
                time.sleep(0.15)
            return None
        return self._send(404, {"error": f"Model {model} does not exist"})

    def log_message(self, *args):
        pass


@pytest.fixture
def hub_online(monkeypatch: pytest.MonkeyPatch) -> None:
    """huggingface_hub refuses all HTTP in offline mode; pytest-socket still blocks the internet."""
    from huggingface_hub import constants

    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", False)


@pytest.fixture
def inference_server() -> Iterator[InferenceServer]:
    """A running stand-in endpoint on 127.0.0.1 (a free port), shut down after the test."""
    srv = InferenceServer(("127.0.0.1", 0), _Handler)
    srv.requests = []
    srv.hits = {}
    srv.flaky_left = 0
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()


@pytest.fixture
def remote(inference_server: InferenceServer) -> RemoteExecutor:
    """A :class:`RemoteExecutor` pointed at the stand-in (``base_url``, 0.5 s timeout)."""
    from hgpt_langchain.execution.remote import RemoteExecutor

    port = inference_server.server_address[1]
    return RemoteExecutor(base_url=f"http://127.0.0.1:{port}/models/{{model}}", timeout=0.5)


@pytest.fixture
def remote_ws(tmp_path: Path) -> Workspace:
    """A workspace holding ``street.png`` and ``speech.wav`` for remote tasks to upload."""
    from hgpt_langchain.execution.workspace import Workspace
    from tests.tiny_models import write_png, write_wav

    ws = Workspace.create(tmp_path, run_id="remote")
    ws.import_file(str(write_png(tmp_path / "street.png")))
    ws.import_file(str(write_wav(tmp_path / "speech.wav")))
    return ws
