"""MCP tools as experts: tools of MCP servers run the plan tasks of the types they declare.

Configuration (``build_graph(mcp_servers=...)`` or ``hgpt run --mcp-config FILE``) is what
``langchain_mcp_adapters.client.MultiServerMCPClient`` reads, one connection per server name
(a file may also wrap it in ``{"mcpServers": {...}}`` as Claude Desktop does), plus two optional
keys per server that only hgpt reads:

- ``"tasks"``: ``{"tool name": "task type"}``, e.g.
  ``{"transcribe": "automatic-speech-recognition"}``;
- ``"file_args"``: how file arguments are sent: ``"base64"`` (default: the file's bytes, base64
  encoded, work with any server, local or remote) or ``"path"`` (the workspace path, for servers
  on this machine).

Without ``"tasks"``, a tool declares its task type by its name: a tool named after a task type
(``automatic_speech_recognition`` or ``automatic-speech-recognition``) serves that type. Example::

    {"asr": {"transport": "streamable_http", "url": "https://.../gradio_api/mcp/",
             "tasks": {"transcribe": "automatic-speech-recognition"}}}

The tool is called with the task's arguments by their registry names (``hgpt tasks``). Its text
content becomes the task's text output, image/audio content and embedded blobs become output files
in the run's workspace and its structured content the task's data. Selection puts the MCP tool
first for its task type (model id ``mcp:<server>/<tool>``, which the report names), with the
catalog's models as fallbacks.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import logging
import mimetypes
import os
import sys
import threading
from collections.abc import AsyncIterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hgpt_langchain.errors import ConfigurationError, ExecutionError
from hgpt_langchain.execution.base import ExecutionOutput, Executor
from hgpt_langchain.selection.base import Selector
from hgpt_langchain.state import Candidate, ModelChoice, Plan

if TYPE_CHECKING:
    from hgpt_langchain.execution.workspace import Workspace
    from hgpt_langchain.tasks import TaskSpec

logger = logging.getLogger(__name__)

PREFIX = "mcp:"
_HGPT_KEYS = ("tasks", "file_args")
_EXT = {"image/png": "png", "image/jpeg": "jpg", "audio/wav": "wav", "audio/x-wav": "wav"}


def load_mcp_config(path: str) -> dict[str, dict[str, Any]]:
    """Read an MCP servers file (``{name: connection}`` or ``{"mcpServers": {...}}``).

    Raises:
        ConfigurationError: Unreadable, not JSON, or not a mapping of server connections.
    """
    try:
        raw = json.loads(Path(path).expanduser().read_text(encoding="utf-8"))
    except OSError as err:
        raise ConfigurationError(f"Cannot read the MCP config {path!r}: {err}.") from err
    except ValueError as err:
        raise ConfigurationError(f"The MCP config {path!r} is not valid JSON: {err}.") from err
    servers = raw.get("mcpServers", raw) if isinstance(raw, dict) else None
    if not isinstance(servers, dict) or not all(isinstance(v, dict) for v in servers.values()):
        raise ConfigurationError(
            f"The MCP config {path!r} must map server names to connections, e.g. "
            '{"asr": {"transport": "stdio", "command": "python", "args": ["server.py"]}}.'
        )
    for name, conn in servers.items():
        if "transport" not in conn:  # Claude Desktop files omit it
            conn["transport"] = "stdio" if "command" in conn else "streamable_http"
        if conn.get("file_args", "base64") not in ("base64", "path"):
            raise ConfigurationError(f"MCP server {name!r}: file_args is 'base64' or 'path'.")
    return servers


def _errlog() -> Any:
    """``sys.stderr`` when it is a real file, else the process's original stderr."""
    for stream in (sys.stderr, sys.__stderr__):
        try:
            if stream is not None:
                stream.fileno()
                return stream
        except (AttributeError, OSError, ValueError):
            continue
    return open(os.devnull, "w")  # noqa: SIM115 - lives as long as the server process


def _run_coro(coro: Any) -> Any:
    """Run a coroutine to completion from sync code (a worker thread, or beside a loop)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = asyncio.run(coro)
        except BaseException as err:  # noqa: BLE001 - re-raised below
            box["error"] = err

    t = threading.Thread(target=target)
    t.start()
    t.join()
    if "error" in box:
        raise box["error"]
    return box["value"]


class MCPExperts:
    """The task types MCP servers serve, and calls of their tools.

    Args:
        servers: ``{name: connection}`` as ``MultiServerMCPClient`` reads, with hgpt's optional
            ``tasks`` and ``file_args`` keys.
    """

    def __init__(self, servers: Mapping[str, Mapping[str, Any]]):
        self.servers = {k: dict(v) for k, v in servers.items()}
        self._connections = {
            k: {kk: vv for kk, vv in v.items() if kk not in _HGPT_KEYS}
            for k, v in self.servers.items()
        }
        self._routes: dict[str, tuple[str, str]] | None = None
        self._lock = threading.Lock()

    def _client(self) -> Any:
        from langchain_mcp_adapters.client import MultiServerMCPClient

        return MultiServerMCPClient(self._connections)  # type: ignore[arg-type]

    @contextlib.asynccontextmanager
    async def session(self, server: str) -> AsyncIterator[Any]:
        """An initialized ``ClientSession`` with ``server``.

        Stdio servers are started here with their stderr on a real file: ``mcp``'s default is
        ``sys.stderr``, which has no file descriptor in Jupyter or under output capture.
        """
        conn = self._connections[server]
        if conn.get("transport") != "stdio":
            async with self._client().session(server) as session:
                yield session
            return
        from mcp import ClientSession, StdioServerParameters
        from mcp.client.stdio import stdio_client

        params = StdioServerParameters(
            command=conn["command"],
            args=list(conn.get("args") or []),
            env=conn.get("env"),
            cwd=conn.get("cwd"),
        )
        async with (
            stdio_client(params, errlog=_errlog()) as (read, write),
            ClientSession(read, write) as session,
        ):
            await session.initialize()
            yield session

    async def aroutes(self) -> dict[str, tuple[str, str]]:
        """``{task type: (server, tool)}`` from each server's tool list (first server wins)."""
        from hgpt_langchain.tasks import resolve_task

        routes: dict[str, tuple[str, str]] = {}
        for server, conf in self.servers.items():
            mapping = dict(conf.get("tasks") or {})
            async with self.session(server) as session:
                tools = (await session.list_tools()).tools
            for tool in tools:
                declared = mapping.get(tool.name) or tool.name.replace("_", "-")
                task = resolve_task(declared)
                if task is None:
                    if tool.name in mapping:
                        raise ConfigurationError(
                            f"MCP server {server!r}: tool {tool.name!r} is mapped to unknown "
                            f"task type {declared!r}; see 'hgpt tasks'."
                        )
                    continue
                routes.setdefault(task, (server, tool.name))
            missing = sorted(set(mapping) - {t.name for t in tools})
            if missing:
                raise ConfigurationError(
                    f"MCP server {server!r} has no tool(s) {missing} named in its 'tasks'."
                )
        return routes

    def routes(self) -> dict[str, tuple[str, str]]:
        """Sync :meth:`aroutes`, listed once."""
        with self._lock:
            if self._routes is None:
                self._routes = _run_coro(self.aroutes())
        return self._routes

    @staticmethod
    def model_id(server: str, tool: str) -> str:
        """The model id the report shows for an MCP tool."""
        return f"{PREFIX}{server}/{tool}"

    def _arguments(self, server: str, task: TaskSpec, args: dict[str, str]) -> dict[str, Any]:
        mode = self.servers[server].get("file_args", "base64")
        out: dict[str, Any] = {}
        for name, value in args.items():
            spec = task.arg(name)
            if spec is not None and spec.modality != "text" and Path(value).is_file():
                if mode == "base64":
                    value = base64.b64encode(Path(value).read_bytes()).decode("ascii")
            out[name] = value
        return out

    async def acall(
        self, task: TaskSpec, model: str, args: dict[str, str], workspace: Workspace
    ) -> ExecutionOutput:
        """Call the MCP tool ``model`` (``mcp:server/tool``) on a task's arguments."""
        from hgpt_langchain.execution.context import output_stem

        server, _, tool = model.removeprefix(PREFIX).partition("/")
        if server not in self.servers:
            raise ExecutionError(f"No MCP server {server!r} is configured (model {model!r}).")
        try:
            async with self.session(server) as session:
                result = await session.call_tool(tool, self._arguments(server, task, args))
        except ExecutionError:
            raise
        except Exception as err:  # noqa: BLE001 - connection errors of any kind
            raise ExecutionError(
                f"MCP tool {model} failed: {type(err).__name__}: {err}", transient=True
            ) from err
        texts: list[str] = []
        files: list[str] = []
        for i, block in enumerate(result.content):
            kind = getattr(block, "type", "")
            if kind == "text":
                texts.append(block.text)
                continue
            data, mime = None, None
            if kind in ("image", "audio"):
                data, mime = block.data, block.mimeType
            elif kind == "resource" and hasattr(block.resource, "blob"):
                data, mime = block.resource.blob, block.resource.mimeType
            if data is None:
                continue
            ext = _EXT.get(mime or "") or (mimetypes.guess_extension(mime or "") or ".bin")[1:]
            stem = output_stem(task.name) + (f"-{i}" if i else "")
            path = workspace.output_path(stem, ext)
            path.write_bytes(base64.b64decode(data))
            files.append(str(path))
        if result.isError:
            raise ExecutionError(f"MCP tool {model} returned an error: {' '.join(texts)[:500]}")
        return ExecutionOutput(
            text="\n".join(texts) or None,
            files=files,
            data=result.structuredContent,
            executor="mcp",
        )


class MCPExecutor:
    """Runs ``mcp:`` models on their MCP tool and every other model on ``base``."""

    name = "mcp"

    def __init__(self, experts: MCPExperts, base: Executor):
        self.experts = experts
        self.base = base

    def run(
        self, task: TaskSpec, model: str, args: dict[str, str], workspace: Workspace
    ) -> ExecutionOutput:
        """Run one task (an MCP tool call for ``mcp:`` models)."""
        if model.startswith(PREFIX):
            return _run_coro(self.experts.acall(task, model, args, workspace))  # type: ignore[no-any-return]
        return self.base.run(task, model, args, workspace)


class MCPSelector:
    """Puts the MCP tool first for the task types MCP servers serve; ``base`` does the rest."""

    def __init__(self, experts: MCPExperts, base: Selector):
        self.experts = experts
        self.base = base

    @property
    def llm_calls(self) -> int:
        """LLM calls of the base selector."""
        return int(getattr(self.base, "llm_calls", 0))

    def select(self, plan: Plan, request: str) -> dict[int, ModelChoice]:
        """The base selection, with MCP tools first where one serves the task type."""
        from hgpt_langchain.tasks import resolve_task

        routes = self.experts.routes()
        choices = self.base.select(plan, request)
        for task in plan.tasks:
            name = resolve_task(task.task)
            if name not in routes:
                continue
            server, tool = routes[name]
            model = MCPExperts.model_id(server, tool)
            before = choices.get(task.id)
            fallbacks = [c for c in (before.candidates if before else []) if c.id != model]
            choices[task.id] = ModelChoice(
                task_id=task.id,
                task=name,
                model=model,
                candidates=[Candidate(id=model, score=1.0, available=True), *fallbacks],
                reason=f"MCP tool {tool!r} of server {server!r} declares task {name}",
            )
        return choices


def wrap(selector: Selector, executor: Executor, servers: Mapping[str, Any]) -> tuple[Any, Any]:
    """Selector and executor that use the MCP ``servers``' tools as experts."""
    experts = MCPExperts(servers)
    return MCPSelector(experts, selector), MCPExecutor(experts, executor)
