"""Replacing ``<resource>-k`` in task arguments with the outputs of earlier tasks."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from hgpt_langchain.state import RESOURCE_RE, Task, TaskResult, resource_refs
from hgpt_langchain.tasks import TASKS, Modality

if TYPE_CHECKING:
    from hgpt_langchain.execution.workspace import Workspace


class UnresolvedResource(Exception):
    """A ``<resource>-k`` cannot be replaced; ``reason`` says why (task is then skipped)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def dependencies(task: Task) -> set[int]:
    """Ids the task waits for: its ``dep`` list plus every ``<resource>-k`` in its args."""
    deps = {d for d in task.dep if d != task.id}
    for value in task.args.values():
        deps.update(resource_refs(str(value)))
    deps.discard(task.id)
    return deps


def arg_modality(task_type: str, arg: str) -> Modality:
    """Modality of argument ``arg`` of ``task_type`` (``"text"`` for unknown ones)."""
    spec = TASKS.get(task_type)
    spec_arg = spec.arg(arg) if spec else None
    return spec_arg.modality if spec_arg else "text"


def substitute(task: Task, results: Mapping[int, TaskResult]) -> dict[str, str]:
    """Return ``task.args`` with every ``<resource>-k`` replaced by task k's output.

    An argument that is exactly ``<resource>-k`` gets task k's main output of the argument's
    modality (a file path for image/audio/video, the text for text). A reference embedded in a
    longer text (``"Translate: <resource>-1"``) is replaced by task k's text output.

    Raises:
        UnresolvedResource: Task k is unknown, did not succeed, or produced nothing of the
            needed modality.
    """
    resolved: dict[str, str] = {}
    for name, raw in task.args.items():
        value = str(raw)
        refs = resource_refs(value)
        if not refs:
            resolved[name] = value
            continue
        modality = arg_modality(task.task, name)
        for k in refs:
            dep = results.get(k)
            if dep is None:
                raise UnresolvedResource(
                    f"argument {name!r} refers to task {k}, which has no result"
                )
            if dep.status != "ok":
                raise UnresolvedResource(f"task {k} {dep.status} ({dep.error or 'no output'})")
        if RESOURCE_RE.fullmatch(value.strip()):
            k = refs[0]
            out = results[k].main_output(modality)
            if out is None:
                raise UnresolvedResource(
                    f"task {k} produced no {modality} output for argument {name!r}"
                )
            resolved[name] = out
            continue

        def _text_of(match: re.Match[str], name: str = name) -> str:
            k = int(match.group(1))
            out = results[k].main_output("text")
            if out is None:
                raise UnresolvedResource(f"task {k} produced no text for argument {name!r}")
            return out

        resolved[name] = RESOURCE_RE.sub(_text_of, value)
    return resolved


def resolve_files(task_type: str, args: dict[str, str], workspace: Workspace) -> dict[str, str]:
    """Replace file arguments (image/audio/video) by absolute paths inside the workspace.

    Bare names of inputs (``photo.jpg``), workspace-relative paths and allowed URLs are
    accepted; anything else raises.

    Raises:
        WorkspaceError: A file argument leaves the workspace, is missing or is a refused URL.
    """
    resolved = dict(args)
    for name, value in args.items():
        if arg_modality(task_type, name) != "text" and str(value).strip():
            resolved[name] = str(workspace.resolve(value, must_exist=True))
    return resolved
