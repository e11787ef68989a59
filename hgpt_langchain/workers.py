"""The bounded worker thread pool that async runs use for blocking work (local models, I/O).

``graph.ainvoke`` never blocks the event loop: blocking calls (a local model, a sync executor, the
retrieval index, file imports) run here, and at most :data:`WORKER_THREADS` of them at once in the
whole process, whatever the number of concurrent runs. Tasks that wait for their dependencies or a
concurrency slot wait on the loop, not in a thread, so many concurrent runs cannot starve the pool.

Every stage shares the one pool (the graph's nodes, the auto planner's offline plan, the async
scheduler, the model tools' ``ainvoke``), so it lives beside the foundations and imports nothing
of ours.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextvars
import functools
import os
import threading
from collections.abc import Callable
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
