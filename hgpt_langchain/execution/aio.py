"""The bounded worker thread pool that async runs use for blocking work (local models, I/O).

``graph.ainvoke`` never blocks the event loop: blocking calls (a local model, a sync executor, the
retrieval index, file imports) run here, and at most :data:`WORKER_THREADS` of them at once in the
whole process, whatever the number of concurrent runs. Tasks that wait for their dependencies or a
concurrency slot wait on the loop, not in a thread, so many concurrent runs cannot starve the pool.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import contextvars
import functools
import os
import threading
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


class _Sessions:
    """The sessions of one :func:`shared_sessions` block (see there)."""

    def __init__(self, stack: contextlib.AsyncExitStack):
        self.stack = stack
        self.loop = asyncio.get_running_loop()
        self.opening: dict[str, asyncio.Future[Any]] = {}

    async def open(self, factory: Callable[[], Any]) -> Any:
        session = await run_blocking(factory)
        return await self.stack.enter_async_context(session)


_SESSIONS: contextvars.ContextVar[_Sessions | None] = contextvars.ContextVar(
    "hgpt_shared_sessions", default=None
)


@contextlib.asynccontextmanager
async def shared_sessions() -> AsyncIterator[None]:
    """A block whose async calls share their HTTP sessions, closed when it ends.

    ``Scheduler.arun`` runs a plan inside one, so its remote tasks reuse one connection pool
    instead of building a client (and its SSL context) per call. Nested blocks use the outer one.
    """
    if _SESSIONS.get() is not None:
        yield
        return
    async with contextlib.AsyncExitStack() as stack:
        token = _SESSIONS.set(_Sessions(stack))
        try:
            yield
        finally:
            _SESSIONS.reset(token)


async def shared_session(key: str, factory: Callable[[], Any]) -> Any:
    """The enclosing :func:`shared_sessions` block's session ``key``; ``None`` outside one.

    Made on first use by ``factory()`` (in the worker pool: building one may take tens of
    milliseconds of CPU) and entered as an async context manager; closed with the block.
    """
    sessions = _SESSIONS.get()
    if sessions is None or sessions.loop is not asyncio.get_running_loop():
        return None
    opening = sessions.opening.get(key)
    if opening is None:
        opening = sessions.opening[key] = asyncio.ensure_future(sessions.open(factory))
    return await asyncio.shield(opening)
