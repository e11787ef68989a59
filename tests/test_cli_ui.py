"""``hgpt ui`` on the command line: its options, and a bad port as a one-line error."""

from __future__ import annotations

import os

import pytest

from hgpt_langchain.cli import main


def test_ui_help_lists_host_port_share(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["ui", "--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    for flag in ("--host", "--port", "--share", "--approve", "--planner", "--execution"):
        assert flag in out


def test_ui_with_an_impossible_port_is_a_one_line_error(capsys):
    pytest.importorskip("gradio")
    assert main(["ui", "--port", "70000"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("hgpt: error: --port 70000 is not a port number")
    assert "Traceback" not in err


def test_building_the_web_app_leaves_the_environment_as_it_was(monkeypatch):
    """Gradio sets HF_HUB_DISABLE_TELEMETRY when analytics are off; the app puts it back."""
    pytest.importorskip("gradio")
    from hgpt_langchain.ui.app import build_app

    monkeypatch.delenv("HF_HUB_DISABLE_TELEMETRY", raising=False)
    before = dict(os.environ)
    build_app()
    assert dict(os.environ) == before
