"""The offline planner: plans a request into tasks with no LLM, from embeddings and lexical cues.

Steps, all local and deterministic (1 and 2 in :mod:`~hgpt_langchain.planning.clauses`):

1. **Extract** quoted texts and file names (by extension) and replace them with placeholders, so
   their punctuation cannot break sentences and their wording cannot sway the task choice. A
   request that is only small talk ("hi, how are you?", "thanks!") gets an empty plan right away
   (:mod:`~hgpt_langchain.planning.wording`).
2. **Split** the request into sentences (leading discourse words such as "now", "ok," or "great,"
   removed, greeting and thank-you sentences dropped) and the sentences into clauses at
   sequencing words ("then", "after that", "finally", "; ") and at "and" / commas followed by an
   action verb.
3. **Classify** each clause: cosine similarity (the real all-MiniLM-L6-v2 by default) against
   anchors per task type (registry descriptions and examples, TaskBench's tool descriptions,
   hand-written example clauses in :mod:`~hgpt_langchain.planning.anchors`), plus lexical cue
   bonuses and a modality prior (a clause about an audio file favours audio tasks). A "none"
   anchor group absorbs context and politeness ("I have a photo", "could you help?"). Clauses that
   only set the scene (no request wording) need a higher score to become tasks. A request with no
   recognisable task gets an empty plan (with a problem saying so), not a guessed task, except
   that an open request with no file that is not filler ("tell me a joke") goes to
   ``conversational``.
4. **Bind arguments** from the registry's argument specs: files of the right modality mentioned in
   the clause, else the output of the latest earlier task of that modality (``<resource>-k``,
   which also gives the dependencies: "then read it aloud", an image-producing task feeding an
   image-reading task), else an input file of that modality: those named in the request first,
   then the passed ``files`` from the last (in a multi-turn thread the most recent output, so
   "now make it black and white" edits the latest image). The annotated image of object
   detection, segmentation or depth estimation is not the implicit referent: "detect the objects
   in it and estimate its depth" estimates the depth of the image the detector analysed, unless
   the clause names the annotation ("the mask", "the depth map", "the annotated image"). Texts
   come from quotes, else the latest text output, else the clause without its request
   scaffolding ("generate an image of a red fox" -> "a red fox"). ``image-to-image`` gets the
   instruction: a quote, an earlier text output the clause points to ("based on that
   description"), or the clause without the image and the filler ("make photo.jpg look like a
   watercolor painting" -> "look like a watercolor painting").
5. **Validate** with :func:`~hgpt_langchain.planning.validate.validate_plan` and score a
   confidence in [0, 1] (a logistic model of the weakest task's score and margin, the number of
   tasks and the number of borderline clauses) that ``auto`` mode compares with a threshold.

Planning one request takes a few milliseconds plus one query embedding per clause (the ONNX query
encoder of :mod:`hgpt_langchain.embeddings`, no torch once it is cached); anchor embeddings are
computed once per embedding model and anchor set and stored on disk (:func:`anchor_vectors`).
"""

from __future__ import annotations

import logging
import math
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from hgpt_langchain.languages import LANGUAGE_NAME_PATTERN, language
from hgpt_langchain.planning.anchors import (
    CUES,
    EXAMPLES,
    IMAGE_EDIT,
    NONE,
    TASKBENCH_DESCRIPTIONS,
)
from hgpt_langchain.planning.base import PlanResult
from hgpt_langchain.planning.clauses import (
    Clause,
    ParsedRequest,
    file_modality,
    parse_request,
    with_history_files,
)
from hgpt_langchain.planning.validate import _basename, validate_plan
from hgpt_langchain.planning.wording import edit_instruction, prompt_text
from hgpt_langchain.state import Plan, Task
from hgpt_langchain.tasks import TASKS, TaskSpec

logger = logging.getLogger(__name__)

DEFAULT_THRESHOLD = 0.6
"""Confidence at or above which ``auto`` mode keeps the offline plan (see :meth:`confident`)."""

_REFERENCE_RE = re.compile(
    r"\b(?:it|its|this|that|these|those|them|they|the (?:result|results|output|outcome|answer|"
    r"response|label|labels|classification|summary|transcript(?:ion)?|translation|translated|"
    r"transcribed|summari[sz]ed|generated|created|edited|modified|new|resulting|produced|"
    r"enhanced|cleaned|transformed|adjusted|updated|refined|segmented|above|same|previous|"
    r"detected|extracted|description|caption|text|audio|image|picture|story|paragraph|findings))\b",
    re.IGNORECASE,
)
_TARGET_LANG_RE = re.compile(
    r"\b(?:into|to|in)\s+(" + LANGUAGE_NAME_PATTERN + r")\b", re.IGNORECASE
)
"""A target language the local translation route accepts (:mod:`hgpt_langchain.languages`)."""

_RESULT_WORDS = r"\bthe (?:results?|outputs?|outcome|resulting|processed)\b"
_ANNOTATION_WORDS: dict[str, re.Pattern[str]] = {
    "object-detection": re.compile(
        r"annotat|bounding|\bbox(?:es|ed)\b|\bdetect(?:ed|ions?)\b|\blabell?ed (?:image|picture|"
        r"photo)|" + _RESULT_WORDS,
        re.IGNORECASE,
    ),
    "image-segmentation": re.compile(
        r"\bmasks?\b|\bsegment(?:s|ed|ation)\b|\bregions\b|" + _RESULT_WORDS, re.IGNORECASE
    ),
    "depth-estimation": re.compile(r"\bdepth|\bdistances?\b|" + _RESULT_WORDS, re.IGNORECASE),
}
"""Wording that names the annotated image of an analysis task ("the mask", "the depth map")."""
_TEXT_REF_RE = re.compile(
    r"\b(?:based on|according to|using|use|with|following|per|from|apply\w*|reflect\w*|"
    r"illustrate|match\w*|in line with|align\w* with|inspired by|guided by|as indicated)\b"
    r".{0,40}?\b(?:that|this|these|those|the|its|their|our)\s+(?:\w+\s+){0,2}?"
    r"(?:instructions?|descriptions?|text|details|information|info|results?|answers?|"
    r"transcri\w+|translation|summary|caption|suggestions?|changes|output|findings|topics?|"
    r"ideas?|keywords?|entities|narrative|story|response|scene|theme|insights?)\b",
    re.IGNORECASE,
)
"""An image edit that takes its instruction from an earlier text output ("based on that text")."""

# Logistic confidence model: intercept and weights of (weakest task score, weakest margin, number
# of tasks - 1, borderline clauses, unbound inputs), fitted with ``bench/planner_savings.py --fit``
# on the dev half of TaskBench's labelled sample (target: exactly the gold tool multiset).
_CONF_WEIGHTS = (-0.366, 1.516, 1.303, -0.933, -0.813, -0.85)


@dataclass
class _Choice:
    clause: int
    label: str
    score: float
    margin: float


@dataclass
class _Out:
    """A task planned so far, as later tasks see it (for ``<resource>-k`` references)."""

    tid: int
    task: str
    outputs: tuple[str, ...]
    args: dict[str, str]


def _file_value(name: str) -> str:
    """A file argument: a URL stays whole (the workspace fetches or refuses it), a path by name."""
    return name if "://" in name else _basename(name)


class _AnchorIndex:
    """Anchor embeddings per label, computed once per (embedding model, label set).

    For embeddings that fingerprint themselves (the default MiniLM) the vectors are also stored on
    disk (see :func:`anchor_vectors`), so a new process reads them instead of loading the model.
    """

    def __init__(self, embeddings: Any, labels: Sequence[str]):
        texts: list[str] = []
        owners: list[int] = []
        for i, label in enumerate(labels):
            for t in _anchor_texts(label):
                texts.append(t)
                owners.append(i)
        import numpy as np

        self.labels = list(labels)
        self.vectors = anchor_vectors(embeddings, texts)
        self.owners = np.asarray(owners)

    def scores(self, vectors: Any) -> Any:
        """Max cosine per label: array (n_clauses, n_labels)."""
        import numpy as np

        sims = np.asarray(vectors, dtype="float32") @ self.vectors.T
        out = np.full((sims.shape[0], len(self.labels)), -1.0, dtype="float32")
        for i in range(len(self.labels)):
            cols = sims[:, self.owners == i]
            if cols.shape[1]:
                top = np.sort(cols, axis=1)[:, -2:]
                out[:, i] = 0.7 * top[:, -1] + 0.3 * top.mean(axis=1)
        return out


def _anchor_texts(label: str) -> list[str]:
    texts = list(EXAMPLES.get(label, ()))
    if label in TASKS:
        spec = TASKS[label]
        texts.append(spec.description)
        texts.extend(spec.examples)
    if label in TASKBENCH_DESCRIPTIONS:
        texts.append(TASKBENCH_DESCRIPTIONS[label])
    return texts


def _encode(embeddings: Any, texts: list[str]) -> Any:
    import numpy as np

    if hasattr(embeddings, "encode"):
        vecs = np.asarray(embeddings.encode(list(texts)), dtype="float32")
    else:
        vecs = np.asarray(embeddings.embed_documents(list(texts)), dtype="float32")
    norms = np.linalg.norm(vecs, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return vecs / norms


ANCHOR_FORMAT = 1
"""Bump when the way anchors are embedded changes (invalidates the caches on disk)."""


def anchor_fingerprint(embeddings: Any, texts: Sequence[str]) -> str | None:
    """Key of the anchor vectors on disk: the texts, the embedding model and its files.

    ``None`` for embeddings without a ``fingerprint()`` (they are embedded in each process).
    """
    fingerprint = getattr(embeddings, "fingerprint", None)
    if not callable(fingerprint):
        return None
    import hashlib
    import json

    from hgpt_langchain.embeddings import embedding_name

    digest = hashlib.sha256()
    digest.update(json.dumps([ANCHOR_FORMAT, embedding_name(embeddings), fingerprint()]).encode())
    digest.update(json.dumps(list(texts)).encode())
    return digest.hexdigest()[:20]


def anchor_vectors(embeddings: Any, texts: Sequence[str]) -> Any:
    """Unit vectors of the anchor ``texts``: from ``<cache>/anchors/<fingerprint>.npy`` or embedded.

    Anchors are documents: embedded in one batch by ``embeddings.encode`` (torch for the default
    model) when the cache is cold or stale, then saved (a changed text, model or format changes
    the fingerprint, so a stale file is never read).
    """
    import numpy as np

    key = anchor_fingerprint(embeddings, texts)
    path = None
    if key is not None:
        from hgpt_langchain.paths import cache_root

        path = cache_root(getattr(embeddings, "cache_dir", None)) / "anchors" / f"{key}.npy"
        try:
            vectors = np.load(path) if path.is_file() else None
        except (OSError, ValueError) as err:
            logger.warning("Ignoring unreadable anchor cache %s (%s).", path, err)
            vectors = None
        if vectors is not None and vectors.ndim == 2 and vectors.shape[0] == len(texts):
            return np.asarray(vectors, dtype="float32")
    vectors = np.asarray(_encode(embeddings, list(texts)), dtype="float32")
    if path is not None:
        import os

        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.stem}.{os.getpid()}.{threading.get_ident()}.npy")
            np.save(tmp, vectors)
            tmp.replace(path)  # atomic: a concurrent process reads a whole file or none
        except OSError as err:  # a read-only cache still plans, only slower next time
            logger.warning("Cannot cache the anchor embeddings at %s (%s).", path, err)
    return vectors


def _encode_queries(embeddings: Any, texts: list[str]) -> Any:
    """Request clauses as queries: on the embeddings' single-query path when they have one.

    For the default MiniLM that is its ONNX export (no torch once the export is cached); other
    embeddings embed the clauses as documents, in one batch.
    """
    import numpy as np

    if texts and callable(getattr(embeddings, "encode_query", None)):
        from hgpt_langchain.embeddings import query_vector

        return np.stack([query_vector(embeddings, t) for t in texts])
    return _encode(embeddings, texts)


_INDEX_CACHE: dict[tuple[int, tuple[str, ...]], _AnchorIndex] = {}
_INDEX_LOCK = threading.Lock()


def _label_task(label: str) -> str:
    return "image-to-image" if label == IMAGE_EDIT else label


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


class OfflinePlanner:
    """Plan requests with no LLM: clause splitting, embedding similarity and lexical cues.

    Args:
        embeddings: A LangChain ``Embeddings``. Anchors are embedded as documents (``.encode``
            when present, cached on disk for embeddings with a ``fingerprint()``); request
            clauses as queries (``.encode_query`` when present). Default: the shared
            all-MiniLM-L6-v2 of :func:`hgpt_langchain.embeddings.default_embeddings` with
            float32 ONNX queries (no torch once its export is cached).
        threshold: Confidence at or above which :meth:`confident` says the plan can be used
            without asking an LLM (``auto`` mode).
        tasks: Task types the planner may use (default: the whole registry), e.g. only those a
            benchmark's tool list has.
        min_score: Clause-to-task score a request clause needs to become a task.
        weak_score: Score a clause that only states a wish ("I'm curious about ...") needs.
        context_score: Score a clause without request wording ("I have a photo of a dog") needs.

    Example:
        >>> planner = OfflinePlanner()  # doctest: +SKIP
        >>> result = planner.plan("Transcribe meeting.wav, then summarize it")  # doctest: +SKIP
        >>> [t.task for t in result.plan.tasks]  # doctest: +SKIP
        ['automatic-speech-recognition', 'summarization']
    """

    def __init__(
        self,
        embeddings: Any = None,
        *,
        threshold: float = DEFAULT_THRESHOLD,
        tasks: Iterable[str] | None = None,
        min_score: float = 0.42,
        weak_score: float = 0.55,
        context_score: float = 0.9,
    ):
        self._embeddings = embeddings
        self.threshold = threshold
        names = list(TASKS) if tasks is None else [t for t in tasks if t in TASKS]
        unknown = [] if tasks is None else [t for t in tasks if t not in TASKS]
        if unknown:
            raise ValueError(f"Unknown task types {unknown}; known: {', '.join(TASKS)}.")
        self.tasks = names
        labels = [n for n in names]
        if "image-to-image" in names:
            labels.append(IMAGE_EDIT)
        labels.append(NONE)
        self.labels = labels
        self.min_score = min_score
        self.context_score = context_score
        self.weak_score = weak_score
        self._cues = {
            label: [(re.compile(p, re.IGNORECASE), w) for p, w in CUES.get(label, ())]
            for label in labels
        }

    @property
    def embeddings(self) -> Any:
        """The embedding model (the default one is loaded on first use)."""
        if self._embeddings is None:
            from hgpt_langchain.embeddings import default_embeddings

            # Clauses on the float32 ONNX graph: the thresholds were tuned on float32 vectors
            # (the int8 graph moves TaskBench's figures by a few records; see BENCHMARKS.md).
            self._embeddings = default_embeddings("auto-float32")
        return self._embeddings

    def _index(self) -> _AnchorIndex:
        key = (id(self.embeddings), tuple(self.labels))
        with _INDEX_LOCK:
            index = _INDEX_CACHE.get(key)
            if index is None:
                index = _AnchorIndex(self.embeddings, self.labels)
                _INDEX_CACHE[key] = index
        return index

    def warm_up(self) -> None:
        """Load the embedding model and embed the anchors now rather than on the first request."""
        self._index()

    # ------------------------------------------------------------------------------------------
    def plan(
        self, request: str, files: Sequence[str] = (), history: Sequence[Any] = ()
    ) -> PlanResult:
        """Plan ``request``.

        Args:
            request: The user's request.
            files: Input files (paths or URLs); files named in the request are found as well.
            history: Earlier conversation turns. File names mentioned there count as input
                files older than ``files`` (whose last entries are the most recent), so "it"
                in a follow-up turn binds to the latest file either way.

        Returns:
            A :class:`PlanResult` with ``planner="offline"``, ``llm_calls=0`` and a
            ``confidence``; ``problems`` lists what could not be planned (e.g. an image task with
            no image).
        """
        parsed = parse_request(request, with_history_files(files, history))
        if parsed.small_talk:
            # Greetings, thanks, small talk: nothing for a model to do, and sure of it.
            return PlanResult(Plan(), planner="offline", confidence=0.95, problems=[])
        if not parsed.clauses:
            return PlanResult(
                Plan(), planner="offline", confidence=0.0, problems=["The request is empty."]
            )
        choices, borderline = self._classify(parsed)
        tasks, unbound = self._bind(parsed, choices)
        validation = validate_plan({"tasks": tasks}, files=None)
        problems = list(unbound) + list(validation.problems)
        plan = validation.plan
        if validation.problems:
            plan = self._drop_invalid(plan)
        if not plan.tasks and not problems:
            problems.append(
                "No task recognised in the request: say what to do with which input, e.g. "
                "'describe photo.jpg' or 'translate \"good morning\" into French'."
            )
        confidence = self._confidence(choices, borderline, len(unbound) + len(validation.problems))
        if not plan.tasks:
            confidence = min(confidence, 0.2)
        return PlanResult(
            plan=plan,
            raw=None,
            llm_calls=0,
            planner="offline",
            confidence=round(confidence, 4),
            problems=problems,
        )

    def confident(self, result: PlanResult) -> bool:
        """Whether ``result`` is good enough to skip the LLM planner (``auto`` mode).

        An empty plan counts only when nothing went wrong (small talk, which needs no model);
        an empty plan with problems (nothing recognised, an input missing) never does.
        """
        return (
            result.planner == "offline"
            and result.confidence is not None
            and result.confidence >= self.threshold
            and (bool(result.plan.tasks) or not result.problems)
        )

    # ------------------------------------------------------------------------------------------
    def scores(self, parsed: ParsedRequest) -> Any:
        """Clause-by-label scores (similarity + cues + modality prior), shape (clauses, labels)."""
        import numpy as np

        index = self._index()
        vectors = _encode_queries(self.embeddings, [c.embed_text or c.text for c in parsed.clauses])
        out = np.array(index.scores(vectors), copy=True)
        none_idx = self.labels.index(NONE)
        request_mods = {m for c in parsed.clauses for m in c.file_modalities if m != "text"}
        prev_out: str | None = None
        for ci, clause in enumerate(parsed.clauses):
            lower = clause.embed_text.lower()
            priors = []
            for li, label in enumerate(self.labels):
                bonus = 0.0
                for pattern, weight in self._cues[label]:
                    if pattern.search(lower):
                        bonus += weight
                out[ci, li] += min(bonus, 0.35)
                if label == NONE:
                    continue
                spec = TASKS[_label_task(label)]
                prior = self._modality_prior(spec, clause, prev_out, request_mods)
                priors.append(prior)
                out[ci, li] += prior
            # The modality prior ranks tasks against each other, not against "no task".
            out[ci, none_idx] += max(priors, default=0.0)
            best = int(np.argmax(out[ci]))
            if self.labels[best] != NONE:
                prev_out = TASKS[_label_task(self.labels[best])].output
        return out

    @staticmethod
    def _modality_prior(
        spec: TaskSpec, clause: Clause, prev_out: str | None, request_mods: set[str]
    ) -> float:
        inputs = set(spec.inputs) or {"text"}
        mods = clause.modalities
        file_mods = {m for m in mods if m != "text"}
        if clause.files:
            return 0.08 if set(clause.file_modalities) & inputs else -0.15
        if file_mods:
            if file_mods & (inputs | set(spec.outputs)):
                return 0.05
            return -0.05
        if clause.chained and prev_out is not None:
            return 0.04 if prev_out in inputs else -0.04
        if prev_out is None and len(request_mods) == 1:
            return 0.06 if request_mods & inputs else -0.06
        return 0.0

    def _classify(self, parsed: ParsedRequest) -> tuple[list[_Choice], int]:
        import numpy as np

        scores = self.scores(parsed)
        none_idx = self.labels.index(NONE)
        choices: list[_Choice] = []
        borderline = 0
        best_any: _Choice | None = None
        best_over_none = -1.0
        for ci, clause in enumerate(parsed.clauses):
            row = scores[ci]
            order = np.argsort(-row)
            best = next(int(i) for i in order if int(i) != none_idx)
            best_task = _label_task(self.labels[best])
            second = next(
                (
                    float(row[i])
                    for i in order
                    if int(i) != none_idx and _label_task(self.labels[int(i)]) != best_task
                ),
                0.0,
            )
            score = float(row[best])
            margin = score - max(second, float(row[none_idx]))
            choice = _Choice(ci, self.labels[best], score, margin)
            if clause.request or clause.weak:
                best_over_none = max(best_over_none, score - float(row[none_idx]))
            if (clause.request or clause.weak) and (best_any is None or score > best_any.score):
                best_any = choice
            if clause.request:
                need = self.min_score
            elif clause.weak:
                need = self.weak_score
            else:
                need = self.context_score
            if score >= need and score - float(row[none_idx]) >= 0.03:
                choices.append(choice)
            elif (clause.request or clause.weak) and score >= need - 0.08:
                borderline += 1
        if not choices and best_any is not None and best_any.score >= self.min_score - 0.1:
            choices.append(best_any)
            borderline += 1
        if (
            not choices
            and "conversational" in self.tasks
            and not parsed.files
            and best_over_none > -0.1
        ):
            # An open request with no file and no recognisable task ("tell me a joke"): let a
            # chat model answer. Not when it reads as filler ("could you help me with
            # something?"): a vague request gets an empty plan rather than a guessed task.
            choices.append(_Choice(len(parsed.clauses) - 1, "conversational", 0.0, 0.0))
            borderline += 1
        return self._dedupe(parsed, choices), borderline

    @staticmethod
    def _dedupe(parsed: ParsedRequest, choices: list[_Choice]) -> list[_Choice]:
        """Drop clauses that restate a task planned elsewhere in the request.

        A clause that only states a wish ("I'm hoping to find the objects") is dropped when a
        clause of the next sentence asks outright for a task on the same kind of input. Two
        clauses with the same task type are merged unless each names its own input.
        """
        strong = [c for c in choices if parsed.clauses[c.clause].request]
        filtered: list[_Choice] = []
        for ch in choices:
            clause = parsed.clauses[ch.clause]
            if clause.weak and not clause.request:
                spec_in = TASKS[_label_task(ch.label)].inputs[:1]
                if any(
                    parsed.clauses[o.clause].sentence in (clause.sentence, clause.sentence + 1)
                    and TASKS[_label_task(o.label)].inputs[:1] == spec_in
                    for o in strong
                ):
                    continue
            filtered.append(ch)
        kept: list[_Choice] = []
        for ch in filtered:
            clause = parsed.clauses[ch.clause]
            same = [k for k in kept if _label_task(k.label) == _label_task(ch.label)]
            if same:
                prev = same[-1]
                prev_clause = parsed.clauses[prev.clause]
                prev_inputs = set(prev_clause.files) | {-1 - q for q in prev_clause.quotes}
                new_inputs = set(clause.files) | {-1 - q for q in clause.quotes}
                if not (prev_inputs and new_inputs and new_inputs - prev_inputs):
                    if ch.score > prev.score:
                        prev.label, prev.score, prev.margin = ch.label, ch.score, ch.margin
                    if new_inputs and not prev_inputs:
                        prev.clause = ch.clause
                    continue
            kept.append(ch)
        return kept

    # ------------------------------------------------------------------------------------------
    def _bind(self, parsed: ParsedRequest, choices: list[_Choice]) -> tuple[list[dict], list[str]]:
        tasks: list[dict] = []
        outputs: list[_Out] = []
        used_quotes: set[int] = set()
        used_files: set[int] = set()
        unbound: list[str] = []
        chosen = {c.clause for c in choices}
        for tid, ch in enumerate(choices):
            clause = parsed.clauses[ch.clause]
            name = _label_task(ch.label)
            spec = TASKS[name]
            args: dict[str, str] = {}
            refers = clause.chained or bool(_REFERENCE_RE.search(clause.embed_text))
            for arg in spec.args:
                if name == "image-to-image" and arg.name == "text":
                    continue  # the instruction is bound below, once the image is known
                if not arg.resource:
                    value = self._option(arg.name, clause, parsed)
                    if value:
                        args[arg.name] = value
                    continue
                if arg.modality != "text":
                    value = self._bind_file(arg.modality, clause, parsed, outputs, used_files)
                    if value is None:
                        unbound.append(
                            f"Task {tid} ({name}) needs an input {arg.modality} for "
                            f"{arg.name!r}: name a file (e.g. photo.jpg) or pass it with files=."
                        )
                        continue
                    args[arg.name] = value
                    continue
                # text argument
                value = self._bind_text(
                    arg.name,
                    name,
                    _context_before(parsed, ch.clause, chosen),
                    clause,
                    parsed,
                    outputs,
                    args,
                    used_quotes,
                    used_files,
                    refers,
                    first=not any(a.modality == "text" for a in spec.args if a.name in args),
                )
                if value:
                    args[arg.name] = value
            if name == "image-to-image":
                # "make some edits, based on that description": the qualifier of the edit is
                # a clause of its own with no task; read it with the edit.
                tail = []
                for li in range(ch.clause + 1, len(parsed.clauses)):
                    later = parsed.clauses[li]
                    if later.sentence != clause.sentence or li in chosen:
                        break
                    tail.append(later.text)
                value = self._edit_text(clause, tail, parsed, outputs, args, used_quotes)
                if value:
                    args["text"] = value
            tasks.append({"id": tid, "task": name, "dep": [], "args": args})
            outputs.append(_Out(tid, name, spec.outputs, args))
        return tasks, unbound

    @staticmethod
    def _edit_text(
        clause: Clause,
        tail: list[str],
        parsed: ParsedRequest,
        outputs: list[_Out],
        args: dict[str, str],
        used_quotes: set[int],
    ) -> str | None:
        """The instruction of an image edit: a quote, an earlier text output, or the clause."""
        fresh = [q for q in clause.quotes if q not in used_quotes]
        if fresh:
            used_quotes.add(fresh[0])
            return parsed.quotes[fresh[0]]
        text = " ".join([clause.text, *tail])
        if _TEXT_REF_RE.search(text):
            k = _latest(outputs, "text", exclude=_refs_in(args))
            if k is not None:
                return f"<resource>-{k}"
        instruction = edit_instruction(clause.text) or (tail and edit_instruction(text)) or None
        return _restore_quotes(instruction, parsed) if instruction else None

    @staticmethod
    def _bind_text(
        name: str,
        task: str,
        context: str | None,
        clause: Clause,
        parsed: ParsedRequest,
        outputs: list[_Out],
        args: dict[str, str],
        used_quotes: set[int],
        used_files: set[int],
        refers: bool,
        *,
        first: bool,
    ) -> str | None:
        """Pick the value of a text argument (see the module docstring for the order)."""
        fresh = [q for q in clause.quotes if q not in used_quotes]
        if name == "question":
            q = next((q for q in fresh if parsed.quotes[q].rstrip().endswith("?")), None)
            if q is not None:
                used_quotes.add(q)
                return parsed.quotes[q]
            return _question(clause.embed_text)
        k = _latest(outputs, "text", exclude=_refs_in(args))
        if fresh and not (
            refers
            and k is not None
            and name == "text"
            and len(fresh) < 2
            and _wants_two_texts(clause)
        ):
            used_quotes.add(fresh[0])
            return parsed.quotes[fresh[0]]
        txt = next(
            (
                i
                for i in clause.files
                if file_modality(parsed.files[i]) == "text" and i not in used_files
            ),
            None,
        )
        if txt is not None:
            used_files.add(txt)
            return parsed.files[txt]
        if k is not None:
            return f"<resource>-{k}"
        spare = next((i for i in range(len(parsed.quotes)) if i not in used_quotes), None)
        if spare is not None:
            used_quotes.add(spare)
            return parsed.quotes[spare]
        txt_any = next((i for i in _file_order(parsed, "text") if i not in used_files), None)
        if txt_any is not None:
            used_files.add(txt_any)
            return parsed.files[txt_any]
        if first:
            prompt = prompt_text(_restore_quotes(_plain(clause.text, parsed), parsed), task)
            if (
                context
                and task in ("text-to-image", "text-to-video")
                and _POINTER_PROMPT.fullmatch(prompt)
            ):
                # "create an image that represents this event": the event is in the context
                return prompt_text(context, task)
            return prompt
        return None

    @staticmethod
    def _bind_file(
        modality: str,
        clause: Clause,
        parsed: ParsedRequest,
        outputs: list[_Out],
        used_files: set[int],
    ) -> str | None:
        """Pick a file argument: a file named in the clause, an earlier output, an input file.

        The earlier output is the latest one of ``modality``, except that the annotated image of
        an analysis task (object detection, segmentation, depth) is skipped for the image that
        task analysed unless the clause names it ("the mask", "the depth map", "the result").
        Input files named in the request come first (in order), then files passed in ``files``
        from the most recent (last) back: "it" in a follow-up turn is the latest file.
        """
        for i in clause.files:
            if file_modality(parsed.files[i]) == modality:
                used_files.add(i)
                return _file_value(parsed.files[i])
        value = _referent(outputs, modality, clause.text)
        if value is not None:
            return value
        candidates = _file_order(parsed, modality)
        fresh = [i for i in candidates if i not in used_files]
        pick = (fresh or candidates or [None])[0]
        if pick is None:
            return None
        used_files.add(pick)
        return _file_value(parsed.files[pick])

    @staticmethod
    def _option(name: str, clause: Clause, parsed: ParsedRequest) -> str | None:
        if name == "target_language":
            m = _TARGET_LANG_RE.search(clause.embed_text)
            lang = language(m.group(1)) if m else None
            return lang.name.capitalize() if lang else None
        if name == "labels":
            m = re.search(r"\b(?:is it|as|into|between)\s+(.+?)(?:\?|$)", clause.embed_text)
            if m:
                parts = re.split(r",\s*|\s+or\s+|\s+and\s+", m.group(1))
                labels = [re.sub(r"^(?:an?|the)\s+", "", p.strip()) for p in parts if p.strip()]
                if len(labels) >= 2:
                    return ", ".join(labels)
        return None

    @staticmethod
    def _drop_invalid(plan: Plan) -> Plan:
        """Remove tasks that lack required arguments (and tasks that depend on them)."""
        again = validate_plan(plan)
        bad = {int(m.group(1)) for p in again.problems if (m := re.match(r"Task (\d+)", p))}
        while bad:
            keep = [t for t in plan.tasks if t.id not in bad]
            removed = bad
            bad = {t.id for t in keep if set(t.dep) & removed}
            plan = Plan(tasks=keep)
        return validate_plan(plan).plan

    def _confidence(self, choices: list[_Choice], borderline: int, unbound: int) -> float:
        if not choices:
            return 0.0
        b0, w_score, w_margin, w_n, w_border, w_unbound = _CONF_WEIGHTS
        x = (
            b0
            + w_score * min(c.score for c in choices)
            + w_margin * min(c.margin for c in choices)
            + w_n * (len(choices) - 1)
            + w_border * borderline
            + w_unbound * unbound
        )
        return _sigmoid(x)

    def features(self, request: str, files: Sequence[str] = ()) -> dict[str, float]:
        """The confidence model's inputs for ``request`` (used to fit its weights)."""
        parsed = parse_request(request, files)
        choices, borderline = self._classify(parsed)
        _, unbound = self._bind(parsed, choices)
        return {
            "min_score": min((c.score for c in choices), default=0.0),
            "min_margin": min((c.margin for c in choices), default=0.0),
            "n_tasks": float(len(choices)),
            "borderline": float(borderline),
            "unbound": float(len(unbound)),
        }


def _wants_two_texts(clause: Clause) -> bool:
    """Whether a clause compares something with a quote ("compare it with 'X'")."""
    return bool(
        re.search(
            r"\bcompar|\bsimilar|\bmatch|\balign|\bagainst\b", clause.embed_text, re.IGNORECASE
        )
    )


def _latest(outputs: list[_Out], modality: str, exclude: set[int] = frozenset()) -> int | None:
    out = _latest_out(outputs, modality, exclude)
    return None if out is None else out.tid


def _latest_out(outputs: list[_Out], modality: str, exclude: set[int] = frozenset()) -> _Out | None:
    """The latest earlier task whose main output (else any output) has ``modality``."""
    for out in reversed(outputs):
        if out.tid not in exclude and out.outputs and out.outputs[0] == modality:
            return out
    for out in reversed(outputs):
        if out.tid not in exclude and modality in out.outputs:
            return out
    return None


def _referent(outputs: list[_Out], modality: str, clause_text: str) -> str | None:
    """The earlier output an input of ``modality`` refers to (``<resource>-k`` or a file).

    An analysis task whose image output annotates its input (detection boxes, a mask, a depth
    map) is not the implicit referent of "it": the clause then means the image that task
    analysed, unless it names the annotation itself.
    """
    skipped: set[int] = set()
    while True:
        out = _latest_out(outputs, modality, exclude=skipped)
        if out is None:
            return None
        product = _ANNOTATION_WORDS.get(out.task)
        if modality != "image" or product is None or product.search(clause_text):
            return f"<resource>-{out.tid}"
        source = out.args.get("image")
        if source:
            return source
        skipped.add(out.tid)


def _file_order(parsed: ParsedRequest, modality: str) -> list[int]:
    """Input files of ``modality``: named in the request (in order), then the rest, newest first."""
    named = [i for i in sorted(parsed.mentioned) if file_modality(parsed.files[i]) == modality]
    given = [
        i
        for i in reversed(range(len(parsed.files)))
        if i not in parsed.mentioned and file_modality(parsed.files[i]) == modality
    ]
    return named + given


_POINTER_PROMPT = re.compile(
    r"(?:(?:this|that|the|my|our|these|those|such an?)\s+)(?:\w+\s+)?"
    r"(?:event|scene|scenario|idea|story|concept|moment|situation|setting|vision|view|"
    r"landscape|place)s?",
    re.IGNORECASE,
)
"""A generation prompt that only points at something said before ("this event")."""


def _context_before(parsed: ParsedRequest, index: int, chosen: set[int]) -> str | None:
    """The nearest earlier clause that only sets the scene (no task, no request), as text."""
    for i in range(index - 1, -1, -1):
        clause = parsed.clauses[i]
        if i in chosen or clause.request:
            continue
        text = _restore_quotes(_plain(clause.text, parsed), parsed)
        if len(text.split()) >= 4:
            return text
    return None


def _plain(text: str, parsed: ParsedRequest) -> str:
    """A clause with its file placeholders replaced by the files' names."""
    return re.sub(r"§F(\d+)§", lambda m: _basename(parsed.files[int(m.group(1))]), text)


def _restore_quotes(text: str, parsed: ParsedRequest) -> str:
    """Put quoted texts back in place of their placeholders."""
    return re.sub(r"§Q(\d+)§", lambda m: f"'{parsed.quotes[int(m.group(1))]}'", text)


def _refs_in(args: dict[str, str]) -> set[int]:
    from hgpt_langchain.state import resource_refs

    return {k for v in args.values() for k in resource_refs(v)}


def _question(text: str) -> str:
    """The clause as a question."""
    q = prompt_text(text)
    return q if q.endswith("?") else q + "?"


def plan_task_names(plan: Plan) -> list[str]:
    """Task types of a plan in order (small helper for logs and tests)."""
    return [t.task for t in plan.tasks]


__all__ = ["DEFAULT_THRESHOLD", "OfflinePlanner", "plan_task_names", "Task"]
