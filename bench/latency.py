"""Latency per stage and start-up time.

Stages are timed as the graph runs them, with a scripted chat model (so the figures are our own
overhead, not a provider's) and a tiny local text-classification model built from a config:
plan (LLM planner: prompt + parse + validate; offline planner: real MiniLM), select (retrieval
over the shipped catalog; the first call, with an empty cache, loads the index shipped in the
package and exports the ONNX query encoder, once per machine; ``query_encoder_load_cached_s``
is what a later process pays to load that export), execute (the local
model through the scheduler, cold and warm), respond (LLM responder: digest + call; template).
Start-up: ``import hgpt_langchain``, ``import hgpt_langchain.graph`` and ``hgpt --help`` as
fresh processes. Prints one JSON object (milliseconds unless named ``_s``).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT, emit


def _ms(fn, repeat: int) -> tuple[float, object]:
    times, value = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        value = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return round(statistics.median(times), 2), value


def _process_s(code: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(
            code, check=True, capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT)}
        )
        times.append(time.perf_counter() - t0)
    return round(statistics.median(times), 3)


def startup(repeat: int) -> dict:
    py = sys.executable
    hgpt = str(Path(py).parent / "hgpt")
    out = {
        "import_hgpt_langchain_s": _process_s([py, "-c", "import hgpt_langchain"], repeat),
        "import_graph_s": _process_s([py, "-c", "import hgpt_langchain.graph"], repeat),
        "python_baseline_s": _process_s([py, "-c", "pass"], repeat),
    }
    if Path(hgpt).exists():
        out["cli_help_s"] = _process_s([hgpt, "--help"], repeat)
    trace = subprocess.run(
        [py, "-X", "importtime", "-c", "import hgpt_langchain"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    ).stderr
    own = [line for line in trace.splitlines() if line.rstrip().endswith("| hgpt_langchain")]
    if own:
        out["importtime_hgpt_langchain_us"] = int(own[-1].split("|")[1])
    return out


def stages(repeat: int, quick: bool) -> dict:
    from hgpt_langchain.embeddings import SentenceTransformerEmbeddings, default_embeddings
    from hgpt_langchain.execution import LocalExecutor, Scheduler, Workspace
    from hgpt_langchain.graph import build_report
    from hgpt_langchain.planning.llm import LLMPlanner
    from hgpt_langchain.planning.offline import OfflinePlanner
    from hgpt_langchain.response import LLMResponder, TemplateResponder
    from hgpt_langchain.selection.retrieval import RetrievalSelector
    from hgpt_langchain.state import Candidate, ModelChoice
    from tests import plans
    from tests.fake_chat import ScriptedChatModel
    from tests.tiny_models import build_text_classifier

    request = "Describe photo.jpg and read the description aloud"
    files = ["photo.jpg"]
    out: dict[str, object] = {}

    llm_planner = LLMPlanner(ScriptedChatModel([plans.CHAIN] * (repeat + 1)))
    out["plan_llm_scripted_ms"], result = _ms(lambda: llm_planner.plan(request, files), repeat)
    offline = OfflinePlanner()
    offline.plan(request, files)  # load the embedding model once
    out["plan_offline_ms"], _ = _ms(lambda: offline.plan(request, files), repeat)
    plan = result.plan

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["HGPT_CACHE_DIR"] = str(Path(tmp) / "cache")
        t0 = time.perf_counter()
        selector = RetrievalSelector()
        selector.select(plan, request)
        out["select_first_call_fresh_cache_s"] = round(time.perf_counter() - t0, 3)
        # A later process finds the ONNX query encoder exported already: only loading remains.
        again = SentenceTransformerEmbeddings()
        again._model = default_embeddings().model
        t0 = time.perf_counter()
        again.encode_query(request)
        out["query_encoder_load_cached_s"] = round(time.perf_counter() - t0, 3)
        out["select_ms"], _ = _ms(lambda: selector.select(plan, request), repeat)

        model = str(build_text_classifier(Path(tmp) / "models"))
        from hgpt_langchain.state import Plan, Task

        text_plan = Plan(
            tasks=[Task(id=0, task="text-classification", args={"text": "I loved it"})]
        )
        text_choice = {
            0: ModelChoice(
                task_id=0,
                task="text-classification",
                model=model,
                candidates=[Candidate(id=model, score=1.0)],
            )
        }
        scheduler = Scheduler(LocalExecutor(), task_timeout=120)
        ws = Workspace.create(Path(tmp) / "runs")
        t0 = time.perf_counter()
        scheduler.run(text_plan, text_choice, ws)
        out["execute_tiny_local_cold_s"] = round(time.perf_counter() - t0, 3)
        out["execute_tiny_local_warm_ms"], results = _ms(
            lambda: scheduler.run(text_plan, text_choice, ws), repeat
        )

        state = {"request": request, "plan": text_plan, "choices": text_choice, "results": results}
        report = build_report(state)
        responder = LLMResponder(ScriptedChatModel(["answer"] * (repeat + 1)))
        out["respond_llm_scripted_ms"], _ = _ms(lambda: responder.respond(report), repeat)
        out["respond_template_ms"], _ = _ms(lambda: TemplateResponder().respond(report), repeat)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="one repetition, no start-up timing")
    args = parser.parse_args()
    repeat = 1 if args.quick else 5
    out = {"stages": stages(repeat, args.quick)}
    if not args.quick:
        out["startup"] = startup(3)
    emit(out)


if __name__ == "__main__":
    main()
