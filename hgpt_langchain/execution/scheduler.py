"""The DAG scheduler: runs a plan's tasks in parallel as soon as their own dependencies finish.

Inside a LangGraph node every plan task becomes a ``langgraph.func.task`` call, so each task's
result is checkpointed on its own (a resumed run returns finished tasks from the checkpoint instead
of running them again) and per-task events go to the ``custom`` stream. Outside a graph the same
code runs on a private thread pool.

How it stays correct on resume: LangGraph identifies a task call by the node, its name and the
*order of calls*. All plan tasks are therefore called up front in a deterministic topological
order; each call then waits inside its worker until its dependencies are done and a concurrency
slot is free. The node thread collects finished futures and wakes the dependents, so a task
starts the moment its own inputs are ready, never at the end of a "wave".

Per task: ``<resource>-k`` substitution, one deadline over all attempts, retries with backoff
for transient errors, then the next candidate model; a task whose dependency did not succeed is
``skipped`` with the reason and never runs on placeholders.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextvars
import logging
import os
import threading
import time
from collections.abc import Callable, Coroutine, Generator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from hgpt_langchain.errors import (
    ExecutionError,
    UnsupportedTaskError,
    WorkspaceError,
)
from hgpt_langchain.execution.base import ExecutionOutput, Executor
from hgpt_langchain.execution.context import task_context
from hgpt_langchain.execution.resources import (
    UnresolvedResource,
    dependencies,
    resolve_files,
    substitute,
)
from hgpt_langchain.execution.tools import make_model_tool
from hgpt_langchain.redact import redact
from hgpt_langchain.state import ModelChoice, Plan, Task, TaskResult
from hgpt_langchain.tasks import TASKS

if TYPE_CHECKING:
    from hgpt_langchain.catalog import Catalog
    from hgpt_langchain.execution.workspace import Workspace

logger = logging.getLogger(__name__)

Runner = Callable[[str, str, dict[str, str], "Workspace"], ExecutionOutput]
"""Runs one task: ``runner(task_type, model, args, workspace) -> ExecutionOutput``."""

EventSink = Callable[[dict[str, Any]], None]


class _TaskTimeout(Exception):
    pass


_SLOT = "slot"
"""An attempt step: take a concurrency slot (see ``_Run._attempt_steps``)."""


@dataclass(frozen=True)
class _Try:
    """An attempt step: run ``model`` within ``left`` seconds (``None``: no deadline)."""

    model: str
    left: float | None


async def _awith_timeout(attempt: Coroutine[Any, Any, ExecutionOutput], limit: float | None) -> Any:
    """Await ``attempt``; after ``limit`` seconds cancel it and raise ``_TaskTimeout``.

    (A call that runs in a worker thread finishes there in the background.)
    """
    if not limit or limit <= 0:
        return await attempt
    job = asyncio.ensure_future(attempt)
    done, _ = await asyncio.wait({job}, timeout=limit)
    if not done:
        job.cancel()
        await asyncio.wait({job})
        raise _TaskTimeout(f"timed out after {limit:g} s")
    return job.result()


def _in_langgraph_node() -> bool:
    """Whether we run inside a Pregel task that can schedule ``@task`` calls."""
    try:
        from langgraph.config import get_config

        configurable = get_config().get("configurable") or {}
    except Exception:  # noqa: BLE001 - outside any runnable context
        return False
    try:
        from langgraph._internal._constants import CONFIG_KEY_CALL
    except ImportError:  # pragma: no cover - private constant moved
        CONFIG_KEY_CALL = "__pregel_call"  # noqa: N806
    return configurable.get(CONFIG_KEY_CALL) is not None


def _stream_writer() -> EventSink | None:
    try:
        from langgraph.config import get_stream_writer

        return get_stream_writer()
    except Exception:  # noqa: BLE001 - outside a graph
        return None


def topological_order(plan: Plan) -> tuple[list[Task], dict[int, str]]:
    """Order tasks level by level so dependencies come first (ties keep plan order).

    Returns:
        The runnable tasks in order, and ``{task_id: reason}`` for tasks that can never run
        (unknown dependency, cycle, duplicate id).
    """
    by_id: dict[int, Task] = {}
    blocked: dict[int, str] = {}
    for t in plan.tasks:
        if t.id in by_id:
            blocked[t.id] = f"duplicate task id {t.id} in the plan"
            continue
        by_id[t.id] = t
    deps = {t.id: dependencies(t) for t in by_id.values()}
    for tid, ds in deps.items():
        unknown = sorted(d for d in ds if d not in by_id)
        if unknown:
            blocked[tid] = f"depends on unknown task(s) {unknown}"
    order: list[Task] = []
    placed: set[int] = set()
    remaining = [t for t in by_id.values() if t.id not in blocked]
    while remaining:
        level = [t for t in remaining if deps[t.id] <= placed]
        if not level:
            break
        order.extend(level)
        placed.update(t.id for t in level)
        remaining = [t for t in remaining if t.id not in placed]
    for t in remaining:
        bad = [d for d in deps[t.id] if d in blocked]
        blocked[t.id] = (
            f"depends on task(s) {sorted(bad)} that cannot run"
            if bad
            else "part of (or after) a dependency cycle"
        )
    return order, blocked


class Scheduler:
    """Runs a plan's tasks with the chosen models, in parallel, with retries and fallbacks.

    Args:
        executor: The :class:`~hgpt_langchain.execution.base.Executor` that runs one model (default:
            :func:`~hgpt_langchain.execution.default_executor`, built on first use).
        runner: Overrides how one task runs: ``runner(task_type, model, args, workspace)``.
            Default: the model's tool from
            :func:`~hgpt_langchain.execution.tools.make_model_tool` (the same code path as agents
            calling the tools).
        max_concurrency: Tasks running at the same time, at most.
        task_timeout: Deadline of one task in seconds, across all its retries and candidate
            models (from its first attempt); ``None`` or ``0``: no limit. When it passes the
            task fails with what was tried (an abandoned call finishes in the background;
            Python threads cannot be killed).
        retries: Extra attempts of the same model after a transient error (503, timeout).
        backoff: First backoff delay in seconds; doubles at each retry.
        max_candidates: Models tried per task (the chosen one plus fallbacks).
        on_event: Also called with every per-task event (besides LangGraph's custom stream).
        catalog: The catalog the chosen model ids come from (its entries describe the tools);
            default: the shipped catalog (loaded once per process).
    """

    def __init__(
        self,
        executor: Executor | None = None,
        *,
        runner: Runner | None = None,
        max_concurrency: int = 4,
        task_timeout: float | None = 300.0,
        retries: int = 2,
        backoff: float = 0.5,
        max_candidates: int = 3,
        on_event: EventSink | None = None,
        catalog: Catalog | None = None,
    ):
        if max_concurrency < 1:
            raise ValueError("max_concurrency must be at least 1.")
        self._executor = executor
        self._executor_lock = threading.Lock()
        self.runner = runner
        self.max_concurrency = max_concurrency
        self.task_timeout = task_timeout
        self.retries = max(0, retries)
        self.backoff = max(0.0, backoff)
        self.max_candidates = max(1, max_candidates)
        self.on_event = on_event
        self.catalog = catalog

    @property
    def executor(self) -> Executor:
        """The executor (the default one is built on first use)."""
        if self._executor is None:
            with self._executor_lock:
                if self._executor is None:
                    from hgpt_langchain.execution.policy import default_executor

                    self._executor = default_executor()
        return self._executor

    # ---- a whole plan -------------------------------------------------------------------------

    def run(
        self,
        plan: Plan,
        choices: Mapping[int, ModelChoice],
        workspace: Workspace,
        *,
        done: Mapping[int, TaskResult] | None = None,
    ) -> dict[int, TaskResult]:
        """Run every task of ``plan``; return a result per task id (ok, failed or skipped).

        Inside a LangGraph node each task is a ``@task`` call (checkpointed, streamed as
        ``custom`` events); elsewhere a private thread pool runs them.

        Args:
            plan: The validated plan.
            choices: The model choice per task id (from the selector).
            workspace: The run's workspace (inputs, outputs, path confinement).
            done: Results of tasks already finished: kept as they are, not run again, and used
                for ``<resource>-k``.

        Returns:
            ``{task_id: TaskResult}`` for every task of the plan (and every ``done`` result).
        """
        return _run_plan(self, plan, choices, workspace, done)

    async def arun(
        self,
        plan: Plan,
        choices: Mapping[int, ModelChoice],
        workspace: Workspace,
        *,
        done: Mapping[int, TaskResult] | None = None,
    ) -> dict[int, TaskResult]:
        """Async :meth:`run`: tasks wait on the event loop, models run in the worker pool.

        See :mod:`hgpt_langchain.execution.aio_scheduler`.
        """
        from hgpt_langchain.execution.aio_scheduler import arun_plan

        done = dict(done or {})
        run = _Run(self, plan, choices, workspace, done, _stream_writer())
        order, blocked = topological_order(plan)
        return await arun_plan(
            run,
            plan,
            done,
            order,
            blocked,
            max_concurrency=self.max_concurrency,
            in_langgraph_node=_in_langgraph_node(),
        )

    # ---- one task ---------------------------------------------------------------------------

    def _run_once(
        self, task_type: str, model: str, args: dict[str, str], workspace: Workspace
    ) -> ExecutionOutput:
        if self.runner is not None:
            return self.runner(task_type, model, args, workspace)
        return self._tool(task_type, model).execute(args, workspace)

    async def _arun_once(
        self, task_type: str, model: str, args: dict[str, str], workspace: Workspace
    ) -> ExecutionOutput:
        """Async :meth:`_run_once`: a runner in the worker pool, else the tool's ``aexecute``."""
        from hgpt_langchain.workers import run_blocking

        if self.runner is not None:
            output: ExecutionOutput = await run_blocking(
                self.runner, task_type, model, args, workspace
            )
            return output
        tool = await run_blocking(self._tool, task_type, model)
        return await tool.aexecute(args, workspace)

    def _tool(self, task_type: str, model: str) -> Any:
        return make_model_tool(model, task=task_type, executor=self.executor, catalog=self.catalog)

    def _with_timeout(
        self, task_id: int, fn: Callable[[], ExecutionOutput], limit: float | None = None
    ) -> ExecutionOutput:
        limit = self.task_timeout if limit is None else limit
        if not limit or limit <= 0:
            return fn()
        box: dict[str, Any] = {}
        ctx = contextvars.copy_context()

        def target() -> None:
            try:
                box["value"] = ctx.run(fn)
            except BaseException as exc:  # noqa: BLE001 - handed to the caller
                box["error"] = exc

        worker = threading.Thread(target=target, name=f"hgpt-task-{task_id}", daemon=True)
        worker.start()
        worker.join(limit)
        if worker.is_alive():
            raise _TaskTimeout(f"timed out after {limit:g} s")
        if "error" in box:
            raise box["error"]
        return box["value"]

    def candidates(self, choice: ModelChoice | None) -> list[str]:
        """Models to try for a task, best first: the choice, then available fallbacks."""
        if choice is None:
            return []
        models: list[str] = [choice.model] if choice.model else []
        later: list[str] = []
        for cand in choice.candidates:
            if cand.id in models or cand.id in later:
                continue
            (later if cand.available is False else models).append(cand.id)
        return (models + later)[: self.max_candidates]


class _Run:
    """State of one :meth:`Scheduler.run` call."""

    def __init__(
        self,
        scheduler: Scheduler,
        plan: Plan,
        choices: Mapping[int, ModelChoice],
        workspace: Workspace,
        done: Mapping[int, TaskResult],
        writer: EventSink | None,
    ):
        self.s = scheduler
        self.plan = plan
        self.choices = choices
        self.workspace = workspace
        self.results: dict[int, TaskResult] = dict(done)
        self.finished = {t.id: threading.Event() for t in plan.tasks}
        for tid in done:
            if tid in self.finished:
                self.finished[tid].set()
        self.slots = threading.BoundedSemaphore(scheduler.max_concurrency)
        self.writer = writer
        self.lock = threading.Lock()

    def emit(self, event: dict[str, Any]) -> None:
        for sink in (self.writer, self.s.on_event):
            if sink is None:
                continue
            try:
                sink(event)
            except Exception:  # noqa: BLE001 - events never break a run
                logger.debug("event sink failed", exc_info=True)

    def outcome(
        self, task: Task, value: Any = None, exc: BaseException | None = None
    ) -> TaskResult:
        """The result of a finished task future: its value, or an internal error.

        Interrupts and non-``Exception`` errors (Ctrl-C) are re-raised.
        """
        if exc is not None:
            _reraise_control_flow(exc)
            logger.error("Task %s raised %r", task.id, exc)
            return TaskResult(
                task_id=task.id,
                task=task.task,
                status="failed",
                error=f"Internal error: {type(exc).__name__}: {exc}",
            )
        return value if isinstance(value, TaskResult) else TaskResult.model_validate(value)

    def record(self, result: TaskResult) -> None:
        with self.lock:
            self.results[result.task_id] = result
        if result.task_id in self.finished:
            self.finished[result.task_id].set()

    def skipped(self, task: Task, reason: str) -> TaskResult:
        result = TaskResult(
            task_id=task.id, task=task.task, status="skipped", error=f"Skipped: {reason}."
        )
        self.emit(
            {
                "event": "task_end",
                "task_id": task.id,
                "task": task.task,
                "model": None,
                "status": "skipped",
                "seconds": 0.0,
                "error": result.error,
            }
        )
        return result

    def execute(self, task: Task) -> TaskResult:
        """Wait for the task's dependencies, then run it (called in a worker thread)."""
        for d in sorted(dependencies(task)):
            self.finished[d].wait()
        prepared = self._prepare(task)
        if isinstance(prepared, TaskResult):
            return prepared
        return self._attempts(task, *prepared)

    async def aexecute(self, task: Task, slots: asyncio.Semaphore) -> TaskResult:
        """Async :meth:`execute`, called once the dependencies are done.

        Arguments are resolved in the worker pool; the attempts run on the loop (an executor's
        ``arun`` is awaited there, a sync one takes a worker thread per attempt).
        """
        from hgpt_langchain.workers import run_blocking

        prepared = await run_blocking(self._prepare, task)
        if isinstance(prepared, TaskResult):
            return prepared
        return await self._aattempts(task, *prepared, slots)

    def _prepare(self, task: Task) -> TaskResult | tuple[dict[str, str], list[str]]:
        """The task's resolved arguments and candidate models, or why it cannot run."""
        deps = sorted(dependencies(task))
        with self.lock:
            snapshot = dict(self.results)
        bad = [d for d in deps if snapshot[d].status != "ok"]
        if bad:
            states = ", ".join(f"task {d} {snapshot[d].status}" for d in bad)
            return self.skipped(task, f"dependency did not succeed ({states})")
        try:
            args = substitute(task, snapshot)
        except UnresolvedResource as exc:
            return self.skipped(task, exc.reason)
        try:
            args = resolve_files(task.task, args, self.workspace)
        except WorkspaceError as exc:
            result = TaskResult(task_id=task.id, task=task.task, status="failed", error=str(exc))
            self._end(result)
            return result
        if task.task not in TASKS:
            return TaskResult(
                task_id=task.id,
                task=task.task,
                status="failed",
                error=f"Unknown task type {task.task!r}; it is not in the task registry.",
            )
        models = self.s.candidates(self.choices.get(task.id))
        if not models:
            return TaskResult(
                task_id=task.id,
                task=task.task,
                status="failed",
                error=f"No model was selected for task {task.id} ({task.task}); nothing to run.",
            )
        return args, models

    def _attempts(self, task: Task, args: dict[str, str], models: list[str]) -> TaskResult:
        """Run the attempts of :meth:`_attempt_steps` in this thread."""
        s = self.s
        steps = self._attempt_steps(task, models)
        step = next(steps)
        while not isinstance(step, TaskResult):
            if step is not _SLOT:
                time.sleep(step)
                step = steps.send(None)
                continue
            with self.slots:
                step = steps.send(None)
                if isinstance(step, _Try):
                    try:
                        with task_context(task.id):
                            output = s._with_timeout(
                                task.id,
                                lambda m=step.model: s._run_once(
                                    task.task, m, args, self.workspace
                                ),
                                step.left,
                            )
                    except Exception as exc:  # noqa: BLE001 - the steps classify it
                        step = steps.throw(exc)
                    else:
                        step = steps.send(output)
        return step

    async def _aattempts(
        self, task: Task, args: dict[str, str], models: list[str], slots: asyncio.Semaphore
    ) -> TaskResult:
        """Run the attempts of :meth:`_attempt_steps` on the event loop."""
        steps = self._attempt_steps(task, models)
        step = next(steps)
        while not isinstance(step, TaskResult):
            if step is not _SLOT:
                await asyncio.sleep(step)
                step = steps.send(None)
                continue
            async with slots:
                step = steps.send(None)
                if not isinstance(step, _Try):
                    continue
                try:
                    with task_context(task.id):
                        attempt = self.s._arun_once(task.task, step.model, args, self.workspace)
                        output = await _awith_timeout(attempt, step.left)
                except Exception as exc:  # noqa: BLE001 - the steps classify it
                    step = steps.throw(exc)
                else:
                    step = steps.send(output)
        return step

    def _attempt_steps(self, task: Task, models: list[str]) -> Generator[Any, Any, None]:
        """Retries with backoff, then the next model, all within one deadline.

        The logic of both drivers: :meth:`_attempts` (a thread) and :meth:`_aattempts` (the loop).

        Yields in turn: ``_SLOT`` (take a concurrency slot, send ``None``), then while holding
        it a ``_Try`` (run that attempt within ``left`` seconds; send its output or throw its
        error) or the next step; a float (sleep that long, send ``None``); last the
        :class:`TaskResult`.
        """
        s = self.s
        attempts: list[str] = []
        errors: list[str] = []
        started: float | None = None
        deadline: float | None = None  # task_timeout bounds the whole task, all attempts
        model = models[0]
        for model in models:
            for retry in range(s.retries + 1):
                yield _SLOT
                if started is None:
                    started = time.monotonic()
                    if s.task_timeout and s.task_timeout > 0:
                        deadline = started + s.task_timeout
                    self.emit(
                        {
                            "event": "task_start",
                            "task_id": task.id,
                            "task": task.task,
                            "model": model,
                            "status": "running",
                            "seconds": 0.0,
                        }
                    )
                transient = False
                stop = False
                left = None if deadline is None else deadline - time.monotonic()
                try:
                    if left is not None and left <= 0:
                        raise _TaskTimeout("no time left")
                    output = yield _Try(model, left)
                except _TaskTimeout as exc:
                    error, stop = f"{model}: {exc}", deadline is not None
                    if stop:
                        error = (
                            f"{model}: timed out after {s.task_timeout:g} s, the task's "
                            "deadline across all attempts and models (raise it with "
                            "--timeout / task_timeout)"
                        )
                except UnsupportedTaskError as exc:
                    error, stop = f"{model}: {exc}", True
                except ExecutionError as exc:
                    error, transient = f"{model}: {exc}", exc.transient
                except WorkspaceError as exc:
                    error, stop = f"{model}: {exc}", True
                except Exception as exc:  # noqa: BLE001 - a model crash is a task failure
                    logger.warning("Task %s with %s crashed", task.id, model, exc_info=True)
                    error = f"{model}: {type(exc).__name__}: {exc}"
                else:
                    attempts.append(model)
                    seconds = time.monotonic() - started
                    result = TaskResult(
                        task_id=task.id,
                        task=task.task,
                        model=model,
                        status="ok",
                        output=output.text,
                        files=list(output.files),
                        data=output.data,
                        seconds=round(seconds, 4),
                        attempts=attempts,
                        executor=output.executor,
                    )
                    self._end(result)
                    yield result
                    return
                error = redact(error) or ""
                attempts.append(error)
                errors.append(error)
                self.emit(
                    {
                        "event": "task_attempt_failed",
                        "task_id": task.id,
                        "task": task.task,
                        "model": model,
                        "error": error,
                        "transient": transient,
                    }
                )
                if stop:
                    break
                if not transient or retry == s.retries:
                    break
                pause = s.backoff * (2**retry)
                if deadline is not None and time.monotonic() + pause >= deadline:
                    stop = True  # no time left for another attempt
                    break
                yield pause
            if stop:
                break
        seconds = time.monotonic() - (started or time.monotonic())
        result = TaskResult(
            task_id=task.id,
            task=task.task,
            model=model,
            status="failed",
            error=errors[-1] if len(errors) == 1 else "All attempts failed: " + "; ".join(errors),
            seconds=round(seconds, 4),
            attempts=attempts,
        )
        self._end(result)
        yield result

    def _end(self, result: TaskResult) -> None:
        self.emit(
            {
                "event": "task_end",
                "task_id": result.task_id,
                "task": result.task,
                "model": result.model,
                "status": result.status,
                "seconds": result.seconds,
                **({"error": result.error} if result.error else {}),
            }
        )


def _run_plan(
    self: Scheduler,
    plan: Plan,
    choices: Mapping[int, ModelChoice],
    workspace: Workspace,
    done: Mapping[int, TaskResult] | None,
) -> dict[int, TaskResult]:
    done = dict(done or {})
    run = _Run(self, plan, choices, workspace, done, _stream_writer())
    order, blocked = topological_order(plan)
    by_id = plan.by_id()
    for tid, reason in blocked.items():
        if tid not in done:
            run.record(run.skipped(by_id[tid], reason))
    todo = [t for t in order if t.id not in done]
    if not todo:
        return run.results

    def collect(futures: dict[concurrent.futures.Future, Task]) -> None:
        pending = set(futures)
        while pending:
            finished, pending = concurrent.futures.wait(
                pending, return_when=concurrent.futures.FIRST_COMPLETED
            )
            for fut in finished:
                task = futures[fut]
                exc = fut.exception()
                run.record(run.outcome(task, None if exc else fut.result(), exc))

    if _in_langgraph_node():
        from langgraph.func import task as lg_task

        _check_pool(len(todo))

        futures: dict[concurrent.futures.Future, Task] = {}
        for t in todo:

            def body(task_id: int, _t: Task = t) -> dict[str, Any]:
                return run.execute(_t).model_dump(mode="json")

            call = lg_task(body, name=f"hgpt_task_{t.id}")
            futures[call(t.id)] = t
        collect(futures)
    else:
        with concurrent.futures.ThreadPoolExecutor(
            max_workers=len(todo), thread_name_prefix="hgpt-sched"
        ) as pool:
            collect({pool.submit(contextvars.copy_context().run, run.execute, t): t for t in todo})
    return {t.id: run.results[t.id] for t in plan.tasks if t.id in run.results} | {
        k: v for k, v in run.results.items() if k not in by_id
    }


def _check_pool(n_tasks: int) -> None:
    """Warn when LangGraph's thread pool is smaller than the plan (tasks would queue).

    Every plan task holds a pool thread from the start of the node (it waits there for its
    dependencies), plus the node itself and the stream waiter. The pool size is the run config's
    ``max_concurrency`` (default ``min(32, cpu_count + 4)``).
    """
    try:
        from langgraph.config import get_config

        size = get_config().get("max_concurrency")
    except Exception:  # noqa: BLE001
        return
    size = size or min(32, (os.cpu_count() or 1) + 4)
    if n_tasks + 2 > size:
        logger.warning(
            "The plan has %d tasks but LangGraph's thread pool has %d threads, so some tasks "
            "will wait for a thread. Run the graph with config max_concurrency >= %d "
            "(graph.with_config(max_concurrency=...)).",
            n_tasks,
            size,
            n_tasks + 2,
        )


def _reraise_control_flow(exc: BaseException) -> None:
    """Re-raise LangGraph interrupts and non-``Exception`` errors (KeyboardInterrupt, ...)."""
    try:
        from langgraph.errors import GraphBubbleUp
    except ImportError:  # pragma: no cover
        GraphBubbleUp = ()  # type: ignore[assignment]  # noqa: N806
    if isinstance(exc, GraphBubbleUp) or not isinstance(exc, Exception):
        raise exc
