"""Tolerant JSON extraction from LLM text.

Code fences, prose around the JSON, trailing commas, single quotes and Python literals are all
accepted. Returns ``None`` when nothing parses.
"""

from __future__ import annotations

import ast
import json
import re
from typing import Any

_FENCE_RE = re.compile(r"```(?:json|JSON|python)?\s*(.*?)```", re.DOTALL)
_TRAILING_COMMA_RE = re.compile(r",\s*([}\]])")


def extract_json(text: str) -> Any | None:
    """Return the first JSON object or array found in ``text``, or ``None``."""
    if not text:
        return None
    candidates = [m.group(1) for m in _FENCE_RE.finditer(text)] + [text]
    for chunk in candidates:
        for _start, snippet in _balanced_snippets(chunk):
            value = _loads(snippet)
            if value is not None:
                return value
    return None


def _balanced_snippets(text: str):
    """Yield (start, substring) for each top-level balanced {...} or [...] region.

    Regions nested inside an earlier region are never tried on their own: a fragment such as
    the ``[]`` inside a broken object is not a plan.
    """
    start = 0
    while start < len(text):
        if text[start] not in "{[":
            start += 1
            continue
        depth = 0
        quote: str | None = None
        escape = False
        for end in range(start, len(text)):
            c = text[end]
            if quote:
                if escape:
                    escape = False
                elif c == "\\":
                    escape = True
                elif c == quote:
                    quote = None
                continue
            if c in "\"'":
                quote = c
            elif c in "{[":
                depth += 1
            elif c in "}]":
                depth -= 1
                if depth == 0:
                    yield start, text[start : end + 1]
                    start = end + 1
                    break
        else:
            # Unbalanced (truncated output): try closing it, then give up.
            yield start, text[start:] + _closers(text[start:])
            return


def _closers(text: str) -> str:
    stack: list[str] = []
    quote: str | None = None
    escape = False
    for c in text:
        if quote:
            if escape:
                escape = False
            elif c == "\\":
                escape = True
            elif c == quote:
                quote = None
            continue
        if c in "\"'":
            quote = c
        elif c in "{[":
            stack.append("}" if c == "{" else "]")
        elif c in "}]" and stack:
            stack.pop()
    return (quote or "") + "".join(reversed(stack))


def _loads(snippet: str) -> Any | None:
    for attempt in (snippet, _TRAILING_COMMA_RE.sub(r"\1", snippet)):
        try:
            return json.loads(attempt)
        except ValueError:
            pass
        try:
            value = ast.literal_eval(
                re.sub(
                    r"\btrue\b",
                    "True",
                    re.sub(r"\bfalse\b", "False", re.sub(r"\bnull\b", "None", attempt)),
                )
            )
        except (ValueError, SyntaxError, MemoryError, RecursionError):
            continue
        if isinstance(value, dict | list):
            return value
    return None
