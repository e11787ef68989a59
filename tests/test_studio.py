"""LangGraph Studio: ``langgraph dev`` serves the graphs of ``langgraph.json`` over HTTP.

The server runs from a temporary copy of ``langgraph.json`` and ``graphs/`` (its ``.langgraph_api``
state and the run workspaces land there, never in the repository), with a fixed plan and the
dry-run executor so the run is hermetic. Bounded in time; the server is always stopped.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from langgraph_sdk import get_sync_client

REPO = Path(__file__).resolve().parents[1]
READY_TIMEOUT = 45.0

PLAN = {
    "tasks": [
        {"id": 0, "task": "text-to-image", "dep": [], "args": {"text": "a lighthouse at dusk"}},
        {"id": 1, "task": "image-to-text", "dep": [0], "args": {"image": "<resource>-0"}},
    ]
}


def _git_status() -> set[str] | None:
    if shutil.which("git") is None or not (REPO / ".git").exists():
        return None
    out = subprocess.run(
        ["git", "status", "--porcelain", "--ignored", "--untracked-files=all"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=30,
    )
    return {
        line
        for line in out.stdout.splitlines()
        # bytecode caches and sources other engineers may be writing concurrently
        if "__pycache__" not in line
        and ".pytest_cache" not in line
        and not line[3:].startswith(("hgpt_langchain/", "tests/", "bench/", "docs/"))
    }


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _repo_api_state() -> list[tuple[str, int]]:
    """What a user's own ``langgraph dev`` left at the repo root (the test must not touch it)."""
    folder = REPO / ".langgraph_api"
    if not folder.exists():
        return []
    return sorted((str(p.relative_to(folder)), p.stat().st_mtime_ns) for p in folder.rglob("*"))


@pytest.fixture
def server(tmp_path):
    before = _git_status()
    api_before = _repo_api_state()
    site = tmp_path / "studio"
    site.mkdir()
    shutil.copy(REPO / "langgraph.json", site / "langgraph.json")
    shutil.copytree(REPO / "graphs", site / "graphs", ignore=shutil.ignore_patterns("__pycache__"))
    port = _free_port()
    env = {
        **os.environ,
        "HGPT_STUDIO_PLAN": json.dumps(PLAN),
        "HGPT_STUDIO_DRY_RUN": "1",
        "HGPT_STUDIO_DRY_RUN_SECONDS": "0.05",
        "HGPT_WORKSPACE_DIR": str(site / "runs"),
        "LANGGRAPH_CLI_NO_ANALYTICS": "1",
        "LANGSMITH_TRACING": "false",
        "LANGCHAIN_TRACING_V2": "false",
        "PYTHONDONTWRITEBYTECODE": "1",
        "HF_HUB_OFFLINE": "1",
    }
    log = (site / "server.log").open("w")
    langgraph = Path(sys.executable).parent / "langgraph"
    proc = subprocess.Popen(
        [
            str(langgraph),
            "dev",
            "--no-browser",
            "--no-reload",
            "--port",
            str(port),
            "--host",
            "127.0.0.1",
        ],
        cwd=site,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + READY_TIMEOUT
        while True:
            if proc.poll() is not None:
                pytest.fail(
                    f"langgraph dev exited with {proc.returncode}:\n"
                    + (site / "server.log").read_text()[-3000:]
                )
            try:
                if httpx.get(f"{url}/ok", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(
                    "langgraph dev was not ready in time:\n"
                    + (site / "server.log").read_text()[-3000:]
                )
            time.sleep(0.3)
        yield url, site, (before, api_before)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=10)
        log.close()


def test_langgraph_dev_serves_and_runs_the_graphs(server):
    url, site, before = server
    client = get_sync_client(url=url, timeout=30)
    assert {a["graph_id"] for a in client.assistants.search()} >= {
        "hugginggpt",
        "hugginggpt_approval",
    }

    # a run through the HTTP API, streaming the per-task events
    thread = client.threads.create()
    events = [
        part.data
        for part in client.runs.stream(
            thread["thread_id"],
            "hugginggpt",
            input={"request": "Draw a lighthouse at dusk and describe it"},
            stream_mode=["custom"],
        )
        if part.event == "custom"
    ]
    ends = [e for e in events if e.get("event") == "task_end"]
    assert sorted(e["task_id"] for e in ends) == [0, 1]
    state = client.threads.get_state(thread["thread_id"])["values"]
    report = state["report"]
    assert [r["status"] for r in report["results"]] == ["ok", "ok"]
    assert [c["model"] for c in report["choices"]] == [
        "dry-run/text-to-image",
        "dry-run/image-to-text",
    ]
    assert "image-to-text by dry-run/image-to-text" in state["answer"]
    # the workspace is the server's thread, under the temporary site
    assert report["workspace"] == str(site / "runs" / thread["thread_id"])

    # plan approval: the run stops with the plan, Command(resume=...) continues it
    thread = client.threads.create()
    paused = client.runs.wait(
        thread["thread_id"], "hugginggpt_approval", input={"request": "Draw a lighthouse"}
    )
    (intr,) = paused["__interrupt__"]
    assert [t["task"] for t in intr["value"]["plan"]["tasks"]] == ["text-to-image", "image-to-text"]
    done = client.runs.wait(
        thread["thread_id"], "hugginggpt_approval", command={"resume": "accept"}
    )
    assert [r["status"] for r in done["report"]["results"]] == ["ok", "ok"]

    # nothing was written into the repository
    assert (site / ".langgraph_api").is_dir()
    before, api_before = before
    assert _repo_api_state() == api_before
    after = _git_status()
    if before is not None and after is not None:
        assert after - before == set()
