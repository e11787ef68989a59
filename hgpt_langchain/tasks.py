"""The task registry: every task type hgpt_langchain can plan, select a model for and run.

This module is the single source of truth. The planner prompt, plan validation, the argument
schemas of generated tools, the executors (local route and remote method), ``hgpt tasks`` and the
README's task table are all generated from :data:`TASKS`. Adding a task type means adding one
:class:`TaskSpec` here and, if it needs a new local route, one function in
``hgpt_langchain.execution.local``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

Modality = Literal["text", "image", "audio", "video"]
"""The kinds of data that flow between tasks. Files carry image, audio and video."""

FILE_EXTENSIONS: dict[Modality, tuple[str, ...]] = {
    "image": (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp", ".tif", ".tiff"),
    "audio": (".wav", ".mp3", ".flac", ".ogg", ".m4a"),
    "video": (".mp4", ".avi", ".mov", ".mkv", ".webm", ".gif"),
    "text": (".txt", ".md", ".csv", ".json"),
}


def modality_of_path(value: str) -> Modality | None:
    """Return the modality a file name implies by its extension, or ``None`` for plain text."""
    lower = value.strip().lower()
    for modality in ("image", "audio", "video"):
        if lower.endswith(FILE_EXTENSIONS[modality]) and not lower.endswith(".gif"):
            return modality
    if lower.endswith(".gif"):
        return "image"
    return None


@dataclass(frozen=True)
class ArgSpec:
    """One argument of a task type."""

    name: str
    """Argument name as it appears in plans (``args``) and tool schemas."""
    modality: Modality
    """What the argument carries: text, or a path/URL to an image, audio or video file."""
    description: str
    """One line for the tool schema and the planner prompt."""
    required: bool = True
    """Whether a plan must provide it."""
    resource: bool = True
    """Whether the argument may be a ``<resource>-k`` reference to another task's output.

    Options such as a target language are not resources.
    """


@dataclass(frozen=True)
class TaskSpec:
    """A task type: what it reads, what it produces and how it is executed."""

    name: str
    """Hugging Face ``pipeline_tag`` (e.g. ``"image-to-text"``)."""
    title: str
    """Human title, the TaskBench tool name where one exists (e.g. ``"Image-to-Text"``)."""
    description: str
    """What the task does, in one or two sentences (planner prompt, tools, offline planner)."""
    args: tuple[ArgSpec, ...]
    """Arguments in order; the first resource argument is the main input."""
    outputs: tuple[Modality, ...]
    """Output modalities; the first is the main output that ``<resource>-k`` refers to."""
    local: str | None
    """Local execution route (see ``execution.local.ROUTES``), ``None`` if unsupported locally."""
    remote: str | None
    """``huggingface_hub.InferenceClient`` method name, ``None`` if unsupported remotely."""
    examples: tuple[str, ...] = ()
    """Example requests, used as offline-planner anchors and in docs."""
    cues: tuple[str, ...] = field(default_factory=tuple)
    """Cheap lexical cues (lower-case phrases) that point at this task."""
    aliases: tuple[str, ...] = field(default_factory=tuple)
    """Other names for the task (TaskBench tool names, older hub tags)."""

    @property
    def inputs(self) -> tuple[Modality, ...]:
        """Modalities of the resource arguments, in order."""
        return tuple(a.modality for a in self.args if a.resource)

    @property
    def output(self) -> Modality:
        """The main output modality."""
        return self.outputs[0]

    def arg(self, name: str) -> ArgSpec | None:
        """Return the argument called ``name``, if any."""
        return next((a for a in self.args if a.name == name), None)


def _text(name: str = "text", desc: str = "Input text.", **kw: object) -> ArgSpec:
    return ArgSpec(name, "text", desc, **kw)  # type: ignore[arg-type]


def _image(desc: str = "Path or URL of the input image.") -> ArgSpec:
    return ArgSpec("image", "image", desc)


def _audio(desc: str = "Path or URL of the input audio.") -> ArgSpec:
    return ArgSpec("audio", "audio", desc)


_QUESTION = _text("question", "The question to answer.")

TASKS: dict[str, TaskSpec] = {
    spec.name: spec
    for spec in [
        # ---- text -> text -------------------------------------------------------------------
        TaskSpec(
            "text-classification",
            "Text Classification",
            "Assign a label (e.g. sentiment, topic, emotion) to a piece of text.",
            (_text(),),
            ("text",),
            local="pipeline",
            remote="text_classification",
            examples=("Is this review positive or negative: 'The food was cold.'",),
            cues=("sentiment", "positive or negative", "classify the text", "emotion", "mood of"),
            aliases=("Sentiment Analysis",),
        ),
        TaskSpec(
            "token-classification",
            "Token Classification",
            "Label words in a text: named entities (people, places, dates) or parts of speech.",
            (_text(),),
            ("text",),
            local="pipeline",
            remote="token_classification",
            examples=("Find the names of people and places in 'Ada Lovelace lived in London.'",),
            cues=("named entit", "entities", "part of speech", "part-of-speech", "ner "),
            aliases=("Named Entity Recognition",),
        ),
        TaskSpec(
            "question-answering",
            "Question Answering",
            "Answer a question from a given context text (extractive).",
            (_QUESTION, _text("context", "The text that contains the answer.")),
            ("text",),
            local="extractive-qa",
            remote="question_answering",
            examples=("From this text 'Paris is the capital of France', what is the capital?",),
            cues=("according to the text", "from the text", "based on the passage"),
        ),
        TaskSpec(
            "summarization",
            "Summarization",
            "Produce a shorter version of a text that keeps its key information.",
            (_text(),),
            ("text",),
            local="seq2seq",
            remote="summarization",
            examples=("Summarize this article: 'The city council met on Monday ...'",),
            cues=("summar", "shorter version", "condense", "key points", "tl;dr", "brief overview"),
        ),
        TaskSpec(
            "translation",
            "Translation",
            "Translate text from one language into another.",
            (
                _text(),
                _text(
                    "target_language",
                    "Language to translate into (e.g. 'French').",
                    required=False,
                    resource=False,
                ),
            ),
            ("text",),
            local="seq2seq",
            remote="translation",
            examples=("Translate 'Good morning, how are you?' into German.",),
            cues=("translat", "into french", "into german", "into spanish", "in english"),
        ),
        TaskSpec(
            "text-generation",
            "Text Generation",
            "Continue or generate free text from a prompt (stories, completions, paraphrases).",
            (_text(),),
            ("text",),
            local="pipeline",
            remote="text_generation",
            examples=("Write a short story that starts with 'Once upon a time'.",),
            cues=("continue the text", "write a story", "generate text", "complete the sentence"),
        ),
        TaskSpec(
            "conversational",
            "Conversational",
            "Reply to a message as a chat assistant.",
            (_text(),),
            ("text",),
            local="chat",
            remote="chat_completion",
            examples=("Chat with me about what to cook tonight.",),
            cues=("chat", "reply to", "respond to", "conversation", "chatbot"),
        ),
        TaskSpec(
            "sentence-similarity",
            "Sentence Similarity",
            "Score how similar in meaning two texts are.",
            (_text("text", "First text."), _text("other_text", "Second text to compare with.")),
            ("text",),
            local="sentence-similarity",
            remote="sentence_similarity",
            examples=("How similar are 'A man is eating' and 'Someone eats food'?",),
            cues=("similar", "similarity", "how close", "compare the meaning", "mirror each other"),
        ),
        TaskSpec(
            "zero-shot-classification",
            "Zero-Shot Classification",
            "Classify a text into labels given at request time, without training.",
            (
                _text(),
                _text(
                    "labels",
                    "Comma-separated candidate labels.",
                    resource=False,
                ),
            ),
            ("text",),
            local="pipeline",
            remote="zero_shot_classification",
            examples=("Is 'I missed the bus' about travel, cooking or sports?",),
            cues=("which of these labels", "candidate labels", "one of the categories"),
        ),
        TaskSpec(
            "fill-mask",
            "Fill-Mask",
            "Predict the missing word at a [MASK] token in a sentence.",
            (_text("text", "Text with a [MASK] token."),),
            ("text",),
            local="pipeline",
            remote="fill_mask",
            examples=("Fill in the blank: 'Paris is the [MASK] of France.'",),
            cues=("[mask]", "fill in the blank", "missing word"),
        ),
        # ---- image -> text / image ------------------------------------------------------------
        TaskSpec(
            "image-classification",
            "Image Classification",
            "Assign a label to a whole image (what does the image show).",
            (_image(),),
            ("text",),
            local="pipeline",
            remote="image_classification",
            examples=("What kind of animal is in cat.jpg?",),
            cues=("classify the image", "what kind of", "which category", "label the image"),
        ),
        TaskSpec(
            "object-detection",
            "Object Detection",
            "Find objects in an image with boxes and labels; returns an annotated image.",
            (_image(),),
            ("image", "text"),
            local="object-detection",
            remote="object_detection",
            examples=("Detect and box every object in street.jpg.",),
            cues=("detect", "bounding box", "locate the objects", "how many", "count the"),
        ),
        TaskSpec(
            "image-segmentation",
            "Image Segmentation",
            "Split an image into regions (masks) per object or class.",
            (_image(),),
            ("image",),
            local="image-segmentation",
            remote="image_segmentation",
            examples=("Segment the objects in room.png.",),
            cues=("segment", "mask", "separate the foreground", "regions"),
        ),
        TaskSpec(
            "depth-estimation",
            "Depth Estimation",
            "Estimate the depth of every pixel of an image; returns a depth map image.",
            (_image(),),
            ("image",),
            local="depth-estimation",
            remote=None,
            examples=("Estimate the depth of the scene in hallway.jpg.",),
            cues=("depth", "how far", "distance of objects", "3d"),
        ),
        TaskSpec(
            "image-to-text",
            "Image-to-Text",
            "Describe an image in words (captioning), or read the text in it.",
            (_image(),),
            ("text",),
            local="image-text-to-text",
            remote="image_to_text",
            examples=("Describe photo.jpg.",),
            cues=("describe", "caption", "what is in the image", "what's in the picture"),
            aliases=("Image Captioning",),
        ),
        TaskSpec(
            "text-to-image",
            "Text-to-Image",
            "Generate an image from a text description.",
            (_text("text", "Description of the image to generate."),),
            ("image",),
            local="diffusers-text-to-image",
            remote="text_to_image",
            examples=("Draw a red fox in the snow.",),
            cues=("draw", "generate an image", "create an image", "picture of", "illustrat"),
        ),
        TaskSpec(
            "image-to-image",
            "Image-to-Image",
            "Transform or edit an image, optionally guided by a text instruction.",
            (
                _image(),
                _text("text", "How to change the image (optional).", required=False),
            ),
            ("image",),
            local="diffusers-image-to-image",
            remote="image_to_image",
            examples=("Make photo.jpg look like a watercolor painting.",),
            cues=("edit the image", "modify", "transform the image", "make it look", "style"),
            aliases=("Image Editing",),
        ),
        TaskSpec(
            "visual-question-answering",
            "Visual Question Answering",
            "Answer a question about the content of an image.",
            (_image(), _QUESTION),
            ("text",),
            local="image-text-to-text",
            remote="visual_question_answering",
            examples=("In kitchen.jpg, what color is the kettle?",),
            cues=("in the image", "in the picture", "in the photo", "what color"),
        ),
        TaskSpec(
            "document-question-answering",
            "Document Question Answering",
            "Answer a question about a scanned document or form image.",
            (_image("Path or URL of the document image."), _QUESTION),
            ("text",),
            local="image-text-to-text",
            remote="document_question_answering",
            examples=("From invoice.png, what is the total amount due?",),
            cues=("document", "invoice", "receipt", "form", "scanned"),
        ),
        TaskSpec(
            "zero-shot-image-classification",
            "Zero-Shot Image Classification",
            "Classify an image into labels given at request time.",
            (_image(), _text("labels", "Comma-separated candidate labels.", resource=False)),
            ("text",),
            local="pipeline",
            remote="zero_shot_image_classification",
            examples=("Is pet.jpg a cat, a dog or a rabbit?",),
            cues=("is it a", "cat or a dog", "which of these"),
        ),
        TaskSpec(
            "tabular-classification",
            "Tabular Classification",
            "Classify rows of a table (CSV file or an image of a table).",
            (ArgSpec("table", "text", "CSV text or path to a CSV file or table image."),),
            ("text",),
            local="tabular",
            remote="tabular_classification",
            examples=("Classify the rows of patients.csv.",),
            cues=("table", "csv", "rows", "spreadsheet", "tabular"),
        ),
        # ---- audio ----------------------------------------------------------------------------
        TaskSpec(
            "text-to-speech",
            "Text-to-Speech",
            "Read a text aloud: synthesise speech audio.",
            (_text("text", "Text to speak."),),
            ("audio",),
            local="text-to-speech",
            remote="text_to_speech",
            examples=("Read 'Welcome home' aloud.",),
            cues=("read aloud", "read it aloud", "speech", "speak", "say it", "voice", "narrat"),
            aliases=("Speech Synthesis",),
        ),
        TaskSpec(
            "automatic-speech-recognition",
            "Automatic Speech Recognition",
            "Transcribe speech in an audio file into text.",
            (_audio(),),
            ("text",),
            local="pipeline",
            remote="automatic_speech_recognition",
            examples=("Transcribe meeting.wav.",),
            cues=("transcrib", "speech to text", "what is said", "what was said", "words in"),
            aliases=("Speech-to-Text", "Audio Transcription"),
        ),
        TaskSpec(
            "audio-classification",
            "Audio Classification",
            "Assign a label to an audio clip (sound event, spoken command, emotion, language).",
            (_audio(),),
            ("text",),
            local="pipeline",
            remote="audio_classification",
            examples=("What sound is in clip.wav?",),
            cues=("classify the audio", "what sound", "kind of sound", "emotion in the voice"),
        ),
        TaskSpec(
            "audio-to-audio",
            "Audio-to-Audio",
            "Transform audio: enhance speech, remove noise, separate sources.",
            (_audio(),),
            ("audio",),
            local="speech-to-speech",
            remote="audio_to_audio",
            examples=("Remove the background noise from call.wav.",),
            cues=("noise", "enhance the audio", "clean up the audio", "separate", "denois"),
            aliases=("Audio Enhancement", "Audio Noise Reduction"),
        ),
        # ---- video ----------------------------------------------------------------------------
        TaskSpec(
            "text-to-video",
            "Text-to-Video",
            "Generate a short video clip from a text description.",
            (_text("text", "Description of the video to generate."),),
            ("video",),
            local="diffusers-text-to-video",
            remote="text_to_video",
            examples=("Make a video of waves crashing on a beach.",),
            cues=("video", "animation", "clip of", "animate"),
        ),
    ]
}
"""Every supported task type, keyed by pipeline tag."""

ALIASES: dict[str, str] = {
    **{spec.title.lower(): name for name, spec in TASKS.items()},
    **{a.lower(): name for name, spec in TASKS.items() for a in spec.aliases},
    "image-text-to-text": "image-to-text",
    "text2text-generation": "summarization",
    "text-to-audio": "text-to-speech",
    "image-editing": "image-to-image",
}
"""Other spellings that resolve to a registry name (case-insensitive)."""


WORDING_DIR = Path(__file__).parent / "data" / "wording"

WORDING: dict[str, Path] = {
    "request_prototypes": WORDING_DIR / "request_prototypes.json",
    "planner_examples": WORDING_DIR / "planner_examples.json",
    "taskbench_descriptions": WORDING_DIR / "taskbench_descriptions.json",
    "planner_cues": WORDING_DIR / "planner_cues.json",
}
"""The per-task wording beyond each :class:`TaskSpec`'s own, as data files keyed by task type.

* ``request_prototypes``: typical requests per task type, ``{task: [text, ...]}``: with the
  registry's title, description, examples and cues they are the task prototypes of selection
  (:mod:`hgpt_langchain.selection.prototypes`).
* ``planner_examples``: hand-written example clauses per anchor label of the offline planner
  (task types, ``image-to-image+text`` for image edits and ``none`` for clauses that ask for no
  model), ``{label: [text, ...]}``.
* ``taskbench_descriptions``: TaskBench's public tool descriptions, shortened, as extra planner
  anchors, ``{label: text}``.
* ``planner_cues``: regular expressions (lower-case text) with the score bonus they give a
  label in the offline planner, ``{label: [[pattern, bonus], ...]}``.

The texts are embedded and the embeddings cached by a fingerprint of the texts: editing a file
re-embeds them (and changes the shipped index's fingerprint).
"""


@cache
def wording(name: str) -> dict[str, Any]:
    """The wording table ``name`` (a key of :data:`WORDING`), read once per process."""
    return json.loads(WORDING[name].read_text(encoding="utf-8"))


def resolve_task(name: str) -> str | None:
    """Return the registry name for ``name`` (a pipeline tag, title or alias), else ``None``."""
    key = name.strip().lower()
    if key in TASKS:
        return key
    if key in ALIASES:
        return ALIASES[key]
    dashed = key.replace(" ", "-").replace("_", "-")
    return dashed if dashed in TASKS else ALIASES.get(dashed)


def get_task(name: str) -> TaskSpec:
    """Return the :class:`TaskSpec` for ``name`` or raise ``KeyError`` with the valid names."""
    resolved = resolve_task(name)
    if resolved is None:
        raise KeyError(f"Unknown task type {name!r}. Known task types: {', '.join(TASKS)}.")
    return TASKS[resolved]


def registry_rows() -> list[dict[str, object]]:
    """The registry as JSON-ready rows (``hgpt tasks --json``)."""
    return [
        {
            "task": spec.name,
            "title": spec.title,
            "inputs": list(spec.inputs),
            "args": [a.name for a in spec.args],
            "outputs": list(spec.outputs),
            "local": spec.local is not None,
            "remote": spec.remote is not None,
            "local_route": spec.local,
            "remote_method": spec.remote,
        }
        for spec in TASKS.values()
    ]
