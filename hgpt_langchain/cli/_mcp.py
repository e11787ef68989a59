"""``hgpt mcp``: serve HuggingGPT to MCP clients (stdio by default, streamable HTTP on request)."""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import Any

from hgpt_langchain.errors import ConfigurationError


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``mcp`` subcommand."""
    p = sub.add_parser(
        "mcp",
        help="serve HuggingGPT as an MCP server (tools: hugginggpt, plan, search_models)",
        description="Serve HuggingGPT to MCP clients (Claude Desktop, IDEs, tiny-agents, "
        "langchain-mcp-adapters) over stdio, or over streamable HTTP with --http.",
    )
    p.add_argument(
        "--http",
        metavar="HOST:PORT",
        help="serve streamable HTTP at http://HOST:PORT/mcp instead of stdio (HOST defaults "
        "to 127.0.0.1)",
    )
    p.add_argument(
        "--allow-dir",
        action="append",
        default=[],
        metavar="DIR",
        help="a folder whose files clients may name by path (repeatable; default: none, "
        "clients send files inline)",
    )
    p.add_argument(
        "--llm", metavar="SPEC", help="chat model, e.g. openai:gpt-4o-mini (or HGPT_LLM)"
    )
    p.add_argument("--planner", choices=["auto", "llm", "offline"], help="default: as hgpt run")
    p.add_argument("--catalog", metavar="FILE", help="model catalog JSONL (default: shipped)")
    p.add_argument(
        "--execution",
        choices=["auto", "local", "remote"],
        help="where models run (default: HGPT_EXECUTION or auto)",
    )
    p.add_argument(
        "--executor",
        metavar="MODULE:NAME",
        help="a custom executor: an Executor object or a no-argument factory, e.g. "
        "hgpt_langchain.execution.sleep:SleepExecutor (a dry run)",
    )
    p.add_argument("--selector", choices=["retrieval", "llm"], default="retrieval")
    p.add_argument("--workspace", metavar="DIR", help="folder for run workspaces")
    p.add_argument("--allow-urls", action="store_true", help="allow http(s) URLs as inputs")
    p.add_argument("--max-concurrency", type=int, default=4, help="tasks run at once per request")
    p.add_argument("--timeout", type=float, default=300.0, help="seconds per task")
    p.add_argument(
        "--model-tools",
        metavar="TASKS",
        help="also expose catalog models of these task types as one tool each "
        "(comma-separated, e.g. image-to-text,automatic-speech-recognition)",
    )
    p.add_argument(
        "--mcp-config",
        metavar="FILE",
        help="MCP servers whose tools run tasks as experts (see hgpt run --mcp-config)",
    )
    p.set_defaults(func=cmd_mcp)


def load_object(spec: str) -> Any:
    """``module:name`` -> the object (called when it is a class or factory)."""
    module, _, name = spec.partition(":")
    if not module or not name:
        raise ConfigurationError(f"--executor takes MODULE:NAME, not {spec!r}.")
    try:
        obj = getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError) as err:
        raise ConfigurationError(f"Cannot load the executor {spec!r}: {err}.") from err
    return obj() if callable(obj) and not hasattr(obj, "run") else obj


def cmd_mcp(args: argparse.Namespace) -> int:
    """Run the MCP server until the client disconnects (stdio) or Ctrl-C (HTTP)."""
    from pathlib import Path

    from hgpt_langchain.cli._run import _llm_and_planner
    from hgpt_langchain.mcp_server import build_server, parse_host_port

    for d in args.allow_dir:
        if not Path(d).expanduser().is_dir():
            raise ConfigurationError(f"--allow-dir {d!r} is not a folder.")
    host, port = parse_host_port(args.http) if args.http else ("127.0.0.1", 8000)
    llm, planner = _llm_and_planner(args)
    if args.executor:
        executor = load_object(args.executor)
        if isinstance(executor, type):
            executor = executor()
    else:
        from hgpt_langchain.execution.policy import default_executor

        executor = default_executor(args.execution)
    graph_kwargs: dict[str, Any] = {
        "llm": llm,
        "planner": planner,
        "executor": executor,
        "selector": args.selector,
        "catalog": args.catalog,
        "max_concurrency": args.max_concurrency,
        "task_timeout": args.timeout,
        "workspace_root": args.workspace,
        "allow_urls": bool(args.allow_urls),
    }
    if args.mcp_config:
        from hgpt_langchain.mcp_experts import load_mcp_config

        graph_kwargs["mcp_servers"] = load_mcp_config(args.mcp_config)
    tasks = [t.strip() for t in (args.model_tools or "").split(",") if t.strip()]
    model_kwargs: dict[str, Any] = {"executor": executor}
    if args.catalog:
        from hgpt_langchain.catalog import load_catalog

        model_kwargs["catalog"] = load_catalog(args.catalog)
    server = build_server(
        graph_kwargs=graph_kwargs,
        allow_dirs=args.allow_dir,
        model_tasks=tasks,
        model_tool_kwargs=model_kwargs,
        host=host,
        port=port,
    )
    if args.http:
        print(f"hgpt: MCP server at http://{host}:{port}/mcp", file=sys.stderr, flush=True)
        server.run("streamable-http")
    else:
        server.run("stdio")
    return 0
