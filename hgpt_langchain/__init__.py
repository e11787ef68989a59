"""hgpt_langchain: HuggingGPT for LangChain.

An LLM controller plans a request into a DAG of Hugging Face tasks, a retriever picks a model per
task from a vector index of hub model cards, executors run them (local pipelines or remote
inference) and a responder reports everything. Importing this package is cheap: torch,
transformers and diffusers load only when a local model runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hgpt_langchain._lazy import lazy_getattr

if TYPE_CHECKING:
    from hgpt_langchain.graph import build_graph
    from hgpt_langchain.planning.base import PlanResult, StaticPlanner
    from hgpt_langchain.planning.llm import LLMPlanner
    from hgpt_langchain.response import LLMResponder, TemplateResponder
    from hgpt_langchain.state import (
        HuggingGPTState,
        ModelChoice,
        Plan,
        Report,
        Task,
        TaskResult,
    )
    from hgpt_langchain.tasks import TASKS, TaskSpec

__version__ = "0.1.0"

_EXPORTS: dict[str, str] = {
    "build_graph": "hgpt_langchain.graph",
    "LLMPlanner": "hgpt_langchain.planning.llm",
    "OfflinePlanner": "hgpt_langchain.planning.offline",
    "PlanResult": "hgpt_langchain.planning.base",
    "StaticPlanner": "hgpt_langchain.planning.base",
    "LLMResponder": "hgpt_langchain.response",
    "TemplateResponder": "hgpt_langchain.response",
    "HuggingGPTState": "hgpt_langchain.state",
    "ModelChoice": "hgpt_langchain.state",
    "Plan": "hgpt_langchain.state",
    "Report": "hgpt_langchain.state",
    "Task": "hgpt_langchain.state",
    "TaskResult": "hgpt_langchain.state",
    "TASKS": "hgpt_langchain.tasks",
    "TaskSpec": "hgpt_langchain.tasks",
    "RetrievalSelector": "hgpt_langchain.selection.retrieval",
    "LLMSelector": "hgpt_langchain.selection.llm",
    "load_catalog": "hgpt_langchain.catalog",
    "get_model_tools": "hgpt_langchain.toolkit",
    "make_model_tool": "hgpt_langchain.execution.tools",
    "HuggingFaceModelToolkit": "hgpt_langchain.toolkit",
    "Workspace": "hgpt_langchain.execution",
    "LocalExecutor": "hgpt_langchain.execution",
    "RemoteExecutor": "hgpt_langchain.execution",
    "HybridExecutor": "hgpt_langchain.execution",
    "Scheduler": "hgpt_langchain.execution",
    "HuggingGPTTool": "hgpt_langchain.hugginggpt_tool",
    "hugginggpt_node": "hgpt_langchain.subgraph",
    "sqlite_checkpointer": "hgpt_langchain.checkpoint",
}

__all__ = [  # noqa: RUF022 - grouped by stage, pinned by tests/test_imports.py
    "build_graph",
    "HuggingGPTState",
    "Plan",
    "Task",
    "ModelChoice",
    "TaskResult",
    "Report",
    "TASKS",
    "TaskSpec",
    "PlanResult",
    "LLMPlanner",
    "OfflinePlanner",
    "StaticPlanner",
    "load_catalog",
    "RetrievalSelector",
    "LLMSelector",
    "Workspace",
    "LocalExecutor",
    "RemoteExecutor",
    "HybridExecutor",
    "Scheduler",
    "LLMResponder",
    "TemplateResponder",
    "make_model_tool",
    "get_model_tools",
    "HuggingFaceModelToolkit",
    "HuggingGPTTool",
    "hugginggpt_node",
    "sqlite_checkpointer",
    "__version__",
]


__getattr__ = lazy_getattr(__name__, _EXPORTS, globals())


def __dir__() -> list[str]:
    return __all__
