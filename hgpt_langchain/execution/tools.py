"""Every catalog model as a LangChain tool, generated at run time.

:func:`make_model_tool` turns a :class:`~hgpt_langchain.catalog.CatalogEntry` (or a model id) into
a :class:`ModelTool`: a ``BaseTool`` whose name is the sanitised model id, whose description
comes from the model card (bounded), whose ``args_schema`` is generated from the task registry's
``ArgSpec`` list, and which returns ``(text, {"files", "data", ...})`` as content and artifact.
Failures come back as tool errors (``ToolException``, ``handle_tool_error=True``).

The graph's scheduler calls :meth:`ModelTool.execute` (raises ``ExecutionError``), so the graph
and outside agents run the same code. :mod:`hgpt_langchain.toolkit` (``get_model_tools``,
``HuggingFaceModelToolkit``) retrieves these tools for any LangChain agent.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

from langchain_core.tools import BaseTool, ToolException
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, create_model

from hgpt_langchain.catalog import Catalog, CatalogEntry, default_catalog
from hgpt_langchain.errors import ConfigurationError, ExecutionError, HuggingGPTError
from hgpt_langchain.execution.base import ExecutionOutput
from hgpt_langchain.tasks import TASKS, TaskSpec, resolve_task

if TYPE_CHECKING:
    from hgpt_langchain.execution.base import Executor
    from hgpt_langchain.execution.workspace import Workspace

logger = logging.getLogger(__name__)

TOOL_NAME_RE = re.compile(r"^[a-zA-Z0-9_-]{1,64}$")
"""What LLM providers accept as a tool name."""

TOOL_DESCRIPTION_MAX_CHARS = 1024
"""Upper bound on a generated tool description."""


def tool_name(model_id: str) -> str:
    """Sanitise a model id into a tool name matching :data:`TOOL_NAME_RE`.

    ``owner/name`` becomes ``owner__name``; other characters become ``_``; names longer than 64
    characters are cut and suffixed with a short hash so distinct ids stay distinct.
    """
    raw = model_id.strip()
    if raw.startswith(("/", "~", ".")) or re.match(r"^[A-Za-z]:[\\/]", raw):
        # A local folder: its last two components name it.
        parts = [p for p in re.split(r"[\\/]+", raw) if p not in ("", ".", "..", "~")]
        raw = "/".join(parts[-2:]) or "model"
    name = re.sub(r"[^a-zA-Z0-9_-]", "_", raw.replace("/", "__")).strip("_") or "model"
    if len(name) > 64:
        digest = hashlib.sha1(model_id.encode()).hexdigest()[:8]
        name = f"{name[:55].rstrip('_-')}_{digest}"
    return name


def args_model(spec: TaskSpec, model_name: str = "") -> type[BaseModel]:
    """A pydantic model of the task's arguments, generated from the registry's ``ArgSpec``."""
    fields: dict[str, Any] = {}
    for arg in spec.args:
        desc = arg.description
        if arg.modality != "text":
            desc += f" ({arg.modality} file: a local path or an allowed http(s) URL)"
        if arg.required:
            fields[arg.name] = (str, Field(description=desc))
        else:
            fields[arg.name] = (Optional[str], Field(default=None, description=desc))  # noqa: UP045
    base = re.sub(r"[^0-9a-zA-Z]", "", spec.title.title()) or "Task"
    suffix = re.sub(r"[^0-9a-zA-Z]", "", model_name.title())[:40]
    return create_model(  # type: ignore[call-overload,no-any-return]
        f"{base}{suffix}Args", __doc__=f"Arguments of a {spec.title.lower()} model.", **fields
    )


def tool_description(entry: CatalogEntry, spec: TaskSpec) -> str:
    """The tool description: task, model, what the card says, inputs and outputs (bounded)."""
    inputs = ", ".join(f"{a.name} ({a.modality})" for a in spec.args)
    outputs = ", ".join(spec.outputs)
    head = f"{spec.title} with the Hugging Face model {entry.id}. {spec.description}"
    tail = f" Inputs: {inputs}. Returns: {outputs}."
    room = TOOL_DESCRIPTION_MAX_CHARS - len(head) - len(tail) - 12
    card = entry.description.strip()
    if card and room > 40:
        if len(card) > room:
            cut = card[:room]
            card = cut[: cut.rfind(" ")] + "…" if " " in cut else cut
        head += f" Model card: {card}"
    return (head + tail)[:TOOL_DESCRIPTION_MAX_CHARS]


class ModelTool(BaseTool):
    """One catalog model as a LangChain tool (see the module docstring).

    Attributes:
        entry: The catalog entry (model id, task, card description).
        task: The registry task type the tool runs.
        executor: The back end (``Executor`` protocol); ``None`` = ``default_executor()``.
        workspace: The workspace (or its folder) that inputs are imported into and outputs
            written to; ``None`` = a new workspace (``HGPT_WORKSPACE_DIR`` or ``./.hgpt/runs``)
            created at the first call.
        input_dirs: Folders whose files a tool call may name directly; they are copied into
            the workspace. ``None`` (default): the current working directory, as for
            ``HuggingGPTTool``'s ``allowed_dirs``. Hidden and secret files (``.env``, ``.git/``,
            ``id_rsa``...) are refused unless listed here themselves
            (:func:`hgpt_langchain.access.check_readable`). Any other path in a (possibly
            LLM-made) argument must already be inside the workspace (e.g. a bare name of a file
            imported with ``workspace.import_file``). URLs follow the workspace's URL policy.
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    entry: CatalogEntry
    task: str
    executor: Any = None
    workspace: Any = None
    input_dirs: list[str] | None = None
    response_format: str = "content_and_artifact"  # type: ignore[assignment]
    handle_tool_error: bool = True  # type: ignore[assignment]

    _workspace_obj: Any = PrivateAttr(default=None)
    _executor_obj: Any = PrivateAttr(default=None)

    @property
    def spec(self) -> TaskSpec:
        """The task's registry spec."""
        return TASKS[self.task]

    @property
    def model_id(self) -> str:
        """The model id the tool runs."""
        return self.entry.id

    def _get_executor(self) -> Executor:
        if self.executor is not None:
            return self.executor  # type: ignore[no-any-return]
        if self._executor_obj is None:
            from hgpt_langchain.execution.policy import default_executor

            self._executor_obj = default_executor()
        return self._executor_obj  # type: ignore[no-any-return]

    def get_workspace(self) -> Workspace:
        """The tool's workspace (created on first use when none was given)."""
        if self._workspace_obj is None:
            from hgpt_langchain.execution.workspace import Workspace

            ws = self.workspace
            if isinstance(ws, LazyWorkspace):
                ws = ws.get()
            if ws is None:
                self._workspace_obj = Workspace.create()
            elif isinstance(ws, (str, Path)):
                self._workspace_obj = Workspace.open(ws)
            else:
                self._workspace_obj = ws
        return self._workspace_obj  # type: ignore[no-any-return]

    def execute(self, args: dict[str, str], workspace: Workspace) -> ExecutionOutput:
        """Run the model on resolved arguments (file arguments already inside ``workspace``).

        This is what the graph's scheduler calls.

        Raises:
            ExecutionError: The back end failed (``transient`` kept), or raised anything else.
        """
        executor = self._get_executor()
        with self._errors():
            output = executor.run(self.spec, self.model_id, dict(args), workspace)
        return _checked(executor, output)

    async def aexecute(self, args: dict[str, str], workspace: Workspace) -> ExecutionOutput:
        """Async :meth:`execute` (what the graph's async scheduler calls).

        An executor with an async ``arun`` (remote inference, the hybrid executor) is awaited on
        the event loop; any other runs in the shared worker pool. Raises what :meth:`execute`
        raises.
        """
        from hgpt_langchain.workers import arun_executor

        executor = self._get_executor()
        with self._errors():
            output = await arun_executor(executor, self.spec, self.model_id, dict(args), workspace)
        return _checked(executor, output)

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """Back-end failures as :class:`ExecutionError` (``transient`` kept)."""
        try:
            yield
        except ExecutionError:
            raise
        except HuggingGPTError as err:
            raise ExecutionError(str(err)) from err
        except Exception as err:  # noqa: BLE001 - back ends may raise anything
            raise ExecutionError(
                f"{self.model_id} failed on {self.task}: {type(err).__name__}: {err}"
            ) from err

    def prepare_args(self, kwargs: dict[str, Any], workspace: Workspace) -> dict[str, str]:
        """Drop empty arguments and resolve file arguments inside the workspace.

        Raises:
            WorkspaceError: A file argument is missing, outside both the workspace and
                ``input_dirs``, or a URL that is not allowed.
        """
        args: dict[str, str] = {}
        for name, value in kwargs.items():
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            value = str(value).strip()
            spec_arg = self.spec.arg(name)
            if spec_arg is not None and spec_arg.modality != "text":
                value = self._bring_in(value, workspace)
            args[name] = value
        return args

    def _bring_in(self, value: str, workspace: Workspace) -> str:
        from hgpt_langchain.access import check_readable
        from hgpt_langchain.errors import WorkspaceError
        from hgpt_langchain.execution.fetch import is_url

        try:
            return str(workspace.resolve(value, must_exist=True))
        except WorkspaceError as inside_error:
            if is_url(value):
                raise
            try:
                local = check_readable(value, self.input_dirs)
            except WorkspaceError as policy_error:
                raise policy_error from inside_error
            return workspace.import_file(str(local))

    def _run(self, **kwargs: Any) -> tuple[str, dict[str, Any]]:
        with self._tool_errors():
            workspace, args = self._inputs(kwargs)
            output = self.execute(args, workspace)
        return self._reply(output, workspace)

    async def _arun(self, **kwargs: Any) -> tuple[str, dict[str, Any]]:
        """Async :meth:`_run`: inputs imported in the worker pool, then :meth:`aexecute`.

        A remote model is awaited on the event loop; a local one takes a worker thread.
        """
        from hgpt_langchain.workers import run_blocking

        with self._tool_errors():
            workspace, args = await run_blocking(self._inputs, kwargs)
            output = await self.aexecute(args, workspace)
        return self._reply(output, workspace)

    def _inputs(self, kwargs: dict[str, Any]) -> tuple[Workspace, dict[str, str]]:
        """The workspace and the prepared arguments of one tool call."""
        workspace = self.get_workspace()
        args = self.prepare_args(kwargs, workspace)
        missing = [a.name for a in self.spec.args if a.required and a.name not in args]
        if missing:
            raise ToolException(
                f"Missing argument(s) {', '.join(missing)} for {self.spec.title}; "
                f"expected {', '.join(a.name for a in self.spec.args)}."
            )
        return workspace, args

    @staticmethod
    @contextmanager
    def _tool_errors() -> Iterator[None]:
        try:
            yield
        except ToolException:
            raise
        except HuggingGPTError as err:
            raise ToolException(str(err)) from err

    def _reply(self, output: ExecutionOutput, workspace: Workspace) -> tuple[str, dict[str, Any]]:
        """The tool's content and artifact for one output."""
        files = [str(f) for f in output.files]
        content = output.text if output.text is not None else ""
        if files:
            listing = ", ".join(files)
            content = f"{content}\nFiles: {listing}".strip() if content else f"Files: {listing}"
        if not content:
            content = f"{self.spec.title} finished with no text output."
        artifact = {
            "model": self.model_id,
            "task": self.task,
            "files": files,
            "data": output.data,
            "executor": output.executor,
            "workspace": str(workspace.root),
        }
        return content, artifact


def _checked(executor: Any, output: Any) -> ExecutionOutput:
    if not isinstance(output, ExecutionOutput):
        raise ExecutionError(
            f"Executor {getattr(executor, 'name', type(executor).__name__)!r} returned "
            f"{type(output).__name__}, not ExecutionOutput."
        )
    return output


def _entry_for(
    entry: CatalogEntry | str, task: str | None, catalog: Catalog | None
) -> CatalogEntry:
    if isinstance(entry, CatalogEntry):
        found = entry
    else:
        found = (catalog if catalog is not None else default_catalog()).get(entry)  # type: ignore[assignment]
        if found is None:
            if task is None:
                raise ConfigurationError(
                    f"Model {entry!r} is not in the catalog, so its task is unknown: pass "
                    "task=... (e.g. task='image-to-text')."
                )
            found = CatalogEntry(id=entry, task=resolve_task(task) or task)
    if task is not None:
        name = resolve_task(task)
        if name is None:
            raise ConfigurationError(f"Unknown task type {task!r}. Task types: {', '.join(TASKS)}.")
        if name != found.task:
            found = found.model_copy(update={"task": name})
    if found.task not in TASKS:
        raise ConfigurationError(
            f"Model {found.id!r} has task {found.task!r}, which is not a known task type."
        )
    return found


def make_model_tool(
    entry: CatalogEntry | str,
    *,
    task: str | None = None,
    executor: Executor | None = None,
    workspace: Workspace | str | Path | None = None,
    catalog: Catalog | None = None,
    input_dirs: list[str | Path] | None = None,
) -> ModelTool:
    """Turn a catalog entry (or a model id) into a :class:`ModelTool`.

    Args:
        entry: A catalog entry, or a model id looked up in ``catalog`` (default: shipped).
        task: Task type to run (default: the entry's); required for ids not in the catalog.
        executor: Back end implementing the ``Executor`` protocol (default: ``default_executor()``
            on first use).
        workspace: Workspace (or its folder) for inputs and outputs (default: a new one on first
            use).
        catalog: Where to look ``entry`` up when it is an id.
        input_dirs: Folders whose files tool calls may name directly (see :class:`ModelTool`).

    Returns:
        The tool.

    Raises:
        ConfigurationError: Unknown task, or an id not in the catalog without ``task``.
    """
    found = _entry_for(entry, task, catalog)
    spec = TASKS[found.task]
    name = tool_name(found.id)
    return ModelTool(
        name=name,
        description=tool_description(found, spec),
        args_schema=args_model(spec, name),
        entry=found,
        task=found.task,
        executor=executor,
        workspace=workspace,
        input_dirs=None if input_dirs is None else [str(d) for d in input_dirs],
    )


class LazyWorkspace:
    """A workspace created on first use, shared by the tools of one ``get_model_tools`` call."""

    def __init__(self, factory: Any):
        self._factory = factory
        self._ws: Any = None

    def get(self) -> Any:
        """The shared workspace, created on first call."""
        if self._ws is None:
            self._ws = self._factory.create()
        return self._ws
