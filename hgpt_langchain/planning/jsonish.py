"""Tolerant JSON extraction from LLM text.

Code fences, prose around the JSON, trailing commas, single quotes and Python literals are all
accepted. Returns ``None`` when nothing parses.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterator
from typing import Any

_FENCE_RE = re.compile(r"```(?:json|JSON|python)?\s*(.*?)```", re.DOTALL)
_TRAILING_COMMA_RE = re.compile(r",\s*([}\]])")

MAX_TEXT_CHARS = 200_000
"""Longest reply searched for JSON; a longer one is cut (a plan is a few kB)."""


def extract_json(text: str) -> Any | None:
    """Return the first JSON object or array found in ``text``, or ``None``."""
    if not text:
        return None
    text = text[:MAX_TEXT_CHARS]
    candidates = [m.group(1) for m in _FENCE_RE.finditer(text)] + [text]
    fallback = None
    for chunk in candidates:
        for _start, snippet in _balanced_snippets(chunk):
            value = _loads(snippet)
            if _is_record(value):
                return value
            if fallback is None:
                fallback = value
    return fallback


def _is_record(value: Any) -> bool:
    """An object, or a list of objects: what a plan or a choice looks like (not ``[1]``)."""
    return isinstance(value, dict) or (
        isinstance(value, list) and all(isinstance(v, dict) for v in value)
    )


def _structure(text: str) -> Iterator[tuple[int, str, str | None]]:
    """Yield ``(index, char, open_quote)`` for characters outside string literals.

    ``open_quote`` is only set on the final item, when ``text`` ends inside a string.
    """
    quote: str | None = None
    escape = False
    for i, c in enumerate(text):
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
        else:
            yield i, c, None
    if quote:
        yield len(text), "", quote


def _balanced_snippets(text: str) -> Iterator[tuple[int, str]]:
    """Yield (start, substring) for each top-level balanced {...} or [...] region.

    Regions nested inside an earlier region are never tried on their own: a fragment such as
    the ``[]`` inside a broken object is not a plan. A truncated last region is closed.
    """
    start: int | None = None
    stack: list[str] = []
    open_quote: str | None = None
    for i, c, quote in _structure(text):
        open_quote = quote
        if not c:
            continue
        if c in "{[":
            if not stack:
                start = i
            stack.append("}" if c == "{" else "]")
        elif c in "}]" and stack:
            stack.pop()
            if not stack and start is not None:
                yield start, text[start : i + 1]
                start = None
    if stack and start is not None:
        # Unbalanced (truncated output): try closing it.
        yield start, text[start:] + (open_quote or "") + "".join(reversed(stack))


def _loads(snippet: str) -> Any | None:
    for attempt in (snippet, _TRAILING_COMMA_RE.sub(r"\1", snippet)):
        try:
            return json.loads(attempt)
        except (ValueError, RecursionError):
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
