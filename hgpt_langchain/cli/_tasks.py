"""``hgpt tasks``: the task registry."""

from __future__ import annotations

import argparse
import json

from hgpt_langchain.tasks import TASKS, registry_rows


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``tasks`` subcommand."""
    p = sub.add_parser("tasks", help="list the supported task types")
    p.add_argument("--json", action="store_true", help="print JSON rows")
    p.add_argument("--markdown", action="store_true", help="print the README's task table")
    p.set_defaults(func=cmd_tasks)


def cmd_tasks(args: argparse.Namespace) -> int:
    """Print the registry."""
    rows = registry_rows()
    if args.markdown:
        print(markdown_table())
        return 0
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    width = max(len(name) for name in TASKS)
    for spec in TASKS.values():
        where = "/".join(w for w, ok in (("local", spec.local), ("remote", spec.remote)) if ok)
        print(
            f"{spec.name:<{width}}  {', '.join(spec.inputs):<12} -> {'/'.join(spec.outputs):<10} "
            f"{where or 'unsupported'}"
        )
    return 0


def markdown_table() -> str:
    """The task registry as the Markdown table in README.md."""
    lines = [
        "| task (pipeline_tag) | arguments | output | local route | remote method |",
        "|---|---|---|---|---|",
    ]
    for spec in TASKS.values():
        args = ", ".join(
            f"`{a.name}` ({a.modality}{'' if a.required else ', optional'})" for a in spec.args
        )
        lines.append(
            f"| `{spec.name}` | {args} | {'/'.join(spec.outputs)} | "
            f"{spec.local or 'unsupported'} | {spec.remote or 'unsupported'} |"
        )
    return "\n".join(lines)
