import re
import sys
import zlib

import numpy as np
import pytest
from langchain_core.embeddings import Embeddings
from langchain_core.vectorstores import InMemoryVectorStore

from hgpt_langchain.catalog import Catalog, CatalogEntry, load_catalog
from hgpt_langchain.errors import ConfigurationError
from hgpt_langchain.paths import cache_root
from hgpt_langchain.selection.index import ModelIndex
from hgpt_langchain.selection.ranking import (
    Ranking,
    _cue_pattern,
    _Media,
    _modality_fit,
    _query_media,
)
from hgpt_langchain.tasks import TASKS


class BagOfWords(Embeddings):
    """Deterministic hashed bag-of-words embeddings that count their calls."""

    name = "test-bag-of-words"

    def __init__(self, dim: int = 256):
        self.dim = dim
        self.documents_embedded = 0

    def _vec(self, text: str) -> list[float]:
        v = np.zeros(self.dim, dtype=np.float32)
        for word in re.findall(r"[a-z]+", text.lower()):
            v[zlib.crc32(word.encode()) % self.dim] += 1.0
        n = np.linalg.norm(v)
        return (v / n if n else v).tolist()

    def embed_documents(self, texts):
        self.documents_embedded += len(texts)
        return [self._vec(t) for t in texts]

    def embed_query(self, text):
        return self._vec(text)


def small_catalog(per_task: int = 2) -> Catalog:
    seen: dict[str, int] = {}
    keep = []
    for entry in load_catalog():
        if seen.get(entry.task, 0) < per_task:
            keep.append(entry)
            seen[entry.task] = seen.get(entry.task, 0) + 1
    return Catalog(keep)


@pytest.fixture(scope="module")
def real_index(tmp_path_factory):
    return ModelIndex(small_catalog(), cache_dir=tmp_path_factory.mktemp("idx")).prepare()


@pytest.mark.parametrize(
    ("query", "task"),
    [
        ("Please transcribe what is said in meeting.wav", "automatic-speech-recognition"),
        ("Draw me a picture of a red fox in the snow", "text-to-image"),
        ("Translate 'good morning' into German", "translation"),
        ("Write a caption for holiday.jpg", "image-to-text"),
        ("Read this sentence aloud: 'welcome home'", "text-to-speech"),
        (
            "Find the people and places named in: 'Ada Lovelace lived in London'",
            "token-classification",
        ),
    ],
)
def test_real_embeddings_rank_a_model_of_the_right_task_first(real_index, query, task):
    hits = real_index.search(query, k=3)
    assert hits[0].task == task, [(h.id, h.task, round(h.score, 3)) for h in hits]
    assert hits[0].score >= hits[1].score >= hits[2].score
    assert set(hits[0].parts) >= {"similarity", "task", "popularity"}
    assert hits[0].score == pytest.approx(sum(hits[0].parts.values()), abs=1e-4)


@pytest.mark.parametrize(
    ("query", "given", "wants_text"),
    [
        ("Transcribe meeting.wav", {"audio"}, True),
        ("Turn the recording of our phone call into text", {"audio"}, True),
        ("Count the cars in these pictures of the street", {"image"}, False),
        ("I'd like an audio version of this paragraph", set(), False),
        ("Convert this text into speech", set(), False),
        ("Generate a picture of a red fox", set(), False),
        ("Summarize this article", set(), False),
    ],
)
def test_query_media_tells_media_given_from_media_asked_for(query, given, wants_text):
    assert _query_media(query) == _Media(frozenset(given), wants_text)


def test_cues_match_from_the_start_of_a_word():
    assert _cue_pattern("document-question-answering").search("fill in this form please")
    assert not _cue_pattern("document-question-answering").search("more information")
    assert _cue_pattern("automatic-speech-recognition").search("please transcribe it")
    assert not _cue_pattern("tabular-classification").search("a suitable model")


def test_modality_fit_rewards_media_given_and_penalises_missing_or_wrong_media():
    asr, tts = TASKS["automatic-speech-recognition"], TASKS["text-to-speech"]
    nothing = _Media(frozenset(), False)
    call = _Media(frozenset({"audio"}), False)
    assert _modality_fit(asr, nothing) == -1.0  # reads audio, none given
    assert _modality_fit(asr, call) == 1.0  # "the recording of our call" or "meeting.wav"
    assert _modality_fit(tts, call) == 0.0  # reads text
    assert _modality_fit(tts, _Media(frozenset({"audio"}), True)) == -1.0  # "... to text"
    assert _modality_fit(TASKS["summarization"], _Media(frozenset(), True)) == 0.0


def test_per_task_caps_hits_of_one_task_type_without_a_task_filter(real_index):
    query = "Please transcribe what is said in meeting.wav"
    plain = real_index.search(query, k=6)
    capped = real_index.search(query, k=6, per_task=2)
    assert capped[0].id == plain[0].id and len(capped) == 6
    counts = {t: [h.task for h in capped].count(t) for t in {h.task for h in capped}}
    assert max(counts.values()) == 2 and len(counts) >= 3
    assert [h.score for h in capped] == sorted((h.score for h in capped), reverse=True)
    filtered = real_index.search(query, task="automatic-speech-recognition", k=4, per_task=1)
    assert {h.task for h in filtered} == {"automatic-speech-recognition"}
    assert len(filtered) == min(4, len(real_index.catalog.by_task("automatic-speech-recognition")))


def test_task_filter_exclude_and_unknown_task(real_index):
    hits = real_index.search("a model", task="Image Captioning", k=10)
    assert hits and all(h.task == "image-to-text" for h in hits)
    assert len(hits) == len(real_index.catalog.by_task("image-to-text"))
    first = hits[0].id
    again = real_index.search("a model", task="image-to-text", k=10, exclude=[first])
    assert first not in [h.id for h in again] and len(again) == len(hits) - 1
    with pytest.raises(ConfigurationError, match="Unknown task type 'cooking'"):
        real_index.search("x", task="cooking")


def test_task_missing_from_catalog_gives_no_hits():
    cat = Catalog([CatalogEntry(id="o/sum", task="summarization", description="Summarizes text.")])
    index = ModelIndex(cat, embeddings=BagOfWords(), persist=False)
    assert index.search("translate this", task="translation") == []
    assert [h.id for h in index.search("anything", k=5)] == ["o/sum"]


def test_persisted_index_is_reused_and_keyed_by_content(tmp_path, monkeypatch):
    monkeypatch.setenv("HGPT_CACHE_DIR", str(tmp_path))
    assert cache_root() == tmp_path
    cat = small_catalog(1)
    emb = BagOfWords()
    first = ModelIndex(cat, embeddings=emb).prepare()
    assert first.built and first.path.parent == tmp_path / "index"
    embedded = emb.documents_embedded
    assert embedded >= len(cat)

    second = ModelIndex(cat, embeddings=emb).prepare()
    assert not second.built
    assert emb.documents_embedded == embedded  # nothing re-embedded
    q = "detect objects in street.jpg"
    assert [h.id for h in second.search(q)] == [h.id for h in first.search(q)]

    changed = Catalog([*cat][:-1] + [cat[-1].model_copy(update={"description": "new text"})])
    third = ModelIndex(changed, embeddings=emb).prepare()
    assert third.built and third.fingerprint() != first.fingerprint()
    assert ModelIndex(cat, embeddings=emb, recipe="desc").fingerprint() != first.fingerprint()


def test_any_langchain_vector_store_supplies_similarity():
    emb = BagOfWords()
    cat = Catalog(
        [
            CatalogEntry(id="o/fox", task="text-to-image", description="Paints foxes and forests."),
            CatalogEntry(id="o/cat", task="text-to-image", description="Paints cats on sofas."),
            CatalogEntry(
                id="o/asr", task="automatic-speech-recognition", description="Transcribes speech."
            ),
        ]
    )
    store = InMemoryVectorStore(emb)
    index = ModelIndex(cat, embeddings=emb, vector_store=store, ranking="cosine", persist=False)
    hits = index.search("paints cats", k=3)
    assert hits[0].id == "o/cat"
    assert len(store.store) == 3
    only = index.search("transcribes", task="automatic-speech-recognition")
    assert [h.id for h in only] == ["o/asr"]


def test_ranking_presets_and_bad_names():
    assert Ranking.named("cosine").task == 0 and Ranking.named("task").task > 0
    assert Ranking.named("hybrid").bm25 > 0
    with pytest.raises(ConfigurationError, match="Unknown ranking"):
        Ranking.named("magic")
    with pytest.raises(ConfigurationError, match="text recipe"):
        ModelIndex(Catalog([]), embeddings=BagOfWords(), recipe="everything")


def test_bm25_term_rewards_lexical_match():
    emb = BagOfWords()
    cat = Catalog(
        [
            CatalogEntry(id="o/a", task="summarization", description="zebra zebra summaries"),
            CatalogEntry(id="o/b", task="summarization", description="giraffe summaries"),
        ]
    )
    index = ModelIndex(
        cat,
        embeddings=emb,
        ranking=Ranking(similarity=0, task=0, cue=0, modality=0, popularity=0, bm25=1.0),
        persist=False,
    )
    hits = index.search("zebra", k=2)
    assert hits[0].id == "o/a" and hits[0].parts["bm25"] == pytest.approx(1.0)
    assert hits[1].parts["bm25"] == 0.0


def test_query_embedding_uses_the_fast_query_path(real_index):
    vector = real_index.embed_query("caption this photo")
    assert vector.dtype == np.float32 and abs(float(np.linalg.norm(vector)) - 1.0) < 1e-4
    assert real_index.embeddings.query_backend_used == "onnx-int8"
    reference = real_index.embeddings.encode(["caption this photo"])[0]  # torch, float32
    assert float(reference @ vector) > 0.98


def test_shipped_catalog_index_is_shipped_current_and_used_on_a_fresh_install(tmp_path):
    """A fresh cache loads the index shipped in the package instead of embedding 680 cards.

    If this fails after changing the shipped catalog, the task prototypes or the default
    embedding model, refresh the shipped index: ``python -m hgpt_langchain.selection.index``.
    """
    from hgpt_langchain.selection.index import SHIPPED_INDEX_DIR

    index = ModelIndex(load_catalog(), cache_dir=tmp_path / "fresh-cache")
    assert (SHIPPED_INDEX_DIR / index.fingerprint()).is_dir(), "stale shipped index"
    index.prepare()
    assert index.built is False, "the shipped index must be loaded, not rebuilt"
    hits = index.search("Transcribe the speech in interview.wav", k=1)
    assert hits[0].task == "automatic-speech-recognition"


def test_loading_the_shipped_index_never_writes_into_the_package(tmp_path):
    from hgpt_langchain.selection.index import SHIPPED_INDEX_DIR

    before = sorted(p.name for p in SHIPPED_INDEX_DIR.rglob("*"))
    index = ModelIndex(load_catalog(), cache_dir=tmp_path / "fresh", ranking="task+bm25").prepare()
    assert index.built is False and index.search("transcribe speech.wav", k=1)
    assert sorted(p.name for p in SHIPPED_INDEX_DIR.rglob("*")) == before


def test_pruning_skips_task_types_that_cannot_reach_the_top_hits(tmp_path, monkeypatch):
    catalog = small_catalog(per_task=3)
    full = ModelIndex(catalog, embeddings=BagOfWords(), cache_dir=tmp_path, prune_above=10**9)
    pruned = ModelIndex(catalog, embeddings=BagOfWords(), cache_dir=tmp_path, prune_above=0)
    scanned: list[tuple[int, int]] = []
    score_range = ModelIndex._score_range

    def spy(self, rows_range, *args):
        if self is pruned:
            scanned.append(rows_range)
        return score_range(self, rows_range, *args)

    monkeypatch.setattr(ModelIndex, "_score_range", spy)
    query = "Translate this sentence into German please"
    assert [h.id for h in pruned.search(query, k=3)] == [h.id for h in full.search(query, k=3)]
    # A clear request reads a few task types' rows, not all of them.
    assert 1 <= len(scanned) < len(pruned._ranges)
    assert pruned._entries[scanned[0][0]].task == "translation"


def test_pruned_search_is_exact_for_any_query_vector(tmp_path):
    """What the design guarantees: pruning returns the full scan's hits, whatever the numerics."""
    catalog = small_catalog(per_task=4)
    full = ModelIndex(catalog, embeddings=BagOfWords(), cache_dir=tmp_path, prune_above=10**9)
    pruned = ModelIndex(catalog, embeddings=BagOfWords(), cache_dir=tmp_path, prune_above=0)
    rng = np.random.default_rng(0)
    queries = ["Describe photo.jpg", "transcribe meeting.wav", "draw a fox", "hello there"]
    for i in range(60):
        query = queries[i % len(queries)]
        # Random directions near and far from the query's own vector, as another CPU's
        # quantised query encoder might produce.
        base = np.asarray(full.embed_query(query), dtype=np.float32)
        vector = base + rng.normal(scale=[0.01, 0.3, 3.0][i % 3], size=base.shape)
        vector = (vector / np.linalg.norm(vector)).astype(np.float32)
        for kw in ({"k": 1}, {"k": 5}, {"k": 7, "per_task": 2}, {"k": 3, "exclude": ["x"]}):
            want = [h.id for h in full.search(query, vector=vector, **kw)]
            assert [h.id for h in pruned.search(query, vector=vector, **kw)] == want, (i, kw)


def test_faiss_store_finds_what_the_exact_scan_finds_and_persists_its_graphs(real_index, tmp_path):
    catalog = real_index.catalog
    ann = ModelIndex(catalog, cache_dir=tmp_path, store="faiss").prepare()
    assert ann.info()["store"] == "faiss" and ann._ann.built == len(ann._ranges)
    queries = [
        ("Please transcribe what is said in meeting.wav", None),
        ("Draw me a picture of a red fox in the snow", None),
        ("Translate 'good morning' into German", "translation"),
        ("How far away is each object in street.jpg?", None),
    ]
    for query, task in queries:
        exact = real_index.search(query, task=task, k=3)
        found = ann.search(query, task=task, k=3)
        assert [h.id for h in found] == [h.id for h in exact], query
        assert [h.score for h in found] == pytest.approx([h.score for h in exact], abs=1e-4)
    first = ann.search("Transcribe meeting.wav", task="automatic-speech-recognition", k=1)[0]
    rest = ann.search(
        "Transcribe meeting.wav", task="automatic-speech-recognition", k=5, exclude=[first.id]
    )
    assert rest and first.id not in {h.id for h in rest}
    # A second process loads the graphs saved beside the persisted index instead of building.
    graphs = list(ann._source.glob("hnsw-M*/*.faiss"))
    assert len(graphs) == len(ann._ranges)
    again = ModelIndex(catalog, cache_dir=tmp_path, store="faiss").prepare()
    assert again._ann.built == 0
    assert again.search(queries[0][0], k=1)[0].id == real_index.search(queries[0][0], k=1)[0].id


def test_faiss_store_errors_are_clear(monkeypatch, tmp_path):
    with pytest.raises(ConfigurationError, match="Unknown store 'annoy'"):
        ModelIndex(small_catalog(), embeddings=BagOfWords(), store="annoy")
    with pytest.raises(ConfigurationError, match="not both"):
        ModelIndex(
            small_catalog(),
            embeddings=BagOfWords(),
            store="faiss",
            vector_store=InMemoryVectorStore(BagOfWords()),
        )
    monkeypatch.setitem(sys.modules, "faiss", None)  # as if faiss-cpu were not installed
    index = ModelIndex(small_catalog(), embeddings=BagOfWords(), cache_dir=tmp_path, store="faiss")
    with pytest.raises(ConfigurationError, match=r"pip install 'hgpt-langchain\[faiss\]'"):
        index.prepare()
