"""The quickstart notebook runs offline from top to bottom (executed, not just parsed)."""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "quickstart.ipynb"


def test_quickstart_notebook_executes_offline(tmp_path, monkeypatch):
    # The kernel inherits this environment: offline, index cache and workspaces under tmp_path.
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HGPT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("HGPT_WORKSPACE_DIR", str(tmp_path / "runs"))
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    monkeypatch.setenv("TMPDIR", str(tmp_path))  # the notebook's temporary folder
    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert not any(c.get("outputs") for c in nb.cells if c.cell_type == "code"), (
        "commit the notebook without outputs"
    )
    client = NotebookClient(
        nb, timeout=240, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    )
    client.execute()  # raises CellExecutionError with the cell's traceback on any failure

    text = {
        i: "".join(o.get("text", "") for o in c.outputs if o.output_type == "stream")
        for i, c in enumerate(nb.cells)
        if c.cell_type == "code"
    }
    everything = "\n".join(text.values())
    # the stages ran for real: plan, retrieval choices, execution, answer
    assert "0 image-to-text {'image': 'photo.jpg'}" in everything
    assert "Salesforce/blip-image-captioning-base" in everything
    assert "stage done: respond" in everything
    assert "artifact: ['answer', 'choices'" in everything
    assert "hugginggpt answered" in everything
