"""Scale-out on Ray Serve: expert models served by multiplexed deployments, one per task family.

When one machine is not enough (many GPUs, many users, hundreds of expert models each called now
and then), :func:`deploy` starts one Ray Serve application per task family (text, vision, audio,
diffusion). Each replica wraps our :class:`~hgpt_langchain.execution.local.LocalExecutor` routes
behind ``@serve.multiplexed(max_num_models_per_replica=N)`` keyed by model id: a replica keeps an
LRU of at most N loaded models, Serve routes a request to a replica that already holds its model,
and autoscaling can take a family down to zero replicas when it is idle.

:class:`RayServeExecutor` is the client, an :class:`~hgpt_langchain.execution.base.Executor`
like the others: through a ``DeploymentHandle`` when the graph runs inside Ray (``ray.init``
done), or over HTTP (``RayServeExecutor(address="http://head:8000")``, ``HGPT_RAY_ADDRESS``) from
outside. Files move by content (a cluster has no shared disk): input files are sent as bytes and
outputs come back as bytes, written into the caller's workspace under the usual output names.

Failures: a replica that dies mid-call is retried (Serve replaces it, or routes to another one); a
model that fails to load returns the replica's message as a non-transient
:class:`~hgpt_langchain.errors.ExecutionError`, so the scheduler tries the next candidate.

Ray is imported only when a deployment starts or an executor first calls it (the ``ray`` extra).
"""

from __future__ import annotations

import base64
import logging
import tempfile
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hgpt_langchain.errors import ConfigurationError, ExecutionError, UnsupportedTaskError
from hgpt_langchain.execution.base import ExecutionOutput
from hgpt_langchain.execution.context import current_task_id, task_context
from hgpt_langchain.tasks import TASKS, TaskSpec

if TYPE_CHECKING:
    from hgpt_langchain.execution.workspace import Workspace

logger = logging.getLogger(__name__)

FAMILIES: dict[str, tuple[str, ...]] = {
    "text": (
        "text-classification",
        "token-classification",
        "question-answering",
        "summarization",
        "translation",
        "text-generation",
        "conversational",
        "sentence-similarity",
        "zero-shot-classification",
        "fill-mask",
        "tabular-classification",
    ),
    "vision": (
        "image-classification",
        "object-detection",
        "image-segmentation",
        "depth-estimation",
        "image-to-text",
        "visual-question-answering",
        "document-question-answering",
        "zero-shot-image-classification",
    ),
    "audio": (
        "text-to-speech",
        "automatic-speech-recognition",
        "audio-classification",
        "audio-to-audio",
    ),
    "diffusion": ("text-to-image", "image-to-image", "text-to-video"),
}
"""Task types by family: one Serve application (and its replicas) per family."""

APP_PREFIX = "hgpt-"
"""Serve application names are ``hgpt-<family>``; HTTP route prefixes ``/hgpt/<family>``."""

MAX_FILE_BYTES = 256 * 2**20
"""Largest file moved to or from a replica."""

NOT_CONFIGURED = (
    "Ray Serve execution needs the deployments' address: set HGPT_RAY_ADDRESS=http://HEAD:8000 "
    "(where `hgpt serve-ray` runs), or run inside the Ray session (ray.init) that deployed them."
)


def family_of(task: str) -> str:
    """The family whose deployment serves ``task``.

    Raises:
        UnsupportedTaskError: The task type belongs to no family.
    """
    for family, tasks in FAMILIES.items():
        if task in tasks:
            return family
    raise UnsupportedTaskError(f"Task {task!r} has no Ray Serve deployment family.")


@dataclass(frozen=True)
class FamilyConfig:
    """How one family's deployment is sized (resource hints and autoscaling)."""

    num_cpus: float = 1.0
    """CPUs per replica."""
    num_gpus: float = 0.0
    """GPUs per replica (diffusion and vision families usually want one)."""
    max_models_per_replica: int = 3
    """Loaded models a replica keeps (LRU), ``@serve.multiplexed(max_num_models_per_replica)``."""
    min_replicas: int = 1
    """Autoscaling lower bound (0: scale to zero when idle)."""
    max_replicas: int = 1
    """Autoscaling upper bound."""
    target_ongoing_requests: float = 2.0
    """Autoscaling target of ongoing requests per replica."""
    local_options: Mapping[str, Any] = field(default_factory=dict)
    """Keyword arguments of each replica's :class:`LocalExecutor` (device, max_new_tokens...)."""

    def deployment_options(self) -> dict[str, Any]:
        """Options for ``serve.deployment(...).options(...)``."""
        resources: dict[str, Any] = {"num_cpus": self.num_cpus}
        if self.num_gpus:
            resources["num_gpus"] = self.num_gpus
        options: dict[str, Any] = {"ray_actor_options": resources}
        if self.min_replicas == self.max_replicas:
            options["num_replicas"] = self.max_replicas
        else:
            options["autoscaling_config"] = {
                "min_replicas": self.min_replicas,
                "max_replicas": self.max_replicas,
                "target_ongoing_requests": self.target_ongoing_requests,
            }
        return options


DEFAULT_FAMILIES: dict[str, FamilyConfig] = {
    "text": FamilyConfig(num_cpus=1, max_models_per_replica=4, min_replicas=0, max_replicas=4),
    "vision": FamilyConfig(num_cpus=1, max_models_per_replica=3, min_replicas=0, max_replicas=4),
    "audio": FamilyConfig(num_cpus=1, max_models_per_replica=3, min_replicas=0, max_replicas=4),
    "diffusion": FamilyConfig(num_gpus=1, max_models_per_replica=1, min_replicas=0, max_replicas=2),
}
"""Defaults for a GPU cluster: families scale to zero; diffusion takes a GPU per replica."""


# ---- the replica side ---------------------------------------------------------------------------


def _encode(path: Path) -> dict[str, str]:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ExecutionError(f"{path.name} is {size} bytes; at most {MAX_FILE_BYTES} move by Ray.")
    return {"name": path.name, "content": base64.b64encode(path.read_bytes()).decode("ascii")}


class _ModelSlot:
    """One multiplexed model on a replica: its own LocalExecutor (and model cache)."""

    def __init__(self, model_id: str, options: Mapping[str, Any]):
        from hgpt_langchain.execution.local import LocalExecutor

        self.model_id = model_id
        self.local = LocalExecutor(**dict(options))

    def __del__(self) -> None:  # called by Serve when the LRU unloads the model
        try:
            self.local.cache.clear()
        except Exception:  # noqa: BLE001 - interpreter shutdown
            pass


class ExpertReplica:
    """The body of a family deployment (see :func:`deployment_for`): runs one task per call."""

    def __init__(self, family: str, local_options: Mapping[str, Any] | None = None):
        self.family = family
        self.local_options = dict(local_options or {})
        self.loads = 0
        self.calls = 0
        try:  # once, before concurrent calls: transformers' lazy imports are not thread-safe
            import transformers.pipelines  # noqa: F401
        except ImportError:  # pragma: no cover - a replica without the local extra
            pass

    async def load_model(self, model_id: str) -> _ModelSlot:
        """Build a model's slot (weights load on its first call); wrapped by ``multiplexed``."""
        self.loads += 1
        return _ModelSlot(model_id, self.local_options)

    async def __call__(self, request: Any) -> dict[str, Any]:
        """Run ``{"task", "args", "files", "task_id"}`` with the request's multiplexed model."""
        import asyncio

        from ray import serve

        if not isinstance(request, dict):  # over HTTP: a starlette Request
            request = await request.json()
        model_id = serve.get_multiplexed_model_id()
        slot = await self.get_model(model_id)  # type: ignore[attr-defined]
        self.calls += 1
        context = serve.get_replica_context()
        replica = context.replica_tag if context is not None else "?"
        info = {"replica": replica, "loads": self.loads, "calls": self.calls}
        try:
            out = await asyncio.to_thread(self._run, slot, request)
        except Exception as exc:  # noqa: BLE001 - every failure goes back with its message
            known = isinstance(exc, ExecutionError | ConfigurationError)
            error = str(exc) if known else f"{type(exc).__name__}: {exc}"
            return {**info, "error": error, "transient": bool(getattr(exc, "transient", False))}
        return {**info, **out}

    def _run(self, slot: _ModelSlot, request: dict[str, Any]) -> dict[str, Any]:
        from hgpt_langchain.execution.workspace import Workspace

        spec = TASKS.get(str(request.get("task")))
        if spec is None or spec.name not in FAMILIES[self.family]:
            raise UnsupportedTaskError(
                f"The {self.family} deployment does not serve task {request.get('task')!r}."
            )
        with tempfile.TemporaryDirectory(prefix="hgpt-ray-") as tmp:
            ws = Workspace.create(tmp, run_id="call")
            args = dict(request.get("args") or {})
            for name, blob in (request.get("files") or {}).items():
                target = ws.inputs_dir / Path(str(blob["name"])).name
                target.write_bytes(base64.b64decode(blob["content"]))
                args[name] = target.name
            with task_context(request.get("task_id")):
                out = slot.local.run(spec, slot.model_id, args, ws)
            return {
                "text": out.text,
                "data": out.data,
                "files": [_encode(Path(f)) for f in out.files],
            }


_DEPLOYMENTS: dict[int, Any] = {}


def deployment_for(max_models_per_replica: int) -> Any:
    """The Serve deployment class, multiplexed with ``max_models_per_replica`` models."""
    if max_models_per_replica not in _DEPLOYMENTS:
        from ray import serve

        class HGPTExpert(ExpertReplica):
            @serve.multiplexed(max_num_models_per_replica=max_models_per_replica)
            async def get_model(self, model_id: str) -> _ModelSlot:
                return await self.load_model(model_id)

        _DEPLOYMENTS[max_models_per_replica] = serve.deployment(HGPTExpert)
    return _DEPLOYMENTS[max_models_per_replica]


def deploy(
    families: Mapping[str, FamilyConfig] | None = None,
    *,
    route_prefix: str = "/hgpt",
    blocking: bool = False,
) -> dict[str, Any]:
    """Start (or update) one Serve application per family on the connected Ray cluster.

    Args:
        families: Family name -> :class:`FamilyConfig`; default :data:`DEFAULT_FAMILIES`.
        route_prefix: HTTP route prefix; family ``text`` answers at ``<prefix>/text``.
        blocking: Block until interrupted (what ``hgpt serve-ray`` does).

    Returns:
        ``{family: DeploymentHandle}``.
    """
    from ray import serve

    families = dict(DEFAULT_FAMILIES if families is None else families)
    unknown = sorted(set(families) - set(FAMILIES))
    if unknown:
        raise ConfigurationError(f"Unknown task families {unknown}; known: {', '.join(FAMILIES)}.")
    handles = {}
    for family, config in families.items():
        app = (
            deployment_for(config.max_models_per_replica)
            .options(name=f"HGPTExpert-{family}", **config.deployment_options())
            .bind(family, dict(config.local_options))
        )
        handles[family] = serve.run(
            app, name=APP_PREFIX + family, route_prefix=f"{route_prefix}/{family}"
        )
    if blocking:  # pragma: no cover - interactive
        while True:
            time.sleep(3600)
    return handles


# ---- the client side ----------------------------------------------------------------------------


class RayServeExecutor:
    """Runs tasks on the family deployments started by :func:`deploy`.

    Args:
        address: HTTP address of the Serve proxy (``http://head:8000``); ``None``: call through
            ``DeploymentHandle`` in the current Ray session (``ray.init`` already done).
        route_prefix: The route prefix the deployments were started with.
        timeout: Seconds one call may take.
        retries: Retries when a replica dies mid-call (Serve restarts it or routes elsewhere).
        retry_delay: Seconds before the first retry (doubles each time).
        families: Families deployed (tasks of others are unsupported here).
    """

    name = "ray"

    def __init__(
        self,
        address: str | None = None,
        *,
        route_prefix: str = "/hgpt",
        timeout: float = 300.0,
        retries: int = 3,
        retry_delay: float = 1.0,
        families: tuple[str, ...] = tuple(FAMILIES),
    ):
        self.address = address.rstrip("/") if address else None
        self.route_prefix = route_prefix
        self.timeout = timeout
        self.retries = max(0, retries)
        self.retry_delay = retry_delay
        self.families = families
        self._handles: dict[str, Any] = {}
        self._lock = threading.Lock()
        self.last_call: dict[str, Any] = {}
        """The last reply's replica, its model loads (multiplexing misses) and calls."""

    def __repr__(self) -> str:
        return f"RayServeExecutor(address={self.address!r})"

    def supports(self, task: TaskSpec) -> bool:
        """Whether a deployed family serves the task type."""
        return any(task.name in FAMILIES[f] for f in self.families if f in FAMILIES)

    @property
    def configured(self) -> bool:
        """An HTTP address, or a running Ray session to find the deployments in."""
        if self.address:
            return True
        try:
            import ray
        except ImportError:
            return False
        return bool(ray.is_initialized())

    def _handle(self, family: str) -> Any:
        with self._lock:
            if family not in self._handles:
                from ray import serve

                self._handles[family] = serve.get_deployment_handle(
                    f"HGPTExpert-{family}", app_name=APP_PREFIX + family
                )
            return self._handles[family]

    def _payload(self, task: TaskSpec, args: dict[str, str], ws: Workspace) -> dict[str, Any]:
        plain, files = {}, {}
        for name, value in args.items():
            arg = task.arg(name)
            if arg is not None and arg.modality != "text" and value:
                files[name] = _encode(ws.resolve(value, must_exist=True))
            else:
                plain[name] = value
        return {"task": task.name, "args": plain, "files": files, "task_id": current_task_id()}

    def _call_once(self, family: str, model: str, payload: dict[str, Any]) -> dict[str, Any]:
        if self.address:
            import httpx

            response = httpx.post(
                f"{self.address}{self.route_prefix}/{family}",
                json=payload,
                headers={"serve_multiplexed_model_id": model},
                timeout=self.timeout,
            )
            if response.status_code >= 500:
                raise _ReplicaGone(f"HTTP {response.status_code}: {response.text[:300]}")
            response.raise_for_status()
            return response.json()  # type: ignore[no-any-return]
        handle = self._handle(family).options(multiplexed_model_id=model)
        return handle.remote(payload).result(timeout_s=self.timeout)  # type: ignore[no-any-return]

    def run(
        self, task: TaskSpec, model: str, args: dict[str, str], workspace: Workspace
    ) -> ExecutionOutput:
        """Send the task to its family's deployment; write returned files into ``workspace``.

        Raises:
            UnsupportedTaskError: No deployed family serves the task type.
            ExecutionError: The replica failed (its message), or replicas kept dying
                (``transient``).
        """
        if not self.supports(task):
            raise UnsupportedTaskError(f"No Ray Serve deployment serves task {task.name!r}.")
        if not self.configured:
            raise ConfigurationError(NOT_CONFIGURED)
        family = family_of(task.name)
        payload = self._payload(task, args, workspace)
        delay = self.retry_delay
        for attempt in range(self.retries + 1):
            try:
                reply = self._call_once(family, model, payload)
                break
            except Exception as exc:  # noqa: BLE001 - classified below
                if not _replica_died(exc) or attempt == self.retries:
                    raise ExecutionError(
                        f"Ray Serve call for {model!r} failed: {type(exc).__name__}: {exc}",
                        transient=_replica_died(exc),
                    ) from exc
                logger.info("A %s replica died mid-call (%s); retrying.", family, exc)
                time.sleep(delay)
                delay *= 2
        self.last_call = {k: reply.get(k) for k in ("replica", "loads", "calls")}
        if reply.get("error"):
            raise ExecutionError(
                f"Ray replica {reply.get('replica')}: {reply['error']}",
                transient=bool(reply.get("transient")),
            )
        files = []
        for blob in reply.get("files") or []:
            name = Path(str(blob["name"])).name
            stem, _, ext = name.rpartition(".")
            target = workspace.output_path(stem or name, ext or "bin")
            target.write_bytes(base64.b64decode(blob["content"]))
            files.append(str(target))
        return ExecutionOutput(
            text=reply.get("text"), files=files, data=reply.get("data"), executor=self.name
        )


class _ReplicaGone(Exception):
    """An HTTP 5xx from the Serve proxy: the replica died or was unavailable."""


def _replica_died(exc: BaseException) -> bool:
    """Whether an error means the replica went away (worth a retry), not that the task failed."""
    if isinstance(exc, _ReplicaGone):
        return True
    names = {type(e).__name__ for e in _chain(exc)}
    return bool(
        names
        & {
            "RayActorError",
            "ActorDiedError",
            "ActorUnavailableError",
            "ActorUnschedulableError",
            "WorkerCrashedError",
            "DeploymentUnavailableError",
            "BackPressureError",
            "ConnectError",
            "RemoteProtocolError",
        }
    )


def _chain(exc: BaseException) -> list[BaseException]:
    out, seen = [], set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        out.append(exc)
        exc = exc.__cause__ or exc.__context__  # type: ignore[assignment]
    return out
