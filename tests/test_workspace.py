"""Workspace: inputs, stable outputs, and confinement of LLM-made paths."""

from __future__ import annotations

import http.server
import json
import os
import threading
from pathlib import Path

import pytest

from hgpt_langchain.errors import WorkspaceError
from hgpt_langchain.execution.fetch import check_url
from hgpt_langchain.execution.workspace import Workspace


def test_create_makes_one_folder_per_run(tmp_path: Path):
    a = Workspace.create(tmp_path, run_id="a")
    b = Workspace.create(tmp_path)
    assert a.root == (tmp_path / "a").resolve()
    assert a.run_id == "a"
    assert (a.root / "inputs").is_dir() and (a.root / "outputs").is_dir()
    assert b.root.parent == tmp_path.resolve() and b.root != a.root


def test_default_root_from_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("HGPT_WORKSPACE_DIR", str(tmp_path / "env-root"))
    ws = Workspace.create(run_id="x")
    assert ws.root == (tmp_path / "env-root" / "x").resolve()


@pytest.mark.parametrize("bad", ["../up", "a/b", "..", "-x"])
def test_unsafe_run_id_refused(tmp_path: Path, bad: str):
    with pytest.raises(WorkspaceError):
        Workspace.create(tmp_path, run_id=bad)


def test_import_file_copies_into_inputs_and_is_idempotent(ws: Workspace, tmp_path: Path):
    src = tmp_path / "photo.jpg"
    src.write_bytes(b"jpegdata")
    got = ws.import_file(str(src))
    assert Path(got) == ws.root / "inputs" / "photo.jpg"
    assert Path(got).read_bytes() == b"jpegdata"
    assert ws.import_file(str(src)) == got
    other = tmp_path / "sub"
    other.mkdir()
    (other / "photo.jpg").write_bytes(b"second")
    got2 = ws.import_file(str(other / "photo.jpg"))
    assert got2 != got and Path(got2).read_bytes() == b"second"


def test_import_missing_file(ws: Workspace, tmp_path: Path):
    with pytest.raises(WorkspaceError, match="does not exist"):
        ws.import_file(str(tmp_path / "nope.png"))


def test_resolve_bare_relative_absolute_and_source(ws: Workspace, tmp_path: Path):
    src = tmp_path / "cat.png"
    src.write_bytes(b"png")
    imported = Path(ws.import_file(str(src)))
    assert ws.resolve("cat.png") == imported
    assert ws.resolve("inputs/cat.png") == imported
    assert ws.resolve(str(imported)) == imported
    assert ws.resolve(str(src)) == imported  # the user's own path maps to the imported copy
    out = ws.output_path("task-2", "png")
    out.write_bytes(b"x")
    assert ws.resolve("task-2.png") == out
    assert ws.relative(out) == "outputs/task-2.png"


@pytest.mark.parametrize("value", ["../secret.txt", "inputs/../../secret.txt", "/etc/passwd"])
def test_resolve_refuses_escapes(ws: Workspace, value: str):
    (ws.root.parent / "secret.txt").write_text("s")
    with pytest.raises(WorkspaceError, match="outside"):
        ws.resolve(value)


def test_resolve_refuses_symlink_escape(ws: Workspace, tmp_path: Path):
    secret = tmp_path / "secret.txt"
    secret.write_text("s")
    os.symlink(secret, ws.root / "inputs" / "link.txt")
    with pytest.raises(WorkspaceError, match="symbolic link"):
        ws.resolve("inputs/link.txt")
    os.symlink(tmp_path, ws.root / "outputs" / "dirlink")
    with pytest.raises(WorkspaceError):
        ws.resolve("outputs/dirlink/secret.txt")


def test_resolve_must_exist(ws: Workspace):
    with pytest.raises(WorkspaceError, match="not found"):
        ws.resolve("ghost.png", must_exist=True)


def test_output_path_is_stable(ws: Workspace):
    assert ws.output_path("task-3", ".png") == ws.output_path("task-3", "png")
    assert ws.output_path("task-3", "png") == ws.root / "outputs" / "task-3.png"
    assert ws.output_path("../evil", "png").parent == ws.root / "outputs"
    with pytest.raises(WorkspaceError):
        ws.output_path("x", "p/ng")


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        body = b"A" * (2000 if self.path.startswith("/big") else 10)
        if self.path.startswith("/redirect"):
            self.send_response(302)
            self.send_header("Location", "/small.bin")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        if not self.path.startswith("/big-chunked"):
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()
    srv.server_close()


def test_urls_refused_unless_allowed(ws: Workspace, server: str):
    with pytest.raises(WorkspaceError, match="disabled"):
        ws.import_file(server + "/small.bin")
    with pytest.raises(WorkspaceError, match="disabled"):
        ws.resolve(server + "/small.bin")


def test_loopback_url_refused_by_default_even_when_urls_allowed(tmp_path: Path, server: str):
    ws = Workspace.create(tmp_path, run_id="r", allow_urls=True)
    with pytest.raises(WorkspaceError, match="private or local"):
        ws.import_file(server + "/small.bin")
    with pytest.raises(WorkspaceError, match="private or local"):
        ws.resolve(server + "/small.bin")
    with pytest.raises(WorkspaceError, match="only http"):
        ws.resolve("file:///etc/passwd")
    with pytest.raises(WorkspaceError, match="private or local"):
        check_url("http://169.254.169.254/latest/meta-data")
    with pytest.raises(WorkspaceError, match="private or local"):
        check_url("http://[::1]:8080/x")


def test_private_url_download_with_limits(tmp_path: Path, server: str):
    ws = Workspace.create(
        tmp_path, run_id="r", allow_urls=True, allow_private_urls=True, max_download_bytes=1000
    )
    got = Path(ws.import_file(server + "/small.bin"))
    assert got.parent == ws.root / "inputs" and got.read_bytes() == b"A" * 10
    redirected = Path(ws.import_file(server + "/redirect"))
    assert redirected.read_bytes() == b"A" * 10
    with pytest.raises(WorkspaceError, match="limit"):
        ws.import_file(server + "/big.bin")
    with pytest.raises(WorkspaceError, match="limit"):
        ws.import_file(server + "/big-chunked.bin")
    assert not list((ws.root / "inputs").glob("big*"))


def test_reopened_workspace_keeps_imported_sources(tmp_path: Path):
    src = tmp_path / "holiday.jpg"
    src.write_bytes(b"jpg")
    ws = Workspace.create(tmp_path / "runs", run_id="again")
    imported = ws.import_file(str(src))
    tampered = {str(src): "inputs/holiday.jpg", "/etc/passwd": "../../../../etc/passwd"}
    (ws.root / ".sources.json").write_text(json.dumps(tampered))
    again = Workspace.open(ws.root)
    assert again.run_id == "again"
    assert str(again.resolve(str(src))) == imported
    with pytest.raises(WorkspaceError):
        again.resolve("/etc/passwd")


def test_dns_rebinding_to_a_private_address_is_caught_at_connection_time(
    tmp_path: Path, server: str, monkeypatch: pytest.MonkeyPatch
):
    """The name looked public when checked, but the connection lands on a local address."""
    import hgpt_langchain.execution.fetch as fetch

    monkeypatch.setattr(fetch, "check_url", lambda url, allow_private=False: None)
    with pytest.raises(WorkspaceError, match="connected to the private or local address"):
        fetch.download(server + "/small.bin", tmp_path / "dl")
    assert not (tmp_path / "dl").exists(), "nothing of the body was written"
    # explicitly allowed: the same download works
    assert fetch.download(server + "/small.bin", tmp_path / "ok", allow_private=True).is_file()
