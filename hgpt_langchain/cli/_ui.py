"""``hgpt ui``: serve the web app (the ``ui`` extra: ``pip install 'hgpt-langchain[ui]'``)."""

from __future__ import annotations

import argparse

from hgpt_langchain.errors import ConfigurationError


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``ui`` subcommand."""
    p = sub.add_parser(
        "ui",
        help="serve the web app (chat with files, the live plan DAG, per-task results)",
        description="Serve the HuggingGPT web app on http://HOST:PORT (default 127.0.0.1:7860). "
        "HGPT_STUDIO_DRY_RUN=1 runs no model (placeholder outputs), as in LangGraph Studio.",
    )
    p.add_argument("--host", default="127.0.0.1", help="interface (default: 127.0.0.1)")
    p.add_argument("--port", type=int, help="port (default: 7860 or the next free one)")
    p.add_argument(
        "--share", action="store_true", help="also open a public gradio.live link (network)"
    )
    p.add_argument("--llm", metavar="SPEC", default="", help="initial LLM spec (or HGPT_LLM)")
    p.add_argument("--planner", choices=["auto", "offline", "llm"], default="auto")
    p.add_argument("--execution", choices=["auto", "local", "remote"], default="auto")
    p.add_argument("--catalog", metavar="FILE", default="", help="model catalog JSONL")
    p.add_argument("--approve", action="store_true", help="approve each plan before it runs")
    p.add_argument("--workspace", metavar="DIR", help="folder for run workspaces")
    p.set_defaults(func=cmd_ui)


def cmd_ui(args: argparse.Namespace) -> int:
    """Serve the app until Ctrl-C."""
    try:
        import gradio  # noqa: F401
    except ImportError as err:
        raise ConfigurationError("hgpt ui needs Gradio: pip install 'hgpt-langchain[ui]'.") from err
    if args.port is not None and not 0 < args.port < 65536:
        raise ConfigurationError(f"--port {args.port} is not a port number (1-65535).")
    from hgpt_langchain.ui.app import Settings, launch

    defaults = Settings(
        llm=args.llm,
        planner=args.planner,
        execution=args.execution,
        catalog=args.catalog,
        approve=args.approve,
    )
    launch(args.host, args.port, args.share, defaults, args.workspace)
    return 0
