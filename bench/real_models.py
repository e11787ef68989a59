"""Real packaged models (the ``offline`` extra): load time, real-time factors, round-trip WER.

Whisper tiny.en (CTranslate2, faster-whisper) and the Piper voice en_US-joe-medium, loaded from
their PyPI packages through ``LocalExecutor`` exactly as the graph runs them. For each sentence of
the round-trip set, Piper speaks it and Whisper transcribes the speech back:

* ``load_s``: first load of each model (through the executor's model cache);
* ``tts_rtf``: synthesis seconds / seconds of speech produced (below 1 = faster than real time);
* ``asr_rtf``: transcription seconds / seconds of audio;
* ``wer``: word error rate of each transcript against the sentence spoken, and their mean.

The models are used as shipped (nothing tuned). The first three sentences are the test's
(tests/test_real_audio_models.py); they were picked among seven tried because they round-trip
reliably (Piper's synthesis is random, and the test allows at most 0.15 WER on each), so their WER
flatters; the last three are the held-out half, not picked: ``wer_mean_heldout`` is the honest
figure. Timings depend on the machine and its load: ``loadavg`` is reported beside them.

Usage: ``python bench/real_models.py [--quick]``
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import wave
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, emit  # noqa: E402

sys.path.insert(0, str(ROOT))

SENTENCES = [
    "A man in a spacesuit is holding a helmet in front of an American flag.",
    "He bought fresh bread, cheese and apples at the market near the old church.",
    "She opened the old wooden door and walked slowly into the garden behind the house.",
    "Please send the report to the whole team before lunch on Friday.",
    "Two small boats were drifting across the lake in the morning fog.",
    "The weather today is cold and windy, so bring a warm jacket.",
]
WHISPER = "Systran/faster-whisper-tiny.en"
VOICE = "rhasspy/piper-voices:en_US-joe-medium"


def _seconds(path: str) -> float:
    with wave.open(path, "rb") as w:
        return w.getnframes() / w.getframerate()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="two sentences (CI)")
    args = parser.parse_args()
    picked = [(s, i < 3) for i, s in enumerate(SENTENCES)]
    sentences = [picked[0], picked[3]] if args.quick else picked

    from hgpt_langchain.evaluation import word_error_rate
    from hgpt_langchain.execution import LocalExecutor, Workspace
    from hgpt_langchain.execution.audio_engines import load_piper, load_whisper
    from hgpt_langchain.tasks import TASKS

    ex = LocalExecutor(device="cpu")
    t0 = time.perf_counter()
    load_whisper(ex, WHISPER)
    whisper_load = time.perf_counter() - t0
    t0 = time.perf_counter()
    load_piper(ex, VOICE)
    piper_load = time.perf_counter() - t0

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        ws = Workspace.create(Path(tmp), run_id="bench")
        for sentence, selected in sentences:
            t0 = time.perf_counter()
            out = ex.run(TASKS["text-to-speech"], VOICE, {"text": sentence}, ws)
            tts_s = time.perf_counter() - t0
            speech = out.files[0]
            audio_s = _seconds(speech)
            t0 = time.perf_counter()
            text = ex.run(
                TASKS["automatic-speech-recognition"], WHISPER, {"audio": speech}, ws
            ).text
            asr_s = time.perf_counter() - t0
            rows.append(
                {
                    "sentence": sentence,
                    "tuned_half": selected,
                    "transcript": text,
                    "audio_s": round(audio_s, 3),
                    "tts_rtf": round(tts_s / audio_s, 4),
                    "asr_rtf": round(asr_s / audio_s, 4),
                    "wer": round(word_error_rate(sentence, text or ""), 4),
                }
            )

    def mean(key: str, subset: list[dict] | None = None) -> float | None:
        subset = rows if subset is None else subset
        return round(sum(r[key] for r in subset) / len(subset), 4) if subset else None

    emit(
        {
            "benchmark": "real_models",
            "quick": args.quick,
            "asr_model": WHISPER,
            "tts_model": VOICE,
            "load_s": {"whisper": round(whisper_load, 3), "piper": round(piper_load, 3)},
            "tts_rtf_mean": mean("tts_rtf"),
            "asr_rtf_mean": mean("asr_rtf"),
            "wer_mean": mean("wer"),
            "wer_mean_heldout": mean("wer", [r for r in rows if not r["tuned_half"]]),
            "wer_mean_test_sentences": mean("wer", [r for r in rows if r["tuned_half"]]),
            "wer_max": max(r["wer"] for r in rows),
            "sentences": len(rows),
            "rows": rows,
            "cpus": os.cpu_count(),
            "loadavg": [round(x, 2) for x in os.getloadavg()],
        }
    )


if __name__ == "__main__":
    main()
