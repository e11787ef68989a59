"""HuggingGPT as an MCP server (``hgpt mcp``), on the official ``mcp`` SDK's FastMCP.

Tools:

- ``hugginggpt``: request + files -> the answer as text, the full report as structured content,
  and every produced file as an embedded resource (base64 blob with its MIME type);
- ``plan``: request -> the validated plan, nothing runs;
- ``search_models``: query (+ task type, k) -> ranked catalog models with their facts;
- optionally one tool per catalog model of some task types (``model_tasks``), generated like the
  LangChain model tools of :mod:`hgpt_langchain.toolkit`.

Clients send input files either inline (``attachments``: name + base64 data, at most
``max_attachment_bytes`` each) or as paths (``files``) that must lie inside one of ``allow_dirs``
(none by default: a remote client can never make the server read its disk unless allowed). The
workspace confinement, URL policy and size limits of the graph apply as for the CLI. User
mistakes come back as MCP tool errors (``isError``) carrying the message the CLI prints.

Example:
    >>> from hgpt_langchain.mcp_server import build_server
    >>> server = build_server(graph_kwargs={"planner": "offline"})  # doctest: +SKIP
    >>> server.run("stdio")  # doctest: +SKIP
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
import mimetypes
import tempfile
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from mcp.types import CallToolResult, TextContent
from pydantic import BaseModel, Field

from hgpt_langchain.errors import ConfigurationError, HuggingGPTError

logger = logging.getLogger(__name__)

MAX_ATTACHMENT_BYTES = 50_000_000
"""Largest inline file a client may send (the graph's download limit)."""

MAX_EMBEDDED_BYTES = 20_000_000
"""Produced files larger than this are returned as ``file://`` resource links, not inline."""


class Attachment(BaseModel):
    """A file sent inline by an MCP client."""

    name: str = Field(description="File name with extension, e.g. 'photo.jpg'.")
    data: str = Field(description="The file's bytes, base64-encoded.")


class MCPInputError(HuggingGPTError):
    """A client's input was refused (bad attachment, file outside the allowed folders)."""


def _error(message: str) -> CallToolResult:
    return CallToolResult(content=[TextContent(type="text", text=message)], isError=True)


def _structured(value: dict[str, Any]) -> CallToolResult:
    text = json.dumps(value, ensure_ascii=False)
    return CallToolResult(content=[TextContent(type="text", text=text)], structuredContent=value)


def check_paths(files: Sequence[str], allow_dirs: Sequence[str]) -> list[str]:
    """Resolve client file paths; each must be an existing file inside ``allow_dirs``.

    URLs pass through (the graph's URL policy decides).

    Raises:
        MCPInputError: A path outside the allowed folders, or not an existing file.
    """
    roots = [Path(d).expanduser().resolve() for d in allow_dirs]
    out: list[str] = []
    for raw in files:
        value = str(raw).strip()
        if value.startswith(("http://", "https://")):
            out.append(value)
            continue
        path = Path(value).expanduser().resolve()  # symlinks resolved before the check
        if not any(path == r or path.is_relative_to(r) for r in roots):
            where = ", ".join(str(r) for r in roots) or "none: start hgpt mcp with --allow-dir DIR"
            raise MCPInputError(
                f"Input file {value!r} is outside the folders this server may read ({where}). "
                "Send the file inline as an attachment (name + base64 data) instead."
            )
        if not path.is_file():
            raise MCPInputError(f"Input file {value!r} does not exist (or is not a file).")
        out.append(str(path))
    return out


def save_attachments(
    attachments: Sequence[Attachment | dict[str, Any]], folder: Path, max_bytes: int
) -> list[str]:
    """Decode inline files into ``folder`` (file names only, no directories); return paths.

    Raises:
        MCPInputError: A bad name, invalid base64 or a file over ``max_bytes``.
    """
    out: list[str] = []
    for item in attachments:
        att = item if isinstance(item, Attachment) else Attachment.model_validate(item)
        name = Path(att.name.replace("\\", "/")).name
        if not name or name in (".", "..") or name != att.name.strip():
            raise MCPInputError(
                f"Attachment name {att.name!r} must be a plain file name such as 'photo.jpg' "
                "(no folders)."
            )
        if len(att.data) > (max_bytes * 4) // 3 + 8:
            raise MCPInputError(
                f"Attachment {name!r} is larger than the limit of {max_bytes} bytes."
            )
        try:
            data = base64.b64decode(att.data, validate=True)
        except (binascii.Error, ValueError) as err:
            raise MCPInputError(f"Attachment {name!r} is not valid base64 ({err}).") from err
        if len(data) > max_bytes:
            raise MCPInputError(
                f"Attachment {name!r} is larger than the limit of {max_bytes} bytes."
            )
        target = folder / name
        if target.exists():
            raise MCPInputError(f"Two attachments are named {name!r}; give them distinct names.")
        target.write_bytes(data)
        out.append(str(target))
    return out


def _file_content(path: str) -> Any:
    from mcp.types import BlobResourceContents, EmbeddedResource, ResourceLink

    p = Path(path)
    mime = mimetypes.guess_type(p.name)[0] or "application/octet-stream"
    size = p.stat().st_size if p.is_file() else 0
    if not p.is_file() or size > MAX_EMBEDDED_BYTES:
        return ResourceLink(
            type="resource_link", uri=p.resolve().as_uri(), name=p.name, mimeType=mime, size=size
        )
    blob = base64.b64encode(p.read_bytes()).decode("ascii")
    return EmbeddedResource(
        type="resource",
        resource=BlobResourceContents(uri=p.resolve().as_uri(), mimeType=mime, blob=blob),
    )


def build_server(
    *,
    graph: Any = None,
    graph_kwargs: dict[str, Any] | None = None,
    allow_dirs: Sequence[str] = (),
    model_tasks: Sequence[str] = (),
    model_tool_kwargs: dict[str, Any] | None = None,
    name: str = "hugginggpt",
    host: str = "127.0.0.1",
    port: int = 8000,
    max_attachment_bytes: int = MAX_ATTACHMENT_BYTES,
) -> Any:
    """Build the FastMCP server.

    Args:
        graph: A compiled HuggingGPT graph (default: ``build_graph(**graph_kwargs)``).
        graph_kwargs: ``build_graph`` keyword arguments (``llm``, ``planner``, ``executor``, ...).
        allow_dirs: Folders whose files clients may name by path.
        model_tasks: Task types whose catalog models each become a tool.
        model_tool_kwargs: Extra ``get_model_tools`` keyword arguments (``catalog``,
            ``executor``, ``limit``...).
        name: The server name clients see.
        host: Streamable HTTP host.
        port: Streamable HTTP port.
        max_attachment_bytes: Largest inline file accepted.

    Returns:
        A ``mcp.server.fastmcp.FastMCP`` server; ``server.run("stdio")`` or
        ``server.run("streamable-http")``.
    """
    from mcp.server.fastmcp import FastMCP

    from hgpt_langchain.graph import build_graph
    from hgpt_langchain.planning.auto import make_planner
    from hgpt_langchain.tasks import resolve_task

    kwargs = dict(graph_kwargs or {})
    state: dict[str, Any] = {"graph": graph}

    def get_graph() -> Any:
        if state["graph"] is None:
            state["graph"] = build_graph(**kwargs)
        return state["graph"]

    planner = make_planner(kwargs.get("planner"), kwargs.get("llm"))
    allowed = [str(Path(d).expanduser().resolve()) for d in allow_dirs]
    server = FastMCP(
        name,
        instructions="HuggingGPT: plans a request into Hugging Face tasks, picks a model per "
        "task, runs them and answers. Send input files inline as attachments (base64).",
        host=host,
        port=port,
    )

    @server.tool(
        name="hugginggpt",
        description="Solve a request that needs AI models on images, audio, video or text: "
        "plan it into Hugging Face tasks, pick a model per task, run them and answer. Input "
        "files go in 'attachments' (name + base64 data) or, when the server allows a folder, "
        "as paths in 'files'. Returns the answer, the full report (structured) and the "
        "produced files.",
    )
    async def hugginggpt(
        request: str, files: list[str] | None = None, attachments: list[Attachment] | None = None
    ) -> CallToolResult:
        with tempfile.TemporaryDirectory(prefix="hgpt-mcp-") as tmp:
            try:
                paths = check_paths(files or [], allowed)
                paths += save_attachments(attachments or [], Path(tmp), max_attachment_bytes)
                thread = f"mcp-{uuid.uuid4().hex[:12]}"
                # The graph copies inputs into the run's workspace before the folder goes away.
                out = await get_graph().ainvoke(
                    {"request": request, "files": paths},
                    {"configurable": {"thread_id": thread}},
                )
            except HuggingGPTError as err:
                return _error(f"hgpt: error: {err}")
        report = dict(out.get("report") or {})
        answer = str(out.get("answer") or "")
        if report.get("errors") and not (report.get("plan") or {}).get("tasks"):
            # the CLI exits non-zero here: the request could not be planned at all
            return CallToolResult(
                content=[TextContent(type="text", text=answer)],
                structuredContent=report,
                isError=True,
            )
        content: list[Any] = [TextContent(type="text", text=answer)]
        for result in report.get("results") or []:
            content.extend(_file_content(f) for f in result.get("files") or [])
        return CallToolResult(content=content, structuredContent=report)

    @server.tool(
        name="plan",
        description="Plan a request into Hugging Face tasks (a validated DAG) without running "
        "anything. 'files' are the input file names the request refers to (not read).",
    )
    async def plan(request: str, files: list[str] | None = None) -> CallToolResult:
        from hgpt_langchain.errors import PlanningError

        if not request.strip():
            return _error("hgpt: error: The request is empty: say what you want done.")
        names = [Path(str(f)).name for f in files or []]
        try:
            aplan = getattr(planner, "aplan", None)
            if aplan is not None:
                result = await aplan(request, names, [])
            else:
                import anyio

                result = await anyio.to_thread.run_sync(planner.plan, request, names, [])
        except PlanningError as err:
            return _error(f"hgpt: error: {err}")
        return _structured(
            {
                "tasks": [t.model_dump(mode="json") for t in result.plan.tasks],
                "planner": result.planner,
                "llm_calls": result.llm_calls,
            }
        )

    index_state: dict[str, Any] = {}

    def get_index() -> Any:
        if "index" not in index_state:
            from hgpt_langchain.catalog import default_catalog, load_catalog
            from hgpt_langchain.selection.index import default_index

            cat = kwargs.get("catalog")
            catalog = load_catalog(cat) if isinstance(cat, str) else (cat or default_catalog())
            index_state["index"] = default_index(catalog)
        return index_state["index"]

    @server.tool(
        name="search_models",
        description="Rank Hugging Face catalog models for a free-text query, optionally only "
        "models of one task type (e.g. 'image-to-text'); returns each model's facts.",
    )
    async def search_models(query: str, task: str | None = None, k: int = 5) -> CallToolResult:
        import anyio

        if not 1 <= k <= 100:
            return _error(f"hgpt: error: k must be between 1 and 100, not {k}.")
        name_ = None
        if task:
            name_ = resolve_task(task)
            if name_ is None:
                return _error(
                    f"hgpt: error: Unknown task type {task!r}; see 'hgpt tasks' for the list."
                )

        def search() -> list[Any]:
            return get_index().search(query, task=name_, k=k)

        hits = await anyio.to_thread.run_sync(search)
        rows = []
        for h in hits:
            e = h.entry
            rows.append(
                {
                    "id": h.id,
                    "task": h.task,
                    "score": round(h.score, 4),
                    "similarity": round(h.similarity, 4),
                    "likes": e.likes,
                    "downloads": e.downloads,
                    "library": getattr(e, "library", None),
                    "description": (getattr(e, "description", "") or "")[:300],
                }
            )
        return _structured({"models": rows})

    if model_tasks:
        from langchain_mcp_adapters.tools import to_fastmcp

        from hgpt_langchain.toolkit import get_model_tools

        tool_kwargs = dict(model_tool_kwargs or {})
        tool_kwargs.setdefault("input_dirs", allowed)
        tool_kwargs.setdefault("k", 3)
        for task_name in model_tasks:
            resolved = resolve_task(task_name)
            if resolved is None:
                raise ConfigurationError(
                    f"Unknown task type {task_name!r} in --model-tools; see 'hgpt tasks'."
                )
            for tool in get_model_tools(task=resolved, **tool_kwargs):
                if tool.name not in server._tool_manager._tools:
                    server._tool_manager._tools[tool.name] = to_fastmcp(tool)
    return server


def parse_host_port(value: str) -> tuple[str, int]:
    """``HOST:PORT`` or ``PORT`` -> ``(host, port)``; the host defaults to 127.0.0.1.

    Raises:
        ConfigurationError: Not a valid ``HOST:PORT``.
    """
    host, _, port = value.rpartition(":")
    host = host.strip("[]") or "127.0.0.1"
    if not port.isdigit() or not 0 < int(port) < 65536:
        raise ConfigurationError(
            f"--http takes HOST:PORT or PORT (e.g. 127.0.0.1:8765), not {value!r}."
        )
    return host, int(port)
