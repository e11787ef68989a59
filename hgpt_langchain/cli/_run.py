"""``hgpt run`` and ``hgpt plan``."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from hgpt_langchain.errors import ConfigurationError, PlanningError


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("request", help="what you want done, in plain language")
    p.add_argument(
        "--file", "-f", action="append", default=[], metavar="PATH",
        help="an input file (image, audio, video, document); repeatable",
    )
    p.add_argument("--llm", metavar="SPEC", help="chat model, e.g. openai:gpt-4o-mini (or HGPT_LLM)")
    p.add_argument(
        "--planner", choices=["auto", "llm", "offline"],
        help="planner (default: llm when one is configured, else offline)",
    )
    p.add_argument("--json", action="store_true", help="print JSON instead of text")


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``run`` and ``plan`` subcommands."""
    run = sub.add_parser("run", help="plan, select models, execute and answer")
    _common(run)
    run.add_argument("--catalog", metavar="FILE", help="model catalog JSONL (default: shipped)")
    run.add_argument(
        "--execution", choices=["auto", "local", "remote"],
        help="where models run (default: HGPT_EXECUTION or auto)",
    )
    run.add_argument("--selector", choices=["retrieval", "llm"], default="retrieval")
    run.add_argument("--workspace", metavar="DIR", help="folder for run workspaces")
    run.add_argument("--allow-urls", action="store_true", help="allow http(s) URLs as inputs")
    run.add_argument("--max-concurrency", type=int, default=4)
    run.add_argument("--timeout", type=float, default=300.0, help="seconds per task")
    run.set_defaults(func=cmd_run)
    plan = sub.add_parser("plan", help="stage 1 only: print the validated plan")
    _common(plan)
    plan.set_defaults(func=cmd_plan)


def _check_files(files: list[str]) -> list[str]:
    out = []
    for f in files:
        if f.startswith(("http://", "https://")):
            out.append(f)
            continue
        path = Path(f).expanduser()
        if not path.is_file():
            raise ConfigurationError(f"Input file {f!r} does not exist (or is not a file).")
        out.append(str(path.resolve()))
    return out


def _llm_and_planner(args: argparse.Namespace) -> tuple[Any, str]:
    from hgpt_langchain.llm import HOW_TO_CONFIGURE, resolve_llm

    planner = args.planner
    llm = None if planner == "offline" else resolve_llm(args.llm)
    if llm is None:
        if planner == "llm":
            raise ConfigurationError(f"--planner llm needs a chat model. {HOW_TO_CONFIGURE}")
        print(
            "hgpt: no LLM configured: using the offline planner and a templated answer "
            "(configure one with --llm PROVIDER:MODEL or HGPT_LLM).",
            file=sys.stderr,
        )
        planner = planner or "offline"
    return llm, planner or "llm"


def cmd_plan(args: argparse.Namespace) -> int:
    """Plan a request and print the validated plan."""
    from hgpt_langchain.graph import make_planner

    files = _check_files(args.file)
    llm, planner_name = _llm_and_planner(args)
    planner = make_planner(planner_name, llm)
    try:
        result = planner.plan(args.request, files, [])
    except PlanningError as err:
        if args.json and err.raw:
            print(json.dumps({"error": str(err), "raw": err.raw}), file=sys.stderr)
        raise
    if args.json:
        print(json.dumps({"tasks": [t.model_dump() for t in result.plan.tasks]}, ensure_ascii=False))
    else:
        if not result.plan.tasks:
            print("No task: nothing in this request needs a model.")
        for t in result.plan.tasks:
            dep = f" after {t.dep}" if t.dep else ""
            print(f"{t.id}. {t.task}{dep} {json.dumps(t.args, ensure_ascii=False)}")
        print(f"(planner: {result.planner}, LLM calls: {result.llm_calls})", file=sys.stderr)
    return 0


class Progress:
    """Live stage and per-task progress on stderr."""

    def __init__(self, stream: Any = sys.stderr):
        self.stream = stream

    def __call__(self, event: dict[str, Any]) -> None:
        kind = event.get("event")
        if kind == "stage":
            status = event.get("status")
            if status == "start":
                self._line(f"[{event['stage']}] ...")
            elif status == "failed":
                self._line(f"[{event['stage']}] failed: {event.get('error')}")
            elif event["stage"] == "plan":
                tasks = event.get("tasks") or []
                self._line(f"[plan] {len(tasks)} task(s) by the {event.get('planner')} planner")
                for t in tasks:
                    self._line(f"   {t['id']}. {t['task']} {json.dumps(t['args'], ensure_ascii=False)}")
            elif event["stage"] == "select":
                for tid, model in (event.get("choices") or {}).items():
                    self._line(f"   task {tid}: {model or 'no model'}")
        elif kind in ("task_start", "task_end", "task_retry", "task_fallback"):
            tid, task = event.get("task_id"), event.get("task")
            model = event.get("model") or ""
            if kind == "task_start":
                self._line(f"   > task {tid} {task} [{model}] running")
            elif kind == "task_end":
                secs = event.get("seconds")
                took = f" in {secs:.1f}s" if isinstance(secs, int | float) else ""
                self._line(f"   < task {tid} {task} [{model}] {event.get('status')}{took}")
            else:
                self._line(f"   ~ task {tid} {task} [{model}] {kind.removeprefix('task_')}")

    def _line(self, text: str) -> None:
        print(text, file=self.stream, flush=True)


def cmd_run(args: argparse.Namespace) -> int:
    """Run a request through the whole graph."""
    from hgpt_langchain.graph import build_graph

    files = _check_files(args.file)
    llm, planner = _llm_and_planner(args)
    if args.execution:
        os.environ["HGPT_EXECUTION"] = args.execution
    graph = build_graph(
        llm,
        planner=planner,
        selector=args.selector,
        catalog=args.catalog,
        max_concurrency=args.max_concurrency,
        task_timeout=args.timeout,
        workspace_root=args.workspace,
        allow_urls=args.allow_urls,
    )
    progress = Progress()
    final: dict[str, Any] = {}
    for mode, chunk in graph.stream(
        {"request": args.request, "files": files}, stream_mode=["custom", "values"]
    ):
        if mode == "custom":
            progress(chunk)
        else:
            final = chunk
    report = final.get("report") or {}
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(final.get("answer", ""))
    # Failed tasks are reported in the answer; the exit status flags a request that could not
    # be planned at all.
    return 1 if report.get("errors") and not report.get("plan", {}).get("tasks") else 0
