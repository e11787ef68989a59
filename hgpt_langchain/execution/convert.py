"""Turning model outputs into files and text the next task and the user can use.

Images and masks become PNG, audio becomes 16-bit WAV, video becomes MP4 (GIF when no video
encoder is installed), detections become an annotated PNG plus a boxes JSON file, and structured
results get a short text rendering. Heavy libraries are imported inside the functions.
"""

from __future__ import annotations

import json
import logging
import wave
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hgpt_langchain.errors import ExecutionError

if TYPE_CHECKING:
    from hgpt_langchain.execution.workspace import Workspace

logger = logging.getLogger(__name__)

_PALETTE = [
    (230, 25, 75),
    (60, 180, 75),
    (255, 225, 25),
    (0, 130, 200),
    (245, 130, 48),
    (145, 30, 180),
    (70, 240, 240),
    (240, 50, 230),
    (210, 245, 60),
    (250, 190, 212),
]


def jsonable(value: Any) -> Any:
    """Recursively convert numpy scalars/arrays, tuples and paths into JSON-ready values."""
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, Path):
        return str(value)
    if hasattr(value, "tolist") and not isinstance(value, str | bytes):
        return jsonable(value.tolist())
    if hasattr(value, "item") and not isinstance(value, str | bytes):
        try:
            return value.item()
        except (TypeError, ValueError):
            pass
    if isinstance(value, float):
        return round(value, 6)
    if value is None or isinstance(value, str | int | bool):
        return value
    return str(value)


def load_image(workspace: Workspace, value: str) -> Any:
    """Open the image an argument points at (inside the workspace) as an RGB PIL image.

    Raises:
        WorkspaceError: The path leaves the workspace or does not exist.
        ExecutionError: The file is not a readable image.
    """
    from PIL import Image, UnidentifiedImageError

    path = workspace.resolve(value, must_exist=True)
    try:
        with Image.open(path) as img:
            return img.convert("RGB")
    except (UnidentifiedImageError, OSError) as exc:
        raise ExecutionError(f"{path.name} is not a readable image: {exc}.") from exc


def load_audio(workspace: Workspace, value: str, target_rate: int | None = None) -> dict[str, Any]:
    """Read an audio file into ``{"raw": float32 mono array, "sampling_rate": int}``.

    Uses ``soundfile`` when installed (WAV, FLAC, OGG, MP3), else the standard ``wave`` module
    (WAV only). Resamples to ``target_rate`` by linear interpolation when given.

    Raises:
        WorkspaceError: The path leaves the workspace or does not exist.
        ExecutionError: The file cannot be decoded.
    """
    import numpy as np

    path = workspace.resolve(value, must_exist=True)
    try:
        import soundfile

        data, rate = soundfile.read(str(path), dtype="float32", always_2d=True)
        samples = data.mean(axis=1)
    except ImportError:
        samples, rate = _read_wav(path)
    except Exception as exc:  # noqa: BLE001 - soundfile raises its own error types
        if path.suffix.lower() != ".wav":
            raise ExecutionError(f"Cannot decode audio file {path.name}: {exc}.") from exc
        samples, rate = _read_wav(path)
    samples = np.asarray(samples, dtype="float32")
    if target_rate and rate != target_rate and len(samples) > 1:
        n = max(1, round(len(samples) * target_rate / rate))
        samples = np.interp(
            np.linspace(0, len(samples) - 1, n), np.arange(len(samples)), samples
        ).astype("float32")
        rate = target_rate
    return {"raw": samples, "sampling_rate": int(rate)}


def _read_wav(path: Path) -> tuple[Any, int]:
    import numpy as np

    try:
        with wave.open(str(path), "rb") as w:
            rate, width, channels = w.getframerate(), w.getsampwidth(), w.getnchannels()
            frames = w.readframes(w.getnframes())
    except (wave.Error, EOFError) as exc:
        raise ExecutionError(f"Cannot decode audio file {path.name}: {exc}.") from exc
    if width == 2:
        samples = np.frombuffer(frames, dtype="<i2").astype("float32") / 32768.0
    elif width == 4:
        samples = np.frombuffer(frames, dtype="<i4").astype("float32") / 2147483648.0
    elif width == 1:
        samples = (np.frombuffer(frames, dtype="u1").astype("float32") - 128.0) / 128.0
    else:
        raise ExecutionError(f"Unsupported WAV sample width {width} in {path.name}.")
    if channels > 1:
        samples = samples.reshape(-1, channels).mean(axis=1)
    return samples, rate


def save_image(image: Any, workspace: Workspace, stem: str) -> str:
    """Save a PIL image (or an array) as ``outputs/<stem>.png``; return the path."""
    from PIL import Image

    if not isinstance(image, Image.Image):
        import numpy as np

        arr = np.asarray(image)
        if arr.dtype != np.uint8:
            lo, hi = float(arr.min()), float(arr.max())
            arr = ((arr - lo) / (hi - lo or 1.0) * 255).astype("uint8")
        image = Image.fromarray(arr)
    path = workspace.output_path(stem, "png")
    image.save(path, format="PNG")
    return str(path)


def save_wav(audio: Any, sampling_rate: int, workspace: Workspace, stem: str) -> str:
    """Save float audio in [-1, 1] (any shape; channels averaged) as 16-bit mono WAV."""
    import numpy as np

    samples = np.asarray(audio, dtype="float32")
    if samples.ndim > 1:
        # (channels, n) or (n, channels): average over the shorter axis
        axis = 0 if samples.shape[0] <= samples.shape[-1] else -1
        samples = samples.mean(axis=axis)
    samples = np.clip(np.nan_to_num(samples.reshape(-1)), -1.0, 1.0)
    path = workspace.output_path(stem, "wav")
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(int(sampling_rate))
        w.writeframes((samples * 32767).astype("<i2").tobytes())
    return str(path)


def save_video(frames: Sequence[Any], workspace: Workspace, stem: str, fps: int = 8) -> str:
    """Save frames (PIL images or arrays) as MP4; as an animated GIF without a video encoder.

    MP4 needs ``imageio`` with ``imageio-ffmpeg`` (or OpenCV); install them with
    ``pip install imageio imageio-ffmpeg``.
    """
    from PIL import Image

    images = [f if isinstance(f, Image.Image) else _to_pil(f) for f in frames]
    if not images:
        raise ExecutionError("The video model returned no frames.")
    path = workspace.output_path(stem, "mp4")
    try:
        from diffusers.utils import export_to_video
        from diffusers.utils.import_utils import is_imageio_available, is_opencv_available

        if is_imageio_available() or is_opencv_available():
            export_to_video(images, str(path), fps=fps)
            return str(path)
    except ImportError:
        pass
    gif = workspace.output_path(stem, "gif")
    logger.warning(
        "No video encoder installed (pip install imageio imageio-ffmpeg); saved %s as GIF.",
        gif.name,
    )
    images[0].save(gif, save_all=True, append_images=images[1:], duration=int(1000 / fps), loop=0)
    return str(gif)


def _to_pil(frame: Any) -> Any:
    import numpy as np
    from PIL import Image

    arr = np.asarray(frame)
    if arr.dtype != np.uint8:
        arr = (np.clip(arr, 0.0, 1.0) * 255).astype("uint8")
    return Image.fromarray(arr)


def annotate_boxes(image: Any, detections: list[dict[str, Any]]) -> Any:
    """Draw labelled boxes (``{"label", "score", "box": {xmin, ymin, xmax, ymax}}``) on a copy."""
    from PIL import ImageDraw

    out = image.copy()
    draw = ImageDraw.Draw(out)
    for i, det in enumerate(detections):
        box = det.get("box") or {}
        color = _PALETTE[i % len(_PALETTE)]
        xy = (box.get("xmin", 0), box.get("ymin", 0), box.get("xmax", 0), box.get("ymax", 0))
        draw.rectangle(xy, outline=color, width=max(1, min(out.size) // 100))
        draw.text(
            (xy[0] + 2, xy[1] + 2), f"{det.get('label')} {det.get('score', 0):.2f}", fill=color
        )
    return out


def overlay_masks(image: Any, masks: list[Any], alpha: float = 0.5) -> Any:
    """Blend coloured binary masks (PIL ``L`` images) over ``image``."""
    from PIL import Image

    out = image.convert("RGBA")
    for i, mask in enumerate(masks):
        if mask is None:
            continue
        m = mask.convert("L").resize(out.size)
        color = Image.new("RGBA", out.size, (*_PALETTE[i % len(_PALETTE)], 0))
        color.putalpha(m.point(lambda v: int(v * alpha) if v > 0 else 0))
        out = Image.alpha_composite(out, color)
    return out.convert("RGB")


def save_json(data: Any, workspace: Workspace, stem: str) -> str:
    """Write JSON-ready ``data`` to ``outputs/<stem>.json``."""
    path = workspace.output_path(stem, "json")
    path.write_text(json.dumps(jsonable(data), indent=2), encoding="utf-8")
    return str(path)


def render_labels(items: Sequence[dict[str, Any]], key: str = "label", limit: int = 5) -> str:
    """``"cat (0.91), dog (0.05)"`` from classifier-style outputs."""
    parts = [
        f"{item.get(key)} ({float(item.get('score', 0.0)):.2f})" for item in list(items)[:limit]
    ]
    return ", ".join(parts) if parts else "(no labels)"


__all__ = [
    "annotate_boxes",
    "jsonable",
    "load_audio",
    "load_image",
    "overlay_masks",
    "render_labels",
    "save_image",
    "save_json",
    "save_video",
    "save_wav",
]
