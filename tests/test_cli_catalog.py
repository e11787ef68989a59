import json
from pathlib import Path

import httpx2
import pytest
from huggingface_hub import constants as hf_constants
from huggingface_hub.utils import _http as hf_http

from hgpt_langchain.catalog import SYNC_EXPAND, load_catalog
from hgpt_langchain.cli import main

SMALL = [
    {
        "id": "acme/whisper-mini",
        "task": "automatic-speech-recognition",
        "description": "Transcribes English speech recordings into text.",
    },
    {
        "id": "acme/painter",
        "task": "text-to-image",
        "description": "Generates pictures from a text prompt.",
    },
    {
        "id": "acme/opus-en-de",
        "task": "translation",
        "description": "Translates English text into German.",
    },
    {
        "id": "acme/sentiment",
        "task": "text-classification",
        "description": "Says whether a review is positive or negative.",
    },
]


@pytest.fixture
def small_catalog(tmp_path, monkeypatch):
    monkeypatch.setenv("HGPT_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "small.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in SMALL))
    return path


def test_models_search_json_and_text(small_catalog, capsys):
    assert (
        main(
            [
                "models",
                "search",
                "transcribe my voice memo",
                "--catalog",
                str(small_catalog),
                "--json",
                "--top",
                "2",
            ]
        )
        == 0
    )
    rows = json.loads(capsys.readouterr().out)
    assert [set(r) for r in rows] == [{"id", "task", "score"}] * 2
    assert rows[0] == {**rows[0], "id": "acme/whisper-mini", "task": "automatic-speech-recognition"}
    assert rows[0]["score"] >= rows[1]["score"]

    assert (
        main(
            [
                "models",
                "search",
                "anything",
                "--catalog",
                str(small_catalog),
                "--task",
                "text-to-image",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1 and "acme/painter" in out[0] and "text-to-image" in out[0]


def test_user_mistakes_exit_2_with_a_message(small_catalog, tmp_path, capsys):
    assert main(["models", "search", "x", "--catalog", str(tmp_path / "missing.jsonl")]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert (
        main(["models", "search", "x", "--catalog", str(small_catalog), "--task", "cooking"]) == 2
    )
    assert "Unknown task type 'cooking'" in capsys.readouterr().err
    assert main(["catalog", "build", "--from", str(tmp_path / "nowhere")]) == 2
    assert "neither a JSONL file nor a folder" in capsys.readouterr().err


def test_train_a_task_head_and_search_with_it(small_catalog, tmp_path, capsys):
    # "blorp" is a made-up word: only a head trained on it can route it to text-to-image.
    data = tmp_path / "labelled.jsonl"
    words = ("this", "my letter", "it", "the note", "that", "my text", "the words", "a memo")
    rows = [{"q": f"blorp {w}", "task": "text-to-image"} for w in (*words, "the file", "these")]
    rows += [{"q": "transcribe my memo", "task": "automatic-speech-recognition"}]
    data.write_text("".join(json.dumps(r) + "\n" for r in rows))
    out = tmp_path / "head.npz"
    assert main(["models", "train-head", "--data", str(data), "--out", str(out)]) == 0
    said = capsys.readouterr().out
    assert "on 11 requests" in said and f"--task-head {out}" in said and out.is_file()

    def top(*extra):
        argv = ["models", "search", "blorp the memo", "--catalog", str(small_catalog), "--json"]
        assert main([*argv, *extra]) == 0
        return json.loads(capsys.readouterr().out)[0]["task"]

    assert top("--task-head", "none") == "translation"
    assert top("--task-head", str(out)) == "text-to-image"

    data.write_text('{"q": "hello"}\n')
    assert main(["models", "train-head", "--data", str(data)]) == 2
    assert 'line 1 needs "q" (the request) and "task"' in capsys.readouterr().err
    assert main(["models", "search", "x", "--task-head", str(tmp_path / "nope.npz")]) == 2
    assert "Cannot read the task head" in capsys.readouterr().err


def test_catalog_build_and_info(small_catalog, tmp_path, capsys):
    cache = tmp_path / "hub"
    snap = cache / "models--acme--tiny-ner" / "snapshots" / "0123"
    snap.mkdir(parents=True)
    (snap / "README.md").write_text(
        "---\npipeline_tag: token-classification\nlicense: mit\n---\n"
        "# Tiny NER\n\nFinds people and places in English text.\n"
    )
    out = tmp_path / "built.jsonl.gz"
    assert (
        main(
            [
                "catalog",
                "build",
                "--from",
                str(small_catalog),
                "--from",
                str(cache),
                "--out",
                str(out),
            ]
        )
        == 0
    )
    assert "5 models over 5 task types" in capsys.readouterr().out
    built = load_catalog(out)
    assert built.get("acme/tiny-ner").description == "Finds people and places in English text."

    assert main(["catalog", "info", "--catalog", str(out), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["models"] == 5 and info["tasks"]["token-classification"] == 1
    assert info["fingerprint"] == built.fingerprint()
    assert main(["catalog", "info"]) == 0
    assert "models over 26 task types" in capsys.readouterr().out


HUB_MODELS = [
    {
        "_id": "64a",
        "id": "acme/tts-small",
        "modelId": "acme/tts-small",
        "likes": 7,
        "downloads": 1234,
        "private": False,
        "pipeline_tag": "text-to-speech",
        "library_name": "transformers",
        "tags": ["transformers", "text-to-speech", "en"],
        "cardData": {"license": "mit", "language": ["en"]},
        # As list_models(expand=[...]) returns them today (a list; model_info gives a dict).
        "gated": False,
        "inferenceProviderMapping": [
            {
                "provider": "hf-inference",
                "providerId": "acme/tts-small",
                "status": "live",
                "task": "text-to-speech",
            },
            {
                "provider": "fal-ai",
                "providerId": "acme-tts",
                "status": "error",
                "task": "text-to-speech",
            },
        ],
        "safetensors": {"parameters": {"F32": 2_000_000, "F16": 1_000_000}, "total": 3_000_000},
        "config": {"model_type": "vits", "architectures": ["VitsModel"]},
    },
    {
        "_id": "64b",
        "id": "acme/tts-nocard",
        "modelId": "acme/tts-nocard",
        "likes": 1,
        "downloads": 99,
        "private": False,
        "pipeline_tag": "text-to-speech",
        "tags": [],
    },
]
CARDS = {
    "acme/tts-small": "---\nlicense: mit\n---\n# TTS small\n\n![badge](https://x/y.svg)\n\n"
    "A small model that reads English text aloud in a calm voice.\n\n```python\nrun()\n```\n",
}


def serve_hub(monkeypatch, tmp_path, listing: list[dict], cards: dict[str, str]) -> list:
    """Answer huggingface_hub's requests from ``listing`` (``/api/models``) and ``cards``
    (``README.md`` files) through an httpx mock transport; no network. Returns the request log."""
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    monkeypatch.setattr(hf_constants, "HF_HUB_CACHE", str(tmp_path / "hf" / "hub"))
    monkeypatch.setattr(hf_constants, "HF_HUB_OFFLINE", False)
    seen = []

    def handler(request: httpx2.Request) -> httpx2.Response:
        params = dict(request.url.params)
        if "expand" in params:
            params["expand"] = request.url.params.get_list("expand")
        seen.append((request.method, request.url.path, params))
        if request.url.path == "/api/models":
            limit = int(request.url.params.get("limit", len(listing)))
            return httpx2.Response(200, json=listing[:limit])
        for model_id, card in cards.items():
            if request.url.path == f"/{model_id}/resolve/main/README.md":
                body = card.encode()
                headers = {
                    "X-Repo-Commit": "a" * 40,
                    "ETag": f'"{abs(hash(model_id))}"',
                    "Content-Length": str(len(body)),
                }
                return httpx2.Response(
                    200, headers=headers, content=b"" if request.method == "HEAD" else body
                )
        return httpx2.Response(404, json={"error": "Entry not found"})

    hf_http.set_client_factory(lambda: httpx2.Client(transport=httpx2.MockTransport(handler)))
    return seen


@pytest.fixture
def replayed_hub(tmp_path, monkeypatch):
    """Hand-written answers in the Hub's format (a card with badges and code, a missing card)."""
    yield serve_hub(monkeypatch, tmp_path, HUB_MODELS, CARDS)
    hf_http.set_client_factory(hf_http.default_client_factory)


def test_catalog_sync_replays_hub_responses(replayed_hub, tmp_path, capsys):
    out = tmp_path / "synced.jsonl"
    out.write_text(json.dumps(SMALL[0]) + "\n")  # an existing catalog to merge into
    assert (
        main(["catalog", "sync", "--task", "Speech Synthesis", "--limit", "2", "--out", str(out)])
        == 0
    )
    assert "fetched 2 text-to-speech models" in capsys.readouterr().out
    listing = [p for m, path, p in replayed_hub if path == "/api/models"]
    assert listing == [
        {
            "pipeline_tag": "text-to-speech",
            "sort": "downloads",
            "limit": "2",
            "expand": list(SYNC_EXPAND),
        }
    ]

    cat = load_catalog(out)
    assert {e.id for e in cat} == {"acme/whisper-mini", "acme/tts-small", "acme/tts-nocard"}
    tts = cat.get("acme/tts-small")
    assert tts.description == "A small model that reads English text aloud in a calm voice."
    assert (tts.likes, tts.downloads, tts.license, tts.library) == (7, 1234, "mit", "transformers")
    # The fit facts and their evidence.
    assert tts.languages == ["en"] and "card language" in tts.evidence["languages"]
    assert tts.providers == ["hf-inference"]  # the errored provider does not count
    assert (tts.gated, tts.architecture) == (False, "vits")
    assert tts.weight_mb == round(10_000_000 / 2**20, 1)
    nocard = cat.get("acme/tts-nocard")
    assert nocard.task == "text-to-speech" and "speech" in nocard.description.lower()
    assert nocard.providers is None  # not asked = unknown, not "served by none"
    assert list((tmp_path / "hf" / "hub").glob("models--acme--tts-small/snapshots/*/README.md"))


def test_sync_of_recorded_hub_data_gives_the_same_entries_as_the_shipped_catalog(
    tmp_path, monkeypatch, capsys
):
    """Real Hub records (the ones the shipped catalog was built from), served as the Hub API
    would: the sync path and the ``catalog build`` path must clean them into the same entries."""
    recorded = json.loads((Path(__file__).parent / "data" / "hub_replay_tts.json").read_text())
    try:
        serve_hub(monkeypatch, tmp_path, recorded["listing"], recorded["cards"])
        out = tmp_path / "tts.jsonl"
        argv = ["catalog", "sync", "--task", "text-to-speech", "--limit", "3", "--out", str(out)]
        assert main(argv) == 0
    finally:
        hf_http.set_client_factory(hf_http.default_client_factory)
    assert "fetched 3 text-to-speech models" in capsys.readouterr().out
    synced = load_catalog(out)
    shipped = load_catalog()
    assert len(synced) == 3
    for entry in synced:
        reference = shipped.get(entry.id)
        assert reference is not None, entry.id
        assert entry.description == reference.description
        assert len(entry.description) > 60 and "```" not in entry.description
        assert (entry.task, entry.likes, entry.downloads) == (
            reference.task,
            reference.likes,
            reference.downloads,
        )
        assert (entry.license, entry.library, entry.tags) == (
            reference.license,
            reference.library,
            reference.tags,
        )


def test_catalog_sync_offline_is_a_clear_error(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(hf_constants, "HF_HUB_OFFLINE", True)
    assert (
        main(["catalog", "sync", "--task", "text-to-speech", "--out", str(tmp_path / "c.jsonl")])
        == 2
    )
    assert "offline mode is on" in capsys.readouterr().err
    assert main(["catalog", "sync", "--task", "juggling"]) == 2
    assert "Unknown task type 'juggling'" in capsys.readouterr().err
