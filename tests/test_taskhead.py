import hashlib
import json
from pathlib import Path

import numpy as np
import pytest

from hgpt_langchain.embeddings import default_embeddings
from hgpt_langchain.errors import ConfigurationError
from hgpt_langchain.selection.index import ModelIndex
from hgpt_langchain.selection.ranking import Ranking
from hgpt_langchain.selection.taskhead import (
    SHIPPED_HEAD,
    TaskHead,
    default_task_head,
    embed_queries,
    fit_softmax,
    train_task_head,
)
from tests.test_index import BagOfWords, small_catalog

BENCH_DATA = Path(__file__).resolve().parents[1] / "bench" / "data"


def test_fit_softmax_separates_classes_and_is_deterministic():
    rng = np.random.default_rng(0)
    centres = rng.normal(size=(3, 8)) * 3
    x = np.concatenate([c + rng.normal(size=(20, 8)) * 0.3 for c in centres])
    y = np.repeat(np.arange(3), 20)
    w1, b1 = fit_softmax(x, y, 3)
    w2, b2 = fit_softmax(x, y, 3)
    assert np.array_equal(w1, w2) and np.array_equal(b1, b2)
    assert ((x @ w1.T + b1).argmax(axis=1) == y).all()


def test_class_balance_keeps_a_rare_task_predictable():
    # 40 examples of one class, 2 of another: unbalanced, the rare class is swamped.
    rng = np.random.default_rng(1)
    x = np.concatenate([rng.normal(size=(40, 4)) + [1, 0, 0, 0], [[0.6, 0.8, 0, 0]] * 2])
    y = np.array([0] * 40 + [1] * 2)
    probe = np.array([0.55, 0.45, 0.0, 0.0])
    balanced = fit_softmax(x, y, 2, sample_weight=np.where(y == 1, 1 / 2, 1 / 40), l2=0.1)
    plain = fit_softmax(x, y, 2, l2=0.1)
    assert (probe @ balanced[0].T + balanced[1]).argmax() == 1
    assert (probe @ plain[0].T + plain[1]).argmax() == 0


def test_trained_head_recognises_new_wording_with_real_embeddings():
    rows = [
        {"q": "Read this paragraph out loud for me", "task": "text-to-speech"},
        {"q": "Turn my text into a spoken audio file", "task": "Text-to-Speech"},
        {"q": "Give me a voice recording saying hello", "task": "text-to-speech"},
        {"q": "Write down what is said in this recording", "task": "automatic-speech-recognition"},
        {"q": "Transcribe the interview audio", "task": "automatic-speech-recognition"},
        {
            "q": "What words does the speaker say in clip.wav?",
            "task": "Automatic Speech Recognition",
        },
        {"q": "Put this French sentence into English", "task": "translation"},
        {"q": "How do you say thank you in Japanese?", "task": "translation"},
        {"q": "Render this letter in Spanish", "task": "translation"},
    ]
    head = train_task_head(rows, default_embeddings(), with_prototypes=False, l2=1e-4)
    assert set(head.tasks) == {"text-to-speech", "automatic-speech-recognition", "translation"}
    assert head.info["requests"] == 9 and head.info["prototypes"] == 0
    probes = {
        "Please speak this announcement aloud": "text-to-speech",
        "Convert the podcast episode into written words": "automatic-speech-recognition",
        "Translate my menu into German": "translation",
    }
    vectors = embed_queries(default_embeddings(), list(probes))
    assert [head.predict(v) for v in vectors] == list(probes.values())


def test_training_rejects_unknown_task_types_and_empty_data():
    with pytest.raises(ConfigurationError, match="Unknown task type 'dance'"):
        train_task_head([{"q": "dance", "task": "dance"}], BagOfWords())
    with pytest.raises(ConfigurationError, match="No training examples"):
        train_task_head([], BagOfWords(), with_prototypes=False)


def test_save_load_round_trip_and_unreadable_files(tmp_path):
    head = train_task_head(
        [
            {"q": "draw a cat", "task": "text-to-image"},
            {"q": "caption photo", "task": "image-to-text"},
        ],
        BagOfWords(),
        steps=50,
        info={"note": "unit test"},
    )
    path = head.save(tmp_path / "head.npz")
    again = TaskHead.load(path)
    q = np.asarray(BagOfWords().embed_query("draw a dog"), dtype=np.float32)
    assert np.allclose(head.proba(q), again.proba(q))
    assert again.tasks == head.tasks and again.info["note"] == "unit test"
    assert again.fingerprint() == head.fingerprint()

    (tmp_path / "junk.npz").write_bytes(b"not a head")
    with pytest.raises(ConfigurationError, match="Cannot read the task head"):
        TaskHead.load(tmp_path / "junk.npz")
    with pytest.raises(ConfigurationError, match="Cannot read the task head"):
        TaskHead.load(tmp_path / "missing.npz")
    (tmp_path / "broken.npz").write_bytes(b"PK\x03\x04 truncated zip")
    with pytest.raises(ConfigurationError, match="Cannot read the task head"):
        TaskHead.load(tmp_path / "broken.npz")
    empty_meta = np.array("{}")
    np.savez(tmp_path / "nometa.npz", weight=np.zeros((1, 4)), bias=np.zeros(1), meta=empty_meta)
    with pytest.raises(ConfigurationError, match="Cannot read the task head"):
        TaskHead.load(tmp_path / "nometa.npz")
    meta = json.dumps({"tasks": ["dance"], "embeddings": "x", "info": {}})
    np.savez(tmp_path / "bad.npz", weight=np.zeros((1, 4)), bias=np.zeros(1), meta=np.array(meta))
    with pytest.raises(ConfigurationError, match="unknown task types"):
        TaskHead.load(tmp_path / "bad.npz")
    with pytest.raises(ConfigurationError, match="do not match"):
        TaskHead(("translation",), np.zeros((2, 4)), np.zeros(2), "x")


def test_head_term_steers_ranking_and_can_be_switched_off(tmp_path):
    emb = BagOfWords()
    # A made-up verb the prototypes have never seen: only the head can know what it means.
    rows = [
        {"q": f"zorblax {w}", "task": "text-to-speech"} for w in ("this", "my note", "it now")
    ] + [{"q": "caption the photo", "task": "image-to-text"}]
    head = train_task_head(rows, emb, with_prototypes=False, l2=1e-4, steps=300)
    query = "zorblax the paragraph"
    without = ModelIndex(small_catalog(), embeddings=emb, cache_dir=tmp_path, task_head=None)
    assert without.search(query, k=1)[0].task != "text-to-speech"
    steered = ModelIndex(
        small_catalog(), embeddings=emb, cache_dir=tmp_path, task_head=head, ranking=Ranking(head=3)
    )
    hit = steered.search(query, k=1)[0]
    assert hit.task == "text-to-speech"
    assert hit.parts["head"] > 1.5  # 3 x a probability well above one half
    assert steered.info()["task_head"] == head.fingerprint()
    off = ModelIndex(
        small_catalog(), embeddings=emb, cache_dir=tmp_path, task_head=head, ranking="task-nohead"
    )
    assert "head" not in off.search(query, k=1)[0].parts


def test_a_head_only_applies_to_the_embeddings_it_was_trained_with(tmp_path):
    assert default_task_head(BagOfWords()) is None
    assert (
        ModelIndex(small_catalog(), embeddings=BagOfWords(), cache_dir=tmp_path).task_head is None
    )
    with pytest.raises(ConfigurationError, match="task_head must be"):
        ModelIndex(small_catalog(), embeddings=BagOfWords(), task_head="mine")
    narrow = TaskHead(("translation",), np.zeros((1, 8), np.float32), np.zeros(1, np.float32), "x")
    index = ModelIndex(
        small_catalog(), embeddings=BagOfWords(), cache_dir=tmp_path, task_head=narrow
    )
    with pytest.raises(ConfigurationError, match="expects 8-d vectors"):
        index.search("translate this", k=1)


def test_shipped_head_is_used_by_default_and_matches_its_training_data():
    head = default_task_head(default_embeddings())
    assert head is not None and SHIPPED_HEAD.is_file()
    assert ModelIndex(small_catalog(), persist=False).task_head is head
    # It records the files it was trained on; they are the ones committed under bench/data.
    for source in head.info["sources"]:
        data = (BENCH_DATA / source["file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == source["sha256"], (
            f"{source['file']} changed: retrain with python -m hgpt_langchain.selection.taskhead"
        )
    # On requests it never saw (the held-out TaskBench split), the head alone is mostly right.
    rows = [
        json.loads(x) for x in (BENCH_DATA / "taskbench_heldout.jsonl").read_text().splitlines()
    ]
    rows = rows[:120]
    vectors = embed_queries(default_embeddings(), [r["q"] for r in rows])
    right = sum(head.predict(v) == r["task"] for v, r in zip(vectors, rows, strict=True))
    assert right / len(rows) >= 0.85
