"""Answers checked against the report: an LLM answer may only name what the run produced.

JARVIS users saw a literal ``[path]`` and invented outputs. :func:`check_answer` lists every file
path, model id and number an answer names that the report (and the request) does not contain, and
placeholders such as ``[path]``. :class:`~hgpt_langchain.response.LLMResponder` regenerates a
failing answer once with the problems listed, and falls back to the templated answer with a note
when the second answer fails too.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from hgpt_langchain.state import Report

_EXTS = "png|jpe?g|gif|bmp|webp|tiff?|wav|mp3|flac|ogg|m4a|mp4|avi|mov|mkv|webm|txt|md|csv|json|pdf"
PATH_RE = re.compile(rf"(?<![\w/.-])(?:[\w~.-]*/)*[\w.-]+\.(?:{_EXTS})\b", re.IGNORECASE)
MODEL_RE = re.compile(r"(?<![\w/.:-])([A-Za-z0-9][\w.-]{0,95})/([A-Za-z0-9][\w.-]{0,95})(?![\w/])")
NUMBER_RE = re.compile(r"(?<![\w.])-?\d+(?:[.,]\d+)*(?:\.\d+)?(%?)(?![\w])")
LIST_MARKER_RE = re.compile(
    r"^[ \t>*#-]*(?:step\s+)?\d{1,2}[.):](?=\s)", re.IGNORECASE | re.MULTILINE
)
"""A numbered-list marker at the start of a line ("3. ", "Step 2:"): structure, not a claim."""
PLACEHOLDER_RE = re.compile(
    r"\[(?:path|file|image|audio|video|output|model|result)[\w ]*\]|<(?:path|file)>", re.I
)


@dataclass
class AnswerCheck:
    """Outcome of :func:`check_answer`."""

    paths: list[str] = field(default_factory=list)
    """File paths the answer names that are not in the report."""
    models: list[str] = field(default_factory=list)
    """Model ids the answer names that are not in the report."""
    numbers: list[str] = field(default_factory=list)
    """Numbers the answer states that are in neither the report nor the request."""
    placeholders: list[str] = field(default_factory=list)
    """Template placeholders left in the answer (``[path]``)."""

    @property
    def ok(self) -> bool:
        """True when the answer names nothing that is not in the report."""
        return not (self.paths or self.models or self.numbers or self.placeholders)

    def problems(self) -> list[str]:
        """One sentence per kind of problem, for a regeneration prompt or a note."""
        out = []
        if self.paths:
            out.append(f"These files are not in the results: {', '.join(self.paths)}.")
        if self.models:
            out.append(f"These models were not used: {', '.join(self.models)}.")
        if self.numbers:
            out.append(f"These numbers are not in the results: {', '.join(self.numbers)}.")
        if self.placeholders:
            out.append(f"Placeholders left in the answer: {', '.join(self.placeholders)}.")
        return out


def _numbers(text: str) -> set[float]:
    found = set()
    for m in re.finditer(r"-?\d+(?:\.\d+)?(?:[eE]-?\d+)?", text):
        try:
            found.add(float(m.group(0)))
        except ValueError:  # pragma: no cover - the regex only matches numbers
            pass
    return found


def _number_known(token: str, known: set[float]) -> bool:
    percent = token.endswith("%")
    clean = token.rstrip("%").replace(",", "")
    try:
        value = float(clean)
    except ValueError:
        return True
    decimals = len(clean.split(".")[1]) if "." in clean else 0
    candidates = [value] + ([value / 100] if percent else [])
    for v in candidates:
        tol = 0.5 * 10 ** (-(decimals + (2 if percent and v != value else 0)))
        if any(abs(k - v) <= tol + 1e-12 for k in known):
            return True
    return False


def check_answer(answer: str, report: Report) -> AnswerCheck:
    """Check that every path, model id and number in ``answer`` appears in ``report``.

    Args:
        answer: The LLM's answer.
        report: The run's report (the request is part of it).

    Returns:
        An :class:`AnswerCheck`; ``ok`` when nothing is invented.
    """
    data = report.model_dump(mode="json", exclude={"answer"})
    text = json.dumps(data, ensure_ascii=False)
    basenames = {p.replace("\\", "/").rsplit("/", 1)[-1].lower() for p in PATH_RE.findall(text)}
    models = {c.model for c in report.choices if c.model}
    models |= {cand.id for c in report.choices for cand in c.candidates}
    models |= {r.model for r in report.results if r.model}
    models_lower = {m.lower() for m in models}
    known_numbers = _numbers(text) | _numbers(report.request)
    known_numbers |= set(range(0, len(report.plan.tasks) + 2))
    check = AnswerCheck()
    paths_in_answer = []
    for m in PATH_RE.finditer(answer):
        path = m.group(0)
        paths_in_answer.append((m.start(), m.end()))
        base = path.replace("\\", "/").rsplit("/", 1)[-1].lower()
        if path not in text and base not in basenames and path not in check.paths:
            check.paths.append(path)
    for m in MODEL_RE.finditer(answer):
        if any(a <= m.start() < b for a, b in paths_in_answer):
            continue
        owner, name = m.group(1), m.group(2).rstrip(".")
        model_id = f"{owner}/{name}"
        if not re.search(r"[\d_.-]", model_id.replace("/", "")) and model_id.lower() not in (
            models_lower
        ):
            continue  # "and/or", "text/image": words, not model ids
        if model_id.lower() not in models_lower and model_id not in check.models:
            check.models.append(model_id)
    spans = paths_in_answer + [(m.start(), m.end()) for m in MODEL_RE.finditer(answer)]
    spans += [(m.start(), m.end()) for m in LIST_MARKER_RE.finditer(answer)]
    for m in NUMBER_RE.finditer(answer):
        if any(a <= m.start() < b for a, b in spans):
            continue
        token = m.group(0)
        if not _number_known(token, known_numbers) and token not in check.numbers:
            check.numbers.append(token)
    check.placeholders = list(dict.fromkeys(PLACEHOLDER_RE.findall(answer)))
    return check
