"""Plan validation: planner output to a valid :class:`Plan`, or problems to feed back to the LLM.

Loosely structured output becomes a normalised plan, or a list of problems precise enough for a
repair round.

Checks (all read from the task registry): known task types, unique ids, dependencies only on
existing tasks, no cycles, required arguments present, every ``<resource>-k`` points to a task whose
output modality fits the argument. Fixes applied silently (and reported as ``fixes``): task aliases
resolved to registry names, dependencies implied by ``<resource>-k`` added, ``dep: [-1]`` (the
original HuggingGPT's "no dependency") dropped, argument names mapped by modality when the planner
used a near-miss name (``"image"`` for a ``table`` argument, ``"context"`` vs ``"text"`` ...).
"""

from __future__ import annotations

import re
import reprlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from hgpt_langchain.state import Plan, Task, resource_refs
from hgpt_langchain.tasks import TASKS, modality_of_path, resolve_task

MAX_PLAN_TASKS = 64
"""Most tasks a plan may have: a longer plan (an LLM looping) is refused, not run."""

MAX_TASK_ID = 999_999_999
"""Largest task id; bigger ids (or unicode digits) are not ids."""

MAX_ARG_CHARS = 100_000
"""Longest argument value kept from a plan (longer values are cut)."""


@dataclass
class Validation:
    """Outcome of :func:`validate_plan`."""

    plan: Plan
    """The plan as far as it could be normalised (valid only if ``problems`` is empty)."""
    problems: list[str] = field(default_factory=list)
    """What is wrong, one sentence each, phrased for the planner to fix."""
    fixes: list[str] = field(default_factory=list)
    """What was repaired automatically."""

    @property
    def ok(self) -> bool:
        """True when the plan is valid."""
        return not self.problems


def _as_task_list(raw: Any) -> list[Any] | None:
    if isinstance(raw, Plan):
        return [t.model_dump() for t in raw.tasks]
    if isinstance(raw, Mapping):
        for key in ("tasks", "plan", "steps"):
            if key in raw and isinstance(raw[key], list):
                return list(raw[key])
        if "task" in raw:
            return [raw]
        return None
    if isinstance(raw, list):
        return list(raw)
    return None


def _as_int(value: Any) -> int | None:
    """An id as an int; ``None`` for non-ids, unicode digits and ids over :data:`MAX_TASK_ID`."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer() and abs(value) <= MAX_TASK_ID:
        value = int(value)
    if isinstance(value, str):
        text = value.strip().removeprefix("<resource>-").removeprefix("task-").removeprefix("#")
        digits = text.removeprefix("-")
        if not (digits.isascii() and digits.isdigit() and len(digits) <= 9):
            return None
        value = int(text)
    if isinstance(value, int) and abs(value) <= MAX_TASK_ID:
        return value
    return None


def _short(value: Any, limit: int = 80) -> str:
    """``repr(value)`` cut to ``limit`` characters (LLM output may be huge or deeply nested)."""
    try:
        text = reprlib.repr(value)
    except (RecursionError, ValueError):  # pragma: no cover - reprlib bounds depth already
        text = f"<{type(value).__name__}>"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _stringify(value: Any, depth: int = 0) -> str:
    if isinstance(value, str):
        return value[:MAX_ARG_CHARS]
    if isinstance(value, list | tuple) and depth < 8:
        return ", ".join(_stringify(v, depth + 1) for v in value[:100])[:MAX_ARG_CHARS]
    return _short(value, MAX_ARG_CHARS)


MEDIA_ACTION_RE = re.compile(
    r"\b(draw|paint|transcribe|read (?:it |this |that )?aloud|text[- ]to[- ]speech|"
    r"(?:generate|create|make) (?:an? |me an? )?(?:image|picture|photo|video|speech|audio))\b",
    re.IGNORECASE,
)
"""Request wording that certainly needs a model (an empty plan for it is a planning failure)."""
_FILE_RE = re.compile(
    r"[\w./-]+\.(?:png|jpe?g|gif|bmp|webp|tiff?|wav|mp3|flac|ogg|m4a|mp4|avi|mov|mkv|webm)\b",
    re.IGNORECASE,
)


def needs_a_model(request: str, files: Iterable[str] | None = None) -> str | None:
    """Why ``request`` cannot have an empty plan (names files or a media action), else ``None``."""
    if files and list(files):
        return "the request comes with input files"
    found = _FILE_RE.search(request)
    if found:
        return f"the request names the file {found.group(0)!r}"
    action = MEDIA_ACTION_RE.search(request)
    if action:
        return f"the request asks to {action.group(0).lower()!r}"
    return None


def validate_plan(
    raw: Any, *, files: Iterable[str] | None = None, request: str | None = None
) -> Validation:
    """Validate and normalise a plan.

    Args:
        raw: A :class:`Plan`, a ``{"tasks": [...]}`` mapping, or a list of task mappings
            (``id``, ``task``, ``dep``, ``args``).
        files: Input file names available to the plan. When given, a file argument that names a
            file not among them (and is not a URL) is a problem.
        request: The user's request. When given, an empty plan for a request that names files
            or a media action (:func:`needs_a_model`) is a problem.

    Returns:
        A :class:`Validation` with the normalised plan, the problems and the automatic fixes.
    """
    problems: list[str] = []
    fixes: list[str] = []
    files = None if files is None else list(files)
    items = _as_task_list(raw)
    if items is None:
        return Validation(
            Plan(),
            [
                'The plan must be a JSON object {"tasks": [...]} or a JSON list of tasks, '
                f"got {type(raw).__name__}."
            ],
        )

    if len(items) > MAX_PLAN_TASKS:
        return Validation(
            Plan(),
            [
                f"The plan has {len(items)} tasks, more than the limit of {MAX_PLAN_TASKS}; "
                "plan only the tasks the request needs."
            ],
        )
    tasks: list[Task] = []
    seen: set[int] = set()
    for pos, item in enumerate(items):
        if not isinstance(item, Mapping):
            problems.append(f"Task at position {pos} is not an object: {_short(item)}.")
            continue
        tid = _as_int(item.get("id", pos))
        if tid is None:
            problems.append(
                f"Task at position {pos} has a non-integer id {_short(item.get('id'))} "
                f"(ids are integers from 0 to {MAX_TASK_ID})."
            )
            continue
        if tid in seen:
            problems.append(f"Task id {tid} is used more than once; ids must be unique.")
            continue
        seen.add(tid)
        raw_name = item.get("task", "")
        name = raw_name[:200].strip() if isinstance(raw_name, str) else _short(raw_name)
        resolved = resolve_task(name) if name else None
        if resolved is None:
            problems.append(
                f"Task {tid} has unknown task type {_short(name)}; use one of: {', '.join(TASKS)}."
            )
            resolved = name or "?"
        elif resolved != name:
            fixes.append(f"task {tid}: task type {name!r} read as {resolved!r}")
        raw_dep = item.get("dep", [])
        raw_dep = raw_dep if isinstance(raw_dep, list | tuple) else [raw_dep]
        dep: list[int] = []
        for d in raw_dep[:MAX_PLAN_TASKS]:
            did = _as_int(d)
            if did is None:
                problems.append(f"Task {tid} has a non-integer dependency {_short(d)}.")
            elif did >= 0 and did not in dep:
                dep.append(did)
        raw_args = item.get("args", item.get("arguments", {}))
        if isinstance(raw_args, list):
            spec = TASKS.get(resolved)
            names = [a.name for a in spec.args] if spec else []
            raw_args = {
                (names[i] if i < len(names) else f"arg{i}"): v for i, v in enumerate(raw_args)
            }
        if not isinstance(raw_args, Mapping):
            problems.append(
                f"Task {tid} args must be an object of name -> value, got {_short(raw_args)}."
            )
            raw_args = {}
        args = {str(k): _stringify(v) for k, v in raw_args.items() if v is not None}
        tasks.append(Task(id=tid, task=resolved, dep=dep, args=args))

    by_id = {t.id: t for t in tasks}
    file_names = None if files is None else {_basename(f) for f in files}
    for t in tasks:
        spec = TASKS.get(t.task)
        if spec is None:
            continue
        _map_arg_names(t, fixes)
        known = {a.name for a in spec.args}
        for key in list(t.args):
            if key not in known:
                problems.append(
                    f"Task {t.id} ({t.task}) has unknown argument {_short(key)}; "
                    f"its arguments are: {', '.join(sorted(known))}."
                )
        for arg in spec.args:
            value = t.args.get(arg.name)
            if value is None or not value.strip():
                if arg.required:
                    problems.append(
                        f"Task {t.id} ({t.task}) is missing required argument {arg.name!r} "
                        f"({arg.modality})."
                    )
                continue
            refs = resource_refs(value)
            for k in refs:
                src = by_id.get(k)
                if src is None:
                    problems.append(
                        f"Task {t.id} argument {arg.name!r} refers to <resource>-{k}, "
                        "but there is no task with that id."
                    )
                    continue
                if k == t.id:
                    problems.append(f"Task {t.id} refers to its own output <resource>-{k}.")
                    continue
                src_spec = TASKS.get(src.task)
                if src_spec and arg.modality not in src_spec.outputs:
                    problems.append(
                        f"Task {t.id} ({t.task}) argument {arg.name!r} needs {arg.modality}, but "
                        f"<resource>-{k} is the output of task {k} ({src.task}), which produces "
                        f"{'/'.join(src_spec.outputs)}."
                    )
                if k not in t.dep:
                    t.dep.append(k)
                    fixes.append(f"task {t.id}: added dependency on task {k} (uses <resource>-{k})")
            implied = modality_of_path(value) if not refs and not _is_url(value) else None
            if arg.modality != "text" and implied is not None and implied != arg.modality:
                problems.append(
                    f"Task {t.id} ({t.task}) argument {arg.name!r} needs {arg.modality}, but "
                    f"{value!r} is {'an' if implied == 'image' else 'a'} {implied} file."
                )
                continue
            if not refs and arg.modality != "text" and file_names is not None:
                base = _basename(value)
                if not _is_url(value) and base not in file_names:
                    available = ", ".join(sorted(file_names)) or "none"
                    problems.append(
                        f"Task {t.id} ({t.task}) argument {arg.name!r} names file "
                        f"{_short(value)}, which is not among the input files ({available})."
                    )
        for d in t.dep:
            if d not in by_id:
                problems.append(f"Task {t.id} depends on task {d}, which does not exist.")
            elif d == t.id:
                problems.append(f"Task {t.id} depends on itself.")
        t.dep = sorted(d for d in t.dep if d in by_id and d != t.id)

    if not items and request is not None:
        why = needs_a_model(request, files)
        if why:
            problems.append(
                f"The plan is empty, but {why}: plan the tasks that the request asks for."
            )
    cycle = _find_cycle(tasks)
    if cycle:
        path = " -> ".join(str(c) for c in cycle)
        problems.append(f"The dependencies form a cycle ({path}); a plan must be a DAG.")
    plan = Plan(tasks=tasks if cycle else _topological(tasks))
    return Validation(plan, problems, fixes)


def _map_arg_names(task: Task, fixes: list[str]) -> None:
    """Map near-miss argument names onto the task's own by modality, when unambiguous."""
    spec = TASKS[task.task]
    known = {a.name for a in spec.args}
    for key in [k for k in task.args if k not in known]:
        value = task.args[key]
        guess_modality = modality_of_path(value) or (
            "image"
            if key in ("image", "img", "picture")
            else "audio"
            if key in ("audio", "speech", "sound")
            else "video"
            if key == "video"
            else "text"
        )
        free = [a for a in spec.args if a.name not in task.args and a.modality == guess_modality]
        if not free and key in ("image", "img") and any(a.name == "table" for a in spec.args):
            free = [a for a in spec.args if a.name == "table" and a.name not in task.args]
        if len(free) >= 1 and (len(free) == 1 or key in ("text", "input", "prompt", "sentence")):
            target = free[0].name
            task.args[target] = task.args.pop(key)
            fixes.append(f"task {task.id}: argument {key!r} read as {target!r}")


def _basename(value: str) -> str:
    return value.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]


def _is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def _find_cycle(tasks: list[Task]) -> list[int] | None:
    graph = {t.id: [d for d in t.dep] for t in tasks}
    state: dict[int, int] = {}
    stack: list[int] = []

    def visit(node: int) -> list[int] | None:
        state[node] = 1
        stack.append(node)
        for nxt in graph.get(node, []):
            if nxt not in graph:
                continue
            if state.get(nxt) == 1:
                return stack[stack.index(nxt) :] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in graph:
        if node not in state and (found := visit(node)):
            return found
    return None


def _topological(tasks: list[Task]) -> list[Task]:
    """Order tasks so each comes after its dependencies (stable for already ordered plans)."""
    done: set[int] = set()
    ordered: list[Task] = []
    remaining = list(tasks)
    while remaining:
        ready = [t for t in remaining if all(d in done for d in t.dep)]
        if not ready:  # pragma: no cover - cycles are reported before
            return tasks
        for t in ready:
            ordered.append(t)
            done.add(t.id)
        remaining = [t for t in remaining if t.id not in done]
    return ordered
