"""A thread-safe LRU cache of loaded models, bounded by an estimated memory budget."""

from __future__ import annotations

import gc
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any

logger = logging.getLogger(__name__)


def module_bytes(obj: Any) -> int:
    """Estimate the memory of a loaded model: bytes of every torch parameter and buffer in it.

    Understands transformers pipelines (``.model``), diffusers pipelines (``.components``),
    sentence-transformers models and plain ``torch.nn.Module`` objects; ``0`` when unknown.
    """
    declared = getattr(obj, "memory_bytes", None)
    if isinstance(declared, int):  # a non-torch model that knows its size (audio_engines)
        return declared
    modules: list[Any] = []
    if hasattr(obj, "components") and isinstance(obj.components, dict):
        modules.extend(obj.components.values())
    for attr in ("model", "vocoder"):
        if hasattr(obj, attr):
            modules.append(getattr(obj, attr))
    if isinstance(obj, tuple | list):
        modules.extend(obj)
    modules.append(obj)
    seen: set[int] = set()
    total = 0
    for module in modules:
        if not (hasattr(module, "parameters") and hasattr(module, "buffers")):
            continue
        try:
            tensors = list(module.parameters()) + list(module.buffers())
        except Exception:  # noqa: BLE001 - not a torch module after all
            continue
        for t in tensors:
            if id(t) in seen:
                continue
            seen.add(id(t))
            total += t.numel() * t.element_size()
    return total


@dataclass
class CacheEntry:
    """One loaded model and the lock that serialises calls into it."""

    value: Any
    size_mb: float
    load_seconds: float
    lock: threading.Lock = field(default_factory=threading.Lock)


class ModelCache:
    """LRU cache of loaded models whose estimated total size stays under ``budget_mb``.

    The most recently used entry is always kept, even when it alone exceeds the budget.
    Concurrent requests for the same key load it once.

    Args:
        budget_mb: Memory budget in MiB for all cached models together.
        on_evict: Called after an entry is dropped (e.g. to empty the CUDA cache).
    """

    def __init__(self, budget_mb: float, on_evict: Callable[[], None] | None = None):
        self.budget_mb = float(budget_mb)
        self.on_evict = on_evict
        self._entries: OrderedDict[Hashable, CacheEntry] = OrderedDict()
        self._lock = threading.Lock()
        self._loading: dict[Hashable, threading.Lock] = {}
        self.hits = 0
        self.misses = 0
        self.evictions = 0

    def get(self, key: Hashable, loader: Callable[[], Any]) -> CacheEntry:
        """Return the entry for ``key``, calling ``loader()`` once if it is not cached."""
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                self.hits += 1
                return self._entries[key]
            load_lock = self._loading.setdefault(key, threading.Lock())
        with load_lock:
            with self._lock:
                if key in self._entries:
                    self._entries.move_to_end(key)
                    self.hits += 1
                    return self._entries[key]
            start = time.perf_counter()
            value = loader()
            seconds = time.perf_counter() - start
            entry = CacheEntry(value, module_bytes(value) / 2**20, seconds)
            with self._lock:
                self._entries[key] = entry
                self.misses += 1
                self._loading.pop(key, None)
                evicted = self._evict()
        logger.info("Loaded %s (%.1f MiB) in %.2f s", key, entry.size_mb, seconds)
        if evicted and self.on_evict is not None:
            gc.collect()
            self.on_evict()
        return entry

    def _evict(self) -> int:
        dropped = 0
        while len(self._entries) > 1 and self.total_mb > self.budget_mb:
            key, entry = self._entries.popitem(last=False)
            logger.info("Evicted %s (%.1f MiB) from the model cache", key, entry.size_mb)
            dropped += 1
        self.evictions += dropped
        return dropped

    @property
    def total_mb(self) -> float:
        """Estimated MiB held by cached models."""
        return sum(e.size_mb for e in self._entries.values())

    def keys(self) -> list[Hashable]:
        """Cached keys, least recently used first."""
        with self._lock:
            return list(self._entries)

    def stats(self) -> dict[str, float]:
        """Hits, misses, evictions, entries, estimated MiB and total load seconds."""
        with self._lock:
            return {
                "hits": self.hits,
                "misses": self.misses,
                "evictions": self.evictions,
                "entries": len(self._entries),
                "total_mb": round(self.total_mb, 3),
                "load_seconds": round(sum(e.load_seconds for e in self._entries.values()), 4),
            }

    def clear(self) -> None:
        """Drop every cached model."""
        with self._lock:
            self._entries.clear()
        gc.collect()
        if self.on_evict is not None:
            self.on_evict()

    def __contains__(self, key: Hashable) -> bool:
        with self._lock:
            return key in self._entries

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)
