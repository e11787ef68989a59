"""Which local files a path written by a model may name: one policy for every entry point.

An agent's model writes the file paths that :class:`~hgpt_langchain.hugginggpt_tool.HuggingGPTTool`
and the :class:`~hgpt_langchain.execution.tools.ModelTool` tools receive (and an MCP client's
will, later).
A prompt-injected model could ask for ``~/.ssh/id_rsa`` or a project's ``.env``, so
:func:`check_readable` lets a path through only when, after following every symbolic link:

- it lies inside one of the allowed folders (default: the current working directory);
- no part of it below that folder is hidden (``.env``, ``.git/``, ``.ssh/``...) or a known secret
  file (``id_rsa``, ``*.pem``, ``credentials``...), unless the user listed that file or folder
  itself as allowed;
- it is a regular file (not a folder, FIFO or device).
"""

from __future__ import annotations

import fnmatch
import os
import stat
from collections.abc import Sequence
from pathlib import Path

from hgpt_langchain.errors import WorkspaceError

SECRET_NAMES: tuple[str, ...] = (
    "id_rsa*",
    "id_dsa*",
    "id_ecdsa*",
    "id_ed25519*",
    "*.pem",
    "*.key",
    "*.p12",
    "*.pfx",
    "*.kdbx",
    "_netrc",
    "credentials",
    "credentials.*",
    "secrets",
    "secrets.*",
    "*.secret",
    "token",
    "service-account*.json",
)
"""Glob patterns (case-insensitive) of file and folder names refused unless listed explicitly.

Hidden names (starting with ``.``: ``.env``, ``.netrc``, ``.git``, ``.ssh``, ``.aws``...) are
refused as well.
"""


def is_sensitive_name(name: str) -> bool:
    """Whether a file or folder name is hidden or a known secret (see :data:`SECRET_NAMES`)."""
    lowered = name.lower()
    return lowered.startswith(".") or any(fnmatch.fnmatchcase(lowered, p) for p in SECRET_NAMES)


def allowed_roots(allowed: Sequence[str | os.PathLike[str]] | None) -> list[Path]:
    """The allowed folders (or files), resolved; ``None`` means the current working directory."""
    entries = [os.getcwd()] if allowed is None else list(allowed)
    return [Path(e).expanduser().resolve() for e in entries]


def check_readable(
    value: str | os.PathLike[str], allowed: Sequence[str | os.PathLike[str]] | None = None
) -> Path:
    """Check a model-written local path against the file access policy.

    Args:
        value: The path as the model wrote it (``~`` is expanded, symlinks are followed).
        allowed: Folders (or single files) the caller allowed; ``None``: the current working
            directory. A hidden folder or secret file is readable only when it, or a folder
            inside it, is listed here itself.

    Returns:
        The resolved, symlink-free path of the file.

    Raises:
        WorkspaceError: The path is outside the allowed folders, hidden or secret, missing, or not
            a regular file; the message says which, and how to allow it.
    """
    raw = str(value).strip()
    if not raw or "\x00" in raw:
        raise WorkspaceError(f"Input file {raw!r} is not a valid path.")
    roots = allowed_roots(allowed)
    real = Path(raw).expanduser().resolve()
    inside = [r for r in roots if real == r or real.is_relative_to(r)]
    if not inside:
        listed = ", ".join(str(r) for r in roots)
        raise WorkspaceError(
            f"Input file {raw!r} is outside the folders this tool may read ({listed}). Use a "
            "file inside them, or add its folder to the allowed folders (allowed_dirs / "
            "input_dirs)."
        )
    root = max(inside, key=lambda r: len(r.parts))  # the most specific allowed entry
    hidden = [p for p in real.relative_to(root).parts if is_sensitive_name(p)]
    if hidden:
        raise WorkspaceError(
            f"Input file {raw!r} is a hidden or secret file ({hidden[0]!r}); it is never read "
            "unless you list that file or folder itself in the allowed folders."
        )
    try:
        mode = real.stat().st_mode
    except OSError:
        raise WorkspaceError(f"Input file {raw!r} does not exist or is not a file.") from None
    if not stat.S_ISREG(mode):
        raise WorkspaceError(f"Input file {raw!r} does not exist or is not a file.")
    return real
