"""Derive ``apibench_hf.jsonl``, a held-out selection query set, from Gorilla's APIBench sample.

``apibench/apibench_hf_sample.jsonl`` holds records copied verbatim from APIBench's Hugging
Face evaluation set (``{"q": instruction, "domain", "model", "offset"}``; see
``apibench/PROVENANCE.md``).
This maps each APIBench domain to a task type of the registry with the explicit table below and
writes ``{"q", "task", "domain", "model"}`` per kept record. Domains with no registry task
(unconditional image generation, video classification, feature extraction, reinforcement
learning, ...) are dropped and counted, never forced onto a near neighbour.

None of these requests, domains or models were seen while tuning the ranking or the task
prototypes (that used TaskBench), so the set measures selection on unseen wording.

Prints one JSON object with the counts. Usage: python bench/data/derive_apibench.py
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from hgpt_langchain.tasks import TASKS

HERE = Path(__file__).parent
SRC = HERE / "apibench" / "apibench_hf_sample.jsonl"

# APIBench domain -> registry task type (None: no such task in the registry; dropped).
DOMAINS: dict[str, str | None] = {
    "Natural Language Processing Text Generation": "text-generation",
    "Natural Language Processing Text Classification": "text-classification",
    "Natural Language Processing Zero-Shot Classification": "zero-shot-classification",
    "Natural Language Processing Token Classification": "token-classification",
    "Natural Language Processing Translation": "translation",
    "Natural Language Processing Summarization": "summarization",
    "Natural Language Processing Conversational": "conversational",
    "Natural Language Processing Sentence Similarity": "sentence-similarity",
    "Natural Language Processing Fill-Mask": "fill-mask",
    "Natural Language Processing Question Answering": "question-answering",
    "Natural Language Processing Text2Text Generation": None,  # summarise? translate? generate?
    "Natural Language Processing Table Question Answering": None,
    "Natural Language Processing Feature Extraction": None,
    "Computer Vision Image Classification": "image-classification",
    "Computer Vision Zero-Shot Image Classification": "zero-shot-image-classification",
    "Computer Vision Object Detection": "object-detection",
    "Computer Vision Image Segmentation": "image-segmentation",
    "Computer Vision Depth Estimation": "depth-estimation",
    "Computer Vision Image-to-Image": "image-to-image",
    "Computer Vision Unconditional Image Generation": None,
    "Computer Vision Video Classification": None,
    "Multimodal Text-to-Image": "text-to-image",
    "Multimodal Image-to-Text": "image-to-text",
    "Multimodal Visual Question Answering": "visual-question-answering",
    "Multimodal Document Question Answer": "document-question-answering",
    "Multimodal Zero-Shot Image Classification": "zero-shot-image-classification",
    "Multimodal Text-to-Video": "text-to-video",
    "Multimodal Feature Extraction": None,
    "Multimodal Graph Machine Learning": None,
    "Audio Automatic Speech Recognition": "automatic-speech-recognition",
    "Audio Text-to-Speech": "text-to-speech",
    "Audio Audio Classification": "audio-classification",
    "Audio Classification": "audio-classification",
    "Audio Audio-to-Audio": "audio-to-audio",
    "Audio Voice Activity Detection": None,
    "Tabular Tabular Classification": "tabular-classification",
    "Tabular Tabular Regression": None,
    "Reinforcement Learning": None,
    "Reinforcement Learning Reinforcement Learning": None,
}


def main() -> None:
    counts: Counter[str] = Counter()
    rows = []
    for line in SRC.read_text().splitlines():
        rec = json.loads(line)
        counts["records"] += 1
        if rec["domain"] not in DOMAINS:
            raise SystemExit(f"unmapped APIBench domain {rec['domain']!r}: add it to DOMAINS")
        task = DOMAINS[rec["domain"]]
        if task is None:
            counts[f"dropped:{rec['domain']}"] += 1
            continue
        assert task in TASKS, task
        rows.append({"q": rec["q"], "task": task, "domain": rec["domain"], "model": rec["model"]})
    (HERE / "apibench_hf.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    )
    counts["kept"] = len(rows)
    counts.update(Counter(f"gold:{r['task']}" for r in rows))
    print(json.dumps(dict(counts)))


if __name__ == "__main__":
    main()
