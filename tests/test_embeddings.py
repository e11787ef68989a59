"""The default embeddings' query backends: ONNX Runtime (int8 / float32) and the torch fallback."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from hgpt_langchain import embeddings as emb_mod
from hgpt_langchain.embeddings import SentenceTransformerEmbeddings, default_embeddings
from hgpt_langchain.errors import ConfigurationError

QUERIES = [
    "Transcribe the speech in meeting.wav into text.",
    "Draw a watercolor picture of a lighthouse at night",
    "What is the capital of France? Answer from the paragraph below.",
]


def shared(**kwargs) -> SentenceTransformerEmbeddings:
    """New embeddings over the already loaded MiniLM (no second load from disk)."""
    embeddings = SentenceTransformerEmbeddings(**kwargs)
    embeddings._model = default_embeddings().model
    return embeddings


@pytest.mark.parametrize(("backend", "min_cos"), [("onnx-int8", 0.98), ("onnx", 0.9999)])
def test_onnx_query_encoder_matches_torch_and_is_cached(tmp_path, monkeypatch, backend, min_cos):
    embeddings = shared(query_backend=backend, cache_dir=tmp_path)
    reference = embeddings.encode(QUERIES)  # torch, float32
    vectors = np.stack([embeddings.encode_query(q) for q in QUERIES])
    assert embeddings.query_backend_used == backend
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    cosines = np.sum(reference * vectors, axis=1)
    assert cosines.min() > min_cos, cosines
    # Different queries stay different: the graph really depends on the tokens.
    assert float(vectors[0] @ vectors[1]) < 0.5
    exported = sorted(p.name for p in (tmp_path / "onnx").glob("*/*.onnx"))
    # The float32 graph is always kept (the offline planner's); int8 is quantised from it.
    assert exported == (
        ["query-int8.onnx", "query.onnx"] if backend == "onnx-int8" else ["query.onnx"]
    )

    def no_export(*args, **kwargs):
        raise AssertionError("the cached export should have been reused")

    monkeypatch.setattr(emb_mod, "_export", no_export)
    again = shared(query_backend=backend, cache_dir=tmp_path)
    np.testing.assert_allclose(again.encode_query(QUERIES[0]), vectors[0], atol=1e-6)
    assert again.embed_query(QUERIES[0]) == pytest.approx(vectors[0].tolist(), abs=1e-6)


def test_without_onnxruntime_auto_falls_back_to_torch_and_explicit_onnx_says_how(
    tmp_path, monkeypatch
):
    monkeypatch.setitem(sys.modules, "onnxruntime", None)  # "not installed"
    auto = shared(cache_dir=tmp_path)
    vector = auto.encode_query(QUERIES[0])
    assert auto.query_backend_used == "torch"
    assert float(auto.encode([QUERIES[0]])[0] @ vector) > 0.999  # bf16 autocast ~ float32
    assert not (tmp_path / "onnx").exists()

    strict = shared(query_backend="onnx-int8", cache_dir=tmp_path)
    with pytest.raises(ConfigurationError, match="query_backend='torch'"):
        strict.encode_query(QUERIES[0])


def test_a_failed_export_warns_and_falls_back_to_torch(tmp_path, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError("exporter removed in this torch")

    monkeypatch.setattr(emb_mod, "_export", broken)
    embeddings = shared(cache_dir=tmp_path)
    with caplog.at_level("WARNING", logger="hgpt_langchain.embeddings"):
        vector = embeddings.encode_query(QUERIES[1])
    assert embeddings.query_backend_used == "torch"
    assert "exporter removed in this torch" in caplog.text
    assert float(embeddings.encode([QUERIES[1]])[0] @ vector) > 0.999


def test_onnx_export_refuses_an_unsupported_model_layout(tmp_path, monkeypatch):
    class Odd:
        tokenizer = None

        def __iter__(self):
            return iter([object()])

    with pytest.raises(ValueError, match="unsupported module layout"):
        emb_mod._OnnxQueryEncoder.build(Odd(), "odd", int8=True, cache_dir=tmp_path)


def test_unknown_backend_is_a_configuration_error():
    with pytest.raises(ConfigurationError, match="Unknown query_backend 'gpu'"):
        SentenceTransformerEmbeddings(query_backend="gpu")
