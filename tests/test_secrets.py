"""Secrets never leave the process: not in output, reports, workspace files, checkpoints, errors.

A stand-in endpoint on 127.0.0.1 answers every call with HTTP 400 and a body that echoes the
request's ``Authorization`` header (as some servers do). The real ``hgpt run`` calls it with
``HF_TOKEN`` set; then stdout, stderr, the log, the JSON report, every workspace file and the
bytes of the SQLite checkpoint are searched for the token.
"""

from __future__ import annotations

import http.server
import json
import logging
import threading
from pathlib import Path

import pytest

from hgpt_langchain.cli import main
from hgpt_langchain.redact import redact, register_secret
from hgpt_langchain.state import TaskResult
from tests.helpers import FirstModelSelector

TOKEN = "hf_" + "SeCrEtToKeN" * 3
KEY = "sk-" + "providerkey" * 3

PLAN = {
    "tasks": [
        {"id": 0, "task": "text-classification", "dep": [], "args": {"text": "great phone"}},
        {"id": 1, "task": "summarization", "dep": [], "args": {"text": "a long text"}},
    ]
}


class _Echo(http.server.BaseHTTPRequestHandler):
    def do_POST(self):  # noqa: N802
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        seen = {"headers": {k.lower(): v for k, v in self.headers.items()}}
        self.server.seen.append(seen)  # type: ignore[attr-defined]
        body = json.dumps(
            {"error": f"Bad request. You sent Authorization: {self.headers.get('Authorization')}"}
        ).encode()
        self.send_response(400)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def echo_server():
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Echo)
    srv.seen = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()


def test_a_token_echoed_by_a_server_appears_nowhere(
    echo_server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, caplog
):
    import huggingface_hub.constants as hub_constants

    import hgpt_langchain.graph as graph_module

    monkeypatch.setattr(hub_constants, "HF_HUB_OFFLINE", False)
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.setenv("HF_TOKEN", TOKEN)
    monkeypatch.setenv("GROQ_API_KEY", KEY)  # a provider key the run does not use
    port = echo_server.server_address[1]
    monkeypatch.setenv("HGPT_INFERENCE_URL", f"http://127.0.0.1:{port}/models/{{model}}")
    db = tmp_path / "cp.sqlite"
    monkeypatch.setenv("HGPT_CHECKPOINT_DB", str(db))
    monkeypatch.setenv("HGPT_WORKSPACE_DIR", str(tmp_path / "runs"))
    real = graph_module.build_graph

    def build_graph(llm=None, **kw):
        kw["selector"] = FirstModelSelector()
        kw["planner"] = PLAN
        return real(llm, **kw)

    monkeypatch.setattr(graph_module, "build_graph", build_graph)
    caplog.set_level(logging.DEBUG)
    code = main(["run", "Classify and summarize", "--execution", "remote", "--json"])
    out, err = capsys.readouterr()

    # the server did get the token, and did echo it
    assert any(TOKEN in str(s["headers"].get("authorization")) for s in echo_server.seen)
    report = json.loads(out)
    errors = [r["error"] for r in report["results"]]
    assert all(e and "HTTP 400" in e for e in errors), errors
    assert code != 0 or all(r["status"] != "ok" for r in report["results"])

    places = {"stdout": out, "stderr": err, "log": caplog.text}
    for path in sorted(tmp_path.rglob("*")):
        if path.is_file():
            places[str(path)] = path.read_bytes().decode("latin-1")
    assert any(p.startswith(str(db)) for p in places), "the run was checkpointed"
    for secret in (TOKEN, KEY):
        leaks = [name for name, text in places.items() if secret in text]
        assert leaks == [], f"{secret[:5]}... found in {leaks}"
    assert "***" in out


def test_redact_removes_env_secrets_registered_tokens_and_token_shapes(
    monkeypatch: pytest.MonkeyPatch,
):
    monkeypatch.setenv("MY_SERVICE_API_KEY", "abc123def456")
    register_secret("passed-as-argument-42")
    text = (
        "key abc123def456, arg passed-as-argument-42, hub hf_abcdefghijklmnopqrstu, "
        "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.x, a token classification task"
    )
    clean = redact(text)
    for secret in ("abc123def456", "passed-as-argument-42", "hf_abcdefghijkl", "eyJhbGci"):
        assert secret not in clean
    assert "token classification task" in clean and "Bearer ***" in clean
    result = TaskResult(task_id=0, task="x", status="failed", error=text, attempts=[text])
    assert "abc123def456" not in result.error and "abc123def456" not in result.attempts[0]
