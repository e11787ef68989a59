"""Hermetic demo settings from the environment, shared by LangGraph Studio and ``hgpt ui``.

- ``HGPT_STUDIO_PLAN``: a fixed plan (inline JSON or a path to a JSON file) instead of planning.
- ``HGPT_STUDIO_DRY_RUN=1``: run no model: every task gets the model id ``dry-run/<task>`` and a
  sleep executor returns placeholder outputs (``HGPT_STUDIO_DRY_RUN_SECONDS`` per task, default
  0.2).

Both are read, never written.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any


def fixed_plan_from_env() -> Any:
    """The plan of ``HGPT_STUDIO_PLAN`` (inline JSON or a JSON file), or ``None``."""
    raw = os.environ.get("HGPT_STUDIO_PLAN", "").strip()
    if not raw:
        return None
    if raw.startswith(("{", "[")):
        return json.loads(raw)
    return json.loads(Path(raw).expanduser().read_text(encoding="utf-8"))


def dry_run_requested() -> bool:
    """Whether ``HGPT_STUDIO_DRY_RUN`` asks for the placeholder executor."""
    return os.environ.get("HGPT_STUDIO_DRY_RUN", "").lower() in ("1", "true", "yes")


def demo_graph_kwargs() -> dict[str, Any]:
    """``build_graph`` keyword arguments the environment asks for (empty when none).

    Returns:
        ``planner`` (with ``HGPT_STUDIO_PLAN``) and ``selector`` + ``executor`` (with
        ``HGPT_STUDIO_DRY_RUN``).
    """
    kwargs: dict[str, Any] = {}
    plan = fixed_plan_from_env()
    if plan is not None:
        kwargs["planner"] = plan
    if dry_run_requested():
        from hgpt_langchain.execution.sleep import SleepExecutor
        from hgpt_langchain.selection.base import StaticSelector

        seconds = float(os.environ.get("HGPT_STUDIO_DRY_RUN_SECONDS", "0.2"))
        kwargs["selector"] = StaticSelector(
            lambda t: f"dry-run/{t.task}", reason="dry run: no model is executed"
        )
        kwargs["executor"] = SleepExecutor(durations=seconds, name="dry-run")
    return kwargs
