"""Start-up time of the ``hgpt`` command line, each command in a fresh process.

Usage::

    python bench/startup.py            # 5 timed runs per command (median), plus a cold first run
    python bench/startup.py --quick    # 1 timed run per command (CI smoke run)

With warm caches (one untimed run of each command first) it measures the wall seconds of:

- ``hgpt --help``;
- ``hgpt plan "<request>" --json`` (no LLM configured: the offline planner);
- ``hgpt models search "<query>"``;
- ``hgpt run "<request>" --execution remote --no-checkpoint`` up to its first task start: the
  moment the progress line ``task 0 ... running`` appears on stderr (plan, model selection and
  graph built; the remote call then fails at once for want of a token, and the process is left
  to finish). The run's child gets no Hugging Face token and ``HF_HUB_OFFLINE=1``: no network.

For each command it also lists whether torch / transformers / sentence-transformers /
LangGraph were imported (``python -X importtime``, one extra run) and how many modules.
The cold first run uses an empty cache (``HGPT_CACHE_DIR`` = a new temporary folder): the ONNX
query encoders are exported (torch) and the planner's anchors embedded, once; it times
``hgpt plan`` then ``hgpt models search`` there. Prints one JSON object. Timings depend on the
machine's load: the load average is reported with them.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT, emit

PLAN_REQUEST = "Describe photo.jpg and read it aloud"
SEARCH_QUERY = "translate into French"
RUN_REQUEST = "Translate 'good morning, how are you?' into French"
HEAVY = ("torch", "transformers", "sentence_transformers", "langgraph")


def _hgpt() -> list[str]:
    found = shutil.which("hgpt")
    return [found] if found else [sys.executable, "-m", "hgpt_langchain.cli"]


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    for key in ("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "OPENAI_API_KEY", "HGPT_LLM"):
        env.pop(key, None)  # offline planner, no remote inference
    env.update(extra)
    return env


COMMANDS: dict[str, list[str]] = {
    "help": ["--help"],
    "plan": ["plan", PLAN_REQUEST, "--json"],
    "models_search": ["models", "search", SEARCH_QUERY],
    "run_to_first_task": [
        "run",
        RUN_REQUEST,
        "--execution",
        "remote",
        "--no-checkpoint",
    ],
}


def _time_command(name: str, env: dict[str, str]) -> float:
    """Wall seconds of one command (for ``run``: up to its first task start)."""
    argv = _hgpt() + COMMANDS[name]
    if name != "run_to_first_task":
        start = time.perf_counter()
        done = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=600)
        seconds = time.perf_counter() - start
        if done.returncode != 0:
            raise SystemExit(f"hgpt {name} failed ({done.returncode}): {done.stderr[-2000:]}")
        return seconds
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    seconds = None
    assert proc.stderr is not None
    tail = []
    for line in proc.stderr:
        tail.append(line)
        if (
            seconds is None
            and line.strip().startswith("task ")
            and line.rstrip().endswith("running")
        ):
            seconds = time.perf_counter() - start
    proc.wait(timeout=600)
    if seconds is None:
        raise SystemExit(f"hgpt run never started a task: {''.join(tail)[-2000:]}")
    return seconds


def _imports(name: str, env: dict[str, str]) -> dict:
    """Which heavy packages one command imports, from ``python -X importtime``."""
    argv = [sys.executable, "-X", "importtime", "-m", "hgpt_langchain.cli", *COMMANDS[name]]
    done = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=600)
    modules = set()
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            modules.add(line.rsplit("|", 1)[1].strip())
    tops = {m.split(".")[0] for m in modules}
    return {
        "modules": len(modules),
        "torch": "torch" in tops,
        "heavy": sorted(h for h in HEAVY if h in tops),
    }


def main() -> None:
    """Run the benchmark and print one JSON object."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one timed run per command")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per command")
    args = parser.parse_args()
    runs = 1 if args.quick else max(1, args.runs)
    load_before = os.getloadavg()
    env = _env()
    workspaces = tempfile.mkdtemp(prefix="hgpt-st-")
    run_env = _env(HF_HUB_OFFLINE="1", HGPT_WORKSPACE_DIR=workspaces)

    # The cold first run on an empty cache: exports and anchor embeddings happen here.
    cold_dir = tempfile.mkdtemp(prefix="hgpt-cold-")
    try:
        cold_env = _env(HGPT_CACHE_DIR=cold_dir)
        cold = {
            "plan_s": round(_time_command("plan", cold_env), 3),
            "models_search_s": round(_time_command("models_search", cold_env), 3),
            "cached": sorted(
                str(p.relative_to(cold_dir)) for p in Path(cold_dir).glob("*/*") if p.exists()
            ),
        }
        cold["plan_again_s"] = round(_time_command("plan", cold_env), 3)
    finally:
        shutil.rmtree(cold_dir, ignore_errors=True)

    warm: dict[str, dict] = {}
    imports: dict[str, dict] = {}
    for name in COMMANDS:
        command_env = run_env if name == "run_to_first_task" else env
        _time_command(name, command_env)  # warm the caches (and the OS page cache)
        times = [_time_command(name, command_env) for _ in range(runs)]
        warm[name] = {
            "median_s": round(statistics.median(times), 3),
            "min_s": round(min(times), 3),
            "runs_s": [round(t, 3) for t in times],
        }
        imports[name] = _imports(name, command_env)
    shutil.rmtree(workspaces, ignore_errors=True)
    emit(
        {
            "warm": warm,
            "imports": imports,
            "cold_first_run": cold,
            "goal_plan_le_1s": warm["plan"]["median_s"] <= 1.0,
            "goal_models_search_le_1s": warm["models_search"]["median_s"] <= 1.0,
            "requests": {"plan": PLAN_REQUEST, "search": SEARCH_QUERY, "run": RUN_REQUEST},
            "command": " ".join(_hgpt()),
            "runs": runs,
            "cpus": os.cpu_count(),
            "loadavg_before": [round(x, 2) for x in load_before],
            "loadavg_after": [round(x, 2) for x in os.getloadavg()],
        }
    )


if __name__ == "__main__":
    main()
