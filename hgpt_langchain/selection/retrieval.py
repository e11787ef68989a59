"""The retrieval selector: a model for every planned task, with no LLM call.

:class:`RetrievalSelector` (the default) searches, for each task, the catalog's vector index
(:mod:`hgpt_langchain.selection.index`) among models of that task type with a query made of the
task type, its text arguments and the request (:func:`task_query`), re-ranks the hits by fit
(:func:`fit_score`: language, direction, domain, a specialisation the request names, popularity,
whether the executor runs it) and
availability (already in the local cache or a local folder, or otherwise known reachable), and
records candidates, scores and a one-line reason. The weights of that re-ranking are the
constants below.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hgpt_langchain.catalog import LOCAL_LIBRARIES, Catalog, CatalogEntry, default_catalog
from hgpt_langchain.fit import card_text, short_count
from hgpt_langchain.hub import on_this_machine
from hgpt_langchain.selection.index import Hit, ModelIndex, default_index
from hgpt_langchain.state import RESOURCE_RE, Candidate, ModelChoice, Plan, Task
from hgpt_langchain.tasks import TASKS, modality_of_path, resolve_task

if TYPE_CHECKING:
    from langchain_core.embeddings import Embeddings

logger = logging.getLogger(__name__)

Availability = Callable[[str], "bool | None"]
"""``availability(model_id)``: True (runs here), False (known not to), None (unknown)."""

AVAILABLE_BONUS = 0.1
"""Added to the retrieval score of a candidate known to be available."""

RUNNABLE_LIBRARIES = LOCAL_LIBRARIES
"""Libraries whose models the executors can run (:data:`hgpt_langchain.catalog.LOCAL_LIBRARIES`)."""

CanRun = Callable[[CatalogEntry], "bool | None"]
"""``can_run(entry)``: True (the executor can run it), False (it cannot), None (unknown)."""

DOMAIN_LIFT = 0.25
"""Added to a candidate for each domain (finance, tweets, ...) of it the request names."""

DOMAIN_MISFIT = 0.1
"""Subtracted from a domain-specialised candidate when the request names none of its domains."""

LANGUAGE_MATCH = 0.05
"""Added to a candidate known to handle the request's language or direction."""

LANGUAGE_EXACT = 0.05
"""Added again when the candidate names that language or direction itself (not only
"multilingual")."""

NAMED_LIFT = 0.2
"""Added to a candidate whose name carries a distinctive word of the request
(:func:`hgpt_langchain.fit.named_words`: "ghibli", "iris", "panoptic"): what the request names
outweighs the popularity of a general model."""

POPULARITY_WEIGHT = 0.3
"""Weight of the log-scaled popularity prior (:func:`hgpt_langchain.fit.popularity`)."""

NO_CARD_PENALTY = 0.1
"""Subtracted from a model without a model card (its description is made from the task)."""

FOREIGN_LIBRARY_PENALTY = 0.15
"""Subtracted from a candidate whose card names another library (fairseq, espnet, keras, ...):
kept as a fallback, but not chosen over a model that can run."""


def runnable(entry: CatalogEntry) -> bool:
    """Whether the executors can run ``entry`` (its library is one they load, or unknown)."""
    return entry.library is None or entry.library in RUNNABLE_LIBRARIES


def local_availability(cache_dir: str | Path | None = None) -> Availability:
    """Availability = the model is on this machine (:func:`hgpt_langchain.hub.on_this_machine`).

    A model folder, weights an installed package ships, or a snapshot in the Hugging Face cache:
    the same test as the local executor's ``is_available``. Never touches the network. Models
    not found locally are ``None`` (unknown), not ``False``: they may still be downloadable or
    reachable remotely.

    Args:
        cache_dir: Hugging Face hub cache (default: huggingface_hub's, from ``HF_HUB_CACHE`` /
            ``HF_HOME``).
    """

    def check(model_id: str) -> bool | None:
        return True if on_this_machine(model_id, cache_dir) else None

    return check


def fit_score(
    hit: Hit, req: Any, available: bool | None = None, runs: bool | None = None
) -> tuple[tuple[bool, bool], float, Any]:
    """Rank key parts of one hit for a request's facts (:func:`hgpt_langchain.fit.request_facts`).

    Returns:
        ``((mismatch, unknown_language, cannot_run), score, fit)``: candidates sort by the tier
        first (a language, direction or operation mismatch, then, for a request not in English,
        a model of unknown language, then a model the executor cannot run, are fallbacks only),
        then by the score (retrieval + availability + popularity prior + language/domain fit).
    """
    from hgpt_langchain.fit import fit, popularity

    f = fit(hit.entry, req)
    score = hit.score + (AVAILABLE_BONUS if available else 0.0)
    score += POPULARITY_WEIGHT * popularity(hit.entry)
    score += LANGUAGE_MATCH if f.language_match else 0.0
    score += LANGUAGE_EXACT if f.language_exact else 0.0
    score += DOMAIN_LIFT * len(f.domain_fit)
    score -= DOMAIN_MISFIT if f.domain_misfit else 0.0
    score += NAMED_LIFT if f.named else 0.0
    # Also when the executor cannot run it now (weights not downloaded while offline): a model
    # of a loadable library can run once downloaded, one of another library never locally.
    if runs is not True and not runnable(hit.entry):
        score -= FOREIGN_LIBRARY_PENALTY
    if not card_text(hit.entry.id, hit.entry.description):
        score -= NO_CARD_PENALTY
    return (f.mismatch is not None, f.language_unknown, runs is False), score, f


def task_query(task: Task, request: str) -> str:
    """The retrieval query of a planned task: task type, its text arguments and the request.

    File paths, URLs and ``<resource>-k`` references carry no meaning and are left out.
    """
    spec = TASKS.get(resolve_task(task.task) or "")
    parts = [spec.title if spec else task.task]
    for name, value in task.args.items():
        value = RESOURCE_RE.sub("", str(value)).strip()
        if not value or modality_of_path(value) or value.startswith(("http://", "https://")):
            continue
        parts.append(f"{name}: {value[:300]}")
    parts.append(request[:1000])
    return ". ".join(parts)


class RetrievalSelector:
    """Choose models by vector search in the catalog; no LLM call.

    Args:
        catalog: Catalog to choose from (default: the shipped catalog).
        embeddings: LangChain ``Embeddings`` for the index (default: all-MiniLM-L6-v2).
        index: A ready :class:`~hgpt_langchain.selection.index.ModelIndex` (overrides
            ``catalog`` and ``embeddings``).
        top_k: Candidates kept per task (the chosen model first, then fallbacks).
        availability: ``availability(model_id) -> bool | None``; ``None`` = no availability
            term. Use :func:`local_availability` to prefer models already downloaded.
        can_run: ``can_run(entry) -> bool | None`` from the executor that will run the tasks
            (``executor.can_run``; :func:`build_graph` passes it): models it cannot run are
            chosen only when no candidate can run.
        fit: Rank by the request's languages, direction and domain (:mod:`hgpt_langchain.fit`):
            a language or direction mismatch is chosen only when nothing fits. ``False``: the
            previous ranking (similarity, popularity, availability).
    """

    def __init__(
        self,
        catalog: Catalog | None = None,
        *,
        embeddings: Embeddings | None = None,
        index: ModelIndex | None = None,
        top_k: int = 5,
        availability: Availability | None = None,
        can_run: CanRun | None = None,
        fit: bool = True,
    ):
        if index is None:
            if embeddings is None:
                index = default_index(catalog)
            else:
                index = ModelIndex(
                    catalog if catalog is not None else default_catalog(), embeddings=embeddings
                )
        self.index = index
        self.catalog = index.catalog
        self.top_k = max(1, int(top_k))
        self.availability = availability
        self.can_run = can_run
        self.fit = fit
        self._notes: dict[str, str] = {}

    def candidates(self, task: Task, request: str) -> list[tuple[Hit, bool | None, float]]:
        """Ranked ``(hit, available, score)`` for one task (empty when no model fits)."""
        name = resolve_task(task.task)
        if name is None or not self.catalog.by_task(name):
            return []
        if self.fit:  # every model of the task is ranked: no window to look past
            return self._fit_candidates(task, name, request)
        query, k = task_query(task, request), self.top_k * 3
        hits = self.index.search(query, task=name, k=k)
        if self.availability is not None and len(hits) == k:
            # A model available here but ranked just below the window can still win with its
            # bonus: look further, keeping only those that are available and within reach.
            floor = hits[-1].score - AVAILABLE_BONUS
            more = self.index.search(query, task=name, k=k * 4)[k:]
            hits += [h for h in more if h.score >= floor and self.availability(h.id)]
        ranked = []
        for hit in hits:
            available = self.availability(hit.id) if self.availability else None
            score = hit.score + (AVAILABLE_BONUS if available else 0.0)
            if not runnable(hit.entry):
                score -= FOREIGN_LIBRARY_PENALTY
            ranked.append((hit, available, score))
        ranked.sort(key=lambda r: -r[2])
        return ranked[: self.top_k]

    def _fit_candidates(
        self, task: Task, name: str, request: str
    ) -> list[tuple[Hit, bool | None, float]]:
        from hgpt_langchain.fit import request_facts

        every = len(self.catalog.by_task(name))
        hits = self.index.search(task_query(task, request), task=name, k=max(every, self.top_k))
        req = request_facts(request, name, task.args, self.catalog.by_task(name))
        ranked = []
        for hit in hits:
            available = self.availability(hit.id) if self.availability else None
            runs = self.can_run(hit.entry) if self.can_run else None
            tier, score, f = fit_score(hit, req, available, runs)
            ranked.append((tier, hit, available, score, f, runs))
        ranked.sort(key=lambda r: (r[0], -r[3]))
        self._notes[f"{task.id}:{name}"] = self._reason(name, req, ranked)
        return [(hit, available, score) for _, hit, available, score, _, _ in ranked[: self.top_k]]

    def _reason(self, name: str, req: Any, ranked: list[Any]) -> str:
        if not ranked:
            return ""
        (mismatch, unknown, cannot), hit, available, _, f, runs = ranked[0]
        facts = list(f.facts)
        entry = hit.entry
        if runs is True:
            providers = getattr(entry, "providers", None)
            facts.append(
                f"served by {', '.join(providers[:2])}" if providers else "the executor runs it"
            )
        facts.append(f"{short_count(entry.downloads)} downloads")
        if available:
            facts.append("available locally")
        asked = []
        if req.source or req.target:
            asked.append(f"{req.source or '?'}->{req.target or '?'}")
        if req.language and name != "translation":
            asked.append(f"language {req.language}")
        if req.domains:
            asked.append(f"domain {', '.join(sorted(req.domains))}")
        if req.operations:
            asked.append(f"does {', '.join(sorted(req.operations))}")
        if req.named:
            asked.append(f"names {', '.join(sorted(req.named))}")
        request = f"request: {', '.join(asked)}; " if asked else ""
        reason = "; ".join(facts) + (
            f" ({request}best of {len(ranked)} {name} models, similarity {hit.similarity:.2f})"
        )
        if mismatch:
            reason = f"no {name} model fits the request; fallback: it {f.mismatch}; " + reason
        elif unknown:
            wanted = f"{req.source or '?'}->{req.target}" if req.target else req.language
            reason = (
                f"no {name} model known to handle {wanted} fits; fallback: its language "
                "is unknown; " + reason
            )
        elif cannot:
            reason = f"no {name} model that fits can run with this executor; fallback; " + reason
        return reason

    def choose(self, task: Task, request: str) -> ModelChoice:
        """The :class:`ModelChoice` of one task."""
        name = resolve_task(task.task)
        if name is None:
            return ModelChoice(
                task_id=task.id,
                task=task.task,
                model=None,
                reason=f"no model of task {task.task} in the catalog: it is not a known task type",
            )
        ranked = self.candidates(task, request)
        if not ranked:
            return ModelChoice(
                task_id=task.id,
                task=name,
                model=None,
                reason=(
                    f"no model of task {name} in the catalog ({len(self.catalog)} models); add "
                    f"one with 'hgpt catalog sync --task {name}' or 'hgpt catalog build'"
                ),
            )
        candidates = [
            Candidate(
                id=hit.id,
                score=round(score, 4),
                likes=hit.entry.likes,
                downloads=hit.entry.downloads,
                available=available,
            )
            for hit, available, score in ranked
        ]
        best, available, _ = ranked[0]
        note = self._notes.pop(f"{task.id}:{name}", None)
        reason = note or (
            f"best of {len(self.catalog.by_task(name))} {name} models for the request "
            f"(similarity {best.similarity:.2f}, {best.entry.downloads:,} downloads"
            f"{', available locally' if available else ''})"
        )
        return ModelChoice(
            task_id=task.id, task=name, model=best.id, candidates=candidates, reason=reason
        )

    def select(self, plan: Plan, request: str) -> dict[int, ModelChoice]:
        """A :class:`ModelChoice` per task id of ``plan``."""
        return {task.id: self.choose(task, request) for task in plan.tasks}
