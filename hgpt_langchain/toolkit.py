"""Catalog models as tools for any LangChain agent, retrieved by what they are for.

:func:`get_model_tools` and :class:`HuggingFaceModelToolkit` retrieve the catalog models that
best fit a query (and/or a task type) and hand them out as the generated
:class:`~hgpt_langchain.execution.tools.ModelTool` tools, the same tools the graph's scheduler
runs.

Example:
    >>> from hgpt_langchain import get_model_tools
    >>> tools = get_model_tools("caption photos", k=3)  # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from langchain_core.tools import BaseTool, BaseToolkit
from pydantic import ConfigDict

from hgpt_langchain.catalog import Catalog, CatalogEntry, default_catalog
from hgpt_langchain.errors import ConfigurationError
from hgpt_langchain.execution.tools import LazyWorkspace, ModelTool, make_model_tool
from hgpt_langchain.tasks import TASKS, resolve_task

if TYPE_CHECKING:
    from hgpt_langchain.execution.base import Executor
    from hgpt_langchain.execution.workspace import Workspace


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

        workspace = LazyWorkspace(Workspace)  # type: ignore[assignment]
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
