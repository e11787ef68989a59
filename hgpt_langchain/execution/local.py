"""Local execution with transformers and diffusers, on CPU or GPU.

Every local route name used by the task registry (``TaskSpec.local``) has one function in
:data:`ROUTES`. transformers 5 dropped several pipeline tasks HuggingGPT relied on
(summarization, translation, text2text-generation, question-answering, visual-question-answering,
image-to-image), so those routes use the model classes and ``generate`` directly, diffusers, or a
newer pipeline (``image-text-to-text``).

Loaded models are kept in an LRU cache bounded by a memory budget. ``trust_remote_code`` is off
unless the user turns it on. torch, transformers and diffusers are imported on first use.
"""

from __future__ import annotations

import json
import logging
import os
import re
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hgpt_langchain.catalog import LOCAL_LIBRARIES
from hgpt_langchain.errors import ExecutionError, UnsupportedTaskError, WorkspaceError
from hgpt_langchain.execution.audio_engines import engine_route
from hgpt_langchain.execution.audio_engines import is_available as engine_available
from hgpt_langchain.execution.base import ExecutionOutput
from hgpt_langchain.execution.cache import ModelCache
from hgpt_langchain.execution.context import output_stem
from hgpt_langchain.execution.convert import (
    annotate_boxes,
    jsonable,
    load_audio,
    load_image,
    overlay_masks,
    render_labels,
    save_image,
    save_json,
    save_video,
    save_wav,
)
from hgpt_langchain.execution.speech_to_speech import route_speech_to_speech
from hgpt_langchain.execution.tabular import route_tabular
from hgpt_langchain.hub import cached_snapshot, hub_offline, local_folder, on_this_machine
from hgpt_langchain.languages import LANGUAGES as _LANGUAGE_TABLE
from hgpt_langchain.languages import language as _find_language
from hgpt_langchain.tasks import TASKS, TaskSpec

if TYPE_CHECKING:
    from hgpt_langchain.execution.workspace import Workspace

logger = logging.getLogger(__name__)

Route = Callable[["LocalExecutor", TaskSpec, str, dict[str, str], "Workspace"], ExecutionOutput]

DEFAULT_MEMORY_BUDGET_MB = 8192
"""Default budget of the loaded-model cache (``HGPT_MEMORY_BUDGET_MB`` overrides it)."""

LANGUAGES: dict[str, tuple[str, str]] = {
    lang.name: (lang.iso, lang.flores) for lang in _LANGUAGE_TABLE.values()
}
"""Target languages the seq2seq route understands, with their codes (from
:mod:`hgpt_langchain.languages`, the table the planner and selection use too)."""


def _language(name: str | None) -> tuple[str, str, str] | None:
    lang = _find_language(name)
    return (lang.name, lang.iso, lang.flores) if lang else None


def auto_device() -> str:
    """``"cuda"`` when a CUDA GPU is available, ``"mps"`` on Apple silicon, else ``"cpu"``."""
    import torch

    if torch.cuda.is_available():
        return "cuda"
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        return "mps"
    return "cpu"


def _empty_device_cache() -> None:
    try:
        import torch

        if torch.cuda.is_available():
            torch.cuda.empty_cache()
    except ImportError:  # pragma: no cover
        pass


_WEIGHT_SUFFIXES = (".safetensors", ".bin", ".pt", ".pth", ".ckpt", ".onnx", ".msgpack", ".h5")


def _ships_code(folder: Path) -> bool:
    """Whether the model's config asks for its own Python code (``auto_map``, custom pipeline)."""
    for name in ("config.json", "model_index.json", "tokenizer_config.json"):
        path = folder / name
        try:
            if not path.is_file() or path.stat().st_size > 5_000_000:
                continue
            config = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if not isinstance(config, dict):
            continue
        if config.get("auto_map") or config.get("custom_pipelines"):
            return True
        cls = config.get("_class_name")
        if name == "model_index.json" and isinstance(cls, list):  # ["pipeline.py", "MyPipe"]
            return True
    return False


def _weights_mb(folder: Path) -> float:
    """Size in MiB of the weight files under ``folder`` (two levels: diffusers subfolders)."""
    total = 0
    for pattern in ("*", "*/*"):
        for path in folder.glob(pattern):
            if path.suffix in _WEIGHT_SUFFIXES:
                try:
                    total += path.stat().st_size
                except OSError:
                    continue
    return total / 2**20


class LocalExecutor:
    """Runs Hugging Face models in-process with transformers and diffusers.

    Args:
        device: ``"cpu"``, ``"cuda"``, ``"cuda:1"``, ``"mps"``; ``None`` picks automatically.
        memory_budget_mb: Budget of the loaded-model cache (LRU). Default:
            ``HGPT_MEMORY_BUDGET_MB`` or 8192.
        trust_remote_code: Allow model repositories to run their own Python code. Off by
            default: only enable it for repositories you trust.
        trust_pickle: Allow pickle/joblib model files (scikit-learn tabular models), which can
            run code when loaded. Off by default: skops files load safely without it.
        max_new_tokens: Generation length of text-producing routes.
        diffusion_steps: Inference steps of diffusers pipelines (``None``: the pipeline's
            default).
        image_size: Height and width of generated images/videos (``None``: model default).
        seed: Seed for generation (``None``: random).
    """

    name = "local"

    def __init__(
        self,
        device: str | None = None,
        *,
        memory_budget_mb: float | None = None,
        trust_remote_code: bool = False,
        trust_pickle: bool = False,
        max_new_tokens: int = 64,
        diffusion_steps: int | None = None,
        image_size: int | None = None,
        seed: int | None = None,
    ):
        self._device = device
        budget = memory_budget_mb
        if budget is None:
            budget = float(os.environ.get("HGPT_MEMORY_BUDGET_MB") or DEFAULT_MEMORY_BUDGET_MB)
        self.cache = ModelCache(budget, on_evict=_empty_device_cache)
        self.trust_remote_code = trust_remote_code
        self.trust_pickle = trust_pickle
        self.max_new_tokens = max_new_tokens
        self.diffusion_steps = diffusion_steps
        self.image_size = image_size
        self.seed = seed
        self._device_lock = threading.Lock()

    # ---- configuration ------------------------------------------------------------------------

    @property
    def device(self) -> str:
        """The torch device models run on (detected on first use)."""
        if self._device is None:
            with self._device_lock:
                if self._device is None:
                    self._device = auto_device()
        return self._device

    def supports(self, task: TaskSpec | str) -> bool:
        """Whether the task type has a local route."""
        spec = TASKS.get(task) if isinstance(task, str) else task
        return bool(spec and spec.local in ROUTES)

    def can_run(self, entry: Any) -> bool | None:
        """Whether a catalog entry can run here.

        A local route for its task and a library (or architecture) the routes load; with the
        Hub offline (``HF_HUB_OFFLINE``), also weights on this machine (a local folder, the
        Hugging Face cache or an installed package), since nothing else can be loaded. Used by
        selection to keep other models as fallbacks.
        """
        if not self.supports(entry.task):
            return False
        if getattr(entry, "local_runnable", None) is not None:
            loadable = bool(entry.local_runnable)
        else:
            loadable = entry.library is None or entry.library in LOCAL_LIBRARIES
        if loadable and hub_offline() and not self.is_available(entry.id):
            return False
        return loadable

    def is_available(self, model: str) -> bool:
        """Whether ``model`` loads without a download (local folder, HF cache, packaged weights).

        :func:`hgpt_langchain.hub.on_this_machine` (what selection asks too), or a model of a
        format-routed engine whose files are here (a Piper voice in the cache, an engine folder).
        """
        return on_this_machine(model) or engine_available(model)

    # ---- running --------------------------------------------------------------------------------

    def run(
        self, task: TaskSpec, model: str, args: dict[str, str], workspace: Workspace
    ) -> ExecutionOutput:
        """Run ``task`` with ``model`` on ``args``; outputs are written into ``workspace``.

        Raises:
            UnsupportedTaskError: The task type has no local route.
            WorkspaceError: A file argument leaves the workspace or is missing.
            ExecutionError: The model cannot be loaded or fails.
        """
        route = engine_route(task.name, model) or ROUTES.get(task.local or "")
        if route is None:
            hint = " Use the remote executor (set HF_TOKEN)." if task.remote else ""
            raise UnsupportedTaskError(f"Task {task.name!r} has no local execution path.{hint}")
        try:
            output = route(self, task, model, args, workspace)
        except (ExecutionError, WorkspaceError):
            raise
        except KeyError as exc:
            raise ExecutionError(
                f"Task {task.name!r} is missing the argument {exc}; give it in the plan."
            ) from exc
        except Exception as exc:  # noqa: BLE001 - library errors become task failures
            oom = "out of memory" in str(exc).lower()
            if oom:
                self.cache.clear()
            raise ExecutionError(
                f"Local model {model!r} failed on {task.name!r}: {type(exc).__name__}: {exc}",
                transient=oom,
            ) from exc
        output.executor = self.name
        return output

    # ---- loading --------------------------------------------------------------------------------

    def _common_kwargs(self) -> dict[str, Any]:
        return {"trust_remote_code": self.trust_remote_code}

    def model_files(self, model: str) -> Path | None:
        """The folder holding ``model``'s files here (a local folder or a cached snapshot)."""
        return local_folder(model) or cached_snapshot(model)

    def check_loadable(self, model: str) -> None:
        """Refuse, before loading, a model that ships its own code or exceeds the memory budget.

        Only models whose files are here are checked (a download is refused later anyway).

        Raises:
            ExecutionError: The model needs ``trust_remote_code`` (which is off), or its weight
                files are larger than the loaded-model budget. The scheduler then tries the next
                candidate.
        """
        folder = self.model_files(model)
        if folder is None:
            return
        if not self.trust_remote_code and _ships_code(folder):
            raise ExecutionError(
                f"Model {model!r} ships its own Python code (auto_map / custom pipeline); it is "
                "not run unless you opt in with trust_remote_code=True (HGPT_TRUST_REMOTE_CODE=1), "
                "for repositories you trust. Trying the next candidate."
            )
        size_mb = _weights_mb(folder)
        if size_mb > self.cache.budget_mb:
            raise ExecutionError(
                f"Model {model!r} needs about {size_mb:,.0f} MiB, more than the memory budget of "
                f"{self.cache.budget_mb:,.0f} MiB (memory_budget_mb / HGPT_MEMORY_BUDGET_MB). "
                "Raise the budget, or pick a smaller model."
            )

    def load(self, key: str, model: str, loader: Callable[[], Any]) -> Any:
        """Load (or reuse) a model under cache key ``(key, model, device)``.

        Raises:
            ExecutionError: The model cannot be loaded, or :meth:`check_loadable` refuses it.
        """
        if (key, model, self.device) not in self.cache.keys():
            self.check_loadable(model)
        try:
            return self.cache.get((key, model, self.device), loader)
        except (OSError, ValueError, ImportError) as exc:
            hub_id = not model.startswith(("/", ".", "~")) and "\\" not in model
            if hub_id and not self.is_available(model) and _looks_offline(exc):
                raise ExecutionError(
                    f"Model {model!r} is not in the local Hugging Face cache and cannot be "
                    "downloaded here (offline). Download it once (`hf download "
                    f"{model}`), pass a local folder, or set HF_TOKEN to run it remotely."
                ) from exc
            raise ExecutionError(
                f"Cannot load model {model!r} locally for {key}: {exc}. Check the model id or "
                "path, download it first (HF_HUB_OFFLINE must be unset), or run it remotely."
            ) from exc

    def pipeline(self, task: str, model: str, **kwargs: Any) -> Any:
        """A cached ``transformers.pipeline(task, model)`` entry (``.value``, ``.lock``)."""

        def loader() -> Any:
            from transformers import pipeline

            return pipeline(
                task, model=model, device=self.device, **self._common_kwargs(), **kwargs
            )

        return self.load(f"pipeline:{task}", model, loader)

    def tokenizer_and_model(self, key: str, model: str, auto_class: str) -> Any:
        """A cached ``(tokenizer, model)`` pair; ``auto_class`` names a transformers Auto class."""

        def loader() -> Any:
            import transformers

            tok = transformers.AutoTokenizer.from_pretrained(model, **self._common_kwargs())
            cls = getattr(transformers, auto_class)
            mdl = cls.from_pretrained(model, **self._common_kwargs())
            return (tok, mdl.to(self.device).eval())

        return self.load(key, model, loader)

    def diffusers(self, kind: str, model: str) -> Any:
        """A cached diffusers pipeline: ``kind`` is text2image, image2image or video."""

        def loader() -> Any:
            import diffusers
            import torch

            dtype = torch.float16 if self.device.startswith("cuda") else torch.float32
            cls = {
                "text2image": diffusers.AutoPipelineForText2Image,
                "image2image": diffusers.AutoPipelineForImage2Image,
                "video": diffusers.DiffusionPipeline,
            }[kind]
            pipe = cls.from_pretrained(model, dtype=dtype, **self._common_kwargs())
            if hasattr(pipe, "set_progress_bar_config"):
                pipe.set_progress_bar_config(disable=True)
            return pipe.to(self.device)

        return self.load(f"diffusers:{kind}", model, loader)

    def generator(self) -> Any:
        """A seeded torch generator, or ``None`` without a seed."""
        if self.seed is None:
            return None
        import torch

        return torch.Generator(device="cpu").manual_seed(self.seed)

    def diffusion_kwargs(self) -> dict[str, Any]:
        """Steps, size and generator for diffusers calls, when configured."""
        kw: dict[str, Any] = {}
        if self.diffusion_steps:
            kw["num_inference_steps"] = self.diffusion_steps
        if self.image_size:
            kw["height"] = kw["width"] = self.image_size
        if self.seed is not None:
            kw["generator"] = self.generator()
        return kw


# ---- routes ----------------------------------------------------------------------------------


def _labels_out(items: Any, limit: int = 5) -> ExecutionOutput:
    items = jsonable(items)
    if items and isinstance(items[0], list):  # batched output of a single input
        items = items[0]
    return ExecutionOutput(text=render_labels(items, limit=limit), data=items)


def _split_labels(value: str) -> list[str]:
    labels = [x.strip() for x in re.split(r"[,;\n]|\bor\b", value) if x.strip()]
    if not labels:
        raise ExecutionError("No candidate labels given: pass comma-separated labels.")
    return labels


def route_pipeline(
    ex: LocalExecutor, spec: TaskSpec, model: str, args: dict[str, str], ws: Workspace
) -> ExecutionOutput:
    """Tasks that a transformers 5 pipeline of the same name still handles."""
    name = spec.name
    entry = ex.pipeline(name, model)
    pipe = entry.value
    with entry.lock:
        if name == "text-classification":
            return _labels_out(pipe(args["text"], top_k=5))
        if name == "token-classification":
            try:
                ents = pipe(args["text"], aggregation_strategy="simple")
            except (ValueError, TypeError, NotImplementedError):
                ents = pipe(args["text"])
            ents = jsonable(ents)
            text = ", ".join(
                f"{e.get('word')} ({e.get('entity_group') or e.get('entity')})" for e in ents
            )
            return ExecutionOutput(text=text or "(no entities found)", data=ents)
        if name == "zero-shot-classification":
            out = jsonable(pipe(args["text"], candidate_labels=_split_labels(args["labels"])))
            items = [
                {"label": lb, "score": s}
                for lb, s in zip(out["labels"], out["scores"], strict=False)
            ]
            return ExecutionOutput(text=render_labels(items), data=items)
        if name == "fill-mask":
            text = args["text"]
            mask = getattr(pipe.tokenizer, "mask_token", None) or "[MASK]"
            text = re.sub(r"\[MASK\]|<mask>", mask, text)
            if mask not in text:
                raise ExecutionError(f"fill-mask needs a {mask} token in the text.")
            out = jsonable(pipe(text, top_k=5))
            if out and isinstance(out[0], list):
                out = out[0]
            return ExecutionOutput(text=out[0]["sequence"] if out else "", data=out)
        if name == "text-generation":
            out = pipe(args["text"], max_new_tokens=ex.max_new_tokens)
            return ExecutionOutput(text=str(out[0]["generated_text"]), data=jsonable(out))
        if name == "image-classification":
            return _labels_out(pipe(load_image(ws, args["image"]), top_k=5))
        if name == "zero-shot-image-classification":
            out = pipe(
                load_image(ws, args["image"]), candidate_labels=_split_labels(args["labels"])
            )
            return _labels_out(out)
        if name in ("automatic-speech-recognition", "audio-classification"):
            rate = getattr(getattr(pipe, "feature_extractor", None), "sampling_rate", 16000)
            audio = load_audio(ws, args["audio"], target_rate=rate)
            if name == "audio-classification":
                return _labels_out(pipe(audio, top_k=5))
            out = jsonable(pipe(audio))
            return ExecutionOutput(text=str(out.get("text", "")).strip(), data=out)
    raise UnsupportedTaskError(f"The 'pipeline' route does not handle {name!r}.")


def route_extractive_qa(
    ex: LocalExecutor, spec: TaskSpec, model: str, args: dict[str, str], ws: Workspace
) -> ExecutionOutput:
    """Extractive question answering with ``AutoModelForQuestionAnswering`` (best span)."""
    entry = ex.tokenizer_and_model("extractive-qa", model, "AutoModelForQuestionAnswering")
    tok, mdl = entry.value
    import torch

    question, context = args["question"], args["context"]
    enc = tok(
        question,
        context,
        truncation="only_second",
        max_length=min(512, getattr(tok, "model_max_length", 512) or 512),
        return_offsets_mapping=True,
        return_tensors="pt",
    )
    offsets = enc.pop("offset_mapping")[0].tolist()
    seq_ids = enc.sequence_ids(0)
    with entry.lock, torch.inference_mode():
        out = mdl(**{k: v.to(ex.device) for k, v in enc.items()})
    start = out.start_logits[0].float().cpu()
    end = out.end_logits[0].float().cpu()
    ctx = [i for i, s in enumerate(seq_ids) if s == 1]
    if not ctx:
        raise ExecutionError("The context is empty after tokenisation.")
    best, best_score = (ctx[0], ctx[0]), float("-inf")
    top_starts = sorted(ctx, key=lambda i: -float(start[i]))[:20]
    top_ends = sorted(ctx, key=lambda i: -float(end[i]))[:20]
    for i in top_starts:
        for j in top_ends:
            if i <= j < i + 30 and float(start[i] + end[j]) > best_score:
                best, best_score = (i, j), float(start[i] + end[j])
    char_start, char_end = offsets[best[0]][0], offsets[best[1]][1]
    answer = context[char_start:char_end].strip()
    probs = (
        torch.softmax(start[ctx], 0)[ctx.index(best[0])]
        * torch.softmax(end[ctx], 0)[ctx.index(best[1])]
    )
    data = {"answer": answer, "score": float(probs), "start": char_start, "end": char_end}
    return ExecutionOutput(text=answer, data=jsonable(data))


def route_seq2seq(
    ex: LocalExecutor, spec: TaskSpec, model: str, args: dict[str, str], ws: Workspace
) -> ExecutionOutput:
    """Summarization and translation with ``AutoModelForSeq2SeqLM.generate``.

    Uses the model's ``task_specific_params`` prefixes (T5), ``forced_bos_token_id`` for
    many-to-many models (NLLB, M2M100, mBART) and the target language when given.
    """
    entry = ex.tokenizer_and_model("seq2seq", model, "AutoModelForSeq2SeqLM")
    tok, mdl = entry.value
    import torch

    text = args["text"]
    params = getattr(mdl.config, "task_specific_params", None) or {}
    gen: dict[str, Any] = {"max_new_tokens": max(ex.max_new_tokens, 16)}
    prefix = ""
    if spec.name == "summarization":
        prefix = (params.get("summarization") or {}).get("prefix", "")
    else:
        lang = _language(args.get("target_language"))
        if args.get("target_language") and lang is None:
            raise ExecutionError(
                f"Unknown target language {args.get('target_language')!r}; known: "
                f"{', '.join(sorted(LANGUAGES))}."
            )
        if lang is not None:
            name, iso, flores = lang
            keyed = {k: v for k, v in params.items() if k.startswith("translation_")}
            match = next((v for k, v in keyed.items() if k.endswith(f"_to_{iso}")), None)
            if match is not None:
                prefix = match.get("prefix", "")
            elif getattr(mdl.config, "model_type", "") in ("t5", "mt5", "umt5"):
                prefix = f"translate English to {name.title()}: "
            vocab = tok.get_vocab()
            for code in (flores, f"__{iso}__", f"{iso}_XX", f">>{iso}<<"):
                if code in vocab:
                    if code.startswith(">>"):
                        prefix = f"{code} "
                    else:
                        gen["forced_bos_token_id"] = vocab[code]
                    break
    enc = tok(prefix + text, return_tensors="pt", truncation=True)
    # BERT-style tokenizers also return token_type_ids, which generate() rejects.
    inputs = {k: v.to(ex.device) for k, v in enc.items() if k in ("input_ids", "attention_mask")}
    with entry.lock, torch.inference_mode():
        ids = mdl.generate(**inputs, **gen)
    out = tok.batch_decode(ids, skip_special_tokens=True)[0].strip()
    return ExecutionOutput(text=out, data={"generated_text": out})


def route_chat(
    ex: LocalExecutor, spec: TaskSpec, model: str, args: dict[str, str], ws: Workspace
) -> ExecutionOutput:
    """A chat reply with a causal LM (chat template when the tokenizer has one)."""
    entry = ex.pipeline("text-generation", model)
    pipe = entry.value
    with entry.lock:
        if getattr(pipe.tokenizer, "chat_template", None):
            out = pipe(
                [{"role": "user", "content": args["text"]}], max_new_tokens=ex.max_new_tokens
            )
            generated = out[0]["generated_text"]
            reply = generated[-1]["content"] if isinstance(generated, list) else str(generated)
        else:
            out = pipe(args["text"], max_new_tokens=ex.max_new_tokens, return_full_text=False)
            reply = str(out[0]["generated_text"])
    return ExecutionOutput(text=reply.strip(), data={"reply": reply.strip()})


def route_sentence_similarity(
    ex: LocalExecutor, spec: TaskSpec, model: str, args: dict[str, str], ws: Workspace
) -> ExecutionOutput:
    """Cosine similarity of two texts with sentence-transformers."""

    def loader() -> Any:
        from sentence_transformers import SentenceTransformer

        return SentenceTransformer(model, device=ex.device, trust_remote_code=ex.trust_remote_code)

    entry = ex.load("sentence-similarity", model, loader)
    with entry.lock:
        vecs = entry.value.encode([args["text"], args["other_text"]], normalize_embeddings=True)
    score = float((vecs[0] * vecs[1]).sum())
    return ExecutionOutput(text=f"similarity {score:.3f}", data={"score": round(score, 6)})


def route_object_detection(
    ex: LocalExecutor, spec: TaskSpec, model: str, args: dict[str, str], ws: Workspace
) -> ExecutionOutput:
    """Boxes and labels; writes an annotated PNG and a boxes JSON file."""
    image = load_image(ws, args["image"])
    entry = ex.pipeline("object-detection", model)
    with entry.lock:
        dets = jsonable(entry.value(image))
    png = save_image(annotate_boxes(image, dets), ws, output_stem(spec.name))
    boxes = save_json(dets, ws, output_stem(spec.name, "boxes"))
    text = f"{len(dets)} object(s): {render_labels(dets, limit=20)}" if dets else "no objects found"
    return ExecutionOutput(text=text, files=[png, boxes], data=dets)


def route_image_segmentation(
    ex: LocalExecutor, spec: TaskSpec, model: str, args: dict[str, str], ws: Workspace
) -> ExecutionOutput:
    """Masks per segment: an overlay PNG first, then one PNG mask per segment."""
    image = load_image(ws, args["image"])
    entry = ex.pipeline("image-segmentation", model)
    with entry.lock:
        segments = entry.value(image)
    overlay = save_image(
        overlay_masks(image, [s.get("mask") for s in segments]), ws, output_stem(spec.name)
    )
    files, data = [overlay], []
    for i, seg in enumerate(segments):
        item = {"label": seg.get("label"), "score": seg.get("score")}
        if seg.get("mask") is not None:
            item["mask"] = save_image(seg["mask"], ws, output_stem(spec.name, f"mask-{i}"))
            files.append(item["mask"])
        data.append(jsonable(item))
    text = f"{len(data)} segment(s): " + ", ".join(str(d["label"]) for d in data)
    return ExecutionOutput(text=text, files=files, data=data)


def route_depth_estimation(
    ex: LocalExecutor, spec: TaskSpec, model: str, args: dict[str, str], ws: Workspace
) -> ExecutionOutput:
    """A depth map as a grey-scale PNG."""
    image = load_image(ws, args["image"])
    entry = ex.pipeline("depth-estimation", model)
    with entry.lock:
        out = entry.value(image)
    path = save_image(out["depth"], ws, output_stem(spec.name))
    return ExecutionOutput(text=f"depth map saved to {Path(path).name}", files=[path])


_PROMPTS = {
    "image-to-text": "Describe this image.",
    "visual-question-answering": "{question}",
    "document-question-answering": "{question}",
}


def route_image_text_to_text(
    ex: LocalExecutor, spec: TaskSpec, model: str, args: dict[str, str], ws: Workspace
) -> ExecutionOutput:
    """Captioning and questions about images with the ``image-text-to-text`` pipeline.

    Document question answering falls back to transformers' ``document-question-answering``
    pipeline for models that pipeline supports (LayoutLM-style, needs OCR).
    """
    image = load_image(ws, args["image"])
    question = args.get("question", "")
    try:
        entry = ex.pipeline("image-text-to-text", model)
    except ExecutionError:
        if spec.name != "document-question-answering":
            raise
        entry = ex.pipeline("document-question-answering", model)
        with entry.lock:
            out = jsonable(entry.value(image=image, question=question))
        best = out[0] if isinstance(out, list) and out else out
        return ExecutionOutput(text=str((best or {}).get("answer", "")), data=out)
    pipe = entry.value
    prompt = _PROMPTS[spec.name].format(question=question)
    processor = getattr(pipe, "processor", None)
    with entry.lock:
        if getattr(processor, "chat_template", None):
            messages = [
                {
                    "role": "user",
                    "content": [
                        {"type": "image", "image": image},
                        {"type": "text", "text": prompt},
                    ],
                }
            ]
            out = pipe(text=messages, max_new_tokens=ex.max_new_tokens, return_full_text=False)
        else:
            # transformers 5 requires text with an image: captioners (BLIP, GIT) get "".
            text = "" if spec.name == "image-to-text" else prompt
            out = pipe(
                images=image, text=text, max_new_tokens=ex.max_new_tokens, return_full_text=False
            )
    generated = out[0]["generated_text"] if out else ""
    if isinstance(generated, list):
        generated = generated[-1].get("content", "")
    return ExecutionOutput(text=str(generated).strip(), data=jsonable(out))


def route_diffusers_text_to_image(
    ex: LocalExecutor, spec: TaskSpec, model: str, args: dict[str, str], ws: Workspace
) -> ExecutionOutput:
    """Text-to-image with a diffusers pipeline; PNG output."""
    entry = ex.diffusers("text2image", model)
    with entry.lock:
        image = entry.value(args["text"], **ex.diffusion_kwargs()).images[0]
    path = save_image(image, ws, output_stem(spec.name))
    return ExecutionOutput(text=f"image generated: {Path(path).name}", files=[path])


def route_diffusers_image_to_image(
    ex: LocalExecutor, spec: TaskSpec, model: str, args: dict[str, str], ws: Workspace
) -> ExecutionOutput:
    """Image editing guided by an optional text instruction; PNG output."""
    image = load_image(ws, args["image"])
    entry = ex.diffusers("image2image", model)
    kw = ex.diffusion_kwargs()
    kw.pop("height", None), kw.pop("width", None)
    if ex.image_size:
        image = image.resize((ex.image_size, ex.image_size))
    with entry.lock:
        result = entry.value(prompt=args.get("text") or "", image=image, **kw).images[0]
    path = save_image(result, ws, output_stem(spec.name))
    return ExecutionOutput(text=f"edited image: {Path(path).name}", files=[path])


def route_diffusers_text_to_video(
    ex: LocalExecutor, spec: TaskSpec, model: str, args: dict[str, str], ws: Workspace
) -> ExecutionOutput:
    """Text-to-video with a diffusers pipeline; MP4 output (GIF without a video encoder)."""
    entry = ex.diffusers("video", model)
    with entry.lock:
        out = entry.value(args["text"], **ex.diffusion_kwargs())
    frames = out.frames[0] if hasattr(out, "frames") else out[0]
    path = save_video(list(frames), ws, output_stem(spec.name))
    return ExecutionOutput(text=f"video generated: {Path(path).name}", files=[path])


def route_text_to_speech(
    ex: LocalExecutor, spec: TaskSpec, model: str, args: dict[str, str], ws: Workspace
) -> ExecutionOutput:
    """Speech synthesis with the ``text-to-audio`` pipeline; WAV output."""
    entry = ex.pipeline("text-to-audio", model)
    with entry.lock:
        out = entry.value(args["text"])
    path = save_wav(out["audio"], int(out["sampling_rate"]), ws, output_stem(spec.name))
    return ExecutionOutput(text=f"speech saved to {Path(path).name}", files=[path])


def _looks_offline(exc: BaseException) -> bool:
    """Whether a load error means "not downloadable now" (offline mode or no connection)."""
    from huggingface_hub import constants

    text = str(exc).lower()
    return bool(constants.HF_HUB_OFFLINE) or "couldn't connect" in text or "offline" in text


ROUTES: dict[str, Route] = {
    "pipeline": route_pipeline,
    "extractive-qa": route_extractive_qa,
    "seq2seq": route_seq2seq,
    "chat": route_chat,
    "sentence-similarity": route_sentence_similarity,
    "object-detection": route_object_detection,
    "image-segmentation": route_image_segmentation,
    "depth-estimation": route_depth_estimation,
    "image-text-to-text": route_image_text_to_text,
    "diffusers-text-to-image": route_diffusers_text_to_image,
    "diffusers-image-to-image": route_diffusers_image_to_image,
    "diffusers-text-to-video": route_diffusers_text_to_video,
    "text-to-speech": route_text_to_speech,
    "speech-to-speech": route_speech_to_speech,
    "tabular": route_tabular,
}
"""Local route name (``TaskSpec.local`` in the registry) -> function that runs it."""
