"""How often a local model's answers name files, models or numbers that the report does not have.

Usage::

    python bench/answer_check.py --llm local --limit 4
    python bench/answer_check.py --quick                  # CI: one report

Each record is a TaskBench request planned by the offline planner, with results made up the way
the executors report them (text outputs, a file per file-producing task under a run folder, real
model ids from the shipped catalog). The LLM responder answers each report;
:func:`~hgpt_langchain.answer_check.check_answer` checks it. Prints one JSON object: the share of
first answers that fail the check (``before``), the share fixed by the one regeneration, and the
share still failing after it, which get the templated answer with a note (``after``: 0 by design
for what the user sees; ``templated_rate`` says how often that fallback fires).
"""

from __future__ import annotations

import argparse
import os
import time

from _common import ROOT, emit

DATA = ROOT / "bench/data/taskbench/data.sample.jsonl"
MODELS = {
    "image-to-text": "Salesforce/blip-image-captioning-base",
    "text-to-speech": "espnet/kan-bayashi_ljspeech_vits",
    "object-detection": "facebook/detr-resnet-50",
    "text-to-image": "segmind/tiny-sd",
    "automatic-speech-recognition": "openai/whisper-tiny",
    "summarization": "sshleifer/distilbart-cnn-12-6",
    "translation": "Helsinki-NLP/opus-mt-en-fr",
}


def make_report(request: str, plan):
    """A finished report for ``plan`` with plausible outputs (no model runs)."""
    from hgpt_langchain.state import ModelChoice, Report, TaskResult
    from hgpt_langchain.tasks import TASKS

    choices, results = [], []
    for t in plan.tasks:
        model = MODELS.get(t.task, f"hf-internal-testing/tiny-random-{t.task}")
        choices.append(ModelChoice(task_id=t.id, task=t.task, model=model, reason="top score"))
        spec = TASKS[t.task]
        if spec.output == "text":
            out, files = f"label: positive (score 0.9{t.id + 1}2)", []
        else:
            ext = {"image": "png", "audio": "wav", "video": "mp4"}[spec.output]
            out, files = None, [f"/runs/r1/task-{t.id}.{ext}"]
        results.append(
            TaskResult(task_id=t.id, task=t.task, model=model, status="ok", output=out, files=files)
        )
    return Report(request=request, plan=plan, choices=choices, results=results)


class Recorder:
    """Passes calls to the chat model and keeps every reply, so failing answers can be read."""

    def __init__(self, llm):
        self.llm = llm
        self.replies: list[str] = []

    def invoke(self, messages):
        reply = self.llm.invoke(messages)
        self.replies.append(str(reply.text))
        return reply


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--llm", default="local", help="chat model spec (default: local)")
    parser.add_argument("--limit", type=int, default=4)
    parser.add_argument("--max-tokens", type=int, default=128)
    parser.add_argument("--quick", action="store_true", help="one report (CI)")
    args = parser.parse_args()
    limit = 1 if args.quick else args.limit

    from hgpt_langchain.evaluation import TASKBENCH_TASKS, load_taskbench
    from hgpt_langchain.llm import resolve_llm
    from hgpt_langchain.planning.offline import OfflinePlanner
    from hgpt_langchain.response import LLMResponder

    planner = OfflinePlanner(tasks=TASKBENCH_TASKS)
    reports = []
    for rec in load_taskbench(DATA, split="test"):
        plan = planner.plan(rec.request).plan
        if plan.tasks:
            reports.append(make_report(rec.request, plan))
        if len(reports) >= limit:
            break
    start = time.perf_counter()
    llm = resolve_llm(args.llm)
    if hasattr(llm, "max_tokens"):
        llm.max_tokens = args.max_tokens
    from hgpt_langchain.answer_check import check_answer

    recorder = Recorder(llm)
    responder = LLMResponder(recorder)
    failures = []
    t0 = time.perf_counter()
    for report in reports:
        first = len(recorder.replies)
        responder.respond(report)
        for reply in recorder.replies[first:]:
            problems = check_answer(reply, report).problems()
            if problems:  # what the check flagged, with the answer, to judge false positives
                failures.append({"problems": problems, "answer": reply[:600]})
    checks = responder.checks
    n = max(checks["answers"], 1)
    emit(
        {
            "llm": args.llm,
            "n": checks["answers"],
            "before_fail_rate": round(checks["failed"] / n, 4),
            "regenerated_ok_rate": round(checks["regenerated_ok"] / n, 4),
            "templated_rate": round(checks["templated"] / n, 4),
            "after_fail_rate": 0.0,
            "llm_calls": responder.llm_calls,
            "s_per_answer": round((time.perf_counter() - t0) / n, 2),
            "seconds": round(time.perf_counter() - start, 1),
            "loadavg": [round(x, 2) for x in os.getloadavg()],
            "failed_answers": failures,
        }
    )


if __name__ == "__main__":
    main()
