"""Every catalog model as a LangChain tool, generated at run time.

:func:`make_model_tool` turns a :class:`~hgpt_langchain.catalog.CatalogEntry` (or a model id) into
a :class:`ModelTool`: a ``BaseTool`` whose name is the sanitised model id, whose description
comes from the model card (bounded), whose ``args_schema`` is generated from the task registry's
``ArgSpec`` list, and which returns ``(text, {"files", "data", ...})`` as content and artifact.
Failures come back as tool errors (``ToolException``, ``handle_tool_error=True``).

The graph's scheduler calls :meth:`ModelTool.execute` (raises ``ExecutionError``), so the graph
and outside agents run the same code. :func:`get_model_tools` and
:class:`HuggingFaceModelToolkit` hand retrieved tools to any LangChain agent.
"""

from __future__ import annotations

import hashlib
import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

from langchain_core.tools import BaseTool, BaseToolkit, ToolException
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, create_model

from hgpt_langchain.catalog import Catalog, CatalogEntry, default_catalog
from hgpt_langchain.errors import ConfigurationError, ExecutionError, HuggingGPTError
from hgpt_langchain.tasks import TASKS, TaskSpec, resolve_task
from hgpt_langchain.types import ExecutionOutput

if TYPE_CHECKING:
    from hgpt_langchain.execution.workspace import Workspace
    from hgpt_langchain.types import Executor

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
            if isinstance(ws, _LazyWorkspace):
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
        try:
            output = executor.run(self.spec, self.model_id, dict(args), workspace)
        except ExecutionError:
            raise
        except HuggingGPTError as err:
            raise ExecutionError(str(err)) from err
        except Exception as err:  # noqa: BLE001 - back ends may raise anything
            raise ExecutionError(
                f"{self.model_id} failed on {self.task}: {type(err).__name__}: {err}"
            ) from err
        if not isinstance(output, ExecutionOutput):
            raise ExecutionError(
                f"Executor {getattr(executor, 'name', type(executor).__name__)!r} returned "
                f"{type(output).__name__}, not ExecutionOutput."
            )
        return output

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
        try:
            workspace = self.get_workspace()
            args = self.prepare_args(kwargs, workspace)
            missing = [a.name for a in self.spec.args if a.required and a.name not in args]
            if missing:
                raise ToolException(
                    f"Missing argument(s) {', '.join(missing)} for {self.spec.title}; "
                    f"expected {', '.join(a.name for a in self.spec.args)}."
                )
            output = self.execute(args, workspace)
        except ToolException:
            raise
        except HuggingGPTError as err:
            raise ToolException(str(err)) from err
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

    async def _arun(self, **kwargs: Any) -> tuple[str, dict[str, Any]]:
        """Async :meth:`_run`: the model runs in the shared worker pool, not on the loop."""
        from hgpt_langchain.execution.aio import run_blocking

        return await run_blocking(self._run, **kwargs)


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


def get_model_tools(
    query: str | None = None,
    *,
    task: str | None = None,
    k: int = 5,
    per_task: int | None = 2,
    catalog: Catalog | None = None,
    executor: Executor | None = None,
    workspace: Workspace | str | Path | None = None,
    index: Any = None,
    input_dirs: list[str | Path] | None = None,
) -> list[ModelTool]:
    """Tools for the ``k`` catalog models that best fit ``query`` (and/or of type ``task``).

    With a query, models are retrieved from the vector index (filtered by ``task`` if given);
    with only a task, the ``k`` most downloaded models of that task are returned. Tool names are
    unique within the list.

    Args:
        query: What the tools are for, in free text.
        task: Restrict to one task type.
        k: How many tools.
        per_task: With a query and no ``task``: at most this many tools of one task type, so
            an agent can choose among the likeliest task types (a model of the right task is
            among 5 tools for 0.98 of held-out TaskBench and 0.82 of held-out APIBench requests,
            against 0.96 and 0.66 for the 5 best; BENCHMARKS.md). ``None``: the ``k`` best models
            whatever their task.
        catalog: Catalog to draw from (default: shipped).
        executor: Back end for all tools (default: ``default_executor()``).
        workspace: Shared workspace for all tools (default: one new workspace for all).
        index: A :class:`~hgpt_langchain.selection.index.ModelIndex` to search (default: the
            shared index of ``catalog``).
        input_dirs: Folders whose files tool calls may name directly (see :class:`ModelTool`).

    Raises:
        ConfigurationError: Neither ``query`` nor ``task`` given, or an unknown task type.
    """
    if not query and not task:
        raise ConfigurationError("get_model_tools needs a query or a task (or both).")
    if catalog is None and index is not None:
        catalog = index.catalog
    catalog = catalog if catalog is not None else default_catalog()
    if query:
        if index is None:
            from hgpt_langchain.selection.index import default_index

            index = default_index(catalog)
        entries = _fit_entries(index, query, task, k, per_task, executor)
    else:
        assert task is not None
        name = resolve_task(task)
        if name is None:
            raise ConfigurationError(f"Unknown task type {task!r}. Task types: {', '.join(TASKS)}.")
        entries = sorted(catalog.by_task(name), key=lambda e: (-e.downloads, -e.likes))[:k]
    if workspace is None and entries:
        from hgpt_langchain.execution.workspace import Workspace

        workspace = _LazyWorkspace(Workspace)  # type: ignore[assignment]
    tools: list[ModelTool] = []
    seen: set[str] = set()
    for entry in entries:
        tool = make_model_tool(entry, executor=executor, workspace=workspace, input_dirs=input_dirs)
        if tool.name in seen:
            digest = hashlib.sha1(entry.id.encode()).hexdigest()[:6]
            tool.name = f"{tool.name[:57]}_{digest}"
        seen.add(tool.name)
        tools.append(tool)
    return tools


def _fit_entries(
    index: Any, query: str, task: str | None, k: int, per_task: int | None, executor: Any
) -> list[CatalogEntry]:
    """The ``k`` best entries for ``query`` after the fit re-ranking of model selection.

    Within a task type, a language/direction mismatch or a model the executor cannot run goes
    after the models that fit; the task types' order from retrieval is kept.
    """
    from hgpt_langchain.fit import request_facts
    from hgpt_langchain.selection.retrieval import fit_score

    # With a task type: every model of it is scored (as model selection does); without one,
    # a wider pool than k of the likeliest task types.
    width = len(index.catalog.by_task(task)) if task else 3 * k
    wide = index.search(
        query, task=task, k=max(width, k, 15), per_task=3 * per_task if per_task else None
    )
    can_run = getattr(executor, "can_run", None)
    facts: dict[str, Any] = {}
    best_of_task: dict[str, float] = {}
    keyed = []
    for hit in wide:
        req = facts.get(hit.task) or facts.setdefault(
            hit.task, request_facts(query, hit.task, None, index.catalog.by_task(hit.task))
        )
        tier, score, _ = fit_score(hit, req, None, can_run(hit.entry) if can_run else None)
        best_of_task.setdefault(hit.task, hit.score)
        keyed.append(((-best_of_task[hit.task], hit.task), tier, -score, hit.entry))
    keyed.sort(key=lambda r: r[:3])
    out: list[CatalogEntry] = []
    per: dict[str, int] = {}
    for *_, entry in keyed:
        if per_task and task is None and per.get(entry.task, 0) >= per_task:
            continue
        per[entry.task] = per.get(entry.task, 0) + 1
        out.append(entry)
    # Keep retrieval's interleaving of task types: order by the best retrieval score per task
    # type only decides ties between task types; then take the k first.
    return _interleave(out, [h.task for h in wide])[:k]


def _interleave(entries: list[CatalogEntry], task_order: list[str]) -> list[CatalogEntry]:
    """Put ``entries`` (grouped by task, fit-ranked within) back in retrieval's task sequence."""
    queues: dict[str, list[CatalogEntry]] = {}
    for e in entries:
        queues.setdefault(e.task, []).append(e)
    out = []
    for t in task_order:
        if queues.get(t):
            out.append(queues[t].pop(0))
    return out


class _LazyWorkspace:
    """A workspace created on first attribute access, shared by the tools of one call."""

    def __init__(self, factory: Any):
        self._factory = factory
        self._ws: Any = None

    def get(self) -> Any:
        """The shared workspace, created on first call."""
        if self._ws is None:
            self._ws = self._factory.create()
        return self._ws


class HuggingFaceModelToolkit(BaseToolkit):
    """A toolkit of catalog models as tools, retrieved by query and/or task.

    Example:
        ``HuggingFaceModelToolkit(query="caption photos", k=3).get_tools()``
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    query: str | None = None
    task: str | None = None
    k: int = 5
    per_task: int | None = 2
    catalog: Any = None
    executor: Any = None
    workspace: Any = None
    input_dirs: list[str] | None = None

    def get_tools(self) -> list[BaseTool]:
        """The retrieved tools (see :func:`get_model_tools`)."""
        return list(
            get_model_tools(
                self.query,
                task=self.task,
                k=self.k,
                per_task=self.per_task,
                catalog=self.catalog,
                executor=self.executor,
                workspace=self.workspace,
                input_dirs=self.input_dirs,
            )
        )
