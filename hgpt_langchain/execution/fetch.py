"""URL policy and size-limited downloads for user and LLM supplied URLs.

Only ``http``/``https`` URLs are fetched. Every host name is resolved first and refused when any
of its addresses is private, loopback, link-local, reserved, multicast or unspecified, unless the
caller explicitly allows private addresses. Redirects are followed by hand (at most
:data:`MAX_REDIRECTS`) and each hop is checked again. Bodies are streamed and cut off at a byte
limit.
"""

from __future__ import annotations

import ipaddress
import logging
import mimetypes
import os
import re
import socket
import time
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from hgpt_langchain.errors import WorkspaceError

logger = logging.getLogger(__name__)

MAX_REDIRECTS = 5
"""How many redirects a download follows before giving up."""

MAX_DOWNLOAD_SECONDS = 120.0
"""Time limit of one whole download (redirects and body); a slow drip-feed is cut off."""

_WRITE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)

_SAFE_NAME_RE = re.compile(r"[^A-Za-z0-9._-]+")


def is_url(value: str) -> bool:
    """Whether ``value`` looks like a URL (has a ``scheme://``)."""
    return bool(re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", value.strip()))


def _address_is_private(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return bool(
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_reserved
        or ip.is_multicast
        or ip.is_unspecified
    )


def check_url(url: str, *, allow_private: bool = False) -> None:
    """Raise :class:`WorkspaceError` unless ``url`` may be fetched.

    Args:
        url: The URL to check.
        allow_private: Allow hosts that resolve to private/loopback/link-local addresses.

    Raises:
        WorkspaceError: Wrong scheme, no host, unresolvable host or a private address.
    """
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https"):
        raise WorkspaceError(
            f"URL {url!r} is not allowed: only http:// and https:// URLs can be fetched."
        )
    host = parts.hostname
    if not host:
        raise WorkspaceError(f"URL {url!r} has no host name.")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(host, parts.port or (443 if parts.scheme == "https" else 80))
    except (socket.gaierror, UnicodeError) as exc:
        raise WorkspaceError(f"Cannot resolve the host of URL {url!r}: {exc}.") from exc
    for info in infos:
        address = str(info[4][0])
        if _address_is_private(address):
            raise WorkspaceError(
                f"URL {url!r} resolves to the private or local address {address}; fetching it "
                "is refused. Pass allow_private_urls=True to the workspace if this is intended."
            )


def _check_peer(response: object, url: str) -> None:
    """Refuse a body served from a private address: DNS may have changed since check_url.

    The host is resolved once by :func:`check_url` and again when connecting; a name that
    answers with a public address first and a private one next (DNS rebinding) is caught here,
    before any byte of the body is read.
    """
    stream = getattr(response, "extensions", {}).get("network_stream")
    peer = stream.get_extra_info("server_addr") if stream is not None else None
    if peer and _address_is_private(str(peer[0])):
        raise WorkspaceError(
            f"URL {url!r} connected to the private or local address {peer[0]}; fetching it is "
            "refused. Pass allow_private_urls=True to the workspace if this is intended."
        )


def filename_from_url(url: str, content_type: str | None = None) -> str:
    """A safe file name for the body of ``url`` (its last path segment, or ``download``)."""
    name = unquote(Path(urlsplit(url).path).name) or "download"
    name = _SAFE_NAME_RE.sub("_", name).strip("._") or "download"
    if "." not in name and content_type:
        ext = mimetypes.guess_extension(content_type.split(";", 1)[0].strip())
        if ext:
            name += ext
    return name[:120]


def download(
    url: str,
    dest_dir: Path,
    *,
    max_bytes: int = 50_000_000,
    allow_private: bool = False,
    timeout: float = 30.0,
    name: str | None = None,
    max_seconds: float = MAX_DOWNLOAD_SECONDS,
) -> Path:
    """Download ``url`` into ``dest_dir`` under the URL policy and a size limit.

    Args:
        url: http(s) URL.
        dest_dir: Folder to write into (created if needed).
        max_bytes: Refuse bodies larger than this many bytes.
        allow_private: Allow private/loopback/link-local hosts.
        timeout: Network timeout in seconds per operation.
        max_seconds: Time limit of the whole download, however fast each read is.
        name: File name to use; default: derived from the URL.

    Returns:
        The path of the downloaded file.

    Raises:
        WorkspaceError: The URL (or a redirect's target) is not allowed, the download failed,
            was too large or too slow.
    """
    import httpx

    current = url
    deadline = time.monotonic() + max_seconds
    with httpx.Client(follow_redirects=False, timeout=timeout, trust_env=False) as client:
        for _ in range(MAX_REDIRECTS + 1):
            check_url(current, allow_private=allow_private)
            try:
                with client.stream("GET", current) as response:
                    if response.is_redirect:
                        location = response.headers.get("location")
                        if not location:
                            raise WorkspaceError(f"Redirect without a location from {current!r}.")
                        current = urljoin(current, location)
                        continue
                    if not allow_private:
                        _check_peer(response, url)
                    if response.status_code >= 400:
                        raise WorkspaceError(
                            f"Downloading {url!r} failed with HTTP {response.status_code}."
                        )
                    declared = response.headers.get("content-length")
                    if declared and declared.isdigit() and int(declared) > max_bytes:
                        raise WorkspaceError(
                            f"{url!r} is {int(declared)} bytes, more than the limit of "
                            f"{max_bytes} bytes (max_download_bytes)."
                        )
                    dest_dir.mkdir(parents=True, exist_ok=True)
                    target = dest_dir / (
                        name or filename_from_url(current, response.headers.get("content-type"))
                    )
                    size = 0
                    try:
                        fd = os.open(target, _WRITE_FLAGS, 0o644)  # never through a symlink
                    except OSError as exc:
                        raise WorkspaceError(f"Cannot write {target.name}: {exc}.") from exc
                    try:
                        with os.fdopen(fd, "wb") as fh:
                            for chunk in response.iter_bytes():
                                size += len(chunk)
                                if size > max_bytes:
                                    raise WorkspaceError(
                                        f"{url!r} is larger than the limit of {max_bytes} bytes "
                                        "(max_download_bytes)."
                                    )
                                fh.write(chunk)
                                if time.monotonic() > deadline:
                                    raise WorkspaceError(
                                        f"Downloading {url!r} took longer than {max_seconds:g} s "
                                        f"(stopped after {size} bytes)."
                                    )
                    except BaseException:
                        target.unlink(missing_ok=True)
                        raise
                    logger.info("Downloaded %s (%d bytes) to %s", current, size, target)
                    return target
            except httpx.HTTPError as exc:
                raise WorkspaceError(f"Downloading {url!r} failed: {exc}.") from exc
    raise WorkspaceError(f"Too many redirects (more than {MAX_REDIRECTS}) from {url!r}.")
