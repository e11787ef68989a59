"""The plan as a JSON schema generated from the task registry (constrained decoding, strict APIs).

Two shapes come out of :func:`plan_json_schema`:

- ``positional=True`` (local grammar-constrained decoding): task ``i`` of the list has ``id == i``,
  its ``dep`` holds only earlier ids or ``-1``, and ``<resource>-k`` may only name an earlier task.
  A file argument is one of the user's files of that modality, a ``<resource>-k`` or a URL; a text
  argument is free text (no ``<``) or a ``<resource>-k``. Every task type has exactly its own
  argument names. A plan decoded under it is a DAG of known tasks in topological order.
- ``positional=False`` (API providers' strict structured output, which do not support
  ``prefixItems``): the same per-task shapes with ``<resource>-k`` and ``dep`` bounded by
  ``max_tasks``; the order checks are left to
  :func:`~hgpt_langchain.planning.validate.validate_plan`.

Both are plain JSON Schema (draft 2020-12) and are tested with ``jsonschema``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from hgpt_langchain.tasks import FILE_EXTENSIONS, TASKS, modality_of_path

MAX_TASKS = 6
"""Longest plan the schema allows (TaskBench's longest gold plans have fewer nodes)."""
MAX_TEXT_CHARS = 400
"""Longest text argument: bounds runaway generation of small models."""

FREE_TEXT = r"^[^<\n]+$"
"""Free text: not a ``<resource>-k`` (no ``<``), one line."""
URL = r"^https?://[^\s<>\"]+$"


def _refs_pattern(ids: Sequence[int]) -> str | None:
    if not ids:
        return None
    return "^<resource>-(" + "|".join(str(i) for i in ids) + ")$"


def _ext_pattern(modality: str) -> str:
    exts = "|".join(re.escape(e.lstrip(".")) for e in FILE_EXTENSIONS[modality])
    return r"^[^\s<>/\\\"]+\.(" + exts + r")$"


def _arg_schema(
    modality: str, resource: bool, refs: Sequence[int], files: Sequence[str] | None
) -> dict[str, Any]:
    options: list[dict[str, Any]] = []
    ref = _refs_pattern(refs) if resource else None
    if modality == "text":
        options.append({"type": "string", "pattern": FREE_TEXT, "maxLength": MAX_TEXT_CHARS})
    else:
        if files is None:
            options.append({"type": "string", "pattern": _ext_pattern(modality)})
        else:
            own = sorted({f for f in files if modality_of_path(f) == modality})
            if own:
                options.append({"type": "string", "enum": own})
        options.append({"type": "string", "pattern": URL, "maxLength": MAX_TEXT_CHARS})
    if ref:
        options.append({"type": "string", "pattern": ref})
    return options[0] if len(options) == 1 else {"anyOf": options}


def task_schema(
    name: str,
    *,
    position: int | None = None,
    max_tasks: int = MAX_TASKS,
    files: Sequence[str] | None = None,
    strict: bool = False,
) -> dict[str, Any]:
    """The schema of one task of type ``name``.

    Args:
        name: A registry task type.
        position: The task's index in a positional plan (its id); ``None`` for any position.
        max_tasks: Upper bound on ids when ``position`` is ``None``.
        files: The user's file names (basenames); ``None`` allows any file name of the right type.
        strict: OpenAI strict mode: every property required (optional ones nullable).
    """
    spec = TASKS[name]
    earlier = list(range(position)) if position is not None else list(range(max_tasks))
    props: dict[str, Any] = {}
    required: list[str] = []
    for arg in spec.args:
        schema = _arg_schema(arg.modality, arg.resource, earlier, files)
        if strict and not arg.required:
            schema = {"anyOf": [schema, {"type": "null"}]}
        props[arg.name] = schema
        if arg.required or strict:
            required.append(arg.name)
    if position is None:
        id_schema: dict[str, Any] = {"type": "integer", "minimum": 0, "maximum": max_tasks - 1}
        dep_items: dict[str, Any] = {"type": "integer", "minimum": -1, "maximum": max_tasks - 1}
    else:
        id_schema = {"type": "integer", "enum": [position]}
        dep_items = {"type": "integer", "enum": [-1, *earlier]}
    return {
        "type": "object",
        "properties": {
            "id": id_schema,
            "task": {"type": "string", "enum": [name]},
            "dep": {"type": "array", "items": dep_items, "maxItems": max(1, len(earlier))},
            "args": {
                "type": "object",
                "properties": props,
                "required": required,
                "additionalProperties": False,
            },
        },
        "required": ["id", "task", "dep", "args"],
        "additionalProperties": False,
    }


def plan_json_schema(
    *,
    positional: bool = True,
    max_tasks: int = MAX_TASKS,
    files: Iterable[str] | None = None,
    min_tasks: int = 0,
    tasks: Iterable[str] | None = None,
    strict: bool = False,
) -> dict[str, Any]:
    """The JSON schema of a plan ``{"tasks": [...]}``, generated from the registry.

    Args:
        positional: Bind ids, ``dep`` and ``<resource>-k`` to positions (see the module doc).
        max_tasks: Most tasks a plan may have.
        files: The user's input files; when given, file arguments must name one of them (of the
            argument's modality) or an earlier task's output.
        min_tasks: Fewest tasks (1 when the request comes with files: an empty plan is wrong).
        tasks: Restrict the task types (default: the whole registry).
        strict: OpenAI strict mode (see :func:`task_schema`).

    Returns:
        A JSON schema dict.
    """
    names = [n for n in (tasks or TASKS) if n in TASKS]
    file_names = None if files is None else [_basename(f) for f in files]
    if positional:
        prefix = [
            {"anyOf": [task_schema(n, position=i, files=file_names, strict=strict) for n in names]}
            for i in range(max_tasks)
        ]
        tasks_schema: dict[str, Any] = {
            "type": "array",
            "prefixItems": prefix,
            "items": False,
            "minItems": min_tasks,
            "maxItems": max_tasks,
        }
    else:
        tasks_schema = {
            "type": "array",
            "items": {
                "anyOf": [
                    task_schema(n, max_tasks=max_tasks, files=file_names, strict=strict)
                    for n in names
                ]
            },
        }
        tasks_schema.update(minItems=min_tasks, maxItems=max_tasks)
    return {
        "title": "submit_plan",
        "description": "The plan for the user's request (an empty list when no model is needed).",
        "type": "object",
        "properties": {"tasks": tasks_schema},
        "required": ["tasks"],
        "additionalProperties": False,
    }


def _basename(value: str) -> str:
    return value.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
