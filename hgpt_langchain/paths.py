"""Where hgpt_langchain keeps its on-disk caches (a foundation module: imports nothing of ours).

``cache_root()`` holds the persisted indexes (``index/``), the ONNX query encoder (``onnx/``) and
the offline planner's anchor embeddings (``anchors/``).
"""

from __future__ import annotations

import os
from pathlib import Path


def cache_root(cache_dir: str | Path | None = None) -> Path:
    """Where caches are persisted: ``cache_dir``, else ``$HGPT_CACHE_DIR``, else ``~/.cache``."""
    if cache_dir is not None:
        return Path(cache_dir).expanduser()
    env = os.environ.get("HGPT_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    return Path("~/.cache/hgpt_langchain").expanduser()
