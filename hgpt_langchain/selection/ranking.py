"""How :class:`~hgpt_langchain.selection.index.ModelIndex` ranks: the weights and the query terms.

* :class:`Ranking`: the weight of each ranking term (similarity, task, cue, modality,
  popularity, head, bm25) and the named presets;
* lexical terms: tokens, Okapi BM25 (:class:`_BM25`) and the registry cues as word-start
  patterns (:func:`_cue_pattern`);
* media terms: what a query says about media (:func:`_query_media`: files it names, media it
  talks about, whether it asks for text) and how a task type fits that (:func:`_modality_fit`).

Everything here is pure: no embeddings, no catalog, no files beyond what BM25 saves and loads.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from hgpt_langchain.errors import ConfigurationError
from hgpt_langchain.tasks import FILE_EXTENSIONS, TASKS


@dataclass(frozen=True)
class Ranking:
    """Weights of the ranking terms (see the module docstring)."""

    similarity: float = 1.0
    """Cosine between query and entry text."""
    task: float = 2.0
    """Cosine between query and the best prototype of the entry's task type."""
    cue: float = 0.2
    """The query contains one of the task's registry cues (``TaskSpec.cues``)."""
    modality: float = 0.2
    """+1 when the task reads media the query gives (a file it names, or "the recording"), -1
    when the task's main input is media the query does not give or the query asks for text
    and the task makes media (see the module docstring)."""
    popularity: float = 0.05
    """Log-scaled downloads and likes, in [0, 1]."""
    head: float = 2.0
    """Probability of the entry's task type under the index's task head (see
    :mod:`hgpt_langchain.selection.taskhead`); no effect when the index has none."""
    bm25: float = 0.0
    """BM25 over entry texts, divided by the best score of the query."""

    @classmethod
    def named(cls, name: str) -> Ranking:
        """A preset by name.

        ``cosine``, ``cosine+pop``, ``hybrid``, ``task`` (default), ``task+bm25``, and
        ``task-nohead`` (the task terms without the trained task head).
        """
        presets = {
            "cosine": cls(task=0.0, cue=0.0, modality=0.0, popularity=0.0, head=0.0),
            "cosine+pop": cls(task=0.0, cue=0.0, modality=0.0, head=0.0),
            "hybrid": cls(task=0.0, cue=0.0, modality=0.0, head=0.0, bm25=0.3),
            "task": cls(),
            "task+bm25": cls(bm25=0.3),
            "task-nohead": cls(head=0.0),
        }
        if name not in presets:
            raise ConfigurationError(
                f"Unknown ranking {name!r}; choose one of {', '.join(presets)}."
            )
        return presets[name]


_TOKEN = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    "a an the and or of to in on for with by from is are was be this that it its as at into "
    "i me my you your we our can could would please want need some any have has do does".split()
)


def _tokens(text: str) -> list[str]:
    return [t for t in _TOKEN.findall(text.lower()) if t not in _STOP and len(t) > 1]


class _BM25:
    """Okapi BM25 over an inverted index of numpy postings (fast enough for 100k entries)."""

    def __init__(self, n: int, postings: dict[str, tuple[np.ndarray, np.ndarray]]):
        self.n = n
        self.postings = postings

    @classmethod
    def build(cls, texts: Sequence[str], k1: float = 1.2, b: float = 0.75) -> _BM25:
        docs = [Counter(_tokens(t)) for t in texts]
        lengths = np.array([sum(d.values()) for d in docs], dtype=np.float32)
        avg = float(lengths.mean()) if len(docs) else 1.0
        rows: dict[str, list[int]] = {}
        tfs: dict[str, list[int]] = {}
        for i, doc in enumerate(docs):
            for term, tf in doc.items():
                rows.setdefault(term, []).append(i)
                tfs.setdefault(term, []).append(tf)
        n = len(docs)
        postings = {}
        for term, r in rows.items():
            r_arr = np.array(r, dtype=np.int32)
            tf = np.array(tfs[term], dtype=np.float32)
            idf = math.log(1 + (n - len(r) + 0.5) / (len(r) + 0.5))
            norm = tf * (k1 + 1) / (tf + k1 * (1 - b + b * lengths[r_arr] / max(avg, 1e-6)))
            postings[term] = (r_arr, (idf * norm).astype(np.float32))
        return cls(n, postings)

    def scores(self, query: str) -> np.ndarray:
        out = np.zeros(self.n, dtype=np.float32)
        for term in set(_tokens(query)):
            posting = self.postings.get(term)
            if posting is not None:
                out[posting[0]] += posting[1]
        return out

    def save(self, path: Path) -> None:
        terms = sorted(self.postings)
        sizes = np.array([len(self.postings[t][0]) for t in terms], dtype=np.int64)
        rows = (
            np.concatenate([self.postings[t][0] for t in terms]) if terms else np.zeros(0, np.int32)
        )
        weights = (
            np.concatenate([self.postings[t][1] for t in terms])
            if terms
            else np.zeros(0, np.float32)
        )
        np.savez(path, terms=np.array(terms), sizes=sizes, rows=rows, weights=weights, n=self.n)

    @classmethod
    def load(cls, path: Path) -> _BM25:
        data = np.load(path)
        terms = data["terms"].tolist()
        offsets = np.concatenate([[0], np.cumsum(data["sizes"])])
        rows, weights = data["rows"], data["weights"]
        postings = {
            t: (rows[offsets[i] : offsets[i + 1]], weights[offsets[i] : offsets[i + 1]])
            for i, t in enumerate(terms)
        }
        return cls(int(data["n"]), postings)


# File names by kind of media ("photo.jpg" names an image).
_MEDIA_FILES: dict[str, re.Pattern[str]] = {
    m: re.compile(rf"\w\.({'|'.join(e.lstrip('.') for e in FILE_EXTENSIONS[m])})\b")
    for m in ("image", "audio", "video")
}
# Words that say a query gives a kind of media even when it names no file ("the audio of a
# phone call", "pictures of houses").
_MEDIA_WORDS: dict[str, re.Pattern[str]] = {
    "image": re.compile(
        r"\b(images?|photos?|photographs?|pictures?|pics?|screenshots?|scans?|scanned|"
        r"x-rays?|drawings?|paintings?|sketch(es)?|invoices?|receipts?)\b"
    ),
    "audio": re.compile(
        r"\b(audio|sounds?|recordings?|recorded|voices?|calls?|podcasts?|songs?|music|"
        r"spoken|speech|speakers?|utterances?)\b"
    ),
    "video": re.compile(r"\b(videos?|footage|clips?|movies?|films?)\b"),
}
# ... unless the words name what to produce ("into speech", "an audio version of this text").
_MEDIA_OUTPUT = re.compile(
    r"\b(into|to|as)\s+(an?\s+|the\s+)?(spoken\s+|natural\s+)?"
    r"(audio|speech|voice|sound|images?|pictures?|videos?)\b|\b(audio|image|video)\s+version\b|"
    r"\b(creat|generat|produc|mak|render|synthesi[sz]|draw|paint)\w*\s+(me\s+)?"
    r"(an?\s+|the\s+|some\s+)?(\w+\s+)?(audio|speech|voice|images?|pictures?|videos?)\b"
)


_WANTS_TEXT = re.compile(
    r"\b(transcri\w*|(speech|audio|voice)[- ]to[- ]text|(to|into)\s+(written\s+|plain\s+)?text)\b"
)


@dataclass(frozen=True)
class _Media:
    """What a query says about media (see :func:`_query_media`)."""

    given: frozenset[str]
    """Kinds it gives: files it names (``photo.jpg`` -> image) or media it talks about ("the
    recording of a call" -> audio), not media it asks for ("an audio version of this text")."""
    wants_text: bool
    """It asks for text out of media ("transcribe", "speech to text")."""


def _query_media(query: str) -> _Media:
    lower = query.lower()
    given = {m for m, names in _MEDIA_FILES.items() if names.search(lower)}
    talk = _MEDIA_OUTPUT.sub(" ", lower)
    given |= {m for m, words in _MEDIA_WORDS.items() if words.search(talk)}
    return _Media(frozenset(given), bool(_WANTS_TEXT.search(lower)))


@cache
def _cue_pattern(task: str) -> re.Pattern[str]:
    """A task's cues, each matched from the start of a word.

    "form" is not found in "information", while the stem "transcrib" is found in "transcribe".
    """
    return re.compile("|".join(rf"(?<![a-z0-9]){re.escape(c)}" for c in TASKS[task].cues))


def _modality_fit(spec: Any, media: _Media) -> float:
    """How a task fits the media of a query.

    +1 if the task reads a kind of media the query gives; -1 if its main input is media the
    query does not give, or if the query asks for text and the task makes media; else 0.
    """
    inputs = [a.modality for a in spec.args if a.resource]
    if media.given & set(inputs):
        return 1.0
    if inputs and inputs[0] != "text":
        return -1.0
    if media.wants_text and spec.output != "text":
        return -1.0
    return 0.0
