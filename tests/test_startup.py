"""Start-up: the plan/select path runs on cached ONNX + anchor files, with no torch import."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from hgpt_langchain import embeddings as emb_mod
from hgpt_langchain.embeddings import SentenceTransformerEmbeddings, default_embeddings
from hgpt_langchain.planning import offline as offline_mod
from hgpt_langchain.planning.offline import OfflinePlanner, anchor_vectors

HEAVY = ("torch", "transformers", "sentence_transformers")
QUERIES = [
    "Transcribe the speech in meeting.wav into text.",
    "Traduis « Où est la gare ? » en anglais, s'il te plaît — c'est URGENT!!",
    "Résumé: naïve café façade, 東京 and emoji 🙂 in one line",
]


def shared(**kwargs) -> SentenceTransformerEmbeddings:
    """New embeddings over the already loaded MiniLM (no second load from disk)."""
    embeddings = SentenceTransformerEmbeddings(**kwargs)
    embeddings._model = default_embeddings().model
    return embeddings


def run_python(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    """``code`` in a fresh interpreter with this checkout first on the path (warm caches)."""
    root = str(Path(__file__).resolve().parents[1])
    full_env = {**os.environ, "PYTHONPATH": root + os.pathsep + os.environ.get("PYTHONPATH", "")}
    full_env.update(env)
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=full_env, timeout=300
    )


def test_the_onnx_tokenizer_gives_transformers_token_ids(tmp_path):
    embeddings = shared(cache_dir=tmp_path)
    embeddings.encode_query("warm")
    encoder = embeddings._query
    assert isinstance(encoder, emb_mod._OnnxQueryEncoder)
    reference = default_embeddings().model.tokenizer
    long_text = " ".join(["a very long request about many photos"] * 80)  # > max length
    for text in [*QUERIES, long_text]:
        ours = encoder.tokenizer.encode(text)
        theirs = reference([text], truncation=True, max_length=encoder.max_length)
        assert ours.ids == list(theirs["input_ids"][0]), text
        assert ours.attention_mask == list(theirs["attention_mask"][0])
    assert len(encoder.tokenizer.encode(long_text).ids) == encoder.max_length == 256


def test_a_cached_export_embeds_queries_in_a_new_process_without_torch(tmp_path):
    embeddings = shared(cache_dir=tmp_path)  # exports once (torch), then tokenizers + onnxruntime
    here = np.stack([embeddings.encode_query(q) for q in QUERIES])
    reference = embeddings.encode(QUERIES)  # sentence-transformers, float32
    assert np.sum(here * reference, axis=1).min() >= 0.98
    metas = {m.parent: json.loads(m.read_text()) for m in (tmp_path / "onnx").glob("*/meta.json")}
    assert sorted(m["int8"] for m in metas.values()) == [False, True]
    for meta in metas.values():
        assert meta["input_names"][:2] == ["input_ids", "attention_mask"]
        assert meta["max_length"] == 256 and meta["tokenizer"] == "tokenizer.json"
    # Without its int8 graph, the new process quantises the cached float32 one (no torch).
    int8_folder = next(folder for folder, meta in metas.items() if meta["int8"])
    for file in int8_folder.iterdir():
        file.unlink()

    code = (
        "import json, sys\n"
        "from hgpt_langchain.embeddings import SentenceTransformerEmbeddings\n"
        f"e = SentenceTransformerEmbeddings(cache_dir={str(tmp_path)!r})\n"
        f"vectors = [e.encode_query(q).tolist() for q in {QUERIES!r}]\n"
        f"heavy = [m for m in {HEAVY!r} if m in sys.modules]\n"
        "print(json.dumps({'vectors': vectors, 'heavy': heavy, 'used': e.query_backend_used}))\n"
    )
    out = run_python(code)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert result["heavy"] == [] and result["used"] == "onnx-int8"
    assert (int8_folder / "query-int8.onnx").is_file() and (int8_folder / "meta.json").is_file()
    there = np.asarray(result["vectors"], dtype=np.float32)
    # Same graph, same tokens: the same vector (up to float noise), and still MiniLM's vector.
    np.testing.assert_allclose(there, here, atol=1e-4)
    assert np.sum(there * reference, axis=1).min() >= 0.98


def test_a_changed_model_folder_or_an_old_export_is_not_reused(tmp_path):
    folder = tmp_path / "model"
    folder.mkdir()
    (folder / "config.json").write_text('{"hidden_size": 384}')
    (folder / "model.safetensors").write_bytes(bytes(range(256)) * 100)
    before = emb_mod._folder_fingerprint(folder)
    (folder / "model.safetensors").write_bytes(bytes(range(256)) * 99 + bytes(256))
    after_weights = emb_mod._folder_fingerprint(folder)
    (folder / "config.json").write_text('{"hidden_size": 768}')
    after_config = emb_mod._folder_fingerprint(folder)
    assert len({before, after_weights, after_config}) == 3
    assert emb_mod._query_key(before, "m", True) != emb_mod._query_key(before, "m", False)

    # An export folder whose meta.json is from another recipe version (or names another key)
    # is ignored, so the caller exports afresh instead of running a stale graph.
    key = emb_mod._query_key(after_config, "m", True)
    target = tmp_path / "cache" / "onnx" / key
    target.mkdir(parents=True)
    (target / "query-int8.onnx").write_bytes(b"not a graph")
    (target / "tokenizer.json").write_text("{}")
    meta = {
        "version": emb_mod._EXPORT_VERSION - 1,
        "key": key,
        "graph": "query-int8.onnx",
        "tokenizer": "tokenizer.json",
        "input_names": ["input_ids"],
        "max_length": 8,
    }
    (target / "meta.json").write_text(json.dumps(meta))
    assert (
        emb_mod._OnnxQueryEncoder.cached(after_config, "m", int8=True, cache_dir=tmp_path / "cache")
        is None
    )
    (target / "meta.json").write_text(
        json.dumps({**meta, "version": emb_mod._EXPORT_VERSION, "key": "another"})
    )
    assert (
        emb_mod._OnnxQueryEncoder.cached(after_config, "m", int8=True, cache_dir=tmp_path / "cache")
        is None
    )


class CountingEmbeddings:
    """Deterministic embeddings that fingerprint themselves and count document batches."""

    def __init__(self, cache_dir: Path, version: str = "v1"):
        self.cache_dir = cache_dir
        self.name = "counting"
        self.version = version
        self.batches = 0

    def fingerprint(self) -> str:
        return self.version

    def encode(self, texts):
        self.batches += 1
        return np.stack([self._vector(t) for t in texts])

    def encode_query(self, text):
        return self._vector(text)

    @staticmethod
    def _vector(text: str) -> np.ndarray:
        rng = np.random.default_rng(int(hashlib.sha256(text.encode()).hexdigest()[:8], 16))
        v = rng.standard_normal(16).astype(np.float32)
        return v / np.linalg.norm(v)


def test_anchor_embeddings_are_stored_once_and_a_changed_text_or_model_is_recomputed(
    tmp_path, monkeypatch
):
    texts = ["describe the photo", "read the text aloud", "translate into French"]
    first = CountingEmbeddings(tmp_path)
    vectors = anchor_vectors(first, texts)
    assert first.batches == 1 and vectors.shape == (3, 16)
    assert len(list((tmp_path / "anchors").glob("*.npy"))) == 1

    again = CountingEmbeddings(tmp_path)  # a new process: read from disk, nothing embedded
    np.testing.assert_array_equal(anchor_vectors(again, texts), vectors)
    assert again.batches == 0

    changed = CountingEmbeddings(tmp_path)  # one anchor text edited: a new fingerprint
    anchor_vectors(changed, [*texts[:2], "translate into German"])
    assert changed.batches == 1
    other_model = CountingEmbeddings(tmp_path, version="v2")  # same texts, other weights
    anchor_vectors(other_model, texts)
    assert other_model.batches == 1
    assert len(list((tmp_path / "anchors").glob("*.npy"))) == 3

    # A truncated file under the right name is not trusted.
    key = offline_mod.anchor_fingerprint(first, texts)
    np.save(tmp_path / "anchors" / f"{key}.npy", vectors[:2])
    broken = CountingEmbeddings(tmp_path)
    np.testing.assert_array_equal(anchor_vectors(broken, texts), vectors)
    assert broken.batches == 1

    # The planner itself goes through the cache: a second planner embeds no anchor.
    planner_embeddings = CountingEmbeddings(tmp_path)
    OfflinePlanner(embeddings=planner_embeddings).warm_up()
    assert planner_embeddings.batches == 1
    monkeypatch.setattr(offline_mod, "_INDEX_CACHE", {})
    fresh = CountingEmbeddings(tmp_path)
    OfflinePlanner(embeddings=fresh).plan("Describe photo.jpg")
    assert fresh.batches == 0


def _cli(args: list[str]) -> subprocess.CompletedProcess[str]:
    code = (
        "import json, os, sys\n"
        "from hgpt_langchain.cli import main\n"
        f"rc = main({args!r})\n"
        f"heavy = [m for m in {HEAVY!r} if m in sys.modules]\n"
        "sys.stderr.write('\\nMODULES ' + json.dumps({'rc': rc, 'heavy': heavy,\n"
        "    'offline': os.environ.get('HF_HUB_OFFLINE')}) + '\\n')\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "HF_HUB_OFFLINE"}
    root = str(Path(__file__).resolve().parents[1])
    env["PYTHONPATH"] = root + os.pathsep + os.environ.get("PYTHONPATH", "")
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300
    )


def _modules(out: subprocess.CompletedProcess[str]) -> dict:
    line = [x for x in out.stderr.splitlines() if x.startswith("MODULES ")]
    assert line, out.stderr
    return json.loads(line[-1][len("MODULES ") :])


@pytest.fixture(scope="module")
def warm_caches():
    """What the first ``hgpt`` command on a machine leaves behind (in HGPT_CACHE_DIR)."""
    OfflinePlanner().warm_up()
    default_embeddings("auto-float32").encode_query("warm")
    from hgpt_langchain.selection.index import default_index

    default_index().prepare().embed_query("warm")


def test_hgpt_plan_with_warm_caches_imports_no_torch_and_leaves_hf_hub_offline_alone(
    warm_caches,
):
    out = _cli(["plan", "Describe photo.jpg and read it aloud", "--json"])
    modules = _modules(out)
    assert modules == {"rc": 0, "heavy": [], "offline": None}, out.stderr
    plan = json.loads(out.stdout)
    assert [t["task"] for t in plan["tasks"]] == ["image-to-text", "text-to-speech"]
    assert plan["tasks"][1]["args"]["text"] == "<resource>-0"


def test_hgpt_models_search_with_warm_caches_imports_no_torch(warm_caches):
    out = _cli(["models", "search", "translate this text into French", "--top", "3", "--json"])
    modules = _modules(out)
    assert modules == {"rc": 0, "heavy": [], "offline": None}, out.stderr
    hits = json.loads(out.stdout)
    assert len(hits) == 3 and all(h["task"] == "translation" for h in hits), hits
