"""The HuggingGPT graphs served by ``langgraph dev`` / LangGraph Studio (see ``langgraph.json``).

Both graphs are compiled without a checkpointer: the LangGraph server brings its own (threads,
interrupts and time travel then work in Studio).

- ``hugginggpt``: plan, select, execute, respond.
- ``hugginggpt_approval``: the same, pausing after planning; resume from Studio with
  ``"accept"``, ``"cancel"`` or an edited plan (``{"tasks": [...]}``).

Configuration (environment, e.g. in a ``.env`` file next to ``langgraph.json``):

- ``HGPT_LLM`` (or ``OPENAI_API_KEY``): the controller chat model. Without one the graphs still
  run, offline: offline planner and templated answers.
- ``HF_TOKEN`` / ``HGPT_EXECUTION``: where models run (see the README).
- ``HGPT_STUDIO_PLAN``: a fixed plan (inline JSON or a path to a JSON file) instead of planning.
- ``HGPT_STUDIO_DRY_RUN=1``: run no model: every task gets the model id ``dry-run/<task>`` and a
  sleep executor returns placeholder outputs (``HGPT_STUDIO_DRY_RUN_SECONDS`` per task, default
  0.2). With ``HGPT_STUDIO_PLAN`` this makes a hermetic demo (and the Studio test).

Checkpoint serialization: the state holds pydantic models (``Plan``, ``ModelChoice``,
``TaskResult``). ``langgraph.json`` allowlists them (``checkpointer.serde``) for servers that read
that setting; ``langgraph dev`` 0.16 does not yet, so it logs "Deserializing unregistered type"
once per type and works. Do not set ``LANGGRAPH_STRICT_MSGPACK=true`` for ``langgraph dev`` until
the server honours the allowlist: it would refuse the plan when resuming an approval.
"""

from __future__ import annotations

from typing import Any

from hgpt_langchain.dryrun import demo_graph_kwargs
from hgpt_langchain.graph import build_graph
from hgpt_langchain.llm import resolve_llm


def make_graph(*, approve_plan: bool = False, name: str = "hugginggpt") -> Any:
    """Build a graph for the server from the environment (no checkpointer: the server has one).

    Args:
        approve_plan: Pause after planning for approval.
        name: Graph name shown in Studio.

    Returns:
        The compiled graph.
    """
    kwargs = demo_graph_kwargs()  # HGPT_STUDIO_PLAN / HGPT_STUDIO_DRY_RUN (hgpt_langchain.dryrun)
    return build_graph(resolve_llm(), approve_plan=approve_plan, name=name, **kwargs)


graph = make_graph()
approval_graph = make_graph(approve_plan=True, name="hugginggpt_approval")
