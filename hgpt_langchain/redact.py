"""Keep secrets out of every text a user or a file sees.

A remote server may echo the request's ``Authorization`` header in its error body, an exception
may quote a URL with a key in it. :func:`redact` replaces known secrets in a text with ``***``;
it is applied where errors become ``TaskResult.error`` and ``attempts`` (and so the report, the
stream events and the checkpoint), in remote error messages and in the CLI's ``hgpt: error:`` line.

Known secrets are the values of the environment variables that hold credentials (``HF_TOKEN``,
``*_API_KEY``, ``*_TOKEN``, ``*_SECRET``, ``*_PASSWORD``...), values registered with
:func:`register_secret` (e.g. a ``token=`` argument), and anything shaped like a Hugging Face
token (``hf_...``), an OpenAI-style key (``sk-...``) or a ``Bearer`` credential.
"""

from __future__ import annotations

import os
import re
import threading

MASK = "***"

_SECRET_ENV_RE = re.compile(r"(TOKEN|API_KEY|APIKEY|SECRET|PASSWORD|PASSWD|ACCESS_KEY)", re.I)
_SHAPES_RE = re.compile(
    r"\bhf_[A-Za-z0-9]{16,}"
    r"|\bsk-[A-Za-z0-9_-]{16,}"
    r"|(?i:\bbearer\s+)[A-Za-z0-9._~+/=-]{8,}"
)
_MIN_LEN = 6
_registered: set[str] = set()
_lock = threading.Lock()


def register_secret(value: str | None) -> None:
    """Add a secret (a token passed as an argument) to those :func:`redact` removes."""
    if value and len(value) >= _MIN_LEN:
        with _lock:
            _registered.add(value)


def known_secrets() -> list[str]:
    """The secret values :func:`redact` removes, longest first."""
    found = {
        v
        for k, v in os.environ.items()
        if _SECRET_ENV_RE.search(k) and v and len(v) >= _MIN_LEN and not v.isdigit()
    }
    with _lock:
        found |= _registered
    return sorted(found, key=len, reverse=True)


def redact(text: str | None) -> str | None:
    """``text`` with every known secret (and token-shaped string) replaced by ``***``."""
    if not text:
        return text
    for secret in known_secrets():
        if secret in text:
            text = text.replace(secret, MASK)
    return _SHAPES_RE.sub(_mask_shape, text)


def _mask_shape(match: re.Match[str]) -> str:
    found = match.group(0)
    head = re.match(r"(?i)bearer\s+", found)
    return (head.group(0) if head else "") + MASK
