"""Local audio-to-audio: speech-to-speech (voice conversion) with transformers' SpeechT5.

``SpeechT5ForSpeechToSpeech`` (e.g. ``microsoft/speecht5_vc``) turns input speech into mel
frames in a target voice, and a HiFi-GAN vocoder (``SpeechT5HifiGan``) turns them into a waveform.
The vocoder is the model folder's ``vocoder/`` subfolder when it has one, else
``microsoft/speecht5_hifigan``. The target voice is a speaker embedding (an x-vector): the model
folder's ``speaker_embeddings.npy`` when present, else a neutral (all-zero) voice.

Speech enhancement and source separation models of other libraries (asteroid, speechbrain) have no
local route; they run remotely where a provider serves them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from hgpt_langchain.errors import ExecutionError
from hgpt_langchain.execution.base import ExecutionOutput
from hgpt_langchain.execution.context import output_stem
from hgpt_langchain.execution.convert import load_audio, save_wav

if TYPE_CHECKING:
    from hgpt_langchain.execution.workspace import Workspace
    from hgpt_langchain.tasks import TaskSpec

DEFAULT_VOCODER = "microsoft/speecht5_hifigan"
"""The HiFi-GAN vocoder used when the model folder has none."""

SPEAKER_FILE = "speaker_embeddings.npy"


def _speaker_embedding(model: str, dim: int) -> tuple[Any, str]:
    import numpy as np

    file = Path(model).expanduser() / SPEAKER_FILE
    if file.is_file():
        vector = np.load(file).astype("float32").reshape(-1)
        if vector.shape[0] != dim:
            raise ExecutionError(
                f"{SPEAKER_FILE} of {model} has {vector.shape[0]} values; the model needs {dim}."
            )
        return vector, "the model's speaker"
    return np.zeros(dim, dtype="float32"), "a neutral voice"


def route_speech_to_speech(
    ex: Any, spec: TaskSpec, model: str, args: dict[str, str], ws: Workspace
) -> ExecutionOutput:
    """Convert the speech in an audio file to another voice; WAV output."""

    def loader() -> Any:
        import transformers

        try:
            kind = transformers.AutoConfig.from_pretrained(model, **ex._common_kwargs()).model_type
        except ValueError:  # a model type transformers does not know (asteroid, speechbrain)
            kind = "unknown"
        if kind != "speecht5":
            raise ExecutionError(
                f"{model} is not a SpeechT5 model ({kind}): the local audio-to-audio route runs "
                "SpeechT5 speech-to-speech models (e.g. microsoft/speecht5_vc). Run this model "
                "remotely."
            )
        features = transformers.SpeechT5FeatureExtractor.from_pretrained(model)
        mdl = transformers.SpeechT5ForSpeechToSpeech.from_pretrained(model, **ex._common_kwargs())
        local_vocoder = Path(model).expanduser() / "vocoder"
        vocoder = transformers.SpeechT5HifiGan.from_pretrained(
            str(local_vocoder) if local_vocoder.is_dir() else DEFAULT_VOCODER
        )
        speaker, voice = _speaker_embedding(model, mdl.config.speaker_embedding_dim)
        return features, mdl.to(ex.device).eval(), vocoder.to(ex.device).eval(), speaker, voice

    entry = ex.load("speech-to-speech", model, loader)
    features, mdl, vocoder, speaker, voice = entry.value
    import torch

    rate = int(features.sampling_rate)
    audio = load_audio(ws, args["audio"], target_rate=rate)
    if len(audio["raw"]) < rate // 50:
        raise ExecutionError("The audio is too short to convert (under 20 ms).")
    inputs = features(audio=audio["raw"], sampling_rate=rate, return_tensors="pt")
    with entry.lock, torch.inference_mode():
        speech = mdl.generate_speech(
            inputs["input_values"].to(ex.device),
            torch.from_numpy(speaker).unsqueeze(0).to(ex.device),
            vocoder=vocoder,
        )
    samples = speech.float().cpu().numpy()
    path = save_wav(samples, int(vocoder.config.sampling_rate), ws, output_stem(spec.name))
    seconds = len(samples) / vocoder.config.sampling_rate
    return ExecutionOutput(
        text=f"speech converted to {voice}: {Path(path).name} ({seconds:.1f} s)",
        files=[path],
        data={"seconds": round(seconds, 3), "voice": voice},
    )
