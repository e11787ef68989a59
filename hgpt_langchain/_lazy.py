"""Lazy re-exports for package ``__init__`` files (PEP 562): a name loads its module on first use.

Imports nothing of ours, so any package of ours can use it without an import circle.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any


def lazy_getattr(
    package: str, exports: dict[str, str], namespace: dict[str, Any]
) -> Callable[[str], Any]:
    """A module ``__getattr__`` that imports ``exports[name]`` and caches the name in ``namespace``.

    Args:
        package: The package's name (for the error message).
        exports: ``{name: module that defines it}``.
        namespace: The package's ``globals()``: a loaded name is stored there, so the next
            lookup does not come back here.
    """

    def __getattr__(name: str) -> Any:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(module), name)
        namespace[name] = value
        return value

    return __getattr__
