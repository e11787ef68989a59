"""Concurrent requests: sync threads (``invoke``) vs async (``ainvoke``), sleep executor.

N requests run at once through ``HuggingGPTTool`` (the whole graph: plan, select, execute,
respond), each a two-task chain whose model calls sleep (``--sleep`` seconds for the first task,
a tenth of it for the second). Reports throughput (requests/s) and p50/p95 latency per mode and N,
the ideal being one request's latency whatever N. Also the load average: figures from a shared
machine are not benchmarks.

Usage: python bench/concurrency.py [--n 1,10,50] [--sleep 0.5] [--quick]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import tempfile
import threading
import time

from _common import emit

from hgpt_langchain.execution.sleep import SleepExecutor
from hgpt_langchain.hugginggpt_tool import HuggingGPTTool
from hgpt_langchain.selection.base import StaticSelector

PLAN = {
    "tasks": [
        {"id": 0, "task": "text-to-image", "dep": [], "args": {"text": "a red bus"}},
        {"id": 1, "task": "image-to-text", "dep": [0], "args": {"image": "<resource>-0"}},
    ]
}


def _tool(sleep: float, root: str) -> HuggingGPTTool:
    return HuggingGPTTool(
        planner=PLAN,
        selector=StaticSelector(lambda t: f"{t.task}-model"),
        executor=SleepExecutor(durations={"text-to-image": sleep, "image-to-text": sleep / 10}),
        workspace_root=root,
    )


def _stats(latencies: list[float], wall: float) -> dict[str, float]:
    lat = sorted(latencies)
    p95 = lat[min(len(lat) - 1, int(round(0.95 * (len(lat) - 1))))]
    return {
        "wall_s": round(wall, 3),
        "throughput_rps": round(len(lat) / wall, 2),
        "p50_s": round(statistics.median(lat), 3),
        "p95_s": round(p95, 3),
    }


def run_threads(tool: HuggingGPTTool, n: int) -> dict[str, float]:
    """N threads, each calling ``tool.invoke`` once."""
    lat: list[float] = [0.0] * n
    barrier = threading.Barrier(n + 1)

    def one(i: int) -> None:
        barrier.wait()
        t = time.perf_counter()
        tool.invoke({"request": f"request {i}", "files": []})
        lat[i] = time.perf_counter() - t

    threads = [threading.Thread(target=one, args=(i,)) for i in range(n)]
    for th in threads:
        th.start()
    barrier.wait()
    start = time.perf_counter()
    for th in threads:
        th.join()
    return _stats(lat, time.perf_counter() - start)


def run_async(tool: HuggingGPTTool, n: int) -> dict[str, float]:
    """N concurrent ``tool.ainvoke`` calls on one event loop."""

    async def one(i: int) -> float:
        t = time.perf_counter()
        await tool.ainvoke({"request": f"request {i}", "files": []})
        return time.perf_counter() - t

    async def main() -> tuple[list[float], float]:
        start = time.perf_counter()
        lat = await asyncio.gather(*(one(i) for i in range(n)))
        return list(lat), time.perf_counter() - start

    lat, wall = asyncio.run(main())
    return _stats(lat, wall)


def main() -> None:
    """Run the benchmark and print one JSON object."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", default="1,10,50", help="concurrent requests (comma-separated)")
    parser.add_argument("--sleep", type=float, default=0.5, help="seconds of the first task")
    parser.add_argument("--quick", action="store_true", help="N = 1,10 and 0.2 s sleeps")
    args = parser.parse_args()
    ns = [int(x) for x in args.n.split(",") if x.strip()]
    sleep = args.sleep
    if args.quick:
        ns, sleep = [n for n in ns if n <= 10] or [1], 0.2
    with tempfile.TemporaryDirectory(prefix="hgpt-bench-conc-") as root:
        tool = _tool(sleep, root)
        tool.invoke({"request": "warm up", "files": []})  # builds the graph once
        rows = []
        for n in ns:
            rows.append({"n": n, "mode": "threads", **run_threads(tool, n)})
            rows.append({"n": n, "mode": "async", **run_async(tool, n)})
    emit(
        {
            "benchmark": "concurrency",
            "ideal_latency_s": round(sleep * 1.1, 3),
            "sleep_s": sleep,
            "rows": rows,
            "loadavg": [round(x, 2) for x in os.getloadavg()],
            "cpus": os.cpu_count(),
        }
    )


if __name__ == "__main__":
    main()
