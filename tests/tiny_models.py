"""Tiny models built from configs and saved like Hub checkpoints (no download, seconds to build).

Each builder writes a folder that ``from_pretrained`` loads like a real model repository and
returns its path. Builders are idempotent: a folder that already holds a config is reused, so the
session-scoped fixtures below build every model once per test session.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

__all__ = [
    "tiny_audio_classifier",
    "tiny_image_classifier",
    "tiny_stable_diffusion",
    "tiny_text_classifier",
]

WORDS = (
    "the a an is was good bad great awful food service movie cold warm hot love hate it this that "
    "and or not very really i you we they paris france capital city of in on red fox snow cat dog"
).split()


def _done(folder: Path) -> bool:
    return (folder / "model_index.json").is_file() or (folder / "config.json").is_file()


def _seed() -> None:
    import torch

    torch.manual_seed(0)


def build_text_classifier(root: Path) -> Path:
    """A 1-layer BERT sentiment classifier with a word-level vocab (NEGATIVE/POSITIVE)."""
    folder = root / "tiny-bert-sentiment"
    if _done(folder):
        return folder
    from transformers import BertConfig, BertForSequenceClassification, BertTokenizer

    _seed()
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *WORDS]
    tokenizer = BertTokenizer(vocab={w: i for i, w in enumerate(vocab)})
    config = BertConfig(
        vocab_size=len(vocab),
        hidden_size=16,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=32,
        max_position_embeddings=64,
        id2label={0: "NEGATIVE", 1: "POSITIVE"},
        label2id={"NEGATIVE": 0, "POSITIVE": 1},
    )
    model = BertForSequenceClassification(config)
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


def build_image_classifier(root: Path) -> Path:
    """A 1-layer ViT on 32x32 images with three labels and its image processor."""
    folder = root / "tiny-vit"
    if _done(folder):
        return folder
    from transformers import ViTConfig, ViTForImageClassification
    from transformers.models.vit import ViTImageProcessorPil

    _seed()
    labels = ["cat", "dog", "bird"]
    config = ViTConfig(
        image_size=32,
        patch_size=8,
        num_channels=3,
        hidden_size=16,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=32,
        id2label=dict(enumerate(labels)),
        label2id={label: i for i, label in enumerate(labels)},
    )
    ViTForImageClassification(config).save_pretrained(folder)
    ViTImageProcessorPil(size={"height": 32, "width": 32}).save_pretrained(folder)
    return folder


def build_audio_classifier(root: Path) -> Path:
    """A 1-layer wav2vec2 audio classifier (labels yes/no) with its feature extractor."""
    folder = root / "tiny-wav2vec2-kws"
    if _done(folder):
        return folder
    from transformers import (
        Wav2Vec2Config,
        Wav2Vec2FeatureExtractor,
        Wav2Vec2ForSequenceClassification,
    )

    _seed()
    config = Wav2Vec2Config(
        vocab_size=8,
        hidden_size=16,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=32,
        conv_dim=(8, 8),
        conv_stride=(5, 2),
        conv_kernel=(10, 3),
        num_conv_pos_embeddings=16,
        num_conv_pos_embedding_groups=2,
        num_feat_extract_layers=2,
        classifier_proj_size=8,
        id2label={0: "yes", 1: "no"},
        label2id={"yes": 0, "no": 1},
    )
    Wav2Vec2ForSequenceClassification(config).save_pretrained(folder)
    Wav2Vec2FeatureExtractor(
        feature_size=1, sampling_rate=16000, padding_value=0.0, return_attention_mask=True
    ).save_pretrained(folder)
    return folder


def _clip_tokenizer():  # noqa: ANN202
    from transformers import CLIPTokenizer

    chars = sorted(set("".join(WORDS)))
    vocab: dict[str, int] = {"<|startoftext|>": 0, "<|endoftext|>": 1}
    for c in chars:
        vocab.setdefault(c, len(vocab))
        vocab.setdefault(c + "</w>", len(vocab))
    merges: list[tuple[str, str]] = []
    for word in WORDS[:20]:
        # merge the word left to right so frequent words become single tokens
        current = word[0]
        for i, c in enumerate(word[1:], start=1):
            right = c + ("</w>" if i == len(word) - 1 else "")
            merges.append((current, right))
            current = current + right
            vocab.setdefault(current, len(vocab))
    return CLIPTokenizer(vocab=vocab, merges=list(dict.fromkeys(merges)), model_max_length=16)


def build_stable_diffusion(root: Path) -> Path:
    """A tiny Stable Diffusion pipeline (UNet, VAE, CLIP text encoder, tokenizer, scheduler)."""
    folder = root / "tiny-stable-diffusion"
    if _done(folder):
        return folder
    from diffusers import (
        AutoencoderKL,
        DDIMScheduler,
        StableDiffusionPipeline,
        UNet2DConditionModel,
    )
    from transformers import CLIPTextConfig, CLIPTextModel

    _seed()
    tokenizer = _clip_tokenizer()
    unet = UNet2DConditionModel(
        block_out_channels=(8, 16),
        layers_per_block=1,
        sample_size=16,
        in_channels=4,
        out_channels=4,
        down_block_types=("DownBlock2D", "CrossAttnDownBlock2D"),
        up_block_types=("CrossAttnUpBlock2D", "UpBlock2D"),
        cross_attention_dim=16,
        attention_head_dim=2,
        norm_num_groups=4,
    )
    vae = AutoencoderKL(
        block_out_channels=(8, 16),
        in_channels=3,
        out_channels=3,
        down_block_types=("DownEncoderBlock2D", "DownEncoderBlock2D"),
        up_block_types=("UpDecoderBlock2D", "UpDecoderBlock2D"),
        latent_channels=4,
        norm_num_groups=4,
        sample_size=32,
    )
    text_encoder = CLIPTextModel(
        CLIPTextConfig(
            bos_token_id=0,
            eos_token_id=1,
            pad_token_id=1,
            hidden_size=16,
            intermediate_size=32,
            num_attention_heads=2,
            num_hidden_layers=1,
            vocab_size=len(tokenizer),
            max_position_embeddings=16,
        )
    )
    scheduler = DDIMScheduler(
        beta_start=0.00085,
        beta_end=0.012,
        beta_schedule="scaled_linear",
        clip_sample=False,
        set_alpha_to_one=False,
        steps_offset=1,
    )
    pipe = StableDiffusionPipeline(
        vae=vae,
        text_encoder=text_encoder,
        tokenizer=tokenizer,
        unet=unet,
        scheduler=scheduler,
        safety_checker=None,
        feature_extractor=None,
        requires_safety_checker=False,
    )
    pipe.save_pretrained(folder)
    return folder


def write_wav(path: Path, seconds: float = 0.5, rate: int = 16000, freq: float = 440.0) -> Path:
    """A mono sine tone as 16-bit WAV."""
    import wave

    import numpy as np

    t = np.arange(int(seconds * rate)) / rate
    samples = (0.3 * np.sin(2 * np.pi * freq * t) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(samples.tobytes())
    return path


def write_png(path: Path, size: int = 40) -> Path:
    """A small RGB test image with a square in it."""
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (size, size), (30, 120, 200))
    ImageDraw.Draw(img).rectangle((8, 8, size - 8, size - 8), fill=(240, 200, 40))
    img.save(path)
    return path


def _root(factory: pytest.TempPathFactory) -> Path:
    root = factory.getbasetemp() / "tiny-models"
    root.mkdir(parents=True, exist_ok=True)
    return root


@pytest.fixture(scope="session")
def tiny_text_classifier(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_text_classifier(_root(tmp_path_factory))


@pytest.fixture(scope="session")
def tiny_image_classifier(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_image_classifier(_root(tmp_path_factory))


@pytest.fixture(scope="session")
def tiny_audio_classifier(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_audio_classifier(_root(tmp_path_factory))


@pytest.fixture(scope="session")
def tiny_stable_diffusion(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_stable_diffusion(_root(tmp_path_factory))


def describe(folder: Path) -> str:
    """Short description of a saved tiny model (for debugging failed tests)."""
    config = folder / "config.json"
    index = folder / "model_index.json"
    data = json.loads((config if config.is_file() else index).read_text())
    return str(data.get("architectures") or data.get("_class_name"))
