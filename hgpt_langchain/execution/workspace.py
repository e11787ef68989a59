"""The per-run workspace: a folder holding a run's inputs and outputs, and path confinement.

Layout of one run (``<base>/<run_id>/``)::

    inputs/    files the user gave (copied or hard-linked in, or downloaded when allowed)
    outputs/   files tasks produced, under stable names such as ``task-3.png``

Paths that come from LLM-made task arguments go through :meth:`Workspace.resolve`, which refuses
anything that leaves the run folder (``..``, absolute paths elsewhere, symlinks pointing out,
URLs that are not allowed).
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import threading
import time
import uuid
from pathlib import Path

from hgpt_langchain.errors import WorkspaceError
from hgpt_langchain.execution.fetch import check_url, download, filename_from_url, is_url

logger = logging.getLogger(__name__)

DEFAULT_WORKSPACE_DIR = Path(".hgpt") / "runs"
"""Default base folder of run workspaces (overridden by ``HGPT_WORKSPACE_DIR``)."""

_RUN_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")
_SAFE_RE = re.compile(r"[^A-Za-z0-9._-]+")


def _new_run_id() -> str:
    return time.strftime("%Y%m%d-%H%M%S") + "-" + uuid.uuid4().hex[:8]


def _check_real_dir(path: Path) -> None:
    """Refuse a workspace folder that is a symbolic link (it could lead writes outside)."""
    if path.is_symlink() or not path.is_dir():
        raise WorkspaceError(
            f"The workspace folder {path} is a symbolic link or not a folder; refusing to write "
            "through it. Remove it, or start a new run."
        )


def write_no_follow(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path``, refusing (``OSError``) when ``path`` is a symbolic link."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags, 0o644)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)


def _safe_name(name: str, default: str = "file") -> str:
    cleaned = _SAFE_RE.sub("_", name).strip("._")
    return cleaned[:120] or default


class Workspace:
    """One run's folder of inputs and outputs.

    Create one with :meth:`create` (new run) or :meth:`open` (existing folder, e.g. on resume).

    Attributes:
        root: Absolute, symlink-free path of the run folder.
        run_id: The run id (the folder name).
        allow_urls: Whether http(s) URLs may be downloaded into the workspace.
        allow_private_urls: Whether URLs may point at private/loopback/link-local addresses.
        max_download_bytes: Size limit of one download.
        output_prefix: Prefix of output file names, so that a later turn of a conversation
            (same workspace) never overwrites the files of an earlier one: ``""`` for the first
            turn (``outputs/task-0.png``), ``"turn2-"`` for the second (``turn2-task-0.png``).
    """

    def __init__(
        self,
        root: Path,
        run_id: str,
        *,
        allow_urls: bool = False,
        allow_private_urls: bool = False,
        max_download_bytes: int = 50_000_000,
        output_prefix: str = "",
    ):
        self.root = root
        self.output_prefix = output_prefix
        self.run_id = run_id
        self.allow_urls = allow_urls
        self.allow_private_urls = allow_private_urls
        self.max_download_bytes = max_download_bytes
        self._sources: dict[str, Path] = self._load_sources()
        self._lock = threading.Lock()

    # ---- construction --------------------------------------------------------------------------

    @classmethod
    def create(
        cls,
        root: str | Path | None = None,
        *,
        run_id: str | None = None,
        allow_urls: bool = False,
        allow_private_urls: bool = False,
        max_download_bytes: int = 50_000_000,
    ) -> Workspace:
        """Create (or reuse) the folder of run ``run_id`` under the base folder ``root``.

        Args:
            root: Base folder that holds one sub-folder per run. Default: the
                ``HGPT_WORKSPACE_DIR`` environment variable, else ``./.hgpt/runs``.
            run_id: Run id (letters, digits, ``.``, ``_``, ``-``). Default: a new
                timestamped id. Reusing an id reuses its folder (resumed runs).
            allow_urls: Allow downloading http(s) URLs given as inputs or arguments.
            allow_private_urls: Also allow URLs on private/loopback/link-local addresses.
            max_download_bytes: Size limit of one download.

        Returns:
            The workspace; its :attr:`root` is ``<root>/<run_id>``.

        Raises:
            WorkspaceError: The run id is not a safe folder name.
        """
        base = Path(root or os.environ.get("HGPT_WORKSPACE_DIR") or DEFAULT_WORKSPACE_DIR)
        run_id = run_id or _new_run_id()
        if not _RUN_ID_RE.match(run_id) or run_id in (".", ".."):
            raise WorkspaceError(
                f"Run id {run_id!r} is not a safe folder name: use letters, digits, '.', '_' "
                "and '-' only (at most 128 characters)."
            )
        folder = (base.expanduser() / run_id).resolve()
        return cls._prepare(
            folder,
            run_id,
            allow_urls=allow_urls,
            allow_private_urls=allow_private_urls,
            max_download_bytes=max_download_bytes,
        )

    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        allow_urls: bool = False,
        allow_private_urls: bool = False,
        max_download_bytes: int = 50_000_000,
    ) -> Workspace:
        """Open the existing run folder ``path`` (its name is the run id), creating it if needed.

        Use this to rebuild a :class:`Workspace` from the path kept in the graph state.
        """
        folder = Path(path).expanduser().resolve()
        return cls._prepare(
            folder,
            folder.name,
            allow_urls=allow_urls,
            allow_private_urls=allow_private_urls,
            max_download_bytes=max_download_bytes,
        )

    @classmethod
    def _prepare(cls, folder: Path, run_id: str, **policy: object) -> Workspace:
        try:
            (folder / "inputs").mkdir(parents=True, exist_ok=True)
            (folder / "outputs").mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise WorkspaceError(
                f"Cannot create the workspace folder {folder}: {exc}. Set HGPT_WORKSPACE_DIR "
                "or pass a writable root."
            ) from exc
        for sub in ("inputs", "outputs"):
            _check_real_dir(folder / sub)
        return cls(folder, run_id, **policy)  # type: ignore[arg-type]

    # ---- folders -------------------------------------------------------------------------------

    @property
    def inputs_dir(self) -> Path:
        """Folder of imported inputs."""
        return self.root / "inputs"

    @property
    def outputs_dir(self) -> Path:
        """Folder of task outputs."""
        return self.root / "outputs"

    def __repr__(self) -> str:
        return f"Workspace({str(self.root)!r})"

    def __str__(self) -> str:
        return str(self.root)

    # ---- inputs --------------------------------------------------------------------------------

    _SOURCES_FILE = ".sources.json"

    def _load_sources(self) -> dict[str, Path]:
        """Imported sources of an existing run folder (so :meth:`open` keeps the mapping)."""
        file = self.root / self._SOURCES_FILE
        if file.is_symlink():  # planted: never read (or later write) through it
            logger.warning("Ignoring %s: it is a symbolic link.", file)
            return {}
        try:
            raw = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        sources: dict[str, Path] = {}
        for source, target in raw.items() if isinstance(raw, dict) else []:
            path = (self.root / str(target)).resolve()
            if path.is_relative_to(self.root) and path.is_file():  # ignore tampered entries
                sources[str(source)] = path
        return sources

    def _save_sources(self) -> None:
        data = {k: v.relative_to(self.root).as_posix() for k, v in self._sources.items()}
        try:
            write_no_follow(self.root / self._SOURCES_FILE, json.dumps(data).encode("utf-8"))
        except OSError:
            logger.debug("Could not save the input sources of %s", self.root, exc_info=True)

    def _unique(self, folder: Path, name: str) -> Path:
        target = folder / name
        stem, suffix = target.stem, target.suffix
        n = 1
        while os.path.lexists(target):  # a dangling symlink is taken too
            target = folder / f"{stem}-{n}{suffix}"
            n += 1
        return target

    def import_file(self, path_or_url: str) -> str:
        """Bring a user file (local path, or http(s) URL when allowed) into ``inputs/``.

        Local files are hard-linked when possible, else copied. Importing the same source twice
        returns the same path. Name clashes get a ``-1``, ``-2`` ... suffix.

        Args:
            path_or_url: A local file path (anywhere the user can read) or a URL.

        Returns:
            The absolute path of the file inside the workspace, as a string.

        Raises:
            WorkspaceError: Missing file, not a regular file, or a URL that is not allowed.
        """
        source = str(path_or_url).strip()
        with self._lock:
            if source in self._sources:
                return str(self._sources[source])
            if is_url(source):
                if not self.allow_urls:
                    raise WorkspaceError(
                        f"Input {source!r} is a URL, but downloading URLs is disabled. Download "
                        "the file yourself, or create the workspace with allow_urls=True."
                    )
                name = filename_from_url(source)
                target = download(
                    source,
                    self.inputs_dir,
                    max_bytes=self.max_download_bytes,
                    allow_private=self.allow_private_urls,
                    name=self._unique(self.inputs_dir, name).name,
                )
            else:
                src = Path(source).expanduser()
                if not src.is_file():
                    raise WorkspaceError(
                        f"Input file {source!r} does not exist or is not a regular file."
                    )
                src_real = src.resolve()
                if src_real.is_relative_to(self.root):
                    target = src_real
                else:
                    target = self._unique(self.inputs_dir, _safe_name(src.name))
                    try:
                        os.link(src_real, target)
                    except OSError:
                        shutil.copy2(src_real, target)
            self._sources[source] = target
            self._save_sources()
            logger.debug("Imported %s as %s", source, target)
            return str(target)

    # ---- confinement ---------------------------------------------------------------------------

    def _inside(self, path: Path) -> bool:
        return path == self.root or path.is_relative_to(self.root)

    def resolve(self, value: str, *, must_exist: bool = False) -> Path:
        """Resolve a file reference from an LLM-made argument to a path inside the workspace.

        Accepted: paths relative to the workspace (``outputs/task-1.png``), absolute paths inside
        it, bare names of imported inputs or outputs (``photo.jpg`` -> ``inputs/photo.jpg``), the
        exact source string of a file given to :meth:`import_file`, and http(s) URLs when the
        workspace allows URLs (they are downloaded into ``inputs/``).

        Args:
            value: The argument value.
            must_exist: Also require the file to exist.

        Returns:
            The absolute, symlink-free path.

        Raises:
            WorkspaceError: The path leaves the workspace (``..``, absolute elsewhere, a symlink
                out), is a URL that is not allowed, or is missing while ``must_exist``.
        """
        raw = str(value).strip()
        if not raw:
            raise WorkspaceError("Empty file reference: expected a file path in the workspace.")
        with self._lock:
            known = self._sources.get(raw)
        if known is not None:
            return known
        if is_url(raw):
            if not self.allow_urls:
                raise WorkspaceError(
                    f"Argument {raw!r} is a URL, but fetching URLs is disabled for this run "
                    "(create the workspace with allow_urls=True to allow it)."
                )
            check_url(raw, allow_private=self.allow_private_urls)
            return Path(self.import_file(raw))
        if "\x00" in raw:
            raise WorkspaceError(f"File reference {raw!r} contains a NUL byte.")

        path = Path(raw)
        if path.is_absolute():
            candidates = [path]
        else:
            candidates = [self.root / path]
            if len(path.parts) == 1:
                candidates += [self.inputs_dir / path, self.outputs_dir / path]
        chosen = next((c for c in candidates if os.path.lexists(c)), candidates[0])

        lexical = Path(os.path.normpath(chosen))
        if not self._inside(lexical):
            raise WorkspaceError(
                f"Path {raw!r} is outside the run's workspace {self.root}; tasks may only read "
                "files given as inputs or produced by earlier tasks."
            )
        real = chosen.resolve()
        if not self._inside(real):
            raise WorkspaceError(
                f"Path {raw!r} leads outside the run's workspace {self.root} (through a "
                "symbolic link); refused."
            )
        if must_exist and not real.is_file():
            raise WorkspaceError(
                f"File {raw!r} was not found in the run's workspace {self.root}. Use a file "
                "given as input or an earlier task's output (<resource>-k)."
            )
        return real

    def relative(self, path: str | Path) -> str:
        """The workspace-relative POSIX form of a path inside the workspace."""
        return self.resolve(str(path)).relative_to(self.root).as_posix()

    # ---- outputs -------------------------------------------------------------------------------

    def output_path(self, stem: str, ext: str) -> Path:
        """A stable output path: ``outputs/<prefix><stem>.<ext>`` (e.g. ``outputs/task-3.png``).

        The same stem and extension always give the same path, so a retried task overwrites
        its earlier attempt instead of leaving stray files.

        Args:
            stem: File name without extension (sanitised to letters, digits, ``.-_``).
            ext: Extension with or without the dot (``"png"`` or ``".png"``).
        """
        ext = ext.lstrip(".").lower()
        if not ext or not re.match(r"^[a-z0-9]{1,10}$", ext):
            raise WorkspaceError(f"Bad output file extension {ext!r}.")
        self.outputs_dir.mkdir(parents=True, exist_ok=True)
        _check_real_dir(self.outputs_dir)
        path = self.outputs_dir / f"{_safe_name(self.output_prefix + stem, 'output')}.{ext}"
        if path.is_symlink() or (os.path.lexists(path) and not path.is_file()):
            raise WorkspaceError(
                f"Output {path.name} already exists in {self.outputs_dir} as a symbolic link or "
                "a non-file; refusing to write through it."
            )
        return path
