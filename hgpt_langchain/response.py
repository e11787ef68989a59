"""Stage 4: turn the report into the answer.

:class:`LLMResponder` makes one chat-model call over a bounded digest of the plan, the model choices
and the results (artifacts by path, long outputs cut). :class:`TemplateResponder` needs no LLM: it
writes the same sections from the report (offline mode). Both say plainly what failed.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Generator
from typing import Any, Protocol, runtime_checkable

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, HumanMessage, SystemMessage

from hgpt_langchain.state import Report, TaskResult
from hgpt_langchain.tasks import TASKS

logger = logging.getLogger(__name__)

DIGEST_OUTPUT_CHARS = 600
"""Longest text output quoted per task in the digest."""
DIGEST_MAX_CHARS = 8000
"""Upper bound of the whole digest, whatever the number of tasks."""


@runtime_checkable
class Responder(Protocol):
    """Writes the answer for a finished report."""

    llm_calls: int

    def respond(self, report: Report) -> str:
        """Return the answer text."""
        ...


def _cut(text: str | None, limit: int) -> str | None:
    if text is None or len(text) <= limit:
        return text
    return text[: limit - 20] + f" ... [{len(text) - limit + 20} more chars]"


def digest(report: Report, *, max_chars: int = DIGEST_MAX_CHARS) -> str:
    """A compact JSON digest of a report, bounded to ``max_chars`` characters."""
    choices = {c.task_id: c for c in report.choices}
    results = {r.task_id: r for r in report.results}
    out_chars = DIGEST_OUTPUT_CHARS
    while True:
        rows = []
        for task in report.plan.tasks:
            choice = choices.get(task.id)
            result = results.get(task.id)
            rows.append(
                {
                    "id": task.id,
                    "task": task.task,
                    "dep": task.dep,
                    "args": {k: _cut(v, 200) for k, v in task.args.items()},
                    "model": choice.model if choice else None,
                    "why": _cut(choice.reason, 200) if choice else None,
                    "status": result.status if result else "not run",
                    "output": _cut(result.output, out_chars) if result else None,
                    "files": result.files if result else [],
                    "error": _cut(result.error, 300) if result else None,
                }
            )
        text = json.dumps({"tasks": rows, "errors": report.errors}, ensure_ascii=False, indent=None)
        if len(text) <= max_chars or out_chars <= 40:
            return text[:max_chars]
        out_chars //= 2


class LLMResponder:
    """Answer with one chat-model call over the report digest, checked against the report.

    Every file path, model id and number the answer names must appear in the report
    (:func:`~hgpt_langchain.answer_check.check_answer`). A failing answer is regenerated once with
    the problems listed; if that fails too, the templated answer is used, with a note.
    ``checks`` counts how often each happened.

    Args:
        llm: The chat model.
        max_digest_chars: Upper bound of the report digest in the prompt.
        check: Check answers against the report.
    """

    def __init__(
        self, llm: BaseChatModel, *, max_digest_chars: int = DIGEST_MAX_CHARS, check: bool = True
    ):
        self.llm = llm
        self.max_digest_chars = max_digest_chars
        self.check = check
        self.llm_calls = 0
        self.checks = {"answers": 0, "failed": 0, "regenerated_ok": 0, "templated": 0}
        """Answers checked, failed first checks, fixed by regeneration, replaced by the template."""

    def messages(self, report: Report) -> list[Any]:
        """The responder prompt (exposed for inspection and token counting)."""
        from hgpt_langchain.prompts import load_prompt

        prompt = load_prompt("respond")
        return [
            SystemMessage(prompt["system"]),
            HumanMessage(
                prompt["human"].format(
                    request=report.request, digest=digest(report, max_chars=self.max_digest_chars)
                )
            ),
        ]

    def respond(self, report: Report) -> str:
        """Return the LLM's answer (checked against the report, see the class doc)."""
        from hgpt_langchain.llm import invoke_llm

        steps = self._steps(report)
        msgs = next(steps)
        while True:
            try:
                msgs = steps.send(invoke_llm(self.llm, msgs, purpose="the answer"))
            except StopIteration as stop:
                return str(stop.value)

    async def arespond(self, report: Report) -> str:
        """Async :meth:`respond` (the chat model's ``ainvoke``), with the same check."""
        from hgpt_langchain.llm import ainvoke_llm

        steps = self._steps(report)
        msgs = next(steps)
        while True:
            try:
                msgs = steps.send(await ainvoke_llm(self.llm, msgs, purpose="the answer"))
            except StopIteration as stop:
                return str(stop.value)

    def _steps(self, report: Report) -> Generator[list[Any], Any, str]:
        """The answer dialogue: yields prompts, receives replies, returns the answer."""
        msgs = self.messages(report)
        reply = yield msgs
        self.llm_calls += 1
        answer = str(reply.text)
        if not self.check:
            return answer
        from hgpt_langchain.answer_check import check_answer

        self.checks["answers"] += 1
        first = check_answer(answer, report)
        if first.ok:
            return answer
        self.checks["failed"] += 1
        problems = " ".join(first.problems())
        logger.warning("answer names what the report does not have: %s", problems)
        again = yield [
            *msgs,
            AIMessage(answer),
            HumanMessage(
                f"{problems} Write the answer again, naming only files, models and numbers "
                "that are in the results."
            ),
        ]
        self.llm_calls += 1
        second = str(again.text)
        second_check = check_answer(second, report)
        if second_check.ok:
            self.checks["regenerated_ok"] += 1
            return second
        self.checks["templated"] += 1
        return (
            TemplateResponder().respond(report)
            + "\n\n(Note: the language model's answer named files, models or numbers that are "
            "not in the results, so this summary was written from the report instead. "
            f"{' '.join(second_check.problems())})"
        )


class TemplateResponder:
    """Answer without an LLM: a clear, sectioned summary of the report."""

    llm_calls = 0

    def respond(self, report: Report) -> str:
        """Return the templated answer."""
        if not report.plan.tasks:
            if report.errors:
                return "I could not plan this request: " + " ".join(report.errors)
            return (
                "This request needs no model: I found no task in it that a Hugging Face model "
                "can do. Ask me to describe, classify, transcribe, translate, summarise, generate "
                "or edit something (`hgpt tasks` lists what I can do)."
            )
        results = {r.task_id: r for r in report.results}
        choices = {c.task_id: c for c in report.choices}
        depended = {d for t in report.plan.tasks for d in t.dep}
        final = [
            results[t.id] for t in report.plan.tasks if t.id not in depended and t.id in results
        ]
        lines: list[str] = []
        ok_final = [r for r in final if r.status == "ok"]
        if ok_final:
            lines.append("Answer:")
            for r in ok_final:
                lines.append(f"- {_result_text(r)}")
        else:
            lines.append("I could not complete the request; details below.")
        lines.append("")
        lines.append(f"Workflow ({len(report.plan.tasks)} task(s)):")
        for t in report.plan.tasks:
            r = results.get(t.id)
            c = choices.get(t.id)
            spec = TASKS.get(t.task)
            title = spec.title if spec else t.task
            # A failed task is reported under the model that was chosen; its attempts say the rest.
            ran = r.model if r and r.status == "ok" else None
            model = ran or (c.model if c else None) or (r.model if r else None) or "no model"
            deps = f" (uses task {', '.join(map(str, t.dep))})" if t.dep else ""
            status = r.status if r else "not run"
            lines.append(f"{t.id}. {title} with {model}{deps}: {status}")
            if c and c.reason:
                lines.append(f"   why this model: {c.reason}")
            if r and r.status == "ok":
                lines.append(f"   result: {_result_text(r)}")
            elif r and r.error:
                label = "reason" if r.status == "skipped" else "error"
                lines.append(f"   {label}: {_cut(r.error, 400)}")
        failed = [r for r in report.results if r.status != "ok"]
        if failed:
            lines.append("")
            lines.append(f"{len(failed)} task(s) did not run to completion. " + advice(failed))
        files = [f for r in report.results for f in r.files]
        if files:
            lines.append("")
            lines.append("Files: " + ", ".join(files))
        return "\n".join(lines)


def advice(failed: list[TaskResult]) -> str:
    """What to do about these failed tasks, fitted to the errors and to the configuration.

    Reads (never writes) ``HF_TOKEN`` / ``HUGGING_FACE_HUB_TOKEN``, ``HGPT_INFERENCE_URL`` and
    ``HF_HUB_OFFLINE``, so that advice to set a token is only given when none is set.
    """
    import os

    errors = " ".join((r.error or "") for r in failed).lower()
    tips: list[str] = []
    if "url" in errors and "disabled" in errors:
        tips.append("To let tasks download http(s) URLs, pass --allow-urls (allow_urls=True).")
    if "timed out" in errors:
        tips.append("For slow models, raise --timeout (seconds per task, all attempts).")
    unavailable = any(
        key in errors
        for key in (
            "not in the local hugging face cache",
            "no local execution path",
            "needs a hugging face token",
            "cannot load model",
        )
    )
    if unavailable:
        token = os.environ.get("HF_TOKEN") or os.environ.get("HUGGING_FACE_HUB_TOKEN")
        offline = os.environ.get("HF_HUB_OFFLINE", "").strip().lower() in ("1", "true", "yes", "on")
        if offline:
            tips.append(
                "HF_HUB_OFFLINE is set, which blocks remote inference and downloads: unset it, "
                "or make the models available locally (the Hugging Face cache or a folder)."
            )
        elif token or os.environ.get("HGPT_INFERENCE_URL"):
            tips.append(
                "Remote inference is configured, so see each task's error above; to run models "
                "here instead, download them into the Hugging Face cache or pass a folder."
            )
        else:
            tips.append(
                "To run more tasks: set HF_TOKEN for remote inference (Hugging Face Inference "
                "Providers), or make the models available locally (download them into the "
                "Hugging Face cache or pass a folder)."
            )
    return " ".join(tips) or "See each task's error above."


def _result_text(result: TaskResult) -> str:
    parts = []
    if result.output:
        parts.append(_cut(result.output, 500) or "")
    if result.files:
        parts.append("files: " + ", ".join(result.files))
    return "; ".join(parts) or "(no output)"
