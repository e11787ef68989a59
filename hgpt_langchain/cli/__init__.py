"""The ``hgpt`` command line: run, plan, tasks, models, catalog, ui, mcp and serve-ray.

User mistakes (missing files, no LLM configured, invalid plans) print one clear message on stderr
and exit with status 2; no traceback. ``HGPT_DEBUG=1`` shows tracebacks.
"""

from __future__ import annotations

import argparse
import logging
import os
import sqlite3
import sys
from collections.abc import Sequence

from hgpt_langchain.errors import HuggingGPTError
from hgpt_langchain.redact import redact


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered."""
    from hgpt_langchain.cli import _catalog, _mcp, _ray, _run, _tasks, _ui

    parser = argparse.ArgumentParser(
        prog="hgpt",
        description="HuggingGPT for LangChain: plan a request into Hugging Face tasks, "
        "pick a model per task, run them and answer.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress details")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _run.register(sub)
    _tasks.register(sub)
    _ray.register(sub)
    _catalog.register(sub)
    _ui.register(sub)
    _mcp.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        return int(args.func(args) or 0)
    except HuggingGPTError as err:
        if os.environ.get("HGPT_DEBUG"):
            raise
        print(f"hgpt: error: {redact(str(err))}", file=sys.stderr)
        return 2
    except sqlite3.Error as err:  # the checkpoint database failed in the middle of a run
        from hgpt_langchain.checkpoint import checkpoint_db_path

        print(
            f"hgpt: error: the checkpoint database {checkpoint_db_path()} failed: {err}. If "
            "another run holds it, wait and retry; else move it aside or set HGPT_CHECKPOINT_DB "
            "(or pass --no-checkpoint).",
            file=sys.stderr,
        )
        return 2
    except BrokenPipeError:  # e.g. `hgpt tasks | head`
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("hgpt: interrupted", file=sys.stderr)
        return 130


def entrypoint() -> None:  # pragma: no cover - console script
    """Console-script entry point."""
    sys.exit(main())
