"""The web app's view model: the graph's stream events folded into what the page shows.

Pure: no Gradio, no graph, no file system. :func:`apply` folds one item of
``graph.stream(..., stream_mode=["updates", "custom"])`` into a :class:`RunView`; the ``render_*``
functions turn a view into HTML (the plan DAG as an inline SVG, the per-task cards) and Markdown.
The app only wires these to Gradio components, so every rule of the page is unit-tested here.
"""

from __future__ import annotations

import html
import json
import mimetypes
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

STATUSES = ("pending", "running", "done", "failed", "skipped")
"""Node states of the plan DAG."""

COLOURS = {
    "pending": ("#f3f4f6", "#9ca3af"),
    "running": ("#fef3c7", "#d97706"),
    "done": ("#dcfce7", "#16a34a"),
    "failed": ("#fee2e2", "#dc2626"),
    "skipped": ("#ede9fe", "#7c3aed"),
}
"""Fill and stroke colour of a DAG node per status."""

STAGES = ("plan", "select", "execute", "respond")

_END_STATUS = {"ok": "done", "failed": "failed", "skipped": "skipped"}

HUB_URL = "https://huggingface.co/"


@dataclass
class TaskView:
    """One planned task as the page shows it."""

    id: int
    task: str
    dep: list[int] = field(default_factory=list)
    args: dict[str, Any] = field(default_factory=dict)
    status: str = "pending"
    """One of :data:`STATUSES`."""
    model: str | None = None
    candidates: list[dict[str, Any]] = field(default_factory=list)
    reason: str = ""
    seconds: float | None = None
    error: str | None = None
    note: str | None = None
    """Transient remark while running (a failed attempt, a retry)."""
    output: str | None = None
    files: list[str] = field(default_factory=list)
    data: Any = None
    executor: str | None = None


@dataclass
class RunView:
    """One request's progress: stages, the plan's tasks, the answer and what went wrong."""

    stages: dict[str, str] = field(default_factory=lambda: dict.fromkeys(STAGES, "pending"))
    planner: str | None = None
    tasks: dict[int, TaskView] = field(default_factory=dict)
    answer: str | None = None
    report: dict[str, Any] | None = None
    errors: list[str] = field(default_factory=list)
    approval: dict[str, Any] | None = None
    """The pending plan-approval question (the graph's interrupt value), if any."""
    cancelled: bool = False

    @property
    def finished(self) -> bool:
        """Whether the run has answered."""
        return self.answer is not None

    def produced_files(self) -> list[str]:
        """Files the tasks produced, in task order."""
        return [f for t in self.tasks.values() for f in t.files]


def _get(obj: Any, key: str, default: Any = None) -> Any:
    """Read a field of a pydantic model or of its dict form (checkpoints may hold either)."""
    if isinstance(obj, Mapping):
        return obj.get(key, default)
    return getattr(obj, key, default)


def _dump(obj: Any) -> Any:
    dump = getattr(obj, "model_dump", None)
    return dump(mode="json") if callable(dump) else obj


def _set_plan(view: RunView, tasks: list[Any]) -> None:
    old = view.tasks
    view.tasks = {}
    for t in tasks:
        tid = int(_get(t, "id"))
        view.tasks[tid] = TaskView(
            id=tid,
            task=str(_get(t, "task")),
            dep=[int(d) for d in _get(t, "dep") or []],
            args=dict(_get(t, "args") or {}),
        )
        if tid in old and old[tid].task == view.tasks[tid].task:
            view.tasks[tid].model = old[tid].model
    view.stages["plan"] = "done"


def _task(view: RunView, event: Mapping[str, Any]) -> TaskView:
    tid = int(event["task_id"])
    if tid not in view.tasks:
        view.tasks[tid] = TaskView(id=tid, task=str(event.get("task") or "?"))
    return view.tasks[tid]


def apply_custom(view: RunView, event: Mapping[str, Any]) -> RunView:
    """Fold one ``custom`` stream event (stage or per-task) into the view."""
    kind = event.get("event")
    if kind == "stage":
        stage, status = event.get("stage"), event.get("status")
        if stage not in view.stages:
            return view
        if status == "start":
            view.stages[stage] = "running"
        elif status == "failed":
            view.stages[stage] = "failed"
            if event.get("error"):
                view.errors.append(str(event["error"]))
        elif status == "done":
            view.stages[stage] = "done"
            if stage == "plan":
                view.planner = event.get("planner")
                _set_plan(view, list(event.get("tasks") or []))
            elif stage == "select":
                for tid, model in (event.get("choices") or {}).items():
                    task = view.tasks.get(int(tid))
                    if task is not None:
                        task.model = model
        return view
    if not isinstance(event.get("task_id"), int):
        return view
    task = _task(view, event)
    if event.get("model"):
        task.model = event["model"]
    if kind == "task_start":
        task.status, task.note = "running", None
    elif kind == "task_attempt_failed":
        task.status = "running"
        retry = "retrying" if event.get("transient") else "trying the next model"
        task.note = f"attempt failed ({retry}): {event.get('error')}"
    elif kind == "task_end":
        task.status = _END_STATUS.get(str(event.get("status")), "failed")
        task.seconds = event.get("seconds")
        task.error = event.get("error")
        task.note = None
    return view


def _apply_results(view: RunView, results: Mapping[Any, Any]) -> None:
    for tid, res in results.items():
        task = view.tasks.get(int(tid))
        if task is None:
            continue
        task.status = _END_STATUS.get(str(_get(res, "status")), task.status)
        task.model = _get(res, "model") or task.model
        task.output = _get(res, "output")
        task.files = list(_get(res, "files") or [])
        task.data = _dump(_get(res, "data"))
        task.error = _get(res, "error")
        task.seconds = _get(res, "seconds", task.seconds)
        task.executor = _get(res, "executor")


def apply_update(view: RunView, update: Mapping[str, Any]) -> RunView:
    """Fold one ``updates`` stream item (``{node: its state update}``) into the view."""
    for node, value in update.items():
        if node == "__interrupt__":
            for intr in value or ():
                payload = _get(intr, "value")
                if isinstance(payload, Mapping):
                    view.approval = dict(payload)
            continue
        if node.startswith("hgpt_task_") and _get(value, "status") is not None:
            # each task's result arrives as its own update while "execute" runs
            _apply_results(view, {_get(value, "task_id"): value})
            continue
        if not isinstance(value, Mapping):
            continue
        if node == "plan" and view.stages["plan"] != "failed" and value.get("plan") is not None:
            _set_plan(view, list(_get(value["plan"], "tasks") or []))
            view.planner = value.get("planner", view.planner)
        if node == "approve":
            view.approval = None
            if value.get("plan") is not None:
                tasks = list(_get(value["plan"], "tasks") or [])
                if tasks or not value.get("errors"):
                    _set_plan(view, tasks)
                    view.planner = value.get("planner", view.planner)
                else:  # cancelled or an invalid edit: nothing will run
                    for t in view.tasks.values():
                        t.status = "skipped"
                        t.error = str(value["errors"][0])
        if node == "select":
            for tid, choice in (value.get("choices") or {}).items():
                task = view.tasks.get(int(tid))
                if task is None:
                    continue
                task.model = _get(choice, "model")
                task.reason = str(_get(choice, "reason") or "")
                task.candidates = [_dump(c) for c in _get(choice, "candidates") or []]
        if node == "execute" and value.get("results"):
            _apply_results(view, value["results"])
        if value.get("errors"):
            for err in value["errors"]:
                if str(err) not in view.errors:
                    view.errors.append(str(err))
        if node == "respond":
            view.answer = str(value.get("answer") or "")
            view.report = value.get("report")
            for err in (view.report or {}).get("errors") or []:
                if err not in view.errors:
                    view.errors.append(err)
            # nothing runs after the answer: tasks that never started did not run
            for t in view.tasks.values():
                if t.status in ("pending", "running"):
                    t.status = "skipped"
                    t.error = t.error or "Not run."
    return view


def apply(view: RunView, item: Any) -> RunView:
    """Fold one item of ``graph.stream(..., stream_mode=["updates", "custom"])`` into the view.

    Args:
        view: The view to update (modified in place).
        item: A ``(mode, chunk)`` pair; other shapes are ignored.

    Returns:
        The same view.
    """
    if not (isinstance(item, tuple) and len(item) == 2):
        return view
    mode, chunk = item
    if mode == "custom" and isinstance(chunk, Mapping):
        return apply_custom(view, chunk)
    if mode == "updates" and isinstance(chunk, Mapping):
        return apply_update(view, chunk)
    return view


def mark_cancelled(view: RunView) -> RunView:
    """Record that the user cancelled the plan (every task is then skipped)."""
    view.cancelled = True
    view.approval = None
    for t in view.tasks.values():
        if t.status == "pending":
            t.status = "skipped"
            t.error = "Cancelled by the user before it ran."
    return view


# ---- rendering ---------------------------------------------------------------------------------

FileUrl = Callable[[str], str]


def _esc(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _layers(view: RunView) -> list[list[int]]:
    """Task ids by depth (a task sits one column right of its deepest dependency)."""
    depth: dict[int, int] = {}

    def d(tid: int, seen: frozenset[int] = frozenset()) -> int:
        if tid in depth:
            return depth[tid]
        deps = [x for x in view.tasks[tid].dep if x in view.tasks and x not in seen]
        depth[tid] = 1 + max((d(x, seen | {tid}) for x in deps), default=-1)
        return depth[tid]

    for tid in view.tasks:
        d(tid)
    layers: list[list[int]] = [[] for _ in range(max(depth.values(), default=-1) + 1)]
    for tid in sorted(view.tasks):
        layers[depth[tid]].append(tid)
    return layers


def _node_detail(t: TaskView) -> str:
    if t.status == "running":
        return "running…"
    if t.status in ("done", "failed") and isinstance(t.seconds, int | float):
        return f"{t.status} in {t.seconds:.1f}s"
    return t.status


def render_dag(view: RunView) -> str:
    """The plan as an inline SVG DAG (no script, no external resource).

    Each node is a ``<g class="hgpt-node" data-task-id=... data-status=...>`` coloured by its
    status, showing the task id and type, the model and the time taken.
    """
    if not view.tasks:
        if view.stages["plan"] == "running":
            msg = "Planning…"
        elif view.stages["plan"] in ("done", "failed") or view.finished:
            msg = "No task in the plan."
        else:
            msg = "The plan appears here."
        return f'<div class="hgpt-dag hgpt-empty">{_esc(msg)}</div>'
    w, h, gx, gy, pad = 220, 66, 60, 18, 10
    layers = _layers(view)
    pos: dict[int, tuple[int, int]] = {}
    for col, ids in enumerate(layers):
        for row, tid in enumerate(ids):
            pos[tid] = (pad + col * (w + gx), pad + row * (h + gy))
    width = pad * 2 + len(layers) * w + (len(layers) - 1) * gx
    height = pad * 2 + max(len(ids) for ids in layers) * (h + gy) - gy
    parts = [
        f'<svg class="hgpt-dag-svg" xmlns="http://www.w3.org/2000/svg" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" role="img" '
        'aria-label="plan DAG" font-family="sans-serif">',
        '<defs><marker id="hgpt-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" '
        'fill="#6b7280"/></marker></defs>',
    ]
    for tid, t in view.tasks.items():
        x2, y2 = pos[tid]
        for dep in t.dep:
            if dep not in pos:
                continue
            x1, y1 = pos[dep]
            sx, sy, ex, ey = x1 + w, y1 + h // 2, x2, y2 + h // 2
            mx = (sx + ex) // 2
            parts.append(
                f'<path class="hgpt-edge" d="M {sx} {sy} C {mx} {sy}, {mx} {ey}, {ex} {ey}" '
                'fill="none" '
                'stroke="#6b7280" stroke-width="1.5" marker-end="url(#hgpt-arrow)"/>'
            )
    for tid, t in view.tasks.items():
        x, y = pos[tid]
        fill, stroke = COLOURS.get(t.status, COLOURS["pending"])
        title = f"task {tid} {t.task}: {t.status}"
        if t.error:
            title += f" ({t.error})"
        parts.append(
            f'<g class="hgpt-node" data-task-id="{tid}" data-status="{_esc(t.status)}">'
            f"<title>{_esc(title)}</title>"
            f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="8" fill="{fill}" '
            f'stroke="{stroke}" stroke-width="2"/>'
            f'<text x="{x + 10}" y="{y + 20}" font-size="13" font-weight="bold" fill="#111827">'
            f"{_esc(_short(f'{tid}. {t.task}', 30))}</text>"
            f'<text x="{x + 10}" y="{y + 38}" font-size="11" fill="#374151">'
            f"{_esc(_short(t.model or 'model: not chosen yet', 34))}</text>"
            f'<text x="{x + 10}" y="{y + 56}" font-size="11" fill="{stroke}">'
            f"{_esc(_node_detail(t))}</text></g>"
        )
    parts.append("</svg>")
    return '<div class="hgpt-dag" style="overflow-x:auto">' + "".join(parts) + "</div>"


def render_stages(view: RunView) -> str:
    """One line: each stage and its status (``plan ✓ · select … · ...``)."""
    mark = {"pending": "·", "running": "…", "done": "✓", "failed": "✗"}
    line = "  ".join(f"{s} {mark.get(v, v)}" for s, v in view.stages.items())
    if view.approval is not None:
        line += "  — waiting for your approval of the plan"
    elif view.cancelled:
        line += "  — cancelled"
    return line


def media_kind(path: str) -> str:
    """``image``, ``audio``, ``video``, ``json`` or ``file`` from a file name."""
    low = path.lower()
    if low.endswith(".json"):
        return "json"
    kind = (mimetypes.guess_type(low)[0] or "").split("/")[0]
    if low.endswith((".wav", ".flac", ".mp3", ".ogg", ".m4a")):
        kind = "audio"
    if low.endswith((".mp4", ".webm", ".mov", ".mkv", ".avi")):
        kind = "video"
    return kind if kind in ("image", "audio", "video") else "file"


def _media(path: str, file_url: FileUrl) -> str:
    url = _esc(file_url(path))
    name = _esc(path.rsplit("/", 1)[-1])
    kind = media_kind(path)
    if kind == "image":
        style = "max-width:100%;max-height:320px"
        return f'<img class="hgpt-output-image" src="{url}" alt="{name}" style="{style}">'
    if kind == "audio":
        return f'<audio class="hgpt-output-audio" controls src="{url}"></audio>'
    if kind == "video":
        return (
            f'<video class="hgpt-output-video" controls src="{url}" style="max-width:100%"></video>'
        )
    return f'<a href="{url}" download="{name}">{name}</a>'


def _model_link(model: str | None) -> str:
    if not model:
        return "<i>no model</i>"
    if "/" in model and not model.startswith(("/", ".")):
        return f'<a href="{_esc(HUB_URL + model)}" target="_blank" rel="noopener">{_esc(model)}</a>'
    return _esc(model)


def render_card(t: TaskView, file_url: FileUrl) -> str:
    """One task's card: model (a Hub link), candidates and reason, status, output or error."""
    fill, stroke = COLOURS.get(t.status, COLOURS["pending"])
    dep = f" after {', '.join(map(str, t.dep))}" if t.dep else ""
    head = (
        f'<div class="hgpt-card" data-task-id="{t.id}" data-status="{_esc(t.status)}" '
        f'style="border-left:6px solid {stroke};background:{fill};padding:8px 12px;'
        'margin:6px 0;border-radius:6px;color:#111827">'
        f"<b>{t.id}. {_esc(t.task)}</b>{_esc(dep)} — <b>{_esc(_node_detail(t))}</b>"
        f"<div>model: {_model_link(t.model)}"
        + (f" ({_esc(t.executor)})" if t.executor else "")
        + "</div>"
    )
    parts = [head]
    if t.args:
        args = json.dumps(t.args, ensure_ascii=False)
        parts.append(f"<div><small>args: <code>{_esc(args)}</code></small></div>")
    if t.reason:
        parts.append(f"<div><small>why: {_esc(t.reason)}</small></div>")
    if t.candidates:
        items = []
        for c in t.candidates[:5]:
            score = c.get("score")
            s = f" {score:.3f}" if isinstance(score, int | float) else ""
            items.append(f"{_model_link(c.get('id'))}{_esc(s)}")
        parts.append("<div><small>candidates: " + ", ".join(items) + "</small></div>")
    if t.note and t.status == "running":
        parts.append(f'<div class="hgpt-note"><small>{_esc(t.note)}</small></div>')
    if t.error and t.status in ("failed", "skipped"):
        parts.append(f'<div class="hgpt-error" style="color:#b91c1c">{_esc(t.error)}</div>')
    if t.status == "done":
        if t.output:
            parts.append(
                '<pre class="hgpt-output-text" style="white-space:pre-wrap;margin:4px 0">'
                f"{_esc(_short(t.output, 2000))}</pre>"
            )
        for f in t.files:
            parts.append(f"<div>{_media(f, file_url)}</div>")
        if isinstance(t.data, list | dict) and t.data:
            data = json.dumps(t.data, ensure_ascii=False, indent=1)
            parts.append(
                "<details><summary>JSON</summary>"
                f'<pre class="hgpt-output-json">{_esc(_short(data, 4000))}</pre></details>'
            )
    parts.append("</div>")
    return "".join(parts)


def render_cards(view: RunView, file_url: FileUrl) -> str:
    """Every task's card, in plan order."""
    if not view.tasks:
        return '<div class="hgpt-cards"></div>'
    cards = "".join(render_card(t, file_url) for t in view.tasks.values())
    return f'<div class="hgpt-cards">{cards}</div>'


def render_answer(view: RunView) -> str:
    """The final answer as Markdown, with the request's errors and what could not run."""
    if view.approval is not None:
        return "_The plan waits for your approval (below)._"
    if not view.finished:
        return "_Working…_" if any(v != "pending" for v in view.stages.values()) else ""
    parts = []
    if view.cancelled:
        parts.append("**Cancelled:** the plan was cancelled; no task ran.")
    parts.append(view.answer or "")
    not_run = [t for t in view.tasks.values() if t.status in ("failed", "skipped")]
    if not_run and not view.cancelled:
        lines = [f"- task {t.id} {t.task}: **{t.status}**: {t.error or ''}" for t in not_run]
        parts.append("**Tasks that did not run:**\n" + "\n".join(lines))
    errors = [e for e in view.errors if e not in (view.answer or "")]
    if errors:
        parts.append("**Errors:**\n" + "\n".join(f"- {e}" for e in errors))
    return "\n\n".join(p for p in parts if p)


def plan_json(view: RunView) -> str:
    """The plan awaiting approval as editable JSON (``{"tasks": [...]}``)."""
    plan = (view.approval or {}).get("plan")
    if plan is None:
        plan = {
            "tasks": [
                {"id": t.id, "task": t.task, "dep": t.dep, "args": t.args}
                for t in view.tasks.values()
            ]
        }
    return json.dumps(plan, ensure_ascii=False, indent=2)
