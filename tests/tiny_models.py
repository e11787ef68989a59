"""Tiny models built from configs and saved like Hub checkpoints (no download, seconds to build).

Each builder writes a folder that ``from_pretrained`` loads like a real model repository and
returns its path. Builders are idempotent: a folder that already holds a config is reused, so the
session-scoped fixtures below build every model once per test session.

A pytest plugin (``pytest_plugins`` in ``tests/conftest.py``): every test can ask for a
``tiny_*`` fixture by name. The builders and file writers (``write_png``, ``write_wav``) are
plain functions for tests and bench scripts to import.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

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


LABELS = ("cat", "dog", "bird")
"""Labels of the tiny vision models."""

CHAT_TEMPLATE = (
    "{% for m in messages %}{{ m['role'] }} : {{ m['content'] }} {% endfor %}"
    "{% if add_generation_prompt %}assistant : {% endif %}"
)
"""A minimal Jinja chat template (role : content) for the tiny chat model."""


def _label_maps() -> dict:
    return {
        "id2label": dict(enumerate(LABELS)),
        "label2id": {label: i for i, label in enumerate(LABELS)},
    }


def _bert_tokenizer(extra: tuple[str, ...] = (), **kwargs):  # noqa: ANN202
    from transformers import BertTokenizer

    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *WORDS, *extra]
    return BertTokenizer(vocab={w: i for i, w in enumerate(vocab)}, **kwargs)


def build_text_to_video(root: Path) -> Path:
    """A tiny ``TextToVideoSDPipeline`` (3D UNet + the tiny Stable Diffusion's VAE and CLIP).

    diffusers 0.42 keeps this pipeline under ``pipelines/deprecated`` but still loads it with
    ``DiffusionPipeline.from_pretrained``, the same call the route makes.
    """
    folder = root / "tiny-text-to-video"
    if _done(folder):
        return folder
    from diffusers import StableDiffusionPipeline, TextToVideoSDPipeline, UNet3DConditionModel

    sd = StableDiffusionPipeline.from_pretrained(build_stable_diffusion(root))
    _seed()
    unet = UNet3DConditionModel(
        block_out_channels=(8, 16),
        layers_per_block=1,
        sample_size=16,
        in_channels=4,
        out_channels=4,
        down_block_types=("CrossAttnDownBlock3D", "DownBlock3D"),
        up_block_types=("UpBlock3D", "CrossAttnUpBlock3D"),
        cross_attention_dim=16,
        attention_head_dim=2,
        norm_num_groups=4,
    )
    pipe = TextToVideoSDPipeline(
        vae=sd.vae,
        text_encoder=sd.text_encoder,
        tokenizer=sd.tokenizer,
        unet=unet,
        scheduler=sd.scheduler,
    )
    pipe.save_pretrained(folder)
    return folder


def build_t5(root: Path) -> Path:
    """A 1-layer T5 with a real (Unigram) ``T5Tokenizer`` and a summarization prefix."""
    folder = root / "tiny-t5"
    if _done(folder):
        return folder
    from transformers import T5Config, T5ForConditionalGeneration, T5Tokenizer

    _seed()
    words = dict.fromkeys([*WORDS, *"summarize translate english to french german :".split()])
    pieces = [("<pad>", 0.0), ("</s>", 0.0), ("<unk>", 0.0), ("\u2581", -2.0)]
    pieces += [("\u2581" + w, -5.0) for w in words]
    pieces += [(c, -10.0) for c in sorted(set("abcdefghijklmnopqrstuvwxyzEFG:,."))]
    tokenizer = T5Tokenizer(vocab=pieces, extra_ids=0)
    config = T5Config(
        vocab_size=len(tokenizer),
        d_model=16,
        d_kv=8,
        d_ff=32,
        num_layers=1,
        num_decoder_layers=1,
        num_heads=2,
        pad_token_id=0,
        eos_token_id=1,
        decoder_start_token_id=0,
        task_specific_params={"summarization": {"prefix": "summarize: "}},
    )
    T5ForConditionalGeneration(config).save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


def build_bart_translator(root: Path) -> Path:
    """A 1-layer BART whose vocab holds NLLB-style language codes (``fra_Latn``, ``deu_Latn``).

    Its BERT tokenizer also returns ``token_type_ids`` (which ``generate`` rejects).
    """
    folder = root / "tiny-bart-nllb"
    if _done(folder):
        return folder
    from transformers import BartConfig, BartForConditionalGeneration

    _seed()
    tokenizer = _bert_tokenizer(("fra_Latn", "deu_Latn"))
    config = BartConfig(
        vocab_size=len(tokenizer),
        d_model=16,
        encoder_layers=1,
        decoder_layers=1,
        encoder_attention_heads=2,
        decoder_attention_heads=2,
        encoder_ffn_dim=32,
        decoder_ffn_dim=32,
        max_position_embeddings=64,
        pad_token_id=0,
        bos_token_id=2,
        eos_token_id=3,
        decoder_start_token_id=3,
        forced_eos_token_id=3,
    )
    BartForConditionalGeneration(config).save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


def build_qa_bert(root: Path) -> Path:
    """A 1-layer ``BertForQuestionAnswering`` with a word-level vocab."""
    folder = root / "tiny-bert-qa"
    if _done(folder):
        return folder
    from transformers import BertConfig, BertForQuestionAnswering

    _seed()
    tokenizer = _bert_tokenizer()
    config = BertConfig(
        vocab_size=len(tokenizer),
        hidden_size=16,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=32,
        max_position_embeddings=64,
    )
    BertForQuestionAnswering(config).save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


def build_gpt2(root: Path, chat: bool = False) -> Path:
    """A 1-layer GPT-2 with a word-level tokenizer; ``chat`` sets a chat template on it."""
    folder = root / ("tiny-gpt2-chat" if chat else "tiny-gpt2")
    if _done(folder):
        return folder
    from transformers import GPT2Config, GPT2LMHeadModel

    _seed()
    tokenizer = _bert_tokenizer(model_input_names=["input_ids", "attention_mask"])
    if chat:
        tokenizer.chat_template = CHAT_TEMPLATE
    config = GPT2Config(
        vocab_size=len(tokenizer),
        n_embd=16,
        n_layer=1,
        n_head=2,
        n_positions=128,
        bos_token_id=2,
        eos_token_id=3,
        pad_token_id=0,
    )
    GPT2LMHeadModel(config).save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


def build_sentence_transformer(root: Path) -> Path:
    """A sentence-transformers model: a 1-layer BERT with mean pooling."""
    folder = root / "tiny-sentence-bert"
    if (folder / "modules.json").is_file():
        return folder
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.models import Pooling, Transformer
    from transformers import BertConfig, BertModel

    _seed()
    tokenizer = _bert_tokenizer()
    base = root / "tiny-sentence-bert-base"
    config = BertConfig(
        vocab_size=len(tokenizer),
        hidden_size=16,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=32,
        max_position_embeddings=64,
    )
    BertModel(config).save_pretrained(base)
    tokenizer.save_pretrained(base)
    word = Transformer(str(base), max_seq_length=32)
    pooling = Pooling(word.get_embedding_dimension(), pooling_mode="mean")
    SentenceTransformer(modules=[word, pooling], device="cpu").save(str(folder))
    return folder


def build_yolos(root: Path) -> Path:
    """A 1-layer YOLOS detector (no timm) with 4 detection tokens, biased to say "cat".

    The classifier bias makes every detection token confident (score > 0.9) so the pipeline's
    0.5 threshold keeps them: the test sees boxes without depending on random weights.
    """
    folder = root / "tiny-yolos"
    if _done(folder):
        return folder
    import torch
    from transformers import YolosConfig, YolosForObjectDetection
    from transformers.models.yolos import YolosImageProcessorPil

    _seed()
    config = YolosConfig(
        image_size=[32, 32],
        patch_size=8,
        hidden_size=16,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=32,
        num_detection_tokens=4,
        **_label_maps(),
    )
    model = YolosForObjectDetection(config)
    with torch.no_grad():
        bias = torch.zeros(len(LABELS) + 1)
        bias[0] = 6.0
        model.class_labels_classifier.layers[-1].bias.copy_(bias)
    model.save_pretrained(folder)
    YolosImageProcessorPil(size={"height": 32, "width": 32}).save_pretrained(folder)
    return folder


def build_segformer(root: Path) -> Path:
    """A one-block SegFormer for semantic segmentation (labels cat/dog/bird)."""
    folder = root / "tiny-segformer"
    if _done(folder):
        return folder
    from transformers import SegformerConfig, SegformerForSemanticSegmentation
    from transformers.models.segformer import SegformerImageProcessorPil

    _seed()
    config = SegformerConfig(
        num_encoder_blocks=1,
        depths=[1],
        sr_ratios=[1],
        hidden_sizes=[8],
        patch_sizes=[7],
        strides=[4],
        num_attention_heads=[1],
        mlp_ratios=[2],
        decoder_hidden_size=8,
        **_label_maps(),
    )
    SegformerForSemanticSegmentation(config).save_pretrained(folder)
    SegformerImageProcessorPil(size={"height": 32, "width": 32}).save_pretrained(folder)
    return folder


def build_glpn_depth(root: Path) -> Path:
    """A two-block GLPN depth estimator."""
    folder = root / "tiny-glpn"
    if _done(folder):
        return folder
    from transformers import GLPNConfig, GLPNForDepthEstimation
    from transformers.models.glpn import GLPNImageProcessorPil

    _seed()
    config = GLPNConfig(
        num_encoder_blocks=2,
        depths=[1, 1],
        sr_ratios=[2, 1],
        hidden_sizes=[8, 16],
        patch_sizes=[7, 3],
        strides=[4, 2],
        num_attention_heads=[1, 2],
        mlp_ratios=[2, 2],
        decoder_hidden_size=8,
    )
    GLPNForDepthEstimation(config).save_pretrained(folder)
    GLPNImageProcessorPil().save_pretrained(folder)
    return folder


def build_git_captioner(root: Path) -> Path:
    """A 1-layer GIT (CLIP vision tower + BERT-tokenised decoder), like microsoft/git-base.

    It has no chat template, so the route feeds it plain text (captioning and VQA).
    """
    folder = root / "tiny-git"
    if _done(folder):
        return folder
    from transformers import GitConfig, GitForCausalLM, GitProcessor
    from transformers.models.clip import CLIPImageProcessorPil

    _seed()
    # microsoft/git-base's tokenizer config drops token_type_ids the same way
    tokenizer = _bert_tokenizer(model_input_names=["input_ids", "attention_mask"])
    config = GitConfig(
        vision_config={
            "hidden_size": 16,
            "intermediate_size": 32,
            "num_hidden_layers": 1,
            "num_attention_heads": 2,
            "image_size": 32,
            "patch_size": 8,
        },
        vocab_size=len(tokenizer),
        hidden_size=16,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=32,
        max_position_embeddings=64,
        bos_token_id=2,
        eos_token_id=3,
        pad_token_id=0,
    )
    GitForCausalLM(config).save_pretrained(folder)
    processor = CLIPImageProcessorPil(
        size={"shortest_edge": 32}, crop_size={"height": 32, "width": 32}
    )
    GitProcessor(image_processor=processor, tokenizer=tokenizer).save_pretrained(folder)
    return folder


VLM_CHAT_TEMPLATE = (
    "{% for m in messages %}{{ m['role'] }} : {% if m['content'] is string %}{{ m['content'] }}"
    "{% else %}{% for c in m['content'] %}{% if c['type'] == 'image' %}<image> "
    "{% else %}{{ c['text'] }} {% endif %}{% endfor %}{% endif %}{% endfor %}"
    "{% if add_generation_prompt %}assistant : {% endif %}"
)
"""A minimal multimodal chat template: ``<image>`` where an image part is."""


def build_llava(root: Path) -> Path:
    """A 1-layer LLaVA (CLIP vision tower + Llama) whose processor has a chat template.

    This is the chat path of the ``image-text-to-text`` route (modern VLMs).
    """
    folder = root / "tiny-llava"
    if _done(folder):
        return folder
    from transformers import LlavaConfig, LlavaForConditionalGeneration, LlavaProcessor
    from transformers.models.clip import CLIPImageProcessorPil

    _seed()
    tokenizer = _bert_tokenizer(model_input_names=["input_ids", "attention_mask"])
    tokenizer.add_special_tokens({"additional_special_tokens": ["<image>"]})
    config = LlavaConfig(
        vision_config={
            "model_type": "clip_vision_model",
            "hidden_size": 16,
            "intermediate_size": 32,
            "num_hidden_layers": 1,
            "num_attention_heads": 2,
            "image_size": 32,
            "patch_size": 8,
            "projection_dim": 16,
        },
        text_config={
            "model_type": "llama",
            "vocab_size": len(tokenizer),
            "hidden_size": 16,
            "intermediate_size": 32,
            "num_hidden_layers": 1,
            "num_attention_heads": 2,
            "num_key_value_heads": 2,
            "max_position_embeddings": 128,
            "bos_token_id": 2,
            "eos_token_id": 3,
            "pad_token_id": 0,
        },
        image_token_index=tokenizer.convert_tokens_to_ids("<image>"),
        vision_feature_layer=-1,
        vision_feature_select_strategy="default",
    )
    LlavaForConditionalGeneration(config).save_pretrained(folder)
    processor = CLIPImageProcessorPil(
        size={"shortest_edge": 32}, crop_size={"height": 32, "width": 32}
    )
    LlavaProcessor(
        image_processor=processor,
        tokenizer=tokenizer,
        patch_size=8,
        vision_feature_select_strategy="default",
        chat_template=VLM_CHAT_TEMPLATE,
        num_additional_image_tokens=1,  # the CLIP CLS token
    ).save_pretrained(folder)
    return folder


def build_vits(root: Path) -> Path:
    """A 1-layer VITS text-to-speech model with a character vocab (no phonemizer)."""
    folder = root / "tiny-vits"
    if _done(folder):
        return folder
    from transformers import VitsConfig, VitsModel, VitsTokenizer

    _seed()
    chars = ["<pad>", "<unk>", " ", *sorted(set("".join(WORDS)))]
    folder.mkdir(parents=True, exist_ok=True)
    vocab_file = folder / "vocab.json"
    vocab_file.write_text(json.dumps({c: i for i, c in enumerate(chars)}))
    tokenizer = VitsTokenizer(str(vocab_file), phonemize=False)
    config = VitsConfig(
        vocab_size=len(chars),
        hidden_size=16,
        num_hidden_layers=1,
        num_attention_heads=2,
        ffn_dim=32,
        flow_size=8,
        spectrogram_bins=17,
        upsample_initial_channel=16,
        upsample_rates=[4, 4],
        upsample_kernel_sizes=[8, 8],
        resblock_kernel_sizes=[3],
        resblock_dilation_sizes=[[1, 3]],
        prior_encoder_num_flows=1,
        prior_encoder_num_wavenet_layers=1,
        posterior_encoder_num_wavenet_layers=1,
        duration_predictor_num_flows=1,
        duration_predictor_filter_channels=16,
        depth_separable_num_layers=1,
        sampling_rate=16000,
    )
    VitsModel(config).save_pretrained(folder)
    tokenizer.save_pretrained(folder)
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


@pytest.fixture(scope="session")
def tiny_t5(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_t5(_root(tmp_path_factory))


@pytest.fixture(scope="session")
def tiny_bart_translator(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_bart_translator(_root(tmp_path_factory))


@pytest.fixture(scope="session")
def tiny_qa_bert(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_qa_bert(_root(tmp_path_factory))


@pytest.fixture(scope="session")
def tiny_gpt2(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_gpt2(_root(tmp_path_factory))


@pytest.fixture(scope="session")
def tiny_gpt2_chat(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_gpt2(_root(tmp_path_factory), chat=True)


@pytest.fixture(scope="session")
def tiny_sentence_transformer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_sentence_transformer(_root(tmp_path_factory))


@pytest.fixture(scope="session")
def tiny_yolos(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_yolos(_root(tmp_path_factory))


@pytest.fixture(scope="session")
def tiny_segformer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_segformer(_root(tmp_path_factory))


@pytest.fixture(scope="session")
def tiny_glpn_depth(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_glpn_depth(_root(tmp_path_factory))


@pytest.fixture(scope="session")
def tiny_git_captioner(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_git_captioner(_root(tmp_path_factory))


@pytest.fixture(scope="session")
def tiny_vits(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_vits(_root(tmp_path_factory))


@pytest.fixture(scope="session")
def tiny_text_to_video(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_text_to_video(_root(tmp_path_factory))


@pytest.fixture(scope="session")
def tiny_llava(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_llava(_root(tmp_path_factory))


def describe(folder: Path) -> str:
    """Short description of a saved tiny model (for debugging failed tests)."""
    config = folder / "config.json"
    index = folder / "model_index.json"
    data = json.loads((config if config.is_file() else index).read_text())
    return str(data.get("architectures") or data.get("_class_name"))
