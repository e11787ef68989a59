"""What the Hugging Face Hub allows right now: the user's offline setting, read, never written."""

from __future__ import annotations


def hub_offline() -> bool:
    """Whether ``HF_HUB_OFFLINE`` is on (huggingface_hub then refuses every HTTP call)."""
    try:
        from huggingface_hub import constants
    except ImportError:  # pragma: no cover
        return False
    check = getattr(constants, "is_offline_mode", None)
    return bool(check() if callable(check) else constants.HF_HUB_OFFLINE)
