"""``hgpt run`` and ``hgpt plan``.

``hgpt run`` checkpoints every run into a SQLite database (``HGPT_CHECKPOINT_DB``, default
``~/.cache/hgpt_langchain/checkpoints.sqlite``) under a run id, which is also the name of the
run's workspace folder:

- ``hgpt run --resume RUN_ID`` finishes an interrupted run (Ctrl-C, crash) without redoing the
  tasks that had finished, with the options the run was started with.
- ``hgpt run "..." --thread ID`` continues a conversation: the planner sees the earlier turns and
  the files they produced ("now make it black and white").
- ``hgpt run "..." --approve`` shows the plan and asks to accept, edit or cancel it.

Options a run was started with are kept in its checkpoint metadata; ``--resume`` and later turns
of a ``--thread`` reuse them unless given again.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from hgpt_langchain.errors import ConfigurationError, PlanningError
from hgpt_langchain.redact import redact

_OPTIONS_KEY = "hgpt_cli"
"""Checkpoint metadata key holding the options a run was started with (reused on --resume)."""

_RUN_DEFAULTS: dict[str, Any] = {
    "llm": None,
    "planner": None,
    "catalog": None,
    "execution": None,
    "selector": "retrieval",
    "workspace": None,
    "allow_urls": False,
    "max_concurrency": 4,
    "timeout": 300.0,
    "approve": False,
    "mcp_config": None,
}
"""Defaults of the ``run`` options that a resumed run takes from its checkpoint when not given."""


def _common(p: argparse.ArgumentParser, *, request_optional: bool = False) -> None:
    if request_optional:
        p.add_argument(
            "request", nargs="?", help="what you want done, in plain language (not with --resume)"
        )
    else:
        p.add_argument("request", help="what you want done, in plain language")
    p.add_argument(
        "--file",
        "-f",
        action="append",
        default=[],
        metavar="PATH",
        help="an input file (image, audio, video, document); repeatable",
    )
    p.add_argument(
        "--llm",
        metavar="SPEC",
        help="chat model: openai:gpt-4o-mini, local (no key) ... (or HGPT_LLM)",
    )
    p.add_argument(
        "--planner",
        choices=["auto", "llm", "offline"],
        help="planner (default: llm when one is configured, else offline)",
    )
    p.add_argument("--json", action="store_true", help="print JSON instead of text")


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``run`` and ``plan`` subcommands."""
    run = sub.add_parser(
        "run",
        help="plan, select models, execute and answer",
        description="Plan a request, pick a model per task, run them and answer. Every run is "
        "checkpointed (HGPT_CHECKPOINT_DB, default ~/.cache/hgpt_langchain/checkpoints.sqlite) "
        "so an interrupted run can be resumed with --resume RUN_ID.",
    )
    _common(run, request_optional=True)
    run.add_argument("--catalog", metavar="FILE", help="model catalog JSONL (default: shipped)")
    run.add_argument(
        "--execution",
        choices=["auto", "local", "remote", "ray"],
        help="where models run (default: HGPT_EXECUTION or auto; ray: Ray Serve deployments, "
        "HGPT_RAY_ADDRESS)",
    )
    run.add_argument("--selector", choices=["retrieval", "llm"], help="default: retrieval")
    run.add_argument("--workspace", metavar="DIR", help="folder for run workspaces")
    run.add_argument(
        "--allow-urls", action="store_true", default=None, help="allow http(s) URLs as inputs"
    )
    run.add_argument("--max-concurrency", type=int, help="tasks run at once (default: 4)")
    run.add_argument("--timeout", type=float, help="seconds per task (default: 300)")
    run.add_argument(
        "--approve",
        action="store_true",
        default=None,
        help="show the plan and ask to accept, edit or cancel it before running",
    )
    run.add_argument(
        "--mcp-config",
        metavar="FILE",
        help="MCP servers (MultiServerMCPClient JSON) whose tools run the task types they declare",
    )
    run.add_argument(
        "--thread",
        metavar="ID",
        help="conversation thread: later requests see earlier turns and their files",
    )
    run.add_argument(
        "--resume", metavar="RUN_ID", help="finish an interrupted run (no request needed)"
    )
    run.add_argument(
        "--no-checkpoint",
        action="store_true",
        help="keep no checkpoint (the run cannot be resumed)",
    )
    run.set_defaults(func=cmd_run)
    plan = sub.add_parser("plan", help="stage 1 only: print the validated plan")
    _common(plan)
    plan.set_defaults(func=cmd_plan)


MAX_REQUEST_CHARS = 20_000
"""Longest request ``hgpt run`` / ``hgpt plan`` accept (a request is an instruction, not a
document: pass long text as a ``--file``)."""

MAX_INPUT_BYTES = 2_000_000_000
"""Largest ``--file`` accepted."""


def _check_request(request: str | None) -> None:
    if request is None:
        return
    if not request.strip():
        raise ConfigurationError('The request is empty: say what you want done, hgpt run "...".')
    if len(request) > MAX_REQUEST_CHARS:
        raise ConfigurationError(
            f"The request is {len(request):,} characters long; at most {MAX_REQUEST_CHARS:,} are "
            "accepted. Put long text in a file and pass it with --file notes.txt."
        )


def _check_files(files: list[str]) -> list[str]:
    import stat

    out = []
    for f in files:
        if f.startswith(("http://", "https://")):
            out.append(f)
            continue
        path = Path(f).expanduser()
        try:
            info = path.stat()
        except FileNotFoundError:
            raise ConfigurationError(f"--file {f!r} does not exist.") from None
        except OSError as err:
            raise ConfigurationError(f"--file {f!r} cannot be read: {err.strerror}.") from None
        if stat.S_ISDIR(info.st_mode):
            raise ConfigurationError(f"--file {f!r} is a folder; pass the files in it one by one.")
        if not stat.S_ISREG(info.st_mode):
            raise ConfigurationError(
                f"--file {f!r} is not a regular file (a pipe, socket or device); save the data "
                "to a file first."
            )
        if not os.access(path, os.R_OK):
            raise ConfigurationError(
                f"--file {f!r} is not readable (permission denied); check its permissions."
            )
        if info.st_size > MAX_INPUT_BYTES:
            raise ConfigurationError(
                f"--file {f!r} is {info.st_size / 1e9:.1f} GB; at most "
                f"{MAX_INPUT_BYTES / 1e9:g} GB is accepted per input file."
            )
        out.append(str(path.resolve()))
    return out


def _check_run_options(opts: dict[str, Any]) -> None:
    """Refuse bad ``run`` options before any work (one ``hgpt: error:`` line each)."""
    catalog = opts.get("catalog")
    if catalog and not Path(str(catalog)).expanduser().is_file():
        raise ConfigurationError(
            f"--catalog {catalog!r} does not exist (or is not a file). Give a JSONL catalog "
            "(hgpt catalog build / sync make one), or drop --catalog to use the shipped one."
        )
    if not isinstance(opts.get("max_concurrency"), int) or opts["max_concurrency"] < 1:
        raise ConfigurationError(
            f"--max-concurrency must be at least 1 (got {opts.get('max_concurrency')!r})."
        )
    timeout = opts.get("timeout")
    if timeout is not None and not timeout >= 0:
        raise ConfigurationError(
            f"--timeout must be a number of seconds >= 0 (0: no limit); got {timeout!r}."
        )


def _quiet_library_bars() -> None:
    """Switch off library progress bars ("Loading weights") for this CLI process.

    ``hgpt run`` draws its own live progress, which their lines would garble. The CLI is the
    application, so it configures its own process; the library itself never does.
    """
    with contextlib.suppress(Exception):
        from huggingface_hub.utils import disable_progress_bars

        disable_progress_bars()  # transformers reads this when it is imported
    if "transformers" in sys.modules:
        with contextlib.suppress(Exception):
            from transformers.utils import logging as transformers_logging

            transformers_logging.disable_progress_bar()


def _llm_and_planner(args: argparse.Namespace) -> tuple[Any, str]:
    from hgpt_langchain.llm import HOW_TO_CONFIGURE, resolve_llm

    planner = args.planner
    selector = getattr(args, "selector", None)
    llm = None if planner == "offline" and selector != "llm" else resolve_llm(args.llm)
    if llm is None:
        if planner == "llm":
            raise ConfigurationError(f"--planner llm needs a chat model. {HOW_TO_CONFIGURE}")
        if selector == "llm":
            raise ConfigurationError(f"--selector llm needs a chat model. {HOW_TO_CONFIGURE}")
        print(
            "hgpt: no LLM configured: using the offline planner and a templated answer "
            "(configure one with --llm PROVIDER:MODEL or HGPT_LLM).",
            file=sys.stderr,
        )
        planner = planner or "offline"
    return llm, planner or "llm"


def cmd_plan(args: argparse.Namespace) -> int:
    """Plan a request and print the validated plan."""
    _check_request(args.request)
    files = _check_files(args.file)
    _quiet_library_bars()
    llm, planner_name = _llm_and_planner(args)
    if llm is None and planner_name in ("offline", "auto"):  # auto without an LLM = offline
        # No graph and no LangGraph import: the command starts in well under a second.
        from hgpt_langchain.planning.offline import OfflinePlanner

        planner: Any = OfflinePlanner()
    else:
        from hgpt_langchain.planning.auto import make_planner

        planner = make_planner(planner_name, llm)
    try:
        result = planner.plan(args.request, files, [])
    except PlanningError as err:
        if args.json and err.raw:
            print(json.dumps({"error": redact(str(err)), "raw": redact(err.raw)}), file=sys.stderr)
        raise
    if args.json:
        tasks = [t.model_dump() for t in result.plan.tasks]
        print(json.dumps({"tasks": tasks}, ensure_ascii=False))
    else:
        if not result.plan.tasks:
            print("No task: nothing in this request needs a model.")
        for t in result.plan.tasks:
            dep = f" after {t.dep}" if t.dep else ""
            print(f"{t.id}. {t.task}{dep} {json.dumps(t.args, ensure_ascii=False)}")
        print(f"(planner: {result.planner}, LLM calls: {result.llm_calls})", file=sys.stderr)
    return 0


# ---- live progress -----------------------------------------------------------------------------


class Progress:
    """Live stage and per-task progress: one line per task with its model and status.

    On a terminal the task lines are redrawn in place as tasks start, retry and end; otherwise
    (pipes, logs) every change is printed as a new line.

    Args:
        stream: Where to write (default: stderr).
        live: Redraw in place; default: whether ``stream`` is a terminal.
    """

    def __init__(self, stream: Any = None, live: bool | None = None):
        self.stream = stream if stream is not None else sys.stderr
        if live is None:
            isatty = getattr(self.stream, "isatty", None)
            live = bool(isatty and isatty()) and os.environ.get("TERM") != "dumb"
        self.live = live
        self.rows: dict[int, dict[str, Any]] = {}
        self.names: dict[int, str] = {}
        self._drawn = 0

    def __call__(self, event: dict[str, Any]) -> None:
        """Show one custom stream event of the graph."""
        kind = event.get("event")
        if kind == "stage":
            self._stage(event)
            return
        tid = event.get("task_id")
        if not isinstance(tid, int):
            return
        model = event.get("model")
        if kind == "task_start":
            self._set(tid, task=event.get("task"), model=model, status="running")
        elif kind == "task_attempt_failed":
            status = "retrying" if event.get("transient") else "attempt failed"
            self._set(tid, task=event.get("task"), model=model, status=status)
        elif kind == "task_end":
            self._set(
                tid,
                task=event.get("task"),
                model=model,
                status=event.get("status"),
                seconds=event.get("seconds"),
                error=event.get("error"),
            )
        elif kind in ("task_retry", "task_fallback"):
            self._set(tid, task=event.get("task"), model=model, status=kind.removeprefix("task_"))

    def _stage(self, event: dict[str, Any]) -> None:
        stage, status = event.get("stage"), event.get("status")
        if status == "start":
            if stage != "execute":
                self._line(f"[{stage}] ...")
        elif status == "failed":
            self._line(f"[{stage}] failed: {event.get('error')}")
        elif stage == "plan":
            tasks = event.get("tasks") or []
            self._line(f"[plan] {len(tasks)} task(s) by the {event.get('planner')} planner")
            for t in tasks:
                self.names[t["id"]] = t["task"]
                dep = f" after {t['dep']}" if t.get("dep") else ""
                args = json.dumps(t.get("args") or {}, ensure_ascii=False)
                self._line(f"   {t['id']}. {t['task']}{dep} {args}")
        elif stage == "select":
            self._line("[execute]")
            for tid, model in (event.get("choices") or {}).items():
                self.rows.setdefault(int(tid), {"task": self.names.get(int(tid))})
                self.rows[int(tid)].update(model=model, status="waiting" if model else "no model")
            if self.live:
                self._redraw()
            else:
                for tid in self.rows:
                    self._line(self._row(tid))
        elif stage == "execute":
            self._drawn = 0  # keep the final task lines on screen

    def _set(self, tid: int, **fields: Any) -> None:
        row = self.rows.setdefault(tid, {})
        row.update({k: v for k, v in fields.items() if v is not None or k == "error"})
        if self.live:
            self._redraw()
        else:
            self._line(self._row(tid))

    def _row(self, tid: int) -> str:
        row = self.rows[tid]
        task = row.get("task") or ""
        model = row.get("model") or "no model"
        status = row.get("status") or ""
        secs = row.get("seconds")
        timed = isinstance(secs, int | float) and status in ("ok", "failed")
        took = f" in {secs:.1f}s" if timed else ""
        line = f"   task {tid} {task} [{model}] {status}{took}".replace("  [", " [")
        if row.get("error") and status in ("failed", "skipped"):
            line += f": {str(row['error'])[:160]}"
        return line

    def _redraw(self) -> None:
        out = []
        if self._drawn:
            out.append(f"\x1b[{self._drawn}F")
        for tid in self.rows:
            out.append("\x1b[2K" + self._row(tid) + "\n")
        self.stream.write("".join(out))
        self.stream.flush()
        self._drawn = len(self.rows)

    def _line(self, text: str) -> None:
        self._drawn = 0
        print(text, file=self.stream, flush=True)


# ---- plan approval -----------------------------------------------------------------------------


def _show_plan(plan: dict[str, Any], out: Any) -> None:
    tasks = plan.get("tasks") or []
    print(f"Proposed plan ({len(tasks)} task(s)):", file=out)
    for t in tasks:
        dep = f" after {t['dep']}" if t.get("dep") else ""
        args = json.dumps(t.get("args") or {}, ensure_ascii=False)
        print(f"  {t['id']}. {t['task']}{dep} {args}", file=out)


def _read_plan(text: str) -> Any:
    text = text.strip()
    path = Path(text).expanduser()
    if not text.startswith(("{", "[")) and path.is_file():
        text = path.read_text(encoding="utf-8")
    return json.loads(text)


def ask_approval(
    payload: dict[str, Any],
    files: list[str],
    *,
    read: Callable[[], str] | None = None,
    out: Any = None,
    attempts: int = 3,
) -> Any:
    """Show a proposed plan and ask to accept, edit or cancel it.

    Args:
        payload: The graph's interrupt value (``{"question", "plan"}``).
        files: The run's input files (to validate an edited plan).
        read: Reads one line of the answer (default: stdin); ``""`` at end of input.
        out: Where the plan and questions go (default: stderr).
        attempts: Tries for an unclear answer or an invalid edited plan before cancelling.

    Returns:
        ``"accept"``, ``"cancel"`` or the edited plan (``{"tasks": [...]}``), the value to
        resume the graph with.
    """
    from hgpt_langchain.planning.validate import validate_plan

    out = out if out is not None else sys.stderr
    read = read or sys.stdin.readline
    _show_plan(payload.get("plan") or {}, out)
    for _ in range(attempts):
        print("Accept this plan? [a]ccept / [e]dit / [c]ancel: ", end="", file=out, flush=True)
        line = read()
        if line == "":
            print("\n(no answer: cancelled)", file=out)
            return "cancel"
        answer = line.strip().lower()
        if answer in ("a", "accept", "y", "yes", ""):
            return "accept"
        if answer in ("c", "cancel", "n", "no", "q"):
            return "cancel"
        if answer not in ("e", "edit"):
            print(f"Please answer a, e or c (got {line.strip()!r}).", file=out)
            continue
        print(
            "Edited plan (JSON on one line, or the path of a JSON file): ",
            end="",
            file=out,
            flush=True,
        )
        text = read()
        try:
            edited = _read_plan(text)
        except (OSError, ValueError) as err:
            print(f"That is not a JSON plan: {err}.", file=out)
            continue
        validation = validate_plan(edited, files=files or None)
        if not validation.ok:
            print("The edited plan is invalid: " + " ".join(validation.problems), file=out)
            continue
        _show_plan(validation.plan.model_dump(mode="json"), out)
        return {"tasks": [t.model_dump(mode="json") for t in validation.plan.tasks]}
    print("No valid answer: cancelled.", file=out)
    return "cancel"


# ---- run ---------------------------------------------------------------------------------------


def _new_run_id() -> str:
    return time.strftime("%Y%m%d-%H%M%S") + "-" + uuid.uuid4().hex[:6]


@contextlib.contextmanager
def _checkpointer(enabled: bool, needed: bool) -> Iterator[Any]:
    if enabled:
        from hgpt_langchain.checkpoint import sqlite_checkpointer

        with sqlite_checkpointer() as saver:
            yield saver
    elif needed:
        from langgraph.checkpoint.memory import InMemorySaver

        yield InMemorySaver()
    else:
        yield None


def _options(args: argparse.Namespace, saved: dict[str, Any]) -> dict[str, Any]:
    """Options of this run: given on the command line, else saved with the run, else default."""
    opts = {}
    for key, default in _RUN_DEFAULTS.items():
        value = getattr(args, key, None)
        if value is None:
            value = saved.get(key, default)
        opts[key] = value
    return opts


def _saved_options(raw: Any) -> dict[str, Any]:
    if not isinstance(raw, str):
        return {}
    try:
        value = json.loads(raw)
    except ValueError:
        return {}
    return {k: v for k, v in value.items() if k in _RUN_DEFAULTS} if isinstance(value, dict) else {}


def _stream(graph: Any, payload: Any, config: dict[str, Any], progress: Progress) -> dict[str, Any]:
    final: dict[str, Any] = {}
    for mode, chunk in graph.stream(payload, config, stream_mode=["custom", "values"]):
        if mode == "custom":
            progress(chunk)
        else:
            final = chunk
    return final


def cmd_run(args: argparse.Namespace) -> int:
    """Run a request through the whole graph (or resume an interrupted run)."""
    from langgraph.types import Command

    from hgpt_langchain import graph as graph_module

    if args.resume and args.request:
        raise ConfigurationError(
            "Give either a request or --resume RUN_ID, not both: a resumed run continues its "
            "own request (use --thread ID to ask something new in the same conversation)."
        )
    if not args.resume and not args.request:
        raise ConfigurationError('Say what you want done: hgpt run "..." (or --resume RUN_ID).')
    if args.resume and args.thread and args.resume != args.thread:
        raise ConfigurationError("--resume and --thread name different runs; give one of them.")
    if args.no_checkpoint and (args.resume or args.thread):
        raise ConfigurationError("--resume and --thread need checkpoints; drop --no-checkpoint.")
    _check_request(args.request)
    files = _check_files(args.file)
    _quiet_library_bars()
    if args.resume and files:
        raise ConfigurationError("A resumed run keeps its own input files; drop --file.")
    run_id = args.resume or args.thread or _new_run_id()

    with _checkpointer(not args.no_checkpoint, bool(args.approve)) as saver:
        config: dict[str, Any] = {"configurable": {"thread_id": run_id}}
        saved: dict[str, Any] = {}
        exists = False
        if saver is not None and (args.resume or args.thread):
            stored = saver.get_tuple(config)
            if stored is None and args.resume:
                from hgpt_langchain.checkpoint import checkpoint_db_path

                raise ConfigurationError(
                    f"No run {run_id!r} in the checkpoint database {checkpoint_db_path()}; "
                    "check the run id printed when it started (or HGPT_CHECKPOINT_DB)."
                )
            if stored is not None:
                exists = True
                saved = _saved_options((stored.metadata or {}).get(_OPTIONS_KEY))
        opts = _options(args, saved)
        _check_run_options(opts)
        urls = [f for f in files if f.startswith(("http://", "https://"))]
        if urls and not opts["allow_urls"]:
            raise ConfigurationError(
                f"--file {urls[0]!r} is a URL: pass --allow-urls to let the run download it "
                "(public http(s) addresses only), or download it yourself and pass the file."
            )
        from hgpt_langchain.execution.policy import default_executor

        executor = default_executor(opts["execution"])
        args.llm, args.planner, args.selector = opts["llm"], opts["planner"], opts["selector"]
        llm, planner = _llm_and_planner(args)

        graph = graph_module.build_graph(
            llm,
            executor=executor,
            planner=planner,
            selector=opts["selector"],
            catalog=opts["catalog"],
            max_concurrency=opts["max_concurrency"],
            task_timeout=opts["timeout"],
            workspace_root=opts["workspace"],
            allow_urls=bool(opts["allow_urls"]),
            approve_plan=bool(opts["approve"]),
            checkpointer=saver,
            mcp_servers=_mcp_servers(opts["mcp_config"]),
        )
        # checkpoint metadata keeps scalars only: the options travel as one JSON string
        config["metadata"] = {_OPTIONS_KEY: json.dumps(opts)}
        progress = Progress()
        snapshot = graph.get_state(config) if exists else None
        if args.thread and snapshot is not None and snapshot.next:
            raise ConfigurationError(
                f"Thread {run_id!r} has an unfinished run; finish it first with "
                f"hgpt run --resume {run_id}."
            )
        if args.resume:
            assert snapshot is not None
            pending = [i.value for i in snapshot.interrupts]
            # Finished means respond ran: no next node and no node whose writes wait to be
            # applied (a run killed between a node's writes and the next checkpoint has none
            # "next" but still has work to do).
            if not snapshot.next and not pending and not snapshot.tasks:
                print(f"hgpt: run {run_id} had already finished.", file=sys.stderr)
                return _print_result(dict(snapshot.values), args)
            print(f"hgpt: resuming run {run_id}", file=sys.stderr)
            payload: Any = None
            if pending:
                files = list(snapshot.values.get("files") or [])
                payload = Command(resume=ask_approval(pending[0], files))
        else:
            payload = {"request": args.request, "files": files}
            if saver is not None and not args.no_checkpoint:
                print(f"hgpt: run id {run_id}", file=sys.stderr)
        try:
            while True:
                final = _stream(graph, payload, config, progress)
                interrupts = graph.get_state(config).interrupts if saver is not None else ()
                if not interrupts:
                    break
                state_files = graph.get_state(config).values.get("files") or []
                payload = Command(resume=ask_approval(interrupts[0].value, state_files))
        except KeyboardInterrupt:
            _save_interrupted(graph, config, saver, progress, run_id, opts, args)
            _resume_hint(run_id, args, "interrupted")
            return 130
        except Exception:
            _resume_hint(run_id, args, "stopped by an error")
            raise
        _save_report(final.get("workspace"), final.get("report"))
        return _print_result(final, args)


def _save_report(workspace: Any, report: Any) -> Path | None:
    """Write ``report.json`` into the run's workspace folder (when it exists)."""
    if not workspace or not isinstance(report, dict) or not Path(workspace).is_dir():
        return None
    path = Path(workspace) / "report.json"
    try:
        if path.is_symlink():
            path.unlink()
        path.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    except OSError:
        return None
    return path


def _save_interrupted(
    graph: Any,
    config: dict[str, Any],
    saver: Any,
    progress: Progress,
    run_id: str,
    opts: dict[str, Any],
    args: argparse.Namespace,
) -> None:
    """After Ctrl-C: write what had finished to ``report.json`` in the run's workspace."""
    state: dict[str, Any] = {}
    with contextlib.suppress(Exception):
        state = dict(graph.get_state(config).values) if saver is not None else {}
    base = opts.get("workspace") or os.environ.get("HGPT_WORKSPACE_DIR") or ".hgpt/runs"
    workspace = state.get("workspace") or str(Path(base).expanduser() / run_id)
    plan = state.get("plan")
    results = {
        str(k): (v.model_dump(mode="json") if hasattr(v, "model_dump") else v)
        for k, v in (state.get("results") or {}).items()
    }
    report = {
        "run_id": run_id,
        "status": "interrupted",
        "request": state.get("request") or args.request,
        "plan": plan.model_dump(mode="json") if hasattr(plan, "model_dump") else plan,
        "results": results,
        "progress": {str(k): v for k, v in progress.rows.items()},
        "resume": None if args.no_checkpoint else f"hgpt run --resume {run_id}",
    }
    path = _save_report(workspace, report)
    if path is not None:
        print(f"hgpt: what had finished is in {path}", file=sys.stderr)


def _mcp_servers(path: str | None) -> dict[str, Any] | None:
    if not path:
        return None
    from hgpt_langchain.mcp_experts import load_mcp_config

    return load_mcp_config(path)


def _resume_hint(run_id: str, args: argparse.Namespace, what: str) -> None:
    if args.no_checkpoint:
        print(f"hgpt: {what} (no checkpoint kept: the run cannot be resumed).", file=sys.stderr)
    else:
        print(
            f"hgpt: {what}. Finished tasks are saved; finish the run with: "
            f"hgpt run --resume {run_id}",
            file=sys.stderr,
        )


def _print_result(final: dict[str, Any], args: argparse.Namespace) -> int:
    report = final.get("report") or {}
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(final.get("answer", ""))
    return outcome_code(report)


def outcome_code(report: dict[str, Any]) -> int:
    """Exit status of a finished run (0: an answer; 1: nothing could be done).

    0 when at least one task succeeded (or no task was needed); 1 when the request could not
    be planned, the plan was cancelled, or no task succeeded.
    """
    tasks = (report.get("plan") or {}).get("tasks") or []
    if not tasks:
        return 1 if report.get("errors") else 0
    results = report.get("results") or []
    return 0 if any(r.get("status") == "ok" for r in results) else 1
