"""The Gradio app of ``hgpt ui``: a thin view over :func:`~hgpt_langchain.graph.build_graph`.

Every request streams ``graph.stream(..., stream_mode=["updates", "custom"])``; each stream item
is folded into a :class:`~hgpt_langchain.ui.view.RunView` (pure, see ``view.py``) and the page is
re-rendered from it, so the DAG and the task cards change as the graph reports, not by polling.
Plan approval is the graph's own ``interrupt``: the page shows the plan, and Accept / Run the
edited plan / Cancel resume the graph with ``Command(resume=...)``.

One browser session is one conversation thread (a checkpointer + thread id), so a later request
("now make it black and white") sees the files of earlier turns. Nothing is fetched from the
network by the page: no CDN, no web fonts; the DAG is an inline SVG.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from unittest import mock

from hgpt_langchain.ui import view as V

PLANNERS = ["auto", "offline", "llm"]
EXECUTIONS = ["auto", "local", "remote"]
_FILE_TYPES = ["image", "audio", "video", "text", ".txt", ".md", ".json", ".csv", ".pdf"]


@dataclass(frozen=True)
class Settings:
    """What the Settings panel chooses; one compiled graph per distinct value."""

    llm: str = ""
    """Chat model spec (``provider:model``); empty: ``HGPT_LLM`` / ``OPENAI_API_KEY`` / none."""
    planner: str = "auto"
    execution: str = "auto"
    catalog: str = ""
    """Model catalog JSONL; empty: the shipped one (or ``HGPT_CATALOG``)."""
    approve: bool = False
    """Pause after planning for accept / edit / cancel."""


class Engine:
    """Builds and caches graphs per :class:`Settings`; all share one in-memory checkpointer.

    Args:
        workspace_root: Folder of run workspaces (default: ``HGPT_WORKSPACE_DIR`` or
            ``./.hgpt/runs``).
    """

    def __init__(self, workspace_root: str | None = None):
        from langgraph.checkpoint.memory import InMemorySaver

        root = workspace_root or os.environ.get("HGPT_WORKSPACE_DIR") or ".hgpt/runs"
        self.workspace_root = str(Path(root).expanduser().resolve())
        Path(self.workspace_root).mkdir(parents=True, exist_ok=True)
        self.checkpointer = InMemorySaver()
        self.downloads = tempfile.mkdtemp(prefix="hgpt-ui-")
        self._graphs: dict[Settings, Any] = {}
        self._lock = threading.Lock()

    def graph(self, settings: Settings) -> tuple[Any, str | None]:
        """The compiled graph for these settings, and a note on the LLM (or ``None``)."""
        with self._lock:
            if settings not in self._graphs:
                self._graphs[settings] = self._build(settings)
            return self._graphs[settings]

    def _build(self, s: Settings) -> tuple[Any, str | None]:
        from hgpt_langchain.dryrun import demo_graph_kwargs
        from hgpt_langchain.errors import ConfigurationError
        from hgpt_langchain.graph import build_graph
        from hgpt_langchain.llm import HOW_TO_CONFIGURE, resolve_llm

        note = None
        llm = None if s.planner == "offline" else resolve_llm(s.llm or None)
        planner: str | None = s.planner
        if llm is None:
            if s.planner == "llm":
                raise ConfigurationError(f"The llm planner needs a chat model. {HOW_TO_CONFIGURE}")
            if s.planner != "offline":
                note = "No LLM configured: the offline planner and a templated answer are used."
            planner = "offline"
        kwargs = demo_graph_kwargs()  # HGPT_STUDIO_PLAN / HGPT_STUDIO_DRY_RUN, as in Studio
        if "executor" not in kwargs:
            from hgpt_langchain.execution.policy import default_executor

            kwargs["executor"] = default_executor(s.execution)
        kwargs.setdefault("planner", planner)
        graph = build_graph(
            llm,
            catalog=s.catalog or None,
            workspace_root=self.workspace_root,
            approve_plan=s.approve,
            checkpointer=self.checkpointer,
            name="hgpt-ui",
            **kwargs,
        )
        return graph, note

    def write_report(self, view: V.RunView) -> str | None:
        """Save the run's JSON report for download; its path, or ``None`` before the answer."""
        if view.report is None:
            return None
        folder = Path(tempfile.mkdtemp(prefix="run-", dir=self.downloads))
        path = folder / "report.json"
        path.write_text(json.dumps(view.report, ensure_ascii=False, indent=2), encoding="utf-8")
        return str(path)


def file_url(path: str) -> str:
    """The URL under which Gradio serves an allowed local file."""
    return "/gradio_api/file=" + str(path)


def _user_messages(text: str, files: list[str]) -> list[dict[str, Any]]:
    msgs: list[dict[str, Any]] = [{"role": "user", "content": {"path": f}} for f in files]
    if text:
        msgs.append({"role": "user", "content": text})
    return msgs


def _answer_messages(view: V.RunView) -> list[dict[str, Any]]:
    msgs: list[dict[str, Any]] = [{"role": "assistant", "content": V.render_answer(view)}]
    for f in view.produced_files():
        if V.media_kind(f) in ("image", "audio", "video"):
            msgs.append({"role": "assistant", "content": {"path": f}})
    return msgs


def build_app(engine: Engine | None = None, defaults: Settings | None = None) -> Any:
    """Build the Gradio Blocks app.

    Args:
        engine: Graph factory and checkpointer (default: a new one).
        defaults: Initial values of the Settings panel.

    Returns:
        The ``gr.Blocks`` app (call ``.launch()``; see :func:`launch`).
    """
    import gradio as gr

    engine = engine or Engine()
    defaults = defaults or Settings()

    def render(view: V.RunView) -> tuple[str, str, str, str]:
        return (
            V.render_stages(view),
            V.render_dag(view),
            V.render_cards(view, file_url),
            V.render_answer(view),
        )

    def outputs_of(
        view: V.RunView, history: list[dict[str, Any]], session: dict[str, Any], final: bool
    ) -> tuple[Any, ...]:
        stages, dag, cards, answer = render(view)
        chat = history
        downloads = None
        if final and view.finished:
            report = engine.write_report(view)
            downloads = ([report] if report else []) + view.produced_files()
        waiting = view.approval is not None
        return (
            chat,
            stages,
            dag,
            cards,
            answer,
            downloads,
            gr.update(visible=waiting),
            V.plan_json(view) if waiting else gr.update(),
            session,
        )

    def stream(
        graph: Any,
        payload: Any,
        session: dict[str, Any],
        view: V.RunView,
        history: list[dict[str, Any]],
    ) -> Iterator[tuple[Any, ...]]:
        config = {"configurable": {"thread_id": session["thread"]}}
        try:
            for item in graph.stream(payload, config, stream_mode=["updates", "custom"]):
                V.apply(view, item)
                yield outputs_of(view, history, session, final=False)
        except Exception as err:  # noqa: BLE001 - shown on the page, the server keeps serving
            view.errors.append(f"{type(err).__name__}: {err}")
            view.answer = view.answer or "The run stopped with an error."
        pending = graph.get_state(config).interrupts
        if pending and view.approval is None:
            view.approval = dict(pending[0].value)
        session["view"] = view if view.approval is not None else None
        if view.finished:  # the conversation keeps every turn's answer
            history = history + _answer_messages(view)
        session["history"] = history
        yield outputs_of(view, history, session, final=True)

    def settings_of(llm: str, planner: str, execution: str, catalog: str, approve: bool):
        return Settings(
            llm=(llm or "").strip(),
            planner=planner,
            execution=execution,
            catalog=(catalog or "").strip(),
            approve=bool(approve),
        )

    def submit(message, session, llm, planner, execution, catalog, approve):
        message = message or {}
        text = (message.get("text") or "").strip()
        files = [str(f) for f in message.get("files") or []]
        session = dict(session or {})
        history = list(session.get("history") or [])
        session.setdefault("thread", uuid.uuid4().hex[:12])
        view = V.RunView()
        if session.get("view") is not None:
            gr.Warning("Answer the pending plan approval first (accept, edit or cancel).")
            yield (*outputs_of(session["view"], history, session, final=False)[:-1], session)
            return
        if not text:
            gr.Warning("Type a request (files alone are not a request).")
            yield outputs_of(view, history, session, final=False)
            return
        history += _user_messages(text, files)
        try:
            graph, note = engine.graph(settings_of(llm, planner, execution, catalog, approve))
        except Exception as err:  # noqa: BLE001 - a bad setting is shown, not raised
            view.errors.append(str(err))
            view.answer = "Could not start: check the Settings."
            yield outputs_of(view, history + _answer_messages(view), session, final=True)
            return
        session["settings"] = settings_of(llm, planner, execution, catalog, approve)
        if note:
            gr.Info(note)
        yield from stream(graph, {"request": text, "files": files}, session, view, history)

    def resume(decision: Any, session: dict[str, Any]):
        session = dict(session or {})
        history = list(session.get("history") or [])
        view: V.RunView | None = session.get("view")
        if view is None or session.get("settings") is None:
            gr.Warning("No plan is waiting for approval.")
            return
        graph, _ = engine.graph(session["settings"])
        if decision == "cancel":
            V.mark_cancelled(view)
        view.approval = None
        yield from stream(graph, _command(decision), session, view, history)

    def accept(session):
        yield from resume("accept", session)

    def cancel(session):
        yield from resume("cancel", session)

    def run_edited(plan_text, session):
        try:
            edited = json.loads(plan_text)
        except ValueError as err:
            gr.Warning(f"The edited plan is not JSON: {err}.")
            return
        yield from resume(edited, session)

    def new_chat():
        view = V.RunView()
        session = {"thread": uuid.uuid4().hex[:12]}
        return outputs_of(view, [], session, final=False)

    theme = gr.themes.Default(
        font=["ui-sans-serif", "system-ui", "sans-serif"],
        font_mono=["ui-monospace", "monospace"],
    )
    # analytics_enabled=False: no version check or analytics call (the page must work offline).
    # Gradio then sets HF_HUB_DISABLE_TELEMETRY in os.environ; the user's environment is left
    # as it was by restoring all of it once the Blocks exist.
    with mock.patch.dict(os.environ):
        blocks = gr.Blocks(title="HuggingGPT", analytics_enabled=False)
    with blocks as app:
        app.hgpt_theme = theme  # launch() passes it (Gradio 6 takes the theme there)
        gr.Markdown(
            "## HuggingGPT\nAsk in plain language, attach images, audio, video or text. "
            "The plan appears as a graph; each task lights up as it runs."
        )
        session = gr.State({})
        with gr.Row():
            with gr.Column(scale=5):
                chat = gr.Chatbot(label="Conversation", height=420, elem_id="hgpt-chat")
                box = gr.MultimodalTextbox(
                    placeholder="e.g. Describe this photo and read the description aloud",
                    file_types=_FILE_TYPES,
                    file_count="multiple",
                    show_label=False,
                    elem_id="hgpt-input",
                )
                new = gr.Button("New conversation", size="sm")
            with gr.Column(scale=6):
                stages = gr.Markdown(V.render_stages(V.RunView()), elem_id="hgpt-stages")
                dag = gr.HTML(V.render_dag(V.RunView()), elem_id="hgpt-dag")
                with gr.Group(visible=False, elem_id="hgpt-approval") as approval:
                    gr.Markdown(
                        "**Approve the plan**: accept it, edit the JSON and run it, or cancel."
                    )
                    plan_box = gr.Textbox(
                        label="Plan (JSON)",
                        lines=8,
                        max_lines=30,
                        interactive=True,
                        elem_id="hgpt-plan",
                    )
                    with gr.Row():
                        accept_btn = gr.Button("Accept", variant="primary", elem_id="hgpt-accept")
                        edit_btn = gr.Button("Run the edited plan", elem_id="hgpt-run-edited")
                        cancel_btn = gr.Button("Cancel", variant="stop", elem_id="hgpt-cancel")
                answer = gr.Markdown(elem_id="hgpt-answer")
                downloads = gr.File(
                    label="Report and produced files",
                    file_count="multiple",
                    interactive=False,
                    elem_id="hgpt-downloads",
                )
        with gr.Accordion("Tasks", open=True):
            cards = gr.HTML(elem_id="hgpt-cards")
        with gr.Accordion("Settings", open=False):
            with gr.Row():
                llm = gr.Textbox(
                    value=defaults.llm,
                    label="LLM (provider:model)",
                    placeholder="empty: HGPT_LLM / OPENAI_API_KEY / offline",
                )
                planner = gr.Dropdown(PLANNERS, value=defaults.planner, label="Planner")
                execution = gr.Dropdown(EXECUTIONS, value=defaults.execution, label="Execution")
            with gr.Row():
                catalog = gr.Textbox(
                    value=defaults.catalog,
                    label="Catalog (JSONL path)",
                    placeholder="empty: the shipped catalog",
                )
                approve = gr.Checkbox(
                    value=defaults.approve,
                    label="Approve the plan before running",
                    elem_id="hgpt-approve",
                )

        outs = [chat, stages, dag, cards, answer, downloads, approval, plan_box, session]
        box.submit(submit, [box, session, llm, planner, execution, catalog, approve], outs).then(
            lambda: gr.MultimodalTextbox(value=None), None, box
        )
        accept_btn.click(accept, [session], outs)
        cancel_btn.click(cancel, [session], outs)
        edit_btn.click(run_edited, [plan_box, session], outs)
        new.click(new_chat, None, outs)
    return app


def _command(decision: Any) -> Any:
    from langgraph.types import Command

    return Command(resume=decision)


def launch(
    host: str = "127.0.0.1",
    port: int | None = None,
    share: bool = False,
    defaults: Settings | None = None,
    workspace_root: str | None = None,
) -> None:
    """Serve the app until interrupted.

    Args:
        host: Interface to listen on (default: this machine only).
        port: Port (default: Gradio's, 7860 or the next free one).
        share: Also open a public gradio.live link (needs the network).
        defaults: Initial Settings.
        workspace_root: Folder of run workspaces.
    """
    engine = Engine(workspace_root)
    app = build_app(engine, defaults)
    app.queue(default_concurrency_limit=4).launch(
        server_name=host,
        server_port=port,
        share=share,
        inbrowser=False,
        allowed_paths=[engine.workspace_root, engine.downloads],
        theme=app.hgpt_theme,
        show_error=True,
    )
