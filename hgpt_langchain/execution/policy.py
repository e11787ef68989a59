"""Choosing where a model runs: the hybrid local/remote executor and the default executor.

``auto`` runs a model locally when it is already on this machine (a local folder or the Hugging
Face cache) or known to be small, and remotely otherwise; when the first choice fails the other one
is tried. ``local`` and ``remote`` pin the back end (no fallback unless asked for). ``ray`` sends
tasks to Ray Serve deployments first, then remote inference, then local, with fallback.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Generator, Mapping
from typing import TYPE_CHECKING, Any, Literal

from hgpt_langchain.errors import ConfigurationError, ExecutionError, UnsupportedTaskError
from hgpt_langchain.execution.base import ExecutionOutput, Executor
from hgpt_langchain.execution.local import LocalExecutor
from hgpt_langchain.execution.remote import RemoteExecutor
from hgpt_langchain.tasks import TaskSpec

if TYPE_CHECKING:
    from hgpt_langchain.execution.workspace import Workspace

logger = logging.getLogger(__name__)

Policy = Literal["auto", "local", "remote", "ray"]
POLICIES: tuple[str, ...] = ("auto", "local", "remote", "ray")


WEIGHT_SUFFIXES = (".safetensors", ".bin", ".pt", ".pth", ".ckpt")


def hub_model_size_mb(model: str, *, token: str | None = None) -> float | None:
    """Size of a Hub model's weights in MiB, from its file listing; ``None`` when unknown.

    Unknown: offline (``HF_HUB_OFFLINE``), a local folder, no weight files, or any Hub error.
    Only safetensors files count when the repository has them (the others are duplicates).
    """
    from huggingface_hub import HfApi, constants

    if constants.HF_HUB_OFFLINE or os.path.isdir(model):
        return None
    try:
        info = HfApi(token=token).model_info(model, files_metadata=True, timeout=10)
    except Exception as err:  # noqa: BLE001 - any failure means "size unknown"
        logger.info("Size of %s unknown: %s", model, err)
        return None
    files = [f for f in info.siblings or [] if f.rfilename.endswith(WEIGHT_SUFFIXES)]
    safetensors = [f for f in files if f.rfilename.endswith(".safetensors")]
    total = sum(f.size or 0 for f in (safetensors or files))
    return total / 2**20 if total else None


class HybridExecutor:
    """Runs each task locally or remotely, with fallback from one to the other.

    Args:
        local: The local executor (default: a new :class:`LocalExecutor`).
        remote: The remote executor (default: a new :class:`RemoteExecutor` from ``HF_TOKEN``).
        policy: ``"auto"``, ``"local"``, ``"remote"`` or ``"ray"`` (Ray Serve, then remote,
            then local).
        fallback: Try the other back end when the first fails. Default: on for ``auto`` and
            ``ray``, off for a pinned policy.
        max_local_mb: In ``auto``, models known (``sizes``) to be at most this big run locally
            even when not downloaded yet.
        sizes: Known model sizes in MiB by model id (e.g. from the catalog).
        size_lookup: Finds the size of a model not in ``sizes`` (default: the weight files
            listed on the Hub, :func:`hub_model_size_mb`); asked only in ``auto`` when remote
            inference is configured and the model is not on this machine. ``None``: never.
        ray: The Ray Serve executor of the ``ray`` policy
            (:class:`~hgpt_langchain.execution.ray_serve.RayServeExecutor`).
    """

    name = "hybrid"

    def __init__(
        self,
        local: Executor | None = None,
        remote: Executor | None = None,
        policy: Policy = "auto",
        *,
        fallback: bool | None = None,
        max_local_mb: float = 1500.0,
        sizes: Mapping[str, float] | None = None,
        size_lookup: Callable[[str], float | None] | None = hub_model_size_mb,
        ray: Executor | None = None,
    ):
        if policy not in POLICIES:
            raise ConfigurationError(
                f"Unknown execution policy {policy!r}: use one of {', '.join(POLICIES)}."
            )
        self.local = local if local is not None else LocalExecutor()
        self.remote = remote if remote is not None else RemoteExecutor()
        if policy == "ray" and ray is None:
            raise ConfigurationError(
                "The 'ray' execution policy needs a Ray Serve executor: set HGPT_RAY_ADDRESS "
                "(http://HEAD:8000) or run inside Ray (ray.init) with `hgpt serve-ray` deployed."
            )
        self.ray = ray
        self.policy = policy
        self.fallback = (policy in ("auto", "ray")) if fallback is None else fallback
        self.max_local_mb = max_local_mb
        self.sizes: dict[str, float | None] = dict(sizes or {})
        self.size_lookup = size_lookup

    def _supports(self, executor: Executor, task: TaskSpec) -> bool:
        supports = getattr(executor, "supports", None)
        return bool(supports(task)) if callable(supports) else True

    def _remote_ready(self) -> bool:
        return bool(getattr(self.remote, "configured", True))

    def _local_ready(self, model: str) -> bool:
        available = getattr(self.local, "is_available", None)
        if callable(available) and available(model):
            return True
        if model not in self.sizes and self.size_lookup is not None:
            self.sizes[model] = self.size_lookup(model)  # remembered, also when unknown
        size = self.sizes.get(model)
        return size is not None and size <= self.max_local_mb

    def can_run(self, entry: Any) -> bool | None:
        """Whether a back end this policy may use can run a catalog entry (``None``: unknown).

        ``local``/``remote`` without fallback ask that back end only; otherwise True if either
        can, False if both cannot. A remote back end that is not configured (no token, no
        ``base_url``, offline) counts as unable.
        """
        backs = {"local": [self.local], "remote": [self.remote]}.get(self.policy, [])
        if not backs or self.fallback:
            backs = [self.local, self.remote]
        if self.policy == "ray" and self.ray is not None:
            backs = [self.ray, *backs] if self.fallback else [self.ray]
        answers = []
        for back in backs:
            if back is self.remote and not self._remote_ready():
                answers.append(False)
                continue
            check = getattr(back, "can_run", None)
            answers.append(check(entry) if callable(check) else None)
        if any(a is True for a in answers):
            return True
        return False if all(a is False for a in answers) else None

    def plan_for(self, task: TaskSpec, model: str) -> list[Executor]:
        """The back ends to try for ``model`` on ``task``, in order."""
        if self.policy == "ray":
            assert self.ray is not None
            order = [self.ray, self.remote, self.local]
        elif self.policy == "local":
            order = [self.local, self.remote]
        elif self.policy == "remote":
            order = [self.remote, self.local]
        elif not self._remote_ready() or self._local_ready(model):
            order = [self.local, self.remote]
        else:
            order = [self.remote, self.local]
        if not self.fallback:
            order = order[:1]
        usable = [e for e in order if self._supports(e, task)]
        return [e for e in usable if e is not self.remote or self._remote_ready()] or usable

    def run(
        self, task: TaskSpec, model: str, args: dict[str, str], workspace: Workspace
    ) -> ExecutionOutput:
        """Run on the preferred back end; on failure try the other one.

        Raises:
            UnsupportedTaskError: Neither back end supports the task type.
            ExecutionError: Every back end failed (``transient`` if the last error was).
        """
        tries = self._tries(task, model)
        executor = next(tries)
        while True:
            try:
                return executor.run(task, model, args, workspace)
            except (ConfigurationError, ExecutionError) as exc:
                executor = tries.send(exc)

    async def arun(
        self, task: TaskSpec, model: str, args: dict[str, str], workspace: Workspace
    ) -> ExecutionOutput:
        """Async :meth:`run`: the same order, fallbacks and errors.

        A back end with an async ``arun`` (remote inference) is awaited on the loop; the others
        (local models, Ray Serve) run in the bounded worker pool.
        """
        from hgpt_langchain.workers import arun_executor, run_blocking

        tries = self._tries(task, model)
        executor = await run_blocking(next, tries)  # the order may ask the Hub for a size
        while True:
            try:
                output: ExecutionOutput = await arun_executor(
                    executor, task, model, args, workspace
                )
                return output
            except (ConfigurationError, ExecutionError) as exc:
                executor = tries.send(exc)

    def _tries(
        self, task: TaskSpec, model: str
    ) -> Generator[Executor, ConfigurationError | ExecutionError, None]:
        """The back ends to try, one at a time; send each one's error to get the next.

        When none is left it raises the error :meth:`run` reports.
        """
        order = self.plan_for(task, model)
        if not order:
            raise UnsupportedTaskError(
                f"Task {task.name!r} cannot run with execution policy {self.policy!r}: "
                f"local={'yes' if task.local else 'no'}, remote={'yes' if task.remote else 'no'}."
            )
        errors: list[str] = []
        last: ExecutionError | None = None
        for executor in order:
            exc = yield executor
            last = exc if isinstance(exc, ExecutionError) else ExecutionError(str(exc))
            errors.append(f"{getattr(executor, 'name', type(executor).__name__)}: {last}")
            logger.info("Task %s with %s failed on %s", task.name, model, errors[-1])
        assert last is not None
        if len(errors) == 1:
            raise last
        raise ExecutionError(" | ".join(errors), transient=last.transient)


def default_executor(policy: str | None = None) -> HybridExecutor:
    """The executor built from the environment.

    Args:
        policy: ``auto`` | ``local`` | ``remote``; default: ``HGPT_EXECUTION``, else ``auto``.

    Reads ``HGPT_RAY_ADDRESS`` (policy ``ray``: the Serve proxy, else the current Ray session),
    ``HF_TOKEN``,
    ``HGPT_INFERENCE_URL`` (a self-hosted endpoint, ``{model}`` allowed),
    ``HGPT_INFERENCE_PROVIDER``, ``HGPT_DEVICE``, ``HGPT_MEMORY_BUDGET_MB`` and
    ``HGPT_TRUST_REMOTE_CODE=1`` / ``HGPT_TRUST_PICKLE=1`` (only for repositories you trust).

    Raises:
        ConfigurationError: The policy (or ``HGPT_EXECUTION``) has an unknown value.
    """
    where = "--execution"
    if policy is None:
        policy, where = os.environ.get("HGPT_EXECUTION") or "auto", "HGPT_EXECUTION"
    policy = policy.strip().lower()
    if policy not in POLICIES:
        raise ConfigurationError(
            f"{where}={policy!r} is not valid: use one of {', '.join(POLICIES)}."
        )

    def flag(name: str) -> bool:
        return os.environ.get(name, "").strip().lower() in ("1", "true", "yes")

    local = LocalExecutor(
        device=os.environ.get("HGPT_DEVICE") or None,
        trust_remote_code=flag("HGPT_TRUST_REMOTE_CODE"),
        trust_pickle=flag("HGPT_TRUST_PICKLE"),
    )
    remote = RemoteExecutor(
        base_url=os.environ.get("HGPT_INFERENCE_URL") or None,
        provider=os.environ.get("HGPT_INFERENCE_PROVIDER") or None,
    )
    ray = None
    if policy == "ray":
        from hgpt_langchain.execution.ray_serve import RayServeExecutor

        ray = RayServeExecutor(address=os.environ.get("HGPT_RAY_ADDRESS") or None)
        if not ray.configured:
            from hgpt_langchain.execution.ray_serve import NOT_CONFIGURED

            raise ConfigurationError(NOT_CONFIGURED)
    return HybridExecutor(local, remote, policy=policy, ray=ray)  # type: ignore[arg-type]


__all__ = ["HybridExecutor", "Policy", "default_executor"]
