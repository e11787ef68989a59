"""Stage 2, selection: a model for every planned task.

* :mod:`~hgpt_langchain.selection.base`: the :class:`Selector` protocol and
  :class:`StaticSelector` (fixed models);
* :mod:`~hgpt_langchain.selection.retrieval`: :class:`RetrievalSelector` (default, no LLM call),
  the fit re-ranking and its weights;
* :mod:`~hgpt_langchain.selection.llm`: :class:`LLMSelector` (one LLM call among the retrieved
  candidates);
* :mod:`~hgpt_langchain.selection.index`: the catalog's vector index (:class:`ModelIndex`),
  ranked by the terms of :mod:`~hgpt_langchain.selection.ranking`, with the task prototypes
  (:mod:`~hgpt_langchain.selection.prototypes`), the task head
  (:mod:`~hgpt_langchain.selection.taskhead`) and optional HNSW graphs
  (:mod:`~hgpt_langchain.selection.ann`).

Names are re-exported lazily: ``import hgpt_langchain.selection.base`` loads no numpy.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hgpt_langchain.selection.base import Selector, StaticSelector
    from hgpt_langchain.selection.index import ModelIndex, default_index
    from hgpt_langchain.selection.llm import LLMSelector
    from hgpt_langchain.selection.retrieval import RetrievalSelector

_EXPORTS: dict[str, str] = {
    "Selector": "hgpt_langchain.selection.base",
    "StaticSelector": "hgpt_langchain.selection.base",
    "RetrievalSelector": "hgpt_langchain.selection.retrieval",
    "LLMSelector": "hgpt_langchain.selection.llm",
    "ModelIndex": "hgpt_langchain.selection.index",
    "default_index": "hgpt_langchain.selection.index",
}

__all__ = [
    "LLMSelector",
    "ModelIndex",
    "RetrievalSelector",
    "Selector",
    "StaticSelector",
    "default_index",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'hgpt_langchain.selection' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
