"""A catalog whose task types the registry does not know (APIBench's domains, a company's own).

The registry-trained terms (task prototypes, cues, media terms, the trained task head) must not
score such task types: a foreign model is ranked by its similarity to the query, never pushed
below a less similar registry model by terms that know nothing of its task.
"""

import pytest

from hgpt_langchain.catalog import Catalog, CatalogEntry, default_catalog
from hgpt_langchain.errors import ConfigurationError
from hgpt_langchain.selection.index import ModelIndex

FLOWERS = CatalogEntry(
    id="acme/flower-species",
    task="Computer Vision Flower Recognition",
    description="Recognises the species of a flower in a photo (102 flower species).",
)
BIRDS = CatalogEntry(
    id="acme/bird-song",
    task="Audio Bird Song",
    description="Names the bird species singing in a recording.",
)
QUERY = "Classify the flower species in photo.jpg"


@pytest.fixture(scope="module")
def vit() -> CatalogEntry:
    return next(e for e in default_catalog() if e.id == "google/vit-base-patch16-224")


@pytest.fixture(scope="module")
def mixed(vit) -> ModelIndex:
    return ModelIndex(Catalog([vit, FLOWERS, BIRDS]), persist=False).prepare()


def test_registry_terms_do_not_push_a_more_similar_foreign_model_down(mixed, vit):
    hits = {h.entry.id: h for h in mixed.search(QUERY, k=3)}
    registry, foreign = hits[vit.id], hits[FLOWERS.id]
    bonus = registry.score - registry.similarity - registry.parts.get("popularity", 0.0)
    # The registry's terms favour image classification by more than the similarity gap: scored
    # on registry terms alone (foreign task types at zero), the ViT would come first.
    assert bonus > foreign.similarity - registry.similarity > 0
    # With the guard the foreign task type gets the same task terms as the best registry task
    # type of the catalog, so similarity decides.
    for term in ("task", "cue", "head", "modality"):
        assert foreign.parts[term] == pytest.approx(registry.parts[term])
    assert mixed.search(QUERY, k=1)[0].entry.id == FLOWERS.id


def test_an_all_foreign_catalog_ranks_as_plain_cosine():
    catalog = Catalog([FLOWERS, BIRDS])
    ours = ModelIndex(catalog, persist=False)
    cosine = ModelIndex(catalog, embeddings=ours.embeddings, ranking="cosine", persist=False)
    for query in (QUERY, "Which bird is singing in song.wav?", "transcribe this recording"):
        got = ours.search(query, k=2)
        assert [h.entry.id for h in got] == [h.entry.id for h in cosine.search(query, k=2)]
        assert all(h.parts[t] == 0.0 for h in got for t in ("task", "cue", "head", "modality"))


def test_a_foreign_task_name_filters_and_an_unknown_one_is_refused(mixed):
    hits = mixed.search("birds", task="Audio Bird Song", k=5)
    assert [h.entry.id for h in hits] == [BIRDS.id]
    with pytest.raises(ConfigurationError, match="Unknown task type"):
        mixed.search("birds", task="Audio Whale Song")


def test_registry_task_types_keep_their_terms_beside_foreign_ones(vit):
    asr = next(e for e in default_catalog() if e.task == "automatic-speech-recognition")
    index = ModelIndex(Catalog([vit, asr, BIRDS]), persist=False)
    hits = {h.entry.id: h for h in index.search("Transcribe the speech in clip.wav", k=3)}
    assert hits[asr.id].parts["head"] > hits[vit.id].parts["head"]
    assert index.search("Transcribe the speech in clip.wav", k=1)[0].entry.id == asr.id
