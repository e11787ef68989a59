"""A task head: a linear classifier from a query embedding to task-type probabilities.

The index ranks models partly by how well a request matches each *task type*. Cosine to a few
hand-written prototype requests per task (``prototypes.task_prototypes``) is one signal; a task head
trained on labelled requests is a stronger one. :func:`train_task_head` fits a multinomial
logistic regression (numpy only, deterministic) on ``{"q", "task"}`` rows embedded with the same
query encoder the index uses, class-balanced so that task types with few examples still count.

The package ships a head for the default embedding model, trained on TaskBench single-task
requests plus the registry's own prototypes (``data/task_head.npz``; how it was made is recorded
in its ``info``: see ``python -m hgpt_langchain.selection.taskhead --help``). A head applies only
to the embedding model it was trained with: :func:`default_task_head` returns ``None`` for any
other.

Train one for your own requests::

    from hgpt_langchain.selection.taskhead import train_task_head
    head = train_task_head(rows, embeddings)   # rows: [{"q": ..., "task": ...}, ...]
    head.save("my_head.npz")
    index = ModelIndex(catalog, task_head=TaskHead.load("my_head.npz"))
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from hgpt_langchain.embeddings import embedding_name, query_vector
from hgpt_langchain.errors import ConfigurationError
from hgpt_langchain.selection.prototypes import task_prototypes
from hgpt_langchain.tasks import TASKS, resolve_task

SHIPPED_HEAD = Path(__file__).parent.parent / "data" / "task_head.npz"
"""The head shipped for the default embedding model."""


@dataclass(frozen=True, eq=False)
class TaskHead:
    """Softmax regression ``p(task | query) = softmax(W q + b)`` over unit query vectors."""

    tasks: tuple[str, ...]
    """Task types (registry names), the rows of ``weight``."""
    weight: np.ndarray
    """``(len(tasks), dim)`` float32."""
    bias: np.ndarray
    """``(len(tasks),)`` float32."""
    embeddings: str
    """Name of the embedding model it was trained with (see ``embeddings.embedding_name``)."""
    info: dict[str, Any] = field(default_factory=dict)
    """How it was trained: data sources, example counts per task, hyper-parameters."""

    def __post_init__(self) -> None:
        n = len(self.tasks)
        if self.weight.ndim != 2 or self.weight.shape[0] != n or self.bias.shape != (n,):
            raise ConfigurationError(
                f"Task head shapes {self.weight.shape} / {self.bias.shape} do not match its "
                f"{n} task types; retrain it."
            )

    @property
    def dim(self) -> int:
        """Embedding size the head expects."""
        return int(self.weight.shape[1])

    def proba(self, vector: np.ndarray) -> np.ndarray:
        """Probabilities over :attr:`tasks` for one unit query vector (or a batch, row-wise)."""
        logits = np.asarray(vector, dtype=np.float32) @ self.weight.T + self.bias
        logits = logits - logits.max(axis=-1, keepdims=True)
        exp = np.exp(logits)
        return exp / exp.sum(axis=-1, keepdims=True)

    def aligned(self, tasks: Sequence[str]) -> Callable[[np.ndarray], np.ndarray]:
        """A function giving the probabilities in the order of ``tasks`` (0 for unknown ones)."""
        position = {t: i for i, t in enumerate(self.tasks)}
        take = np.array([position.get(t, -1) for t in tasks], dtype=np.int64)
        known = take >= 0

        def scores(vector: np.ndarray) -> np.ndarray:
            out = np.zeros(len(take), dtype=np.float32)
            out[known] = self.proba(vector)[take[known]]
            return out

        return scores

    def predict(self, vector: np.ndarray) -> str:
        """The likeliest task type for one query vector."""
        return self.tasks[int(np.argmax(self.proba(vector)))]

    def fingerprint(self) -> str:
        """Hash of the weights and task list."""
        digest = hashlib.sha256()
        digest.update(json.dumps([list(self.tasks), self.embeddings]).encode())
        digest.update(np.ascontiguousarray(self.weight, dtype=np.float32).tobytes())
        digest.update(np.ascontiguousarray(self.bias, dtype=np.float32).tobytes())
        return digest.hexdigest()[:16]

    def save(self, path: str | Path) -> Path:
        """Write the head to an ``.npz`` file."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as fh:  # a file object: numpy adds no ".npz" suffix
            np.savez_compressed(
                fh,
                weight=self.weight.astype(np.float32),
                bias=self.bias.astype(np.float32),
                meta=np.array(
                    json.dumps(
                        {
                            "tasks": list(self.tasks),
                            "embeddings": self.embeddings,
                            "info": self.info,
                        }
                    )
                ),
            )
        return path

    @classmethod
    def load(cls, path: str | Path) -> TaskHead:
        """Read a head written by :meth:`save`.

        Raises:
            ConfigurationError: The file is missing, unreadable, or names unknown task types.
        """
        path = Path(path)
        hint = (
            "train one with hgpt_langchain.selection.taskhead.train_task_head or pass "
            "task_head=None."
        )
        if path.exists() and not path.is_file():  # a FIFO would block np.load forever
            raise ConfigurationError(
                f"The task head {str(path)!r} is not a regular file (a folder, FIFO or device); "
                + hint
            )
        try:
            with np.load(path, allow_pickle=False) as data:
                meta = json.loads(str(data["meta"]))
                weight, bias = data["weight"], data["bias"]
            tasks, embeddings = list(meta["tasks"]), str(meta["embeddings"])
            _check_head_arrays(tasks, weight, bias)
        except (
            OSError,
            EOFError,
            ValueError,
            KeyError,
            TypeError,
            AttributeError,
            IndexError,
            zipfile.BadZipFile,
        ) as err:
            raise ConfigurationError(
                f"Cannot read the task head {str(path)!r} ({type(err).__name__}: {err}); " + hint
            ) from err
        if not isinstance(meta.get("info", {}), dict):
            meta["info"] = {}
        unknown = [t for t in tasks if t not in TASKS]
        if unknown:
            raise ConfigurationError(
                f"Task head {str(path)!r} names unknown task types {unknown}; retrain it."
            )
        return cls(tuple(tasks), weight, bias, embeddings, meta.get("info", {}))


def _check_head_arrays(tasks: list[Any], weight: np.ndarray, bias: np.ndarray) -> None:
    """Raise ``ValueError`` unless the arrays fit the task list (a mistyped or foreign file)."""
    if not all(isinstance(t, str) for t in tasks) or not tasks:
        raise ValueError("'tasks' must be a non-empty list of task type names")
    for name, arr, ndim in (("weight", weight, 2), ("bias", bias, 1)):
        if arr.ndim != ndim or arr.shape[0] != len(tasks) or arr.dtype.kind not in "fiu":
            raise ValueError(
                f"{name!r} has shape {arr.shape} and dtype {arr.dtype}, expected {ndim}-D numbers "
                f"with {len(tasks)} rows (one per task)"
            )


def fit_softmax(
    x: np.ndarray,
    y: np.ndarray,
    n_classes: int,
    *,
    sample_weight: np.ndarray | None = None,
    l2: float = 1e-3,
    steps: int = 400,
    lr: float = 0.5,
) -> tuple[np.ndarray, np.ndarray]:
    """Fit ``softmax(x W^T + b)`` by full-batch Adam on weighted cross-entropy + L2 (on ``W``).

    Deterministic (zero start, no sampling). Returns ``(W, b)`` as float32.
    """
    x = np.asarray(x, dtype=np.float64)
    n, dim = x.shape
    w8 = np.ones(n) if sample_weight is None else np.asarray(sample_weight, dtype=np.float64)
    w8 = w8 / w8.sum()
    onehot = np.zeros((n, n_classes))
    onehot[np.arange(n), y] = 1.0
    params = np.zeros((n_classes, dim + 1))
    xb = np.hstack([x, np.ones((n, 1))])
    m = np.zeros_like(params)
    v = np.zeros_like(params)
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    for step in range(1, steps + 1):
        logits = xb @ params.T
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        grad = ((p - onehot) * w8[:, None]).T @ xb
        grad[:, :dim] += l2 * params[:, :dim]
        m = beta1 * m + (1 - beta1) * grad
        v = beta2 * v + (1 - beta2) * grad * grad
        m_hat = m / (1 - beta1**step)
        v_hat = v / (1 - beta2**step)
        params -= lr * m_hat / (np.sqrt(v_hat) + eps) / np.sqrt(step)
    return params[:, :dim].astype(np.float32), params[:, dim].astype(np.float32)


def train_task_head(
    rows: Iterable[dict[str, str]],
    embeddings: Any,
    *,
    with_prototypes: bool = True,
    balance: bool = True,
    l2: float = 3e-3,
    steps: int = 400,
    info: dict[str, Any] | None = None,
) -> TaskHead:
    """Train a :class:`TaskHead` on labelled requests.

    Args:
        rows: ``{"q": request, "task": task type (registry name, title or alias)}`` each.
        embeddings: The embedding model the index uses (its fast single-query path, when it has
            one, embeds the requests, so training sees the vectors searches will see).
        with_prototypes: Add the registry's task prototypes (``prototypes.task_prototypes``) as
            examples, so every task type has some.
        balance: Weight examples so every task type counts the same in the loss.
        l2: L2 penalty on the weights.
        steps: Optimiser steps.
        info: Extra provenance recorded in the head.

    Raises:
        ConfigurationError: A row names an unknown task type, or there are no examples.
    """
    texts: list[str] = []
    labels: list[str] = []
    for row in rows:
        task = resolve_task(str(row.get("task", "")))
        if task is None:
            raise ConfigurationError(
                f"Unknown task type {row.get('task')!r} in a training row; task types: "
                f"{', '.join(TASKS)}."
            )
        texts.append(str(row["q"]))
        labels.append(task)
    n_requests = len(texts)
    if with_prototypes:
        for task, text in task_prototypes():
            texts.append(text)
            labels.append(task)
    if not texts:
        raise ConfigurationError("No training examples for the task head.")
    vectors = embed_queries(embeddings, texts)
    tasks = tuple(t for t in TASKS if t in set(labels))
    index = {t: i for i, t in enumerate(tasks)}
    y = np.array([index[t] for t in labels], dtype=np.int64)
    counts = Counter(labels)
    weights = np.array([1.0 / counts[t] for t in labels]) if balance else None
    weight, bias = fit_softmax(vectors, y, len(tasks), sample_weight=weights, l2=l2, steps=steps)
    record = {
        "requests": n_requests,
        "prototypes": len(texts) - n_requests,
        "per_task": dict(sorted(counts.items())),
        "l2": l2,
        "steps": steps,
        "balance": balance,
        **(info or {}),
    }
    return TaskHead(tasks, weight, bias, embedding_name(embeddings), record)


def embed_queries(embeddings: Any, texts: Sequence[str]) -> np.ndarray:
    """Unit query vectors for ``texts``, embedded as the index embeds a query."""
    return np.stack([query_vector(embeddings, t) for t in texts])


@lru_cache(maxsize=4)
def _shipped(path: Path) -> TaskHead | None:
    return TaskHead.load(path) if path.is_file() else None


def default_task_head(embeddings: Any) -> TaskHead | None:
    """The shipped head when ``embeddings`` is the model it was trained with, else ``None``."""
    head = _shipped(SHIPPED_HEAD)
    if head is None or head.embeddings != embedding_name(embeddings):
        return None
    return head


def read_labelled_rows(path: str | Path) -> list[dict[str, str]]:
    """Read ``{"q", "task"}`` rows from a JSONL file (other fields are ignored).

    Raises:
        ConfigurationError: The file is missing, a line is not JSON, or a row lacks ``q``/``task``.
    """
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise ConfigurationError(f"Cannot read {str(path)!r}: {err.strerror or err}.") from err
    rows = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            raise ConfigurationError(
                f"{path.name} line {number} is not JSON ({err.msg}); expected "
                '{"q": "request", "task": "task type"} per line.'
            ) from err
        if not isinstance(row, dict) or not row.get("q") or not row.get("task"):
            raise ConfigurationError(
                f'{path.name} line {number} needs "q" (the request) and "task" (its task type).'
            )
        rows.append({"q": str(row["q"]), "task": str(row["task"])})
    return rows


def train_from_files(
    paths: Sequence[str | Path],
    out: str | Path,
    *,
    embeddings: Any = None,
    l2: float = 3e-3,
    steps: int = 400,
) -> TaskHead:
    """Train a head on JSONL files of ``{"q", "task"}`` and save it to ``out``.

    The head records each file's name, row count and SHA-256 in its ``info["sources"]``.
    ``embeddings`` defaults to the shipped MiniLM.
    """
    if embeddings is None:
        from hgpt_langchain.embeddings import default_embeddings

        embeddings = default_embeddings()
    rows: list[dict[str, str]] = []
    sources = []
    for path in map(Path, paths):
        part = read_labelled_rows(path)
        rows += part
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        sources.append({"file": path.name, "rows": len(part), "sha256": digest})
    head = train_task_head(rows, embeddings, l2=l2, steps=steps, info={"sources": sources})
    head.save(out)
    return head


def main(argv: Sequence[str] | None = None) -> None:
    """Maintainers train the shipped head: ``python -m hgpt_langchain.selection.taskhead``."""
    import argparse

    parser = argparse.ArgumentParser(description="Train the task head shipped in the package.")
    parser.add_argument("--data", type=Path, action="append", required=True, help="JSONL {q, task}")
    parser.add_argument("--out", type=Path, default=SHIPPED_HEAD)
    parser.add_argument("--l2", type=float, default=3e-3)
    parser.add_argument("--steps", type=int, default=400)
    args = parser.parse_args(argv)
    head = train_from_files(args.data, args.out, l2=args.l2, steps=args.steps)
    print(json.dumps({"out": str(args.out), "tasks": len(head.tasks), **head.info}))


if __name__ == "__main__":  # pragma: no cover - maintainer command
    main()
