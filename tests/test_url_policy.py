"""URLs from users and plans: refused by default, limited in size and time, redirects re-checked.

A stand-in server on 127.0.0.1 redirects, drip-feeds and sends an endless body; being loopback,
it is only reachable at all with ``allow_private_urls=True``.
"""

from __future__ import annotations

import http.server
import threading
import time
from pathlib import Path

import pytest

import hgpt_langchain.execution.fetch as fetch
from hgpt_langchain.errors import WorkspaceError
from hgpt_langchain.execution.workspace import Workspace


class _Hostile(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):  # noqa: N802
        if self.path.startswith("/to-"):
            self.send_response(302)
            target = {
                "/to-file": "file:///etc/passwd",
                "/to-metadata": "http://169.254.169.254/latest/meta-data",
                "/to-ftp": "ftp://127.0.0.1/x",
                "/to-loop": "/to-loop",
            }[self.path]
            self.send_header("Location", target)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        if self.path == "/drip":  # declares 1 MB, sends a byte every 20 ms
            self.send_header("Content-Length", str(1_000_000))
            self.end_headers()
            try:
                for _ in range(100_000):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.02)
            except OSError:
                return
        elif self.path == "/endless":  # chunked, never ends
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            chunk = b"%x\r\n%s\r\n" % (65536, b"A" * 65536)
            try:
                while True:
                    self.wfile.write(chunk)
            except OSError:
                return
        else:
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


@pytest.fixture
def hostile():
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Hostile)
    srv.daemon_threads = True
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()
    srv.server_close()


def test_the_local_server_is_unreachable_without_allow_private(tmp_path: Path, hostile: str):
    for path in ("/ok", "/drip", "/endless", "/to-file"):
        with pytest.raises(WorkspaceError, match="private or local"):
            fetch.download(hostile + path, tmp_path / "dl")
    ws = Workspace.create(tmp_path, run_id="r", allow_urls=True)
    with pytest.raises(WorkspaceError, match="private or local"):
        ws.resolve(hostile + "/ok")
    assert (
        fetch.download(hostile + "/ok", tmp_path / "dl", allow_private=True).read_bytes() == b"ok"
    )


@pytest.mark.parametrize(
    ("path", "message"),
    [("/to-file", "only http"), ("/to-ftp", "only http"), ("/to-loop", "Too many redirects")],
)
def test_redirects_are_checked_again_at_every_hop(tmp_path: Path, hostile: str, path, message):
    with pytest.raises(WorkspaceError, match=message):
        fetch.download(hostile + path, tmp_path / "dl", allow_private=True)


def test_a_redirect_from_an_allowed_host_to_a_link_local_one_is_refused(
    tmp_path: Path, hostile: str, monkeypatch: pytest.MonkeyPatch
):
    real = fetch.check_url
    first = hostile + "/to-metadata"

    def public_first_hop(url: str, allow_private: bool = False) -> None:
        if url != first:  # pretend the first host is public; check every other hop for real
            real(url, allow_private=allow_private)

    monkeypatch.setattr(fetch, "check_url", public_first_hop)
    monkeypatch.setattr(fetch, "_check_peer", lambda response, url: None)
    with pytest.raises(WorkspaceError, match="169.254.169.254"):
        fetch.download(first, tmp_path / "dl")


def test_a_drip_fed_body_is_cut_off_at_the_time_limit(tmp_path: Path, hostile: str):
    started = time.monotonic()
    with pytest.raises(WorkspaceError, match="took longer than 0.5 s"):
        fetch.download(
            hostile + "/drip", tmp_path / "dl", allow_private=True, timeout=5, max_seconds=0.5
        )
    assert time.monotonic() - started < 4  # the per-read timeout alone never fires
    assert not list((tmp_path / "dl").iterdir())


def test_an_endless_body_is_cut_off_at_the_size_limit(tmp_path: Path, hostile: str):
    ws = Workspace.create(
        tmp_path, run_id="r", allow_urls=True, allow_private_urls=True, max_download_bytes=300_000
    )
    with pytest.raises(WorkspaceError, match="larger than the limit of 300000"):
        ws.import_file(hostile + "/endless")
    assert not list(ws.inputs_dir.iterdir())
