"""Shared helpers for the benchmark scripts (scripted chat model, JSON output)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def emit(obj: dict) -> None:
    """Print the benchmark result as one JSON object."""
    json.dump(obj, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
