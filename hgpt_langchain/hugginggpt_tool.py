"""HuggingGPT as one LangChain tool that any agent can call with a request and file paths.

The tool runs the whole graph (plan, select, execute, respond) per call. Its content is the
answer, its artifact the full report (``response_format="content_and_artifact"``): an agent's
``ToolMessage`` carries the report in ``.artifact`` while the model only reads the answer.

Example:
    >>> from langchain.agents import create_agent
    >>> from hgpt_langchain.hugginggpt_tool import HuggingGPTTool
    >>> tool = HuggingGPTTool(planner="offline")  # build_graph(...) keyword arguments
    >>> agent = create_agent("openai:gpt-4o-mini", tools=[tool])  # doctest: +SKIP
    >>> agent.invoke({"messages": [("user", "What is in photo.jpg?")]})  # doctest: +SKIP

Input files are local paths (or URLs when the graph allows them). Because an agent's model
writes the paths, local files must lie inside ``allowed_dirs`` (default: the current working
directory) and must not be hidden or secret files (``.env``, ``.git/``, ``id_rsa``, ``*.pem``...)
unless listed there themselves (:mod:`hgpt_langchain.access`): a prompt-injected agent cannot feed
``~/.ssh/id_rsa`` or a project's ``.env`` to a model.
"""

from __future__ import annotations

import inspect
import logging
import uuid
from typing import Any

from langchain_core.callbacks import AsyncCallbackManagerForToolRun, CallbackManagerForToolRun
from langchain_core.tools import ArgsSchema, BaseTool, ToolException
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from hgpt_langchain.errors import ConfigurationError, HuggingGPTError

logger = logging.getLogger(__name__)

DEFAULT_DESCRIPTION = (
    "Solve a request that needs AI models on images, audio, video or text by planning it into "
    "Hugging Face tasks (captioning, object detection, speech recognition and synthesis, "
    "translation, summarisation, image generation and editing, ...), picking a model per task "
    "and running them. Input: the request in plain language and the paths of the files it is "
    "about. Returns the answer; produced files are listed in it."
)


class HuggingGPTInput(BaseModel):
    """Arguments of :class:`HuggingGPTTool`."""

    request: str = Field(
        description="What to do, in plain language, naming the input files by their file name "
        "(e.g. 'Describe photo.jpg and read the description aloud')."
    )
    files: list[str] = Field(
        default_factory=list,
        description="Paths of the input files (images, audio, video, documents) the request "
        "refers to; empty if none.",
    )


def _build_graph_parameters() -> set[str]:
    from hgpt_langchain.graph import build_graph

    return set(inspect.signature(build_graph).parameters)


class HuggingGPTTool(BaseTool):
    """HuggingGPT as a LangChain tool: content is the answer, the artifact the full report.

    Build it from :func:`~hgpt_langchain.graph.build_graph` keyword arguments (the graph is
    built on first use) or from a compiled graph::

        HuggingGPTTool(llm=chat_model, executor=my_executor)
        HuggingGPTTool(graph=build_graph(planner="offline"), name="vision_and_audio")

    Each call runs in a fresh workspace (and, if the graph has a checkpointer, a fresh thread),
    so concurrent calls never share files.

    Attributes:
        graph: The compiled HuggingGPT graph (built from ``graph_kwargs`` when ``None``).
        graph_kwargs: Keyword arguments of ``build_graph`` used to build the graph.
        allowed_dirs: Folders local input files must lie in (``None``: the current working
            directory at call time). Hidden and secret files inside them are refused unless
            listed here themselves (see :func:`hgpt_langchain.access.check_readable`).
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    name: str = "hugginggpt"
    description: str = DEFAULT_DESCRIPTION
    args_schema: ArgsSchema | None = HuggingGPTInput
    response_format: str = "content_and_artifact"  # type: ignore[assignment]
    handle_tool_error: bool = True  # type: ignore[assignment]
    graph: Any = Field(default=None, exclude=True)
    graph_kwargs: dict[str, Any] = Field(default_factory=dict, exclude=True)
    allowed_dirs: list[str] | None = None

    _built: Any = PrivateAttr(default=None)

    def __init__(self, graph: Any = None, **kwargs: Any):
        """Create the tool.

        Args:
            graph: A compiled HuggingGPT graph (from ``build_graph``). If omitted, one is built
                on first use from the ``build_graph`` keyword arguments among ``kwargs``.
            **kwargs: ``BaseTool`` fields (``name``, ``description``, ``allowed_dirs``, ...)
                and ``build_graph`` keyword arguments (``llm``, ``planner``, ``executor``, ...).

        Raises:
            ConfigurationError: An unknown keyword argument, or ``approve_plan=True`` (a tool
                call cannot stop for a human to approve the plan).
        """
        fields = set(type(self).model_fields)
        tool_kwargs = {k: v for k, v in kwargs.items() if k in fields}
        rest = {k: v for k, v in kwargs.items() if k not in fields}
        graph_kwargs = dict(tool_kwargs.pop("graph_kwargs", None) or {})
        if rest:
            unknown = sorted(set(rest) - _build_graph_parameters())
            if unknown:
                raise ConfigurationError(
                    f"HuggingGPTTool got unknown argument(s) {unknown}: pass BaseTool fields "
                    "or build_graph keyword arguments (llm, planner, selector, executor, ...)."
                )
            graph_kwargs.update(rest)
        if graph is not None and graph_kwargs:
            raise ConfigurationError(
                "Pass either a compiled graph or build_graph keyword arguments to HuggingGPTTool, "
                f"not both (got graph and {sorted(graph_kwargs)})."
            )
        if graph_kwargs.get("approve_plan"):
            raise ConfigurationError(
                "HuggingGPTTool cannot pause for plan approval (approve_plan=True): an agent's "
                "tool call must return an answer. Use the graph directly for approval."
            )
        super().__init__(graph=graph, graph_kwargs=graph_kwargs, **tool_kwargs)

    # ---- graph and inputs ----------------------------------------------------------------------

    def get_graph_instance(self) -> Any:
        """The compiled graph (built from ``graph_kwargs`` on first use)."""
        if self.graph is not None:
            return self.graph
        if self._built is None:
            from hgpt_langchain.graph import build_graph

            self._built = build_graph(**self.graph_kwargs)
        return self._built

    def _check_files(self, files: list[str]) -> list[str]:
        from hgpt_langchain.access import check_readable
        from hgpt_langchain.errors import WorkspaceError

        checked: list[str] = []
        for raw in files:
            value = str(raw).strip()
            if value.startswith(("http://", "https://")):
                checked.append(value)  # the graph's URL policy decides
                continue
            try:
                checked.append(str(check_readable(value, self.allowed_dirs)))
            except WorkspaceError as err:
                raise ToolException(str(err)) from err
        return checked

    @staticmethod
    def _config(run_manager: Any) -> dict[str, Any]:
        # A fresh thread per call: its own workspace folder (named after the thread) and, with
        # a checkpointer, its own checkpoints; calls never overwrite each other's outputs. The
        # graph runs on its own (not as a subgraph of a calling agent); traces still nest.
        thread = f"tool-{uuid.uuid4().hex[:12]}"
        logger.debug("HuggingGPTTool run in thread %s", thread)
        config: dict[str, Any] = {"configurable": {"thread_id": thread}}
        if run_manager is not None:
            config["callbacks"] = run_manager.get_child()
        return config

    @staticmethod
    def _result(out: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        if out.get("__interrupt__") and not out.get("report"):
            raise ToolException(
                "The HuggingGPT graph paused for plan approval, which a tool call cannot give. "
                "Build the tool from a graph without approve_plan."
            )
        return str(out.get("answer") or ""), dict(out.get("report") or {})

    # ---- runs ----------------------------------------------------------------------------------

    def _run(
        self,
        request: str,
        files: list[str] | None = None,
        run_manager: CallbackManagerForToolRun | None = None,
    ) -> tuple[str, dict[str, Any]]:
        """Run the graph on ``request`` and ``files``; return ``(answer, report)``."""
        inputs = {"request": request, "files": self._check_files(list(files or []))}
        try:
            out = self.get_graph_instance().invoke(inputs, self._config(run_manager))
        except HuggingGPTError as err:
            raise ToolException(str(err)) from err
        return self._result(out)

    async def _arun(
        self,
        request: str,
        files: list[str] | None = None,
        run_manager: AsyncCallbackManagerForToolRun | None = None,
    ) -> tuple[str, dict[str, Any]]:
        """Async version of :meth:`_run` (``graph.ainvoke``)."""
        inputs = {"request": request, "files": self._check_files(list(files or []))}
        try:
            out = await self.get_graph_instance().ainvoke(inputs, self._config(run_manager))
        except HuggingGPTError as err:
            raise ToolException(str(err)) from err
        return self._result(out)
