"""Concurrent requests: sync threads (``invoke``) vs async (``ainvoke``), sleep executor.

N requests run at once through ``HuggingGPTTool`` (the whole graph: plan, select, execute,
respond), each a two-task chain whose model calls sleep (``--sleep`` seconds for the first task,
a tenth of it for the second). Reports throughput (requests/s) and p50/p95 latency per mode and N,
the ideal being one request's latency whatever N. Also the load average: figures from a shared
machine are not benchmarks.

The remote arm (``remote_rows``): the same with two independent text-classification tasks per
request on ``RemoteExecutor``, against a stand-in Inference API on 127.0.0.1 that answers after
``--sleep`` seconds. ``threads`` calls the sync ``InferenceClient`` (a thread waits per call);
``async`` awaits ``AsyncInferenceClient`` (no thread waits). ``peak_threads``: the most Python
threads alive at once; ``server_in_flight``: the most requests the stand-in held at once.

Usage: python bench/concurrency.py [--n 1,10,50] [--sleep 0.5] [--quick] [--no-remote]
"""

from __future__ import annotations

import argparse
import asyncio
import http.server
import json
import os
import statistics
import tempfile
import threading
import time

from _common import emit

from hgpt_langchain.execution.remote import RemoteExecutor
from hgpt_langchain.execution.sleep import SleepExecutor
from hgpt_langchain.hugginggpt_tool import HuggingGPTTool
from hgpt_langchain.selection.base import StaticSelector

PLAN = {
    "tasks": [
        {"id": 0, "task": "text-to-image", "dep": [], "args": {"text": "a red bus"}},
        {"id": 1, "task": "image-to-text", "dep": [0], "args": {"image": "<resource>-0"}},
    ]
}


REMOTE_PLAN = {
    "tasks": [
        {"id": i, "task": "text-classification", "dep": [], "args": {"text": f"review {i}"}}
        for i in range(2)
    ]
}


def _tool(sleep: float, root: str, executor=None, plan=PLAN) -> HuggingGPTTool:
    return HuggingGPTTool(
        planner=plan,
        selector=StaticSelector(lambda t: f"{t.task}-model"),
        executor=executor
        or SleepExecutor(durations={"text-to-image": sleep, "image-to-text": sleep / 10}),
        workspace_root=root,
    )


class _StandIn(http.server.ThreadingHTTPServer):
    """An Inference API stand-in: every POST answers a label after ``delay`` seconds."""

    daemon_threads = True
    request_queue_size = 256  # the default backlog (5) drops bursts of connections
    delay = 0.5
    in_flight = peak = 0
    lock = threading.Lock()


class _Answer(http.server.BaseHTTPRequestHandler):
    server: _StandIn

    def do_POST(self):  # noqa: N802
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        with self.server.lock:
            self.server.in_flight += 1
            self.server.peak = max(self.server.peak, self.server.in_flight)
        time.sleep(self.server.delay)
        with self.server.lock:
            self.server.in_flight -= 1
        body = json.dumps([[{"label": "POSITIVE", "score": 0.9}]]).encode()
        self.send_response(200)
        for name, value in (("Content-Type", "application/json"), ("Content-Length", len(body))):
            self.send_header(name, str(value))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def _peak_threads(fn, *args):
    """``fn(*args)`` and the most threads alive at once while it ran."""
    peak, done = [threading.active_count()], threading.Event()

    def sample() -> None:
        while not done.wait(0.005):
            peak[0] = max(peak[0], threading.active_count())

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        result = fn(*args)
    finally:
        done.set()
        sampler.join()
    return result, peak[0] - 1  # the sampler itself does not count


def remote_rows(ns: list[int], sleep: float, root: str) -> list[dict]:
    """The remote arm: threads + sync client vs async + AsyncInferenceClient (see the top)."""
    from huggingface_hub import constants

    constants.HF_HUB_OFFLINE = False  # the stand-in is on 127.0.0.1; nothing else is called
    srv = _StandIn(("127.0.0.1", 0), _Answer)
    srv.delay = sleep
    threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    remote = RemoteExecutor(base_url=f"http://127.0.0.1:{srv.server_address[1]}/m", timeout=60)
    tool = _tool(sleep, root, executor=remote, plan=REMOTE_PLAN)
    tool.invoke({"request": "warm up", "files": []})
    rows = []
    try:
        for n in ns:
            for mode, fn in (("threads", run_threads), ("async", run_async)):
                srv.peak = 0
                stats, threads = _peak_threads(fn, tool, n)
                rows.append(
                    {
                        "n": n,
                        "mode": mode,
                        **stats,
                        "peak_threads": threads,
                        "server_in_flight": srv.peak,
                    }
                )
    finally:
        srv.shutdown()
        srv.server_close()
    return rows


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
    parser.add_argument("--no-remote", action="store_true", help="skip the remote arm")
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
        remote = [] if args.no_remote else remote_rows(ns, sleep, root)
    emit(
        {
            "benchmark": "concurrency",
            "ideal_latency_s": round(sleep * 1.1, 3),
            "sleep_s": sleep,
            "rows": rows,
            **({"remote_rows": remote} if remote else {}),
            "loadavg": [round(x, 2) for x in os.getloadavg()],
            "cpus": os.cpu_count(),
        }
    )


if __name__ == "__main__":
    main()
