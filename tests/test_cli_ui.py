"""``hgpt ui`` on the command line: its options, and a bad port as a one-line error."""

from __future__ import annotations

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
