"""What is available where: the Hub's offline setting and which models are on this machine.

* :func:`hub_offline`: the user's ``HF_HUB_OFFLINE``, read, never written.
* :func:`local_folder`, :func:`cached_file`, :func:`cached_snapshot`, :func:`on_this_machine`:
  whether a model's files are here (a folder on disk, a snapshot in the Hugging Face cache, or
  weights an installed package ships, :mod:`hgpt_langchain.packaged`) so that it loads without a
  download. Selection (``local_availability``) and the local executor (``is_available``,
  ``model_files``) both ask these; nothing else decides it.

Cheap to import: ``huggingface_hub`` is imported inside the functions, torch never.
Whether a *provider* serves a model is a catalog fact (``CatalogEntry.providers``) that only the
remote executor's ``can_run`` decides on.
"""

from __future__ import annotations

import re
from pathlib import Path

from hgpt_langchain.packaged import packaged_path

MODEL_CONFIGS = (
    "config.json",
    "model_index.json",
    "modules.json",
    "config_sentence_transformers.json",
)
"""Files that make a folder a model folder (transformers, diffusers, sentence-transformers)."""

SNAPSHOT_CONFIGS = ("config.json", "model_index.json")
"""Files whose cached copy locates a Hub model's snapshot (transformers, diffusers)."""

_REPO_NAME = re.compile(r"^[\w.-]+$")


def hub_offline() -> bool:
    """Whether ``HF_HUB_OFFLINE`` is on (huggingface_hub then refuses every HTTP call)."""
    try:
        from huggingface_hub import constants
    except ImportError:  # pragma: no cover
        return False
    check = getattr(constants, "is_offline_mode", None)
    return bool(check() if callable(check) else constants.HF_HUB_OFFLINE)


def local_folder(model: str) -> Path | None:
    """The folder ``model`` names, when it is a folder on disk holding a model (its config)."""
    path = Path(model).expanduser()
    if path.is_dir() and any((path / name).is_file() for name in MODEL_CONFIGS):
        return path
    return None


def cached_file(repo_id: str, filename: str, cache_dir: str | Path | None = None) -> Path | None:
    """Where ``filename`` of Hub repository ``repo_id`` (revision ``main``) is in the cache.

    Args:
        repo_id: ``owner/name`` (or a bare ``name``).
        filename: A path inside the repository.
        cache_dir: The Hugging Face hub cache (default: huggingface_hub's, from ``HF_HUB_CACHE``
            or ``HF_HOME``).

    Returns:
        The cached file, or ``None`` (not cached, an invalid id, or no ``huggingface_hub``).
    """
    if "/" not in repo_id and not _REPO_NAME.match(repo_id):
        return None
    try:
        from huggingface_hub import try_to_load_from_cache
    except ImportError:  # pragma: no cover
        return None
    try:
        hit = try_to_load_from_cache(
            repo_id, filename, cache_dir=str(cache_dir) if cache_dir else None
        )
    except Exception:  # noqa: BLE001 - an invalid repo id is simply not cached
        return None
    return Path(hit) if isinstance(hit, str) else None


def cached_snapshot(model: str, cache_dir: str | Path | None = None) -> Path | None:
    """The snapshot folder of Hub model ``model`` in the Hugging Face cache, if it is there.

    A snapshot counts when its ``main`` revision holds the model's config (``config.json`` or
    ``model_index.json``): what ``from_pretrained`` needs to load it offline.
    """
    for name in SNAPSHOT_CONFIGS:
        hit = cached_file(model, name, cache_dir)
        if hit is not None:
            return hit.parent
    return None


def on_this_machine(model: str, cache_dir: str | Path | None = None) -> bool:
    """Whether ``model`` loads here without a download.

    It is a model folder on disk, its weights ship in an installed package
    (:func:`hgpt_langchain.packaged.packaged_path`), or its snapshot is in the Hugging Face cache
    (``cache_dir``, default: huggingface_hub's). Never touches the network.
    """
    return (
        local_folder(model) is not None
        or packaged_path(model) is not None
        or cached_snapshot(model, cache_dir) is not None
    )
