"""Every local route on a tiny model built from a config, through ``LocalExecutor.run``.

transformers 5 dropped the summarization, translation, question-answering, VQA and image-to-image
pipelines, so these routes use model classes, newer pipelines or diffusers; each test runs one
route exactly as users do and checks the shape of what comes back (random weights: no values).
"""

from __future__ import annotations

import json
import wave
from pathlib import Path

import pytest
from PIL import Image

from hgpt_langchain.execution import LocalExecutor, Workspace, task_context
from hgpt_langchain.tasks import TASKS
from tests.tiny_models import LABELS, write_png


@pytest.fixture(scope="module")
def executor() -> LocalExecutor:
    return LocalExecutor(device="cpu", max_new_tokens=8, diffusion_steps=2, image_size=32, seed=0)


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    ws = Workspace.create(tmp_path / "runs", run_id="routes")
    ws.import_file(str(write_png(tmp_path / "photo.png")))
    return ws


def _run(ex: LocalExecutor, task: str, model: Path, args: dict[str, str], ws: Workspace):
    out = ex.run(TASKS[task], str(model), args, ws)
    assert out.executor == "local"
    for path in out.files:
        assert Path(path).is_file() and Path(path).parent == ws.root / "outputs"
    return out


# ---- text ------------------------------------------------------------------------------------


@pytest.fixture
def t5_inputs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts the T5 tokenizer is called on (what the model actually reads)."""
    from transformers import T5Tokenizer

    seen: list[str] = []
    real = T5Tokenizer.__call__

    def spy(self, text, *args, **kwargs):
        seen.append(text)
        return real(self, text, *args, **kwargs)

    monkeypatch.setattr(T5Tokenizer, "__call__", spy)
    return seen


def test_summarization_t5_uses_its_prefix(
    executor: LocalExecutor, ws: Workspace, tiny_t5: Path, t5_inputs: list[str]
):
    out = _run(executor, "summarization", tiny_t5, {"text": "the food was cold"}, ws)
    assert isinstance(out.text, str) and out.text
    assert out.data == {"generated_text": out.text}
    assert t5_inputs == ["summarize: the food was cold"]  # task_specific_params prefix


def test_translation_t5_gets_a_translate_prefix(
    executor: LocalExecutor, ws: Workspace, tiny_t5: Path, t5_inputs: list[str]
):
    args = {"text": "the cat is warm", "target_language": "French"}
    out = _run(executor, "translation", tiny_t5, args, ws)
    assert out.text and out.data["generated_text"] == out.text
    assert t5_inputs == ["translate English to French: the cat is warm"]


def test_translation_forces_the_nllb_language_token(
    executor: LocalExecutor, ws: Workspace, tiny_bart_translator: Path
):
    # The BERT tokenizer returns token_type_ids: the route must not hand them to generate().
    args = {"text": "the food was cold", "target_language": "fr"}
    out = _run(executor, "translation", tiny_bart_translator, args, ws)
    # fra_Latn is a plain vocab word here (not special), so the forced first token is visible
    assert out.text.split()[0] == "fra_Latn"
    german = _run(
        executor, "translation", tiny_bart_translator, {**args, "target_language": "German"}, ws
    )
    assert german.text.split()[0] == "deu_Latn"


def test_question_answering_returns_a_span_of_the_context(
    executor: LocalExecutor, ws: Workspace, tiny_qa_bert: Path
):
    context = "paris is the capital city of france"
    args = {"question": "what is the capital of france", "context": context}
    out = _run(executor, "question-answering", tiny_qa_bert, args, ws)
    data = out.data
    assert set(data) == {"answer", "score", "start", "end"}
    assert 0 <= data["start"] < data["end"] <= len(context)
    assert data["answer"] == context[data["start"] : data["end"]].strip() == out.text
    assert out.text and 0.0 < data["score"] <= 1.0


def test_text_generation_continues_the_prompt(
    executor: LocalExecutor, ws: Workspace, tiny_gpt2: Path
):
    out = _run(executor, "text-generation", tiny_gpt2, {"text": "the cat is"}, ws)
    assert out.text.startswith("the cat is") and len(out.text) > len("the cat is")
    assert out.data[0]["generated_text"] == out.text


@pytest.mark.parametrize("fixture", ["tiny_gpt2_chat", "tiny_gpt2"])
def test_conversational_reply(
    executor: LocalExecutor, ws: Workspace, fixture: str, request: pytest.FixtureRequest
):
    model = request.getfixturevalue(fixture)
    out = _run(executor, "conversational", model, {"text": "i love the cat"}, ws)
    assert out.text and out.data == {"reply": out.text}
    # only the reply: neither the prompt nor the chat template's role markers
    assert not out.text.startswith("i love the cat") and "user :" not in out.text


def test_sentence_similarity_score_is_a_cosine(
    executor: LocalExecutor, ws: Workspace, tiny_sentence_transformer: Path
):
    spec = "sentence-similarity"
    out = _run(
        executor, spec, tiny_sentence_transformer, {"text": "the cat", "other_text": "a dog"}, ws
    )
    assert -1.0 <= out.data["score"] <= 1.0
    assert out.text == f"similarity {out.data['score']:.3f}"
    same = _run(
        executor, spec, tiny_sentence_transformer, {"text": "the cat", "other_text": "the cat"}, ws
    )
    assert same.data["score"] == pytest.approx(1.0, abs=1e-4)


# ---- vision ----------------------------------------------------------------------------------


def test_object_detection_writes_annotated_png_and_boxes_json(
    executor: LocalExecutor, ws: Workspace, tiny_yolos: Path
):
    with task_context(3):
        out = _run(executor, "object-detection", tiny_yolos, {"image": "photo.png"}, ws)
    png, boxes = out.files
    assert Path(png).name == "task-3.png" and boxes.endswith(".json")
    with Image.open(png) as img:
        assert img.format == "PNG" and img.size == (40, 40)
    dets = json.loads(Path(boxes).read_text())
    assert dets == out.data and len(dets) == 4  # 4 detection tokens, all confident
    for det in dets:
        assert det["label"] == "cat" and det["score"] > 0.5
        box = det["box"]
        assert 0 <= box["xmin"] <= box["xmax"] <= 40 and 0 <= box["ymin"] <= box["ymax"] <= 40
    assert out.text.startswith("4 object(s): cat")


def test_image_segmentation_writes_overlay_and_masks(
    executor: LocalExecutor, ws: Workspace, tiny_segformer: Path
):
    out = _run(executor, "image-segmentation", tiny_segformer, {"image": "photo.png"}, ws)
    overlay, *masks = out.files
    assert masks and len(masks) == len(out.data)
    assert {d["label"] for d in out.data} <= set(LABELS)
    with Image.open(overlay) as img:
        assert img.format == "PNG" and img.size == (40, 40)
    for item, path in zip(out.data, masks, strict=True):
        assert item["mask"] == path
        with Image.open(path) as mask:
            assert mask.size == (40, 40) and mask.mode in ("L", "1")


def test_depth_estimation_writes_a_grey_png(
    executor: LocalExecutor, ws: Workspace, tiny_glpn_depth: Path
):
    out = _run(executor, "depth-estimation", tiny_glpn_depth, {"image": "photo.png"}, ws)
    (path,) = out.files
    with Image.open(path) as img:
        assert img.format == "PNG" and img.mode == "L" and img.size == (40, 40)


def test_image_to_text_captions_without_a_chat_template(
    executor: LocalExecutor, ws: Workspace, tiny_git_captioner: Path
):
    out = _run(executor, "image-to-text", tiny_git_captioner, {"image": "photo.png"}, ws)
    assert out.text and out.data[0]["generated_text"].strip() == out.text


def test_visual_question_answering_answer_without_the_question(
    executor: LocalExecutor, ws: Workspace, tiny_git_captioner: Path
):
    question = "what is the cat"
    args = {"image": "photo.png", "question": question}
    out = _run(executor, "visual-question-answering", tiny_git_captioner, args, ws)
    assert out.data[0]["input_text"] == question
    assert out.text and not out.text.startswith(question)


@pytest.mark.parametrize(
    ("task", "args", "prompt"),
    [
        ("image-to-text", {"image": "photo.png"}, "Describe this image."),
        (
            "visual-question-answering",
            {"image": "photo.png", "question": "what is the cat"},
            "what is the cat",
        ),
    ],
)
def test_image_text_to_text_chat_template_path(
    executor: LocalExecutor,
    ws: Workspace,
    tiny_llava: Path,
    task: str,
    args: dict[str, str],
    prompt: str,
):
    out = _run(executor, task, tiny_llava, args, ws)
    (record,) = out.data
    # the route sent one user message with the image and the prompt through the chat template
    (message,) = record["input_text"]
    assert message["role"] == "user"
    assert [part["type"] for part in message["content"]] == ["image", "text"]
    assert message["content"][1]["text"] == prompt
    assert out.text and out.text == record["generated_text"].strip()
    assert "assistant :" not in out.text and prompt not in out.text


# ---- audio -----------------------------------------------------------------------------------


def test_text_to_speech_writes_a_wav(executor: LocalExecutor, ws: Workspace, tiny_vits: Path):
    import soundfile

    out = _run(executor, "text-to-speech", tiny_vits, {"text": "the cat is good"}, ws)
    (path,) = out.files
    assert path.endswith(".wav")
    with wave.open(path) as w:
        assert w.getnchannels() == 1 and w.getframerate() == 16000 and w.getnframes() > 0
    audio, rate = soundfile.read(path)
    assert rate == 16000 and audio.ndim == 1 and len(audio) > 0


# ---- diffusers -------------------------------------------------------------------------------


def test_image_to_image_with_diffusers_img2img(
    executor: LocalExecutor, ws: Workspace, tiny_stable_diffusion: Path
):
    args = {"image": "photo.png", "text": "make it snow"}
    out = _run(executor, "image-to-image", tiny_stable_diffusion, args, ws)
    (path,) = out.files
    with Image.open(path) as img:
        assert img.format == "PNG" and img.size == (32, 32)
    # the cached pipeline is the img2img one, loaded from the text-to-image checkpoint
    (key,) = [k for k in executor.cache.keys() if k[0] == "diffusers:image2image"]
    assert key[1] == str(tiny_stable_diffusion)
    assert "Img2Img" in type(executor.cache.get(key, lambda: None).value).__name__


def test_text_to_video_writes_frames(
    executor: LocalExecutor, ws: Workspace, tiny_text_to_video: Path
):
    out = _run(executor, "text-to-video", tiny_text_to_video, {"text": "a cat"}, ws)
    (path,) = out.files
    # The local extra installs imageio-ffmpeg, so videos are real MP4 files.
    assert path.endswith(".mp4") and Path(path).read_bytes()[4:8] == b"ftyp"


def test_video_falls_back_to_an_animated_gif_without_an_encoder(ws: Workspace, monkeypatch):
    import diffusers.utils.import_utils as iu

    from hgpt_langchain.execution.convert import save_video

    monkeypatch.setattr(iu, "is_imageio_available", lambda: False)
    monkeypatch.setattr(iu, "is_opencv_available", lambda: False)
    frames = [Image.new("RGB", (32, 32), (i * 60, 0, 0)) for i in range(3)]
    path = save_video(frames, ws, "clip")
    assert path.endswith(".gif")
    with Image.open(path) as gif:
        assert gif.n_frames == 3 and gif.size == (32, 32)
