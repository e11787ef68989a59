"""A sleep-based executor with known durations, for benchmarks and scheduling tests.

It runs no model: each call sleeps for the configured time, writes a small placeholder file when
the task's main output is an image, audio or video (so ``<resource>-k`` flows between tasks as
with real executors), records the call and optionally fails on purpose.
"""

from __future__ import annotations

import io
import logging
import threading
import time
import wave
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from hgpt_langchain.errors import ExecutionError
from hgpt_langchain.execution.base import ExecutionOutput
from hgpt_langchain.execution.context import current_task_id, output_stem

if TYPE_CHECKING:
    from hgpt_langchain.execution.workspace import Workspace
    from hgpt_langchain.tasks import TaskSpec

logger = logging.getLogger(__name__)

_EXT = {"image": "png", "audio": "wav", "video": "mp4"}


@dataclass
class SleepCall:
    """One recorded call of :class:`SleepExecutor`."""

    task_id: int | None
    task: str
    model: str
    args: dict[str, str]
    start: float
    end: float = 0.0
    error: str | None = None


def _png_1x1() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (1, 1), (255, 0, 0)).save(buf, format="PNG")
    return buf.getvalue()


def _wav_silence() -> bytes:
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(b"\x00\x00" * 80)
    return buf.getvalue()


@dataclass
class SleepExecutor:
    """Executor that sleeps instead of running a model.

    Keys of ``durations``, ``fail`` and ``flaky`` match, in this order: the plan task id (as
    ``int`` or its string), the model id, the task type; ``durations`` falls back to
    ``default``.

    Args:
        durations: Seconds per key, or one number for every task.
        default: Seconds for tasks no key matches.
        fail: Keys whose calls always fail (non-transient :class:`ExecutionError`).
        flaky: Key -> how many first calls fail with a *transient* error before succeeding.
        name: Executor name reported in results.

    Attributes:
        calls: Every call, in start order (thread-safe appends).
    """

    durations: Mapping[str | int, float] | float = 0.05
    default: float = 0.05
    fail: Iterable[str | int] = ()
    flaky: Mapping[str | int, int] = field(default_factory=dict)
    name: str = "sleep"
    calls: list[SleepCall] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._fail = {str(k) for k in self.fail}
        self._flaky_left = {str(k): int(v) for k, v in self.flaky.items()}

    def _keys(self, task_id: int | None, model: str, task: str) -> list[str]:
        return ([str(task_id)] if task_id is not None else []) + [model, task]

    def duration(self, task_id: int | None, model: str, task: str) -> float:
        """Seconds a call for this task id / model / task type sleeps."""
        if not isinstance(self.durations, Mapping):
            return float(self.durations)
        table = {str(k): float(v) for k, v in self.durations.items()}
        for key in self._keys(task_id, model, task):
            if key in table:
                return table[key]
        return float(self.default)

    def run(
        self, task: TaskSpec, model: str, args: dict[str, str], workspace: Workspace
    ) -> ExecutionOutput:
        """Sleep, then return a text output (and a placeholder file for media outputs)."""
        task_id = current_task_id()
        keys = self._keys(task_id, model, task.name)
        call = SleepCall(task_id, task.name, model, dict(args), time.monotonic())
        with self._lock:
            self.calls.append(call)
        time.sleep(self.duration(task_id, model, task.name))
        call.end = time.monotonic()
        with self._lock:
            flaky_key = next((k for k in keys if self._flaky_left.get(k, 0) > 0), None)
            if flaky_key is not None:
                self._flaky_left[flaky_key] -= 1
        if flaky_key is not None:
            call.error = "transient"
            raise ExecutionError(
                f"Model {model!r} is loading (simulated 503); retry later.", transient=True
            )
        if any(k in self._fail for k in keys):
            call.error = "failed"
            raise ExecutionError(f"Model {model!r} failed on task {task.name!r} (simulated).")
        text = f"{task.name} by {model}"
        files: list[str] = []
        ext = _EXT.get(task.output)
        if ext is not None:
            path = workspace.output_path(output_stem(task.name), ext)
            if ext == "png":
                path.write_bytes(_png_1x1())
            elif ext == "wav":
                path.write_bytes(_wav_silence())
            else:
                path.write_bytes(b"\x00\x00\x00\x18ftypmp42")
            files.append(str(path))
        return ExecutionOutput(
            text=text, files=files, data={"args": dict(args)}, executor=self.name
        )
