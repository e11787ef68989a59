"""Small in-process stand-ins for the selector and executor (the real ones have own tests)."""

from __future__ import annotations

import threading

from hgpt_langchain.execution.base import ExecutionOutput
from hgpt_langchain.selection.base import StaticSelector
from hgpt_langchain.state import Candidate, ModelChoice, Plan


def choose(plan: Plan, *models: str) -> dict[int, ModelChoice]:
    """Every task gets ``models[0]`` with the rest as fallbacks."""
    return {
        t.id: ModelChoice(
            task_id=t.id,
            task=t.task,
            model=models[0],
            candidates=[Candidate(id=m, score=1.0 - i / 10) for i, m in enumerate(models)],
        )
        for t in plan.tasks
    }


def FirstModelSelector() -> StaticSelector:  # noqa: N802 - reads like the class it was
    """Picks ``<task>-model-a`` with ``<task>-model-b`` as fallback, no retrieval."""
    return StaticSelector(lambda t: [f"{t.task}-model-a", f"{t.task}-model-b"], reason="best match")


class EchoExecutor:
    """Writes a file for file-producing tasks, echoes text otherwise; records calls."""

    name = "echo"

    def __init__(self, fail: set[str] | None = None):
        self.calls: list[tuple[str, str, dict]] = []
        self.fail = fail or set()
        self._lock = threading.Lock()

    def run(self, task, model, args, workspace):
        with self._lock:
            self.calls.append((task.name, model, dict(args)))
        if model in self.fail or task.name in self.fail:
            from hgpt_langchain.errors import ExecutionError

            raise ExecutionError(f"{model} is broken")
        out = task.output
        if out == "text":
            return ExecutionOutput(
                text=f"{task.name}({', '.join(args.values())})", executor=self.name
            )
        ext = {"image": "png", "audio": "wav", "video": "mp4"}[out]
        path = workspace.output_path(f"task-{task.name}", ext)
        path.write_bytes(b"fake")
        return ExecutionOutput(files=[str(path)], executor=self.name)
