"""Model-written file paths: one policy for HuggingGPTTool and the model tools.

Run from a home folder or a project root, an agent's model must not be able to feed
``~/.ssh/id_rsa`` or ``.env`` to a model: hidden and secret files are refused unless listed
explicitly, symlinks are followed before the check, and both tools default to the current
working directory.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from hgpt_langchain.access import check_readable
from hgpt_langchain.errors import WorkspaceError
from hgpt_langchain.execution.tools import make_model_tool
from hgpt_langchain.execution.workspace import Workspace
from hgpt_langchain.hugginggpt_tool import HuggingGPTTool
from tests.helpers import EchoExecutor, FirstModelSelector

PLAN = {"tasks": [{"id": 0, "task": "image-to-text", "dep": [], "args": {"image": "x.png"}}]}


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder with secrets, a project with a .env, and the process inside it."""
    home = tmp_path / "home"
    (home / ".ssh").mkdir(parents=True)
    (home / ".ssh" / "id_rsa").write_text("-----BEGIN OPENSSH PRIVATE KEY-----\n")
    (home / ".env").write_text("HF_TOKEN=hf_secret\n")
    (home / "server.pem").write_text("KEY")
    (home / "credentials").write_text("KEY")
    (home / ".git").mkdir()
    (home / ".git" / "config").write_text("[core]")
    Image.new("RGB", (4, 4), "red").save(home / "photo.png")
    (home / "link.png").symlink_to(home / ".ssh" / "id_rsa")
    (tmp_path / "outside.png").write_bytes((home / "photo.png").read_bytes())
    (home / "out.png").symlink_to(tmp_path / "outside.png")
    monkeypatch.chdir(home)
    monkeypatch.setenv("HOME", str(home))
    return home


SECRETS = [".env", ".ssh/id_rsa", "~/.ssh/id_rsa", "server.pem", "credentials", ".git/config"]


@pytest.mark.parametrize("name", SECRETS)
def test_hidden_and_secret_files_are_refused_by_default(home: Path, name: str):
    with pytest.raises(WorkspaceError, match="hidden or secret"):
        check_readable(name)


def test_symlinks_are_followed_before_the_check(home: Path):
    with pytest.raises(WorkspaceError, match="hidden or secret"):
        check_readable("link.png")  # -> .ssh/id_rsa
    with pytest.raises(WorkspaceError, match="outside the folders"):
        check_readable("out.png")  # -> a file outside the allowed folder
    with pytest.raises(WorkspaceError, match="outside the folders"):
        check_readable("../outside.png")
    assert check_readable("photo.png") == home / "photo.png"


def test_listing_a_secret_explicitly_allows_it(home: Path):
    assert check_readable(".env", [home, home / ".env"]) == home / ".env"
    key = home / ".ssh" / "id_rsa"
    assert check_readable("~/.ssh/id_rsa", [key]) == key
    (home / ".ssh" / "known_hosts").write_text("h")  # a listed hidden folder opens its plain files
    assert check_readable(".ssh/known_hosts", [home / ".ssh"]).name == "known_hosts"
    with pytest.raises(WorkspaceError, match="hidden or secret"):
        check_readable("~/.ssh/id_rsa", [home / ".ssh"])  # but a secret needs listing itself
    with pytest.raises(WorkspaceError, match="hidden or secret"):
        check_readable(".env", [home / ".ssh"] + [home])


def test_fifo_and_folders_are_not_files(home: Path):
    import os

    os.mkfifo(home / "pipe.png")
    for name in ("pipe.png", "missing.png", str(home)):
        with pytest.raises(WorkspaceError, match="not a file"):
            check_readable(name)


def test_hugginggpt_tool_refuses_secrets_under_the_default_folder(home: Path, tmp_path: Path):
    executor = EchoExecutor()
    tool = HuggingGPTTool(
        planner=PLAN,
        selector=FirstModelSelector(),
        executor=executor,
        workspace_root=str(tmp_path / "runs"),
    )
    for name in ("~/.ssh/id_rsa", ".env", "link.png", str(home / ".git" / "config")):
        out = tool.invoke({"request": "Describe it", "files": [name]})
        assert "hidden or secret" in out, (name, out)
    assert executor.calls == []
    assert "outside the folders" in tool.invoke({"request": "x", "files": ["out.png"]})


def test_model_tools_read_the_current_folder_by_default_but_never_secrets(
    home: Path, tmp_path: Path
):
    ws = Workspace.create(tmp_path / "runs", run_id="r")
    backend = EchoExecutor()
    tool = make_model_tool("acme/captioner", task="image-to-text", executor=backend, workspace=ws)
    call = {"name": tool.name, "id": "c", "type": "tool_call"}
    ok = tool.invoke({**call, "args": {"image": "photo.png"}})
    assert ok.status == "success", ok.content  # today: refused, no input_dirs given
    for name in ("~/.ssh/id_rsa", str(home / ".env"), "link.png", "server.pem"):
        refused = tool.invoke({**call, "args": {"image": name}})
        assert refused.status == "error" and "hidden or secret" in refused.content, name
    assert len(backend.calls) == 1
    assert [p.name for p in (ws.root / "inputs").iterdir()] == ["photo.png"]
