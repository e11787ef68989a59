"""Local tabular classification: scikit-learn models shipped as skops files.

A Hub repository of a scikit-learn model (``library_name: sklearn``) holds the model file and a
``config.json`` naming it and the feature columns (``{"sklearn": {"model": {"file": ...},
"columns": [...]}}``, as written by ``skops.hub_utils``). The model is loaded with skops' safe
loader, which reconstructs only types it trusts (scikit-learn estimators, numpy, ...) and never
runs pickle: a file that needs other types is refused with their names. Pickle and joblib files can
run arbitrary code when loaded, so they are loaded only with an explicit trust flag
(``LocalExecutor(trust_pickle=True)`` / ``HGPT_TRUST_PICKLE=1``), for repositories you trust.

The input is a CSV file in the workspace or inline CSV rows; the output is one label per row.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hgpt_langchain.errors import ConfigurationError, ExecutionError
from hgpt_langchain.execution.base import ExecutionOutput
from hgpt_langchain.execution.convert import jsonable

if TYPE_CHECKING:
    from hgpt_langchain.execution.workspace import Workspace
    from hgpt_langchain.tasks import TaskSpec

MAX_ROWS = 10_000
"""Rows classified per call, at most."""

SAFE_SUFFIXES = (".skops",)
PICKLE_SUFFIXES = (".pkl", ".pickle", ".joblib")
_HUB_PATTERNS = ["*.json", "*.skops", "*.pkl", "*.pickle", "*.joblib"]


def _model_folder(ex: Any, model: str) -> Path:
    """A local folder, or the Hub repository's files (from the cache when offline)."""
    path = Path(model).expanduser()
    if path.is_dir():
        return path
    from huggingface_hub import snapshot_download

    return Path(snapshot_download(model, allow_patterns=_HUB_PATTERNS))


def _config(folder: Path) -> dict[str, Any]:
    file = folder / "config.json"
    if not file.is_file():
        return {}
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ExecutionError(f"{file} is not valid JSON: {exc}.") from exc
    return data if isinstance(data, dict) else {}


def _model_file(folder: Path, config: dict[str, Any]) -> Path:
    named = ((config.get("sklearn") or {}).get("model") or {}).get("file")
    if isinstance(named, str) and named:
        file = (folder / named).resolve()
        if file.parent != folder.resolve() or not file.is_file():
            raise ExecutionError(f"The model file {named!r} named in config.json is missing.")
        return file
    for suffixes in (SAFE_SUFFIXES, PICKLE_SUFFIXES):
        found = sorted(p for p in folder.iterdir() if p.suffix.lower() in suffixes)
        if found:
            return found[0]
    raise ExecutionError(
        f"No scikit-learn model file (.skops, or .pkl/.joblib) in {folder.name}; a tabular model "
        "repository holds one, named in its config.json."
    )


def load_estimator(file: Path, *, trust_pickle: bool = False) -> Any:
    """Load a scikit-learn estimator: skops files safely, pickle/joblib only when trusted.

    Raises:
        ConfigurationError: A pickle file without ``trust_pickle``, or a skops file that needs
            types skops does not trust (named in the message).
        ExecutionError: skops is not installed, or the file cannot be read.
    """
    suffix = file.suffix.lower()
    if suffix in PICKLE_SUFFIXES:
        if not trust_pickle:
            raise ConfigurationError(
                f"{file.name} is a {suffix[1:]} file: loading it can run arbitrary code. Only for "
                "a repository you trust, allow it with LocalExecutor(trust_pickle=True) or "
                "HGPT_TRUST_PICKLE=1 (or use a model saved with skops)."
            )
        import joblib

        return joblib.load(file)
    try:
        import skops.io as sio
    except ImportError as exc:
        raise ExecutionError(
            "Tabular models need skops and scikit-learn: pip install 'hgpt-langchain[tabular]'."
        ) from exc
    untrusted = sio.get_untrusted_types(file=str(file))
    if untrusted:
        raise ConfigurationError(
            f"{file.name} needs types that skops does not trust: {', '.join(untrusted)}. "
            "Refused: they could run code. Inspect the file and load it yourself with "
            "skops.io.load(..., trusted=[...]) if you trust it."
        )
    return sio.load(str(file))


def read_rows(workspace: Workspace, value: str) -> tuple[list[str] | None, list[list[str]]]:
    """The header (if any) and rows of a CSV file in the workspace or of inline CSV text."""
    text = value
    if "\n" not in value.strip() and value.strip().lower().endswith((".csv", ".tsv", ".txt")):
        path = workspace.resolve(value.strip(), must_exist=True)
        text = path.read_text(encoding="utf-8", errors="replace")
    delimiter = "\t" if "\t" in text.split("\n", 1)[0] else ","
    rows = [r for r in csv.reader(io.StringIO(text.strip()), delimiter=delimiter) if r]
    if not rows:
        raise ExecutionError("The table is empty: give CSV rows or a CSV file.")
    if len(rows) > MAX_ROWS + 1:
        raise ExecutionError(f"The table has {len(rows)} rows; at most {MAX_ROWS} are classified.")
    header = None
    if any(not _is_number(cell) for cell in rows[0]) and len(rows) > 1:
        header, rows = [c.strip() for c in rows[0]], rows[1:]
    return header, rows


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def _frame(estimator: Any, header: list[str] | None, rows: list[list[str]], columns: Any) -> Any:
    """The feature matrix in the order the estimator was trained on."""
    trained = getattr(estimator, "feature_names_in_", None)
    names = [str(n) for n in trained] if trained is not None else list(columns or [])
    values = [[float(c) if _is_number(c) else c.strip() for c in row] for row in rows]
    if header and names:
        missing = [n for n in names if n not in header]
        if missing:
            raise ExecutionError(
                f"The table lacks the model's feature column(s) {missing}; its columns are "
                f"{header}."
            )
        values = [[row[header.index(n)] for n in names] for row in values]
    width = len(names) if names else len(values[0])
    bad = [i + 1 for i, row in enumerate(values) if len(row) != width]
    if bad:
        raise ExecutionError(f"Row(s) {bad[:5]} do not have the {width} values the model expects.")
    try:
        import pandas as pd

        return pd.DataFrame(values, columns=names or None)
    except ImportError:
        import numpy as np

        return np.asarray(values, dtype=object if header else float)


def route_tabular(
    ex: Any, spec: TaskSpec, model: str, args: dict[str, str], ws: Workspace
) -> ExecutionOutput:
    """Classify each row of a table with a scikit-learn model; one label per row."""

    def loader() -> Any:
        folder = _model_folder(ex, model)
        config = _config(folder)
        estimator = load_estimator(
            _model_file(folder, config), trust_pickle=getattr(ex, "trust_pickle", False)
        )
        return estimator, (config.get("sklearn") or {}).get("columns")

    entry = ex.load("tabular", model, loader)
    estimator, columns = entry.value
    header, rows = read_rows(ws, args["table"])
    frame = _frame(estimator, header, rows, columns)
    with entry.lock:
        labels = jsonable(list(estimator.predict(frame)))
    text = "; ".join(f"row {i + 1}: {label}" for i, label in enumerate(labels[:20]))
    if len(labels) > 20:
        text += f"; ... ({len(labels)} rows)"
    return ExecutionOutput(text=text, data={"labels": labels})
