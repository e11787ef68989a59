"""The async DAG scheduler behind ``Scheduler.arun`` (:mod:`hgpt_langchain.execution.scheduler`).

Same semantics as the sync one (per-task ``@task`` checkpoints inside a LangGraph node, retries,
fallbacks, timeouts, skipped dependents: the same ``_Run._attempt_steps``), but a task waits for
its dependencies, a concurrency slot and its backoff on the event loop. An executor with an async
``arun`` (``RemoteExecutor`` through ``AsyncInferenceClient``, ``HybridExecutor`` for its remote
attempts) is awaited on the loop and holds no thread; a sync one (a local model) runs in the
shared worker pool. The sync scheduler parks every waiting task in a thread, which, under many
concurrent ``ainvoke`` calls sharing the loop's small default executor, deadlocks: each run's
node holds a thread waiting for tasks that need a thread.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from typing import Any

from hgpt_langchain.execution.resources import dependencies
from hgpt_langchain.state import Plan, Task, TaskResult


async def arun_plan(
    run: Any,
    plan: Plan,
    done: Mapping[int, TaskResult],
    order: list[Task],
    blocked: dict[int, str],
    *,
    max_concurrency: int,
    in_langgraph_node: bool,
) -> dict[int, TaskResult]:
    """Run ``plan`` asynchronously; a :class:`TaskResult` per task id.

    Args:
        run: The scheduler's per-run state (``_Run``: ``execute``, ``outcome``, ``record``,
            ``skipped``).
        plan: The plan.
        done: Results of tasks finished earlier (not run again).
        order: The plan's tasks in topological order.
        blocked: Task id -> why it cannot run.
        max_concurrency: Tasks running at once, at most.
        in_langgraph_node: Run each task as a checkpointed LangGraph ``@task``.
    """
    by_id = plan.by_id()
    for tid, reason in blocked.items():
        if tid not in done:
            run.record(run.skipped(by_id[tid], reason))
    todo = [t for t in order if t.id not in done]
    if not todo:
        return dict(run.results)
    ready = {t.id: asyncio.Event() for t in plan.tasks}
    for tid in run.results:
        if tid in ready:
            ready[tid].set()
    slots = asyncio.Semaphore(max_concurrency)

    async def execute(task: Task) -> dict[str, Any]:
        for dep in sorted(dependencies(task)):
            if dep in ready:
                await ready[dep].wait()
        result = await run.aexecute(task, slots)
        return result.model_dump(mode="json")  # type: ignore[no-any-return]

    def finish(task: Task, fut: asyncio.Future) -> None:
        exc = RuntimeError("the task was cancelled") if fut.cancelled() else fut.exception()
        run.record(run.outcome(task, None if exc else fut.result(), exc))
        ready[task.id].set()

    futures: dict[asyncio.Future, Task] = {}
    if in_langgraph_node:
        from langgraph.func import task as lg_task

        for t in todo:

            async def body(task_id: int, _t: Task = t) -> dict[str, Any]:
                return await execute(_t)

            call = lg_task(body, name=f"hgpt_task_{t.id}")(t.id)
            fut = call if asyncio.isfuture(call) else asyncio.wrap_future(call)
            futures[fut] = t  # type: ignore[index]
    else:
        for t in todo:
            futures[asyncio.ensure_future(execute(t))] = t
    pending = set(futures)
    while pending:
        finished, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
        for fut in finished:
            finish(futures[fut], fut)
    return {t.id: run.results[t.id] for t in plan.tasks if t.id in run.results} | {
        k: v for k, v in run.results.items() if k not in by_id
    }
