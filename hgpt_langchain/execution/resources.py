"""Replacing ``<resource>-k`` in task arguments with the outputs of earlier tasks."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import PurePath
from typing import TYPE_CHECKING

from hgpt_langchain.errors import WorkspaceError
from hgpt_langchain.state import RESOURCE_RE, Task, TaskResult, resource_refs
from hgpt_langchain.tasks import FILE_EXTENSIONS, TASKS, Modality

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


MAX_TEXT_DOCUMENT_BYTES = 1_000_000
"""Largest text document (``.txt``, ``.md``, ``.csv``, ``.json``) read into a text argument."""


def read_text_document(value: str, workspace: Workspace) -> str | None:
    """The contents of the text document a text argument names, or ``None`` if it names none.

    A text argument whose whole value is the name or path of a ``.txt``/``.md``/``.csv``/
    ``.json`` file in the run's workspace (an input, or an earlier task's output) stands for
    that file's text: models get the text, not the path.

    Raises:
        WorkspaceError: The document is larger than :data:`MAX_TEXT_DOCUMENT_BYTES` or is not
            UTF-8 text.
    """
    raw = str(value).strip()
    if not raw or len(raw) > 4096 or "\n" in raw:
        return None
    if PurePath(raw).suffix.lower() not in FILE_EXTENSIONS["text"] or "://" in raw:
        return None
    try:
        path = workspace.resolve(raw, must_exist=True)
    except WorkspaceError:
        return None  # not a file of this run: the value is plain text
    size = path.stat().st_size
    if size > MAX_TEXT_DOCUMENT_BYTES:
        raise WorkspaceError(
            f"Text document {path.name!r} is {size / 1e6:.1f} MB; at most "
            f"{MAX_TEXT_DOCUMENT_BYTES / 1e6:g} MB of text is passed to a model. Pass a shorter "
            "excerpt."
        )
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise WorkspaceError(
            f"Text document {path.name!r} is not UTF-8 text ({exc.reason} at byte "
            f"{exc.start}); save it as UTF-8."
        ) from exc


def resolve_files(task_type: str, args: dict[str, str], workspace: Workspace) -> dict[str, str]:
    """Replace file arguments by what the model needs from them.

    Image/audio/video arguments become absolute paths inside the workspace: bare names of inputs
    (``photo.jpg``), workspace-relative paths and allowed URLs are accepted; anything else
    raises. A text argument naming a text document of the run (``notes.txt``) becomes the
    document's text (see :func:`read_text_document`).

    Raises:
        WorkspaceError: A file argument leaves the workspace, is missing or is a refused URL;
            a text document is too large or not UTF-8.
    """
    resolved = dict(args)
    for name, value in args.items():
        if arg_modality(task_type, name) != "text":
            if str(value).strip():
                resolved[name] = str(workspace.resolve(value, must_exist=True))
            continue
        text = read_text_document(str(value), workspace)
        if text is not None:
            resolved[name] = text
    return resolved
