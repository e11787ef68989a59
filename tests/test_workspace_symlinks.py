"""Planted symbolic links never lead a run outside its workspace, for reading or writing.

A hostile plan (or whoever can write into the run folder) may plant links: at an output's exact
name, as the ``outputs/`` folder itself, as the workspace's ``.sources.json``, or as a dangling
link at a download's name. Nothing is read or written through them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image

from hgpt_langchain.errors import WorkspaceError
from hgpt_langchain.execution.convert import save_image, save_json
from hgpt_langchain.execution.workspace import Workspace


@pytest.fixture
def victim(tmp_path: Path) -> Path:
    path = tmp_path / "victim.txt"
    path.write_text("precious")
    return path


@pytest.mark.parametrize(
    "value", ["../../victim.txt", "~/victim.txt", "/etc/passwd", "inputs/../../../victim.txt"]
)
def test_plan_paths_that_leave_the_workspace_are_rejected(ws: Workspace, value: str):
    with pytest.raises(WorkspaceError):
        ws.resolve(value, must_exist=True)


def test_a_symlink_planted_in_inputs_is_not_read(ws: Workspace, victim: Path):
    (ws.inputs_dir / "photo.jpg").symlink_to(victim)
    with pytest.raises(WorkspaceError, match="symbolic link"):
        ws.resolve("photo.jpg", must_exist=True)


def test_an_output_name_taken_by_a_planted_symlink_is_not_written_through(
    ws: Workspace, victim: Path
):
    (ws.outputs_dir / "task-0.json").symlink_to(victim)
    (ws.outputs_dir / "task-1.png").symlink_to(victim.parent / "new.png")  # dangling
    with pytest.raises(WorkspaceError, match="symbolic link"):
        save_json({"a": 1}, ws, "task-0")
    with pytest.raises(WorkspaceError, match="symbolic link"):
        save_image(Image.new("RGB", (2, 2)), ws, "task-1")
    assert victim.read_text() == "precious"
    assert not (victim.parent / "new.png").exists()


def test_a_symlinked_outputs_folder_is_not_written_through(tmp_path: Path, victim: Path):
    ws = Workspace.create(tmp_path / "runs", run_id="r")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    ws.outputs_dir.rmdir()
    ws.outputs_dir.symlink_to(elsewhere)
    with pytest.raises(WorkspaceError, match="symbolic link"):
        save_json({"a": 1}, ws, "task-0")
    with pytest.raises(WorkspaceError, match="symbolic link"):
        Workspace.open(ws.root)
    assert list(elsewhere.iterdir()) == []


def test_the_sources_file_is_never_read_or_written_through_a_symlink(tmp_path: Path, victim: Path):
    ws = Workspace.create(tmp_path / "runs", run_id="r")
    outside = tmp_path / "sources.json"
    outside.write_text(json.dumps({"secret-source": "inputs/x"}))
    (ws.root / ".sources.json").symlink_to(outside)
    (ws.root / "inputs" / "x").write_text("x")
    again = Workspace.open(ws.root)
    with pytest.raises(WorkspaceError):
        again.resolve("secret-source", must_exist=True)
    src = tmp_path / "photo.png"
    src.write_bytes(b"png")
    again.import_file(str(src))  # saves the sources: must not write the outside file
    assert json.loads(outside.read_text()) == {"secret-source": "inputs/x"}


def test_a_dangling_symlink_at_an_input_name_is_skipped(ws: Workspace, tmp_path: Path):
    planted = tmp_path / "created-outside.png"
    (ws.inputs_dir / "photo.png").symlink_to(planted)
    src = tmp_path / "photo.png"
    src.write_bytes(b"png")
    got = Path(ws.import_file(str(src)))
    assert got.parent == ws.inputs_dir and got.name != "photo.png" and not got.is_symlink()
    assert not planted.exists()
