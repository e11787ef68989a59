"""Ray Serve benchmark: K tiny models x M calls in random order, local executor vs Ray Serve.

Builds K copies of a tiny BERT text classifier (distinct model ids, as K different experts of one
family), then sends the same M calls, in the same random order and 4 at a time, through

* ``LocalExecutor`` (one process; its LRU model cache holds all K models),
* ``RayServeExecutor`` on a local Ray instance (``ray.init(num_cpus=2)``, 127.0.0.1) with one and
  with two replicas of the text family, each multiplexing at most 2 models
  (``@serve.multiplexed(max_num_models_per_replica=2)``).

Per arm: throughput (calls/s), p50/p95 latency, and model loads (misses: a model built on a replica
or loaded into the local cache) against cache hits. ``ratio_*`` compare each Ray arm's throughput
with the local one measured in the same run. On 2 CPUs Ray mostly adds overhead (serialisation,
an HTTP/handle hop, replicas competing for the same two cores); see BENCHMARKS.md for what to
expect on a GPU cluster.

Usage: python bench/ray_serve.py [--quick] [--models K] [--calls M]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, emit  # noqa: E402

sys.path.insert(0, str(ROOT))

from hgpt_langchain.execution import LocalExecutor, Workspace, task_context  # noqa: E402
from hgpt_langchain.tasks import TASKS  # noqa: E402
from tests.tiny_models import build_text_classifier  # noqa: E402

TASK = TASKS["text-classification"]


def _timed(run, models: list[str], ws: Workspace) -> dict:
    latencies: list[float] = []

    def one(i: int, model: str) -> None:
        start = time.perf_counter()
        with task_context(i):
            run(TASK, model, {"text": "a fine day"}, ws)
        latencies.append(time.perf_counter() - start)

    start = time.perf_counter()
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(one, range(len(models)), models))
    wall = time.perf_counter() - start
    latencies.sort()
    return {
        "throughput_per_s": round(len(models) / wall, 2),
        "p50_ms": round(1000 * statistics.median(latencies), 1),
        "p95_ms": round(1000 * latencies[int(0.95 * (len(latencies) - 1))], 1),
        "wall_s": round(wall, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 models x 12 calls (CI)")
    parser.add_argument("--models", type=int, default=6)
    parser.add_argument("--calls", type=int, default=120)
    args = parser.parse_args()
    k, m = (3, 12) if args.quick else (args.models, args.calls)

    import ray
    from ray import serve

    from hgpt_langchain.execution.ray_serve import FamilyConfig, RayServeExecutor, deploy

    tmp = Path(tempfile.mkdtemp(prefix="hgpt-bench-ray-"))
    try:
        base = build_text_classifier(tmp / "base")
        ids = []
        for i in range(k):
            shutil.copytree(base, tmp / f"expert-{i}")
            ids.append(str(tmp / f"expert-{i}"))
        rng = random.Random(0)
        calls = [rng.choice(ids) for _ in range(m)]
        ws = Workspace.create(tmp / "runs", run_id="bench")

        local = LocalExecutor(device="cpu")
        out: dict = {"models": k, "calls": m, "concurrency": 4}
        out["local"] = _timed(local.run, calls, ws)
        out["local"]["loads"] = local.cache.misses
        out["local"]["hits"] = local.cache.hits

        # Ray's driver and raylet print status lines to stdout (file descriptor 1); send them to
        # stderr so that stdout carries only this benchmark's JSON.
        sys.stdout.flush()
        stdout_fd = os.dup(1)
        os.dup2(2, 1)
        ray.init(
            num_cpus=2,
            include_dashboard=False,
            _node_ip_address="127.0.0.1",
            object_store_memory=200 * 2**20,
            log_to_driver=False,
        )
        try:
            serve.start(http_options={"host": "127.0.0.1", "port": 0})
            for replicas in (1, 2):
                config = FamilyConfig(
                    num_cpus=0,
                    max_models_per_replica=2,
                    min_replicas=replicas,
                    max_replicas=replicas,
                    local_options={"device": "cpu"},
                )
                deploy({"text": config})
                client = RayServeExecutor(timeout=300)
                loads: dict[str, int] = {}
                calls_seen: dict[str, int] = {}

                def run(task, model, args_, ws_, client=client, loads=loads, seen=calls_seen):
                    result = client.run(task, model, args_, ws_)
                    info = dict(client.last_call)
                    loads[info["replica"]] = max(loads.get(info["replica"], 0), info["loads"])
                    seen[info["replica"]] = max(seen.get(info["replica"], 0), info["calls"])
                    return result

                arm = _timed(run, calls, ws)
                arm["loads"] = sum(loads.values())
                arm["hits"] = sum(calls_seen.values()) - arm["loads"]
                arm["replicas_used"] = len(loads)
                out[f"ray_{replicas}_replica"] = arm
                out[f"ratio_ray_{replicas}_vs_local"] = round(
                    arm["throughput_per_s"] / out["local"]["throughput_per_s"], 3
                )
                serve.delete("hgpt-text")
        finally:
            serve.shutdown()
            ray.shutdown()
            sys.stdout.flush()
            os.dup2(stdout_fd, 1)
            os.close(stdout_fd)
        out["loadavg_1m"] = round(os.getloadavg()[0], 2)
        emit(out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
