import gzip
import json

import pytest

from hgpt_langchain.catalog import (
    DESCRIPTION_MAX_CHARS,
    Catalog,
    CatalogEntry,
    build_catalog,
    clean_card,
    entry_from_record,
    load_catalog,
    merge_catalogs,
)
from hgpt_langchain.errors import ConfigurationError
from hgpt_langchain.tasks import TASKS

CARD = """---
license: mit
pipeline_tag: image-to-text
tags:
- captioning
---

[![Build](https://img.shields.io/badge/build-passing-green.svg)](https://ci.example.com)
![logo](https://example.com/logo.png)

# Table of Contents
- [Model details](#model-details)
- [Usage](#usage)

# Model details

<p align="center">A <b>captioning</b> model that describes photos in one sentence.</p>

It was trained on **COCO** by [Example Lab](https://example.com/lab), see https://arxiv.org/abs/1234.

| metric | value |
|--------|-------|
| BLEU   | 30    |

## Usage

```python
from transformers import pipeline
print("hello")
```

## Citation
@article{x, title={secret citation text}}
"""


def test_clean_card_keeps_prose_and_drops_markup():
    text = clean_card(CARD)
    assert text.startswith("A captioning model that describes photos in one sentence.")
    assert "trained on COCO by Example Lab" in text
    for junk in (
        "license:",
        "shields.io",
        "logo",
        "Table of Contents",
        "<p",
        "**",
        "http",
        "BLEU",
        "print(",
        "secret citation",
        "#",
    ):
        assert junk not in text, junk


def test_clean_card_bounds_length_at_a_sentence():
    card = " ".join(
        f"Sentence number {i} says something useful about the model." for i in range(200)
    )
    text = clean_card(card, max_chars=300)
    assert 150 <= len(text) <= 300
    assert text.endswith(".")


def test_clean_card_of_prose_free_card_is_empty():
    assert clean_card("```\ncode only\n```\n| a | b |\n|---|---|\n") == ""
    assert clean_card("") == ""


def test_entry_from_raw_hugginggpt_record_maps_tags_and_infers_library():
    raw = {
        "id": "google/flan-t5-base",
        "task": "text2text-generation",
        "pipeline_tag": "text2text-generation",
        "likes": 12,
        "downloads": 3400,
        "meta": {"license": "apache-2.0", "tags": ["t5"]},
        "description": "# FLAN-T5\n\nFLAN-T5 is an instruction-tuned text-to-text model for many "
        "tasks.\n\n```python\nfrom transformers import T5ForConditionalGeneration\n```",
    }
    entry = entry_from_record(raw)
    assert entry is not None
    assert entry.task == "summarization"  # text2text-generation via resolve_task
    assert "text2text-generation" in entry.tags
    assert entry.library == "transformers"
    assert entry.license == "apache-2.0"
    assert entry.description.startswith("FLAN-T5 is an instruction-tuned")

    m2m = entry_from_record(
        {**raw, "id": "facebook/m2m100_418M", "description": "Multilingual translation model."}
    )
    assert m2m is not None and m2m.task == "translation"


def test_entry_from_record_drops_unknown_tasks_and_describes_empty_cards():
    assert entry_from_record({"id": "x/y", "task": "reinforcement-learning"}) is None
    entry = entry_from_record(
        {"id": "x/asr", "task": "automatic-speech-recognition", "card": "```x```"}
    )
    assert entry is not None
    assert "speech" in entry.description.lower()


def test_shipped_catalog_is_clean_and_covers_the_registry():
    catalog = load_catalog()
    assert len(catalog) >= 673
    assert set(catalog.tasks()) <= set(TASKS)
    assert len(catalog.tasks()) == len(TASKS)  # every registry task has at least one model
    assert all(0 < len(e.description) <= DESCRIPTION_MAX_CHARS for e in catalog)
    assert not any("```" in e.description or "http" in e.description for e in catalog)
    assert (
        catalog.get("nlptown/bert-base-multilingual-uncased-sentiment").task
        == "text-classification"
    )
    assert [e.task for e in catalog.by_task("Image Captioning")] == ["image-to-text"] * len(
        catalog.by_task("image-to-text")
    )


def test_catalog_is_list_like_with_stable_fingerprint(tmp_path):
    a = CatalogEntry(id="o/a", task="summarization", description="Summarizes news.")
    b = CatalogEntry(id="o/b", task="translation", description="Translates.")
    cat = Catalog([a, b])
    assert len(cat) == 2 and cat[0] is a and list(cat) == [a, b] and "o/b" in cat
    assert cat.get("missing") is None
    assert cat.by_task("translation") == [b]
    assert cat.fingerprint() == Catalog([a, b]).fingerprint()
    changed = Catalog([a, b.model_copy(update={"downloads": 1})])
    assert changed.fingerprint() != cat.fingerprint()

    path = cat.to_jsonl(tmp_path / "c.jsonl.gz")
    assert gzip.open(path, "rt").read().count("\n") == 2
    assert load_catalog(path).fingerprint() == cat.fingerprint()
    assert merge_catalogs(cat, [b.model_copy(update={"likes": 5})]).get("o/b").likes == 5


def test_load_catalog_errors_name_the_problem(tmp_path):
    with pytest.raises(ConfigurationError, match="does not exist"):
        load_catalog(tmp_path / "nope.jsonl")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a/b", "task": "summarization"}\nnot json\n')
    assert [e.id for e in load_catalog(bad)] == ["a/b"]  # the bad line is skipped, with a count
    bad.write_text("not json\n")
    with pytest.raises(ConfigurationError, match="bad.jsonl.*line 1: not valid JSON"):
        load_catalog(bad)
    unknown = tmp_path / "unknown.jsonl"
    unknown.write_text(json.dumps({"id": "a/b", "task": "robotics"}) + "\n")
    with pytest.raises(ConfigurationError, match="no entry of a known task"):
        load_catalog(unknown)


def test_build_catalog_from_hub_cache_and_model_folders(tmp_path):
    cache = tmp_path / "hub"
    snap = cache / "models--acme--tiny-captioner" / "snapshots" / "abc123"
    snap.mkdir(parents=True)
    (snap / "README.md").write_text(CARD)
    snap2 = cache / "models--acme--tiny-ner" / "snapshots" / "def456"
    snap2.mkdir(parents=True)
    (snap2 / "config.json").write_text(
        json.dumps({"architectures": ["BertForTokenClassification"]})
    )
    (cache / "models--acme--nothing" / "snapshots" / "0").mkdir(parents=True)

    cat = build_catalog(cache)
    assert {e.id: e.task for e in cat} == {
        "acme/tiny-captioner": "image-to-text",
        "acme/tiny-ner": "token-classification",
    }
    assert cat.get("acme/tiny-captioner").license == "mit"
    assert cat.get("acme/tiny-ner").library == "transformers"

    folder = tmp_path / "models" / "my-detector"
    folder.mkdir(parents=True)
    (folder / "config.json").write_text(json.dumps({"architectures": ["DetrForObjectDetection"]}))
    local = build_catalog(tmp_path / "models")
    assert [(e.id, e.task) for e in local] == [(str(folder.resolve()), "object-detection")]

    with pytest.raises(ConfigurationError, match="neither a JSONL file nor a folder"):
        build_catalog(tmp_path / "missing")


def test_default_catalog_follows_hgpt_catalog(tmp_path, monkeypatch):
    from hgpt_langchain.catalog import default_catalog

    path = tmp_path / "mine.jsonl"
    path.write_text(
        json.dumps({"id": "me/model", "task": "fill-mask", "description": "Mine."}) + "\n"
    )
    monkeypatch.setenv("HGPT_CATALOG", str(path))
    assert [e.id for e in default_catalog()] == ["me/model"]
    monkeypatch.delenv("HGPT_CATALOG")
    assert len(default_catalog()) >= 673
