"""The bounded worker thread pool that async runs use for blocking work (local models, I/O).

``graph.ainvoke`` never blocks the event loop: blocking calls (a local model, a sync executor, the
retrieval index, file imports) run here, and at most :data:`WORKER_THREADS` of them at once in the
whole process, whatever the number of concurrent runs. Tasks that wait for their dependencies or a
concurrency slot wait on the loop, not in a thread, so many concurrent runs cannot starve the pool.

Every stage shares the one pool (the graph's nodes, the auto planner's offline plan, the async
scheduler, the model tools' ``ainvoke``), so it lives beside the foundations and imports nothing
of ours. Executors with an async ``arun`` (remote inference) are awaited on the loop
(:func:`arun_executor`) and share one HTTP session per loop (:func:`loop_session`).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextvars
import functools
import os
import threading
import weakref
from collections.abc import AsyncIterator, Callable
from typing import Any, TypeVar

T = TypeVar("T")

WORKER_THREADS = int(os.environ.get("HGPT_WORKER_THREADS", "32") or 32)
"""Threads of the shared pool (``HGPT_WORKER_THREADS``, default 32)."""

_pool: concurrent.futures.ThreadPoolExecutor | None = None
_lock = threading.Lock()


def worker_pool() -> concurrent.futures.ThreadPoolExecutor:
    """The process-wide worker pool (created on first use)."""
    global _pool
    if _pool is None:
        with _lock:
            if _pool is None:
                _pool = concurrent.futures.ThreadPoolExecutor(
                    max_workers=max(1, WORKER_THREADS), thread_name_prefix="hgpt-worker"
                )
    return _pool


async def run_blocking(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run ``fn(*args, **kwargs)`` in the worker pool, with the caller's context variables."""
    loop = asyncio.get_running_loop()
    ctx = contextvars.copy_context()
    call = functools.partial(ctx.run, fn, *args, **kwargs)
    return await loop.run_in_executor(worker_pool(), call)


async def arun_executor(executor: Any, task: Any, model: str, args: Any, workspace: Any) -> Any:
    """``executor.run(task, model, args, workspace)`` without blocking the loop.

    An executor with an async ``arun`` (remote inference, the hybrid one) is awaited on the loop;
    any other runs in the worker pool.
    """
    arun = getattr(executor, "arun", None)
    if arun is not None and asyncio.iscoroutinefunction(arun):
        return await arun(task, model, args, workspace)
    return await run_blocking(executor.run, task, model, args, workspace)


_LOOP_SESSIONS: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, dict[str, Any]] = (
    weakref.WeakKeyDictionary()
)


async def loop_session(key: str, factory: Callable[[], Any]) -> Any:
    """The running event loop's shared session ``key`` (an async context manager, entered).

    Made on first use by ``factory()`` in the worker pool (building an HTTP client with its SSL
    context takes tens of milliseconds of CPU), then shared by every call on this loop, and
    closed when the loop shuts down (the end of ``asyncio.run``: its async generators are
    closed, and the session is held open by one).
    """
    loop = asyncio.get_running_loop()
    sessions = _LOOP_SESSIONS.setdefault(loop, {})
    opening = sessions.get(key)
    if opening is None:
        opening = sessions[key] = loop.create_task(_open_session(sessions, key, factory))
    session, _holder = await asyncio.shield(opening)
    return session


async def _open_session(sessions: dict[str, Any], key: str, factory: Callable[[], Any]) -> Any:
    try:
        holder = _hold(await run_blocking(factory))
        return await holder.__anext__(), holder  # the holder (kept here) keeps it open
    except BaseException:
        sessions.pop(key, None)  # the next call tries again
        raise


async def _hold(session: Any) -> AsyncIterator[Any]:
    try:
        async with session as entered:
            yield entered
    finally:  # the loop shuts down: forget its sessions (their tasks refer to the loop)
        _LOOP_SESSIONS.pop(asyncio.get_running_loop(), None)
