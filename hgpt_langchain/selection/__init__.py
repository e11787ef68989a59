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

Like :mod:`hgpt_langchain.planning`, the package re-exports nothing: import from the modules
(``import hgpt_langchain.selection.base`` loads no numpy). The public names are also lazy
attributes of :mod:`hgpt_langchain`.
"""
