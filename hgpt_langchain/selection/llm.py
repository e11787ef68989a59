"""The LLM selector: one LLM call chooses among each task's retrieved candidates.

:class:`LLMSelector` (``selection="llm"``) asks an LLM ONCE for all tasks together to choose among
each task's retrieved top-k (:class:`~hgpt_langchain.selection.retrieval.RetrievalSelector`); any
malformed or out-of-list answer falls back to the retrieval choice for that task. The prompt is
``hgpt_langchain/prompts/select.yaml``.
"""

from __future__ import annotations

import json
import logging
from typing import TYPE_CHECKING, Any

from hgpt_langchain.prompts import load_prompt
from hgpt_langchain.selection.retrieval import RetrievalSelector
from hgpt_langchain.state import ModelChoice, Plan

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

logger = logging.getLogger(__name__)


class LLMSelector:
    """One LLM call chooses among each task's retrieved top-k, for all tasks together.

    Args:
        llm: A LangChain chat model.
        base: The retrieval selector that supplies candidates and the fallback choice.

    Attributes:
        llm_calls: LLM calls made so far (one per :meth:`select` with something to choose).
    """

    def __init__(self, llm: BaseChatModel, base: RetrievalSelector | None = None):
        self.llm = llm
        self.base = base if base is not None else RetrievalSelector()
        self.llm_calls = 0

    def prompt(self, plan: Plan, request: str, choices: dict[int, ModelChoice]) -> str:
        """The user message: the request and each task's candidates."""
        lines = [f"User request: {request}", "", "Tasks and candidates:"]
        for task in plan.tasks:
            choice = choices[task.id]
            if len(choice.candidates) < 2:
                continue
            args = json.dumps(task.args, ensure_ascii=False)
            lines.append(f"- task {task.id} ({choice.task}), args {args}:")
            for cand in choice.candidates:
                entry = self.base.catalog.get(cand.id)
                desc = (entry.description[:200] if entry else "").replace("\n", " ")
                lines.append(f"    * {cand.id} ({cand.downloads:,} downloads): {desc}")
        lines += ["", load_prompt("select")["answer"]]
        return "\n".join(lines)

    def select(self, plan: Plan, request: str) -> dict[int, ModelChoice]:
        """Retrieve candidates, then let the LLM pick; fall back per task on bad output."""
        choices = self.base.select(plan, request)
        if not any(len(c.candidates) >= 2 for c in choices.values()):
            return choices
        from langchain_core.messages import HumanMessage, SystemMessage

        from hgpt_langchain.planning.jsonish import extract_json

        self.llm_calls += 1
        try:
            reply = self.llm.invoke(
                [
                    SystemMessage(load_prompt("select")["system"]),
                    HumanMessage(self.prompt(plan, request, choices)),
                ]
            )
            text = reply.content if isinstance(reply.content, str) else str(reply.content)
            answer: Any = extract_json(text)
        except Exception as err:  # noqa: BLE001 - the retrieval choice is a safe fallback
            logger.warning("LLM model selection failed (%s); keeping retrieval choices.", err)
            answer = None
        if not isinstance(answer, dict):
            logger.warning("LLM selection output is not a JSON object; using retrieval choices.")
            note = "; LLM answer unusable, kept retrieval choice"
            return {
                tid: c.model_copy(update={"reason": c.reason + note})
                if len(c.candidates) >= 2
                else c
                for tid, c in choices.items()
            }
        out: dict[int, ModelChoice] = {}
        for tid, choice in choices.items():
            pick = answer.get(str(tid), answer.get(tid))
            if isinstance(pick, dict):
                model, reason = pick.get("model"), pick.get("reason")
            else:
                model, reason = (pick if isinstance(pick, str) else None), None
            ids = [c.id for c in choice.candidates]
            if len(ids) < 2:
                out[tid] = choice
            elif model in ids:
                ranked = [choice.candidates[ids.index(model)]] + [
                    c for c in choice.candidates if c.id != model
                ]
                out[tid] = choice.model_copy(
                    update={
                        "model": model,
                        "candidates": ranked,
                        "reason": "LLM: "
                        + str(reason or "best fit among the candidates").strip()[:200],
                    }
                )
            else:
                out[tid] = choice.model_copy(
                    update={
                        "reason": choice.reason
                        + f"; LLM picked {model!r}, not a candidate, kept retrieval choice"
                    }
                )
        return out
