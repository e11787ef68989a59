"""Remote execution through ``huggingface_hub.InferenceClient``.

Two ways to reach models: Inference Providers (a Hub model id plus a token, provider ``auto`` or a
named one), or a self-hosted endpoint (``base_url``: TGI, TEI, a dedicated Inference Endpoint or
any server speaking the Inference API). Each task type calls the ``InferenceClient`` method named by
``TaskSpec.remote`` in the registry, through one adapter per method in :data:`REMOTE_CALLS`.
An adapter is a generator that yields its one client call and converts the result, so
:meth:`RemoteExecutor.run` (``InferenceClient``) and :meth:`RemoteExecutor.arun`
(``AsyncInferenceClient``, for ``graph.ainvoke``) share the calls, the outputs and the errors.

Overloaded or loading models (HTTP 503, 429, 502, 504), timeouts and dropped connections raise
``ExecutionError(transient=True)`` so the scheduler retries them. The token is never logged.
"""

from __future__ import annotations

import csv
import io
import logging
import mimetypes
import os
from collections.abc import Callable, Generator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hgpt_langchain.errors import (
    ConfigurationError,
    ExecutionError,
    UnsupportedTaskError,
    WorkspaceError,
)
from hgpt_langchain.execution.base import ExecutionOutput
from hgpt_langchain.execution.context import output_stem
from hgpt_langchain.execution.convert import (
    annotate_boxes,
    jsonable,
    load_image,
    overlay_masks,
    render_labels,
    save_image,
    save_json,
)
from hgpt_langchain.hub import hub_offline
from hgpt_langchain.redact import redact, register_secret
from hgpt_langchain.tasks import TASKS, TaskSpec

if TYPE_CHECKING:
    from hgpt_langchain.execution.workspace import Workspace

logger = logging.getLogger(__name__)

TRANSIENT_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
"""HTTP statuses worth a retry (500 included: hosted endpoints use it for transient faults)."""

Adapter = Generator["_Request", Any, ExecutionOutput]
"""An adapter's run: it yields the one client call to make, receives its result, returns output."""
RemoteCall = Callable[["_Call"], Adapter]


def env_token() -> str | None:
    """The Hugging Face token from ``HF_TOKEN`` (or the older ``HUGGING_FACE_HUB_TOKEN``)."""
    return os.environ.get("HF_TOKEN") or os.environ.get("HUGGING_FACE_HUB_TOKEN") or None


class RemoteExecutor:
    """Runs tasks on hosted or self-hosted inference endpoints.

    Args:
        token: Hugging Face token; default ``HF_TOKEN``. Never logged.
        base_url: A self-hosted endpoint. ``{model}`` in it is replaced by the model id
            (e.g. ``"http://localhost:8080/models/{model}"``); without it every model goes to
            that one URL (a TGI/TEI server serves one model).
        provider: Inference provider (``"auto"``, ``"hf-inference"``, ``"together"``, ...) when
            no ``base_url`` is given. Default ``"auto"``.
        timeout: Seconds to wait for one request.
        max_new_tokens: Generation length of text-producing tasks.
    """

    name = "remote"

    def __init__(
        self,
        token: str | None = None,
        base_url: str | None = None,
        provider: str | None = None,
        timeout: float = 120.0,
        *,
        max_new_tokens: int = 128,
    ):
        self._token = token
        register_secret(token)
        self.base_url = base_url.rstrip("/") if base_url else None
        self.provider = provider
        self.timeout = timeout
        self.max_new_tokens = max_new_tokens

    def __repr__(self) -> str:  # never show the token
        return (
            f"RemoteExecutor(base_url={self.base_url!r}, provider={self.provider!r}, "
            f"token={'set' if self.token else 'unset'})"
        )

    @property
    def token(self) -> str | None:
        """The token in use (argument or ``HF_TOKEN``)."""
        return self._token or env_token()

    @property
    def configured(self) -> bool:
        """Whether remote calls can work: a base URL or a token, and not ``HF_HUB_OFFLINE``."""
        return bool(self.base_url or self.token) and not hub_offline()

    def supports(self, task: TaskSpec) -> bool:
        """Whether the task type has a remote method."""
        return bool(task.remote and task.remote in REMOTE_CALLS)

    def can_run(self, entry: Any) -> bool | None:
        """Whether a catalog entry can be served.

        A ``base_url`` serves anything of a task with a remote method; otherwise a provider
        must serve it (``entry.providers``; ``None`` when the
        catalog does not know).
        """
        spec = TASKS.get(entry.task)
        if spec is None or not self.supports(spec):
            return False
        if self.base_url:
            return True
        providers = getattr(entry, "providers", None)
        if providers is None:
            return None
        if self.provider and self.provider != "auto":
            return self.provider in providers
        return bool(providers)

    def _client_settings(self, model: str) -> tuple[dict[str, Any], str | None]:
        """Keyword arguments of the (sync or async) client, and the ``model`` to pass per call."""
        if self.base_url:
            url = self.base_url.replace("{model}", model)
            return {"model": url, "token": self.token, "timeout": self.timeout}, None
        if not self.token:
            raise ConfigurationError(
                "Remote execution needs a Hugging Face token: set HF_TOKEN (or pass token=...), "
                "or point base_url at a self-hosted endpoint."
            )
        settings = {
            "provider": self.provider or "auto",
            "token": self.token,
            "timeout": self.timeout,
        }
        return settings, model

    def client(self, model: str) -> tuple[Any, str | None]:
        """An ``InferenceClient`` for ``model`` and the ``model`` to pass per call (or None)."""
        from huggingface_hub import InferenceClient

        settings, per_call_model = self._client_settings(model)
        return InferenceClient(**settings), per_call_model

    def aclient(self, model: str) -> tuple[Any, str | None]:
        """An ``AsyncInferenceClient`` (to close: ``async with``) and the per-call ``model``."""
        from huggingface_hub import AsyncInferenceClient

        settings, per_call_model = self._client_settings(model)
        return AsyncInferenceClient(**settings), per_call_model

    def _adapter(self, task: TaskSpec) -> RemoteCall:
        adapter = REMOTE_CALLS.get(task.remote or "")
        if adapter is None:
            raise UnsupportedTaskError(
                f"Task {task.name!r} has no remote inference method; run it locally."
            )
        return adapter

    def run(
        self, task: TaskSpec, model: str, args: dict[str, str], workspace: Workspace
    ) -> ExecutionOutput:
        """Call the task's ``InferenceClient`` method for ``model``; save outputs to files.

        Raises:
            UnsupportedTaskError: The task type has no remote method.
            ConfigurationError: No token and no base URL.
            ExecutionError: The call failed (``transient`` for 503/429/timeouts).
        """
        adapter = self._adapter(task)
        client, per_call_model = self.client(model)
        call = _Call(self, task, model, per_call_model, args, workspace)
        with _classified(task, model):
            steps = adapter(call)
            done, value = _step(steps, None)
            while not done:
                done, value = _step(steps, value.send(client))
        value.executor = self.name
        return value  # type: ignore[no-any-return]

    async def arun(
        self, task: TaskSpec, model: str, args: dict[str, str], workspace: Workspace
    ) -> ExecutionOutput:
        """Async :meth:`run` through ``AsyncInferenceClient``: no thread waits for the server.

        The same adapter as :meth:`run` prepares the call and converts its result; those steps
        (reading input files, saving images and audio) run in the shared worker pool, the HTTP
        call on the event loop. So does what ``AsyncInferenceClient`` would otherwise do on the
        loop (see :func:`_prepare_client`). Raises what :meth:`run` raises.
        """
        from hgpt_langchain.workers import run_blocking

        adapter = self._adapter(task)
        client, per_call_model = self.aclient(model)
        call = _Call(self, task, model, per_call_model, args, workspace, in_memory=True)
        async with client:
            with _classified(task, model):
                await _prepare_client(client, per_call_model, task)
                steps = adapter(call)
                done, value = await run_blocking(_step, steps, None)
                while not done:
                    result = await value.asend(client)
                    done, value = await run_blocking(_step, steps, result)
        value.executor = self.name
        return value  # type: ignore[no-any-return]


@contextmanager
def _classified(task: TaskSpec, model: str) -> Iterator[None]:
    """Turn what a remote call raises into our errors (see :func:`classify_error`)."""
    try:
        yield
    except (ExecutionError, WorkspaceError, ConfigurationError):
        raise
    except KeyError as exc:
        raise ExecutionError(
            f"Task {task.name!r} is missing the argument {exc}; give it in the plan."
        ) from exc
    except Exception as exc:  # noqa: BLE001 - classified below
        raise classify_error(exc, model, task.name) from exc


async def _prepare_client(client: Any, per_call_model: str | None, task: TaskSpec) -> None:
    """Do off the event loop what ``AsyncInferenceClient`` would do on it at its first call.

    Its HTTP session: an ``httpx`` client whose SSL context takes tens of milliseconds of CPU to
    build; instead, every call on this loop shares one, built in the worker pool and closed when
    the loop shuts down (:func:`~hgpt_langchain.workers.loop_session`). With an inference
    provider, the model's provider mapping: a synchronous Hub request (cached per process; not
    for chat, which the client routes without it). These use private ``huggingface_hub`` names:
    when they are missing, the client does it itself.
    """
    from hgpt_langchain.workers import loop_session, run_blocking

    if per_call_model and task.remote != "chat_completion":
        await run_blocking(_provider_mapping, per_call_model)
    if getattr(client, "_async_client", True) is not None or not hasattr(client, "exit_stack"):
        return  # another huggingface_hub version: it opens its session itself
    from huggingface_hub.utils import get_async_session

    client._async_client = await loop_session("huggingface_hub", get_async_session)


def _provider_mapping(model: str) -> None:
    try:
        from huggingface_hub.inference._providers._common import (
            _fetch_inference_provider_mapping,
        )

        _fetch_inference_provider_mapping(model)
    except Exception:  # noqa: BLE001 - the call itself reports any real problem
        logger.debug("Provider mapping of %s left to the client", model, exc_info=True)


def _step(steps: Adapter, value: Any) -> tuple[bool, Any]:
    """Advance an adapter: ``(False, next request)`` or ``(True, its ExecutionOutput)``.

    (A ``StopIteration`` cannot cross a thread pool future, hence the flag.)
    """
    try:
        return False, steps.send(value)
    except StopIteration as stop:
        return True, stop.value


def classify_error(exc: Exception, model: str, task: str) -> ExecutionError:
    """Turn an ``InferenceClient`` exception into an :class:`ExecutionError`."""
    from huggingface_hub.errors import HfHubHTTPError, InferenceTimeoutError, OfflineModeIsEnabled

    where = f"Remote model {model!r} ({task})"
    if isinstance(exc, OfflineModeIsEnabled):
        return ExecutionError(
            f"{where} cannot be called: HF_HUB_OFFLINE is set, which blocks every Hugging Face "
            "HTTP call. Unset it for remote execution, or run the model locally."
        )
    if isinstance(exc, InferenceTimeoutError | TimeoutError):
        return ExecutionError(f"{where} timed out; try again later.", transient=True)
    if isinstance(exc, HfHubHTTPError) and getattr(exc, "response", None) is not None:
        status = exc.response.status_code
        detail = _server_message(exc)
        if status == 503 and "loading" in detail.lower():
            return ExecutionError(f"{where} is loading (HTTP 503): {detail}", transient=True)
        if status in (401, 403):
            return ExecutionError(
                f"{where} refused the request (HTTP {status}): check HF_TOKEN and its "
                f"permissions. {detail}"
            )
        if status == 404:
            return ExecutionError(f"{where} was not found on the endpoint (HTTP 404). {detail}")
        return ExecutionError(
            f"{where} failed with HTTP {status}: {detail}", transient=status in TRANSIENT_STATUS
        )
    name = type(exc).__name__
    if any(key in name for key in ("Connect", "Network", "RemoteProtocol", "ReadError")):
        return ExecutionError(
            f"{where}: cannot reach the endpoint ({name}: {redact(str(exc))}).", transient=True
        )
    if isinstance(exc, ValueError):
        return ExecutionError(f"{where}: {redact(str(exc))}")
    return ExecutionError(f"{where} failed: {name}: {redact(str(exc))}")


def _server_message(exc: Any) -> str:
    return redact(_server_text(exc)) or ""


def _server_text(exc: Any) -> str:
    try:
        body = exc.response.json()
        if isinstance(body, dict):
            return str(body.get("error") or body.get("message") or body)[:500]
    except Exception:  # noqa: BLE001 - not JSON
        pass
    try:
        return exc.response.text[:500]
    except Exception:  # noqa: BLE001 - streamed body
        return str(exc)[:500]


@dataclass
class _Request:
    """One client call an adapter asks for: ``client.<method>(*args, **kwargs)``."""

    method: str
    args: tuple[Any, ...]
    kwargs: dict[str, Any] = field(default_factory=dict)

    def send(self, client: Any) -> Any:
        return getattr(client, self.method)(*self.args, **self.kwargs)

    async def asend(self, client: Any) -> Any:
        return await getattr(client, self.method)(*self.args, **self.kwargs)


class _Call:
    """Everything an adapter needs for one remote call.

    ``in_memory``: :meth:`file` reads the file (in the adapter's worker thread) so that the async
    client does not read from disk on the event loop.
    """

    def __init__(
        self,
        ex: RemoteExecutor,
        task: TaskSpec,
        model: str,
        per_call_model: str | None,
        args: dict[str, str],
        ws: Workspace,
        *,
        in_memory: bool = False,
    ):
        self.ex, self.task, self.model = ex, task, model
        self.args, self.ws, self.in_memory = args, ws, in_memory
        self.kw: dict[str, Any] = {"model": per_call_model} if per_call_model else {}

    def call(self, method: str, *args: Any, **kwargs: Any) -> _Request:
        """The request for ``client.<method>(*args, **kwargs)`` (plus the per-call model)."""
        return _Request(method, args, {**kwargs, **self.kw})

    def file(self, name: str) -> Path | bytes:
        path = self.ws.resolve(self.args[name], must_exist=True)
        return _file_bytes(path) if self.in_memory else path

    def stem(self, suffix: str = "") -> str:
        return output_stem(self.task.name, suffix)


def _file_bytes(path: Path) -> bytes:
    """A file's content, typed as the client types a path (content type from the name)."""
    data = path.read_bytes()
    try:
        from huggingface_hub.inference._common import MimeBytes
    except ImportError:  # pragma: no cover - older huggingface_hub: sent untyped
        return data
    return MimeBytes(data, mime_type=mimetypes.guess_type(path)[0])


def _labels(items: Any) -> ExecutionOutput:
    data = jsonable([_as_dict(i) for i in (items or [])])
    return ExecutionOutput(text=render_labels(data), data=data)


def _as_dict(item: Any) -> dict[str, Any]:
    if isinstance(item, dict):
        return item
    if hasattr(item, "items"):
        return dict(item.items())
    return {k: v for k, v in vars(item).items() if not k.startswith("_")}


def _split(value: str) -> list[str]:
    return [x.strip() for x in value.replace(";", ",").split(",") if x.strip()]


def _text_classification(c: _Call) -> Adapter:
    return _labels((yield c.call("text_classification", c.args["text"])))


def _token_classification(c: _Call) -> Adapter:
    ents = jsonable([_as_dict(e) for e in (yield c.call("token_classification", c.args["text"]))])
    text = ", ".join(f"{e.get('word')} ({e.get('entity_group') or e.get('entity')})" for e in ents)
    return ExecutionOutput(text=text or "(no entities found)", data=ents)


def _question_answering(c: _Call) -> Adapter:
    out = yield c.call("question_answering", question=c.args["question"], context=c.args["context"])
    best = out[0] if isinstance(out, list) else out
    data = jsonable(_as_dict(best))
    return ExecutionOutput(text=str(data.get("answer", "")), data=data)


def _summarization(c: _Call) -> Adapter:
    out = yield c.call("summarization", c.args["text"])
    text = str(getattr(out, "summary_text", out))
    return ExecutionOutput(text=text, data={"summary_text": text})


def _translation(c: _Call) -> Adapter:
    from hgpt_langchain.languages import language as find_language

    kw: dict[str, str] = {}
    lang = find_language(c.args.get("target_language"))
    if lang is not None:
        lower = c.model.lower()
        if "nllb" in lower:
            kw.update(src_lang="eng_Latn", tgt_lang=lang.flores)
        elif "m2m" in lower or "mbart" in lower:
            kw.update(src_lang="en", tgt_lang=lang.iso)
    out = yield c.call("translation", c.args["text"], **kw)
    text = str(getattr(out, "translation_text", out))
    return ExecutionOutput(text=text, data={"translation_text": text})


def _text_generation(c: _Call) -> Adapter:
    out = yield c.call("text_generation", c.args["text"], max_new_tokens=c.ex.max_new_tokens)
    text = str(getattr(out, "generated_text", out))
    return ExecutionOutput(text=text, data={"generated_text": text})


def _chat_completion(c: _Call) -> Adapter:
    out = yield c.call(
        "chat_completion",
        [{"role": "user", "content": c.args["text"]}],
        max_tokens=c.ex.max_new_tokens,
    )
    reply = str(out.choices[0].message.content or "")
    return ExecutionOutput(text=reply, data={"reply": reply})


def _sentence_similarity(c: _Call) -> Adapter:
    scores = yield c.call("sentence_similarity", c.args["text"], [c.args["other_text"]])
    score = float(scores[0])
    return ExecutionOutput(text=f"similarity {score:.3f}", data={"score": round(score, 6)})


def _zero_shot_classification(c: _Call) -> Adapter:
    labels = _split(c.args["labels"])
    return _labels((yield c.call("zero_shot_classification", c.args["text"], labels)))


def _fill_mask(c: _Call) -> Adapter:
    out = jsonable([_as_dict(e) for e in (yield c.call("fill_mask", c.args["text"]))])
    return ExecutionOutput(text=str(out[0].get("sequence", "")) if out else "", data=out)


def _image_classification(c: _Call) -> Adapter:
    return _labels((yield c.call("image_classification", c.file("image"))))


def _zero_shot_image_classification(c: _Call) -> Adapter:
    labels = _split(c.args["labels"])
    return _labels(
        (yield c.call("zero_shot_image_classification", c.file("image"), candidate_labels=labels))
    )


def _object_detection(c: _Call) -> Adapter:
    image = load_image(c.ws, c.args["image"])
    dets = [_as_dict(d) for d in (yield c.call("object_detection", c.file("image")))]
    dets = jsonable([{**d, "box": _as_dict(d.get("box") or {})} for d in dets])
    png = save_image(annotate_boxes(image, dets), c.ws, c.stem())
    boxes = save_json(dets, c.ws, c.stem("boxes"))
    text = f"{len(dets)} object(s): {render_labels(dets, limit=20)}" if dets else "no objects found"
    return ExecutionOutput(text=text, files=[png, boxes], data=dets)


def _image_segmentation(c: _Call) -> Adapter:
    image = load_image(c.ws, c.args["image"])
    segments = [_as_dict(s) for s in (yield c.call("image_segmentation", c.file("image")))]
    overlay = save_image(overlay_masks(image, [s.get("mask") for s in segments]), c.ws, c.stem())
    files, data = [overlay], []
    for i, seg in enumerate(segments):
        item: dict[str, Any] = {"label": seg.get("label"), "score": seg.get("score")}
        if seg.get("mask") is not None:
            item["mask"] = save_image(seg["mask"], c.ws, c.stem(f"mask-{i}"))
            files.append(item["mask"])
        data.append(jsonable(item))
    text = f"{len(data)} segment(s): " + ", ".join(str(d["label"]) for d in data)
    return ExecutionOutput(text=text, files=files, data=data)


def _image_to_text(c: _Call) -> Adapter:
    out = yield c.call("image_to_text", c.file("image"))
    text = str(getattr(out, "generated_text", out))
    return ExecutionOutput(text=text, data={"generated_text": text})


def _text_to_image(c: _Call) -> Adapter:
    image = yield c.call("text_to_image", c.args["text"])
    path = save_image(image, c.ws, c.stem())
    return ExecutionOutput(text=f"image generated: {Path(path).name}", files=[path])


def _image_to_image(c: _Call) -> Adapter:
    image = yield c.call("image_to_image", c.file("image"), prompt=c.args.get("text") or None)
    path = save_image(image, c.ws, c.stem())
    return ExecutionOutput(text=f"edited image: {Path(path).name}", files=[path])


def _answers(out: Any) -> ExecutionOutput:
    items = jsonable([_as_dict(a) for a in (out if isinstance(out, list) else [out])])
    return ExecutionOutput(text=str(items[0].get("answer", "")) if items else "", data=items)


def _visual_question_answering(c: _Call) -> Adapter:
    return _answers(
        (yield c.call("visual_question_answering", c.file("image"), c.args["question"]))
    )


def _document_question_answering(c: _Call) -> Adapter:
    return _answers(
        (yield c.call("document_question_answering", c.file("image"), c.args["question"]))
    )


def _tabular_classification(c: _Call) -> Adapter:
    raw = c.args["table"]
    if "\n" not in raw and raw.strip().lower().endswith(".csv"):
        raw = c.ws.resolve(raw, must_exist=True).read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(raw.strip())))
    if not rows:
        raise ExecutionError("The table is empty: give CSV text with a header row.")
    table = {col: [row.get(col, "") for row in rows] for col in rows[0]}
    labels = yield c.call("tabular_classification", table)
    return ExecutionOutput(text=", ".join(str(x) for x in labels), data=jsonable(list(labels)))


def _audio_bytes(c: _Call, blob: bytes, suffix: str = "") -> str:
    """Save audio bytes; WAV is kept, other formats are converted to WAV when possible."""
    if blob[:4] == b"RIFF":
        path = c.ws.output_path(c.stem(suffix), "wav")
        path.write_bytes(blob)
        return str(path)
    try:
        import soundfile

        from hgpt_langchain.execution.convert import save_wav

        data, rate = soundfile.read(io.BytesIO(blob), dtype="float32", always_2d=True)
        return save_wav(data.mean(axis=1), rate, c.ws, c.stem(suffix))
    except Exception:  # noqa: BLE001 - keep the original encoding
        ext = "flac" if blob[:4] == b"fLaC" else "ogg" if blob[:4] == b"OggS" else "mp3"
        path = c.ws.output_path(c.stem(suffix), ext)
        path.write_bytes(blob)
        return str(path)


def _text_to_speech(c: _Call) -> Adapter:
    path = _audio_bytes(c, (yield c.call("text_to_speech", c.args["text"])))
    return ExecutionOutput(text=f"speech saved to {Path(path).name}", files=[path])


def _automatic_speech_recognition(c: _Call) -> Adapter:
    out = yield c.call("automatic_speech_recognition", c.file("audio"))
    text = str(getattr(out, "text", out)).strip()
    return ExecutionOutput(text=text, data={"text": text})


def _audio_classification(c: _Call) -> Adapter:
    return _labels((yield c.call("audio_classification", c.file("audio"))))


def _audio_to_audio(c: _Call) -> Adapter:
    items = yield c.call("audio_to_audio", c.file("audio"))
    files, data = [], []
    for i, item in enumerate(items):
        path = _audio_bytes(c, item.blob, suffix="" if i == 0 else f"part-{i}")
        files.append(path)
        data.append({"label": getattr(item, "label", None), "file": path})
    labels = ", ".join(str(d["label"]) for d in data)
    return ExecutionOutput(text=f"{len(files)} audio output(s): {labels}", files=files, data=data)


def _text_to_video(c: _Call) -> Adapter:
    blob = yield c.call("text_to_video", c.args["text"])
    path = c.ws.output_path(c.stem(), "mp4")
    path.write_bytes(blob)
    return ExecutionOutput(text=f"video generated: {path.name}", files=[str(path)])


REMOTE_CALLS: dict[str, RemoteCall] = {
    "text_classification": _text_classification,
    "token_classification": _token_classification,
    "question_answering": _question_answering,
    "summarization": _summarization,
    "translation": _translation,
    "text_generation": _text_generation,
    "chat_completion": _chat_completion,
    "sentence_similarity": _sentence_similarity,
    "zero_shot_classification": _zero_shot_classification,
    "fill_mask": _fill_mask,
    "image_classification": _image_classification,
    "object_detection": _object_detection,
    "image_segmentation": _image_segmentation,
    "image_to_text": _image_to_text,
    "text_to_image": _text_to_image,
    "image_to_image": _image_to_image,
    "visual_question_answering": _visual_question_answering,
    "document_question_answering": _document_question_answering,
    "zero_shot_image_classification": _zero_shot_image_classification,
    "tabular_classification": _tabular_classification,
    "text_to_speech": _text_to_speech,
    "automatic_speech_recognition": _automatic_speech_recognition,
    "audio_classification": _audio_classification,
    "audio_to_audio": _audio_to_audio,
    "text_to_video": _text_to_video,
}
"""``InferenceClient`` method name (``TaskSpec.remote`` in the registry) -> adapter."""
