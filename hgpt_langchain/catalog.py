"""The model catalog: which Hugging Face models exist for each task type, and what they do.

A :class:`CatalogEntry` holds a model id, its task type (a registry name from
:mod:`hgpt_langchain.tasks`), popularity, tags, license, library and a short description cleaned
from its model card (:func:`clean_card`). A :class:`Catalog` is a list of entries with lookups by
task and id and a content :meth:`~Catalog.fingerprint` that keys the on-disk vector index.

Sources, all producing the same entries:

* the catalog shipped with the package (``hgpt_langchain/data/catalog.jsonl.gz``, built from the
  original HuggingGPT model list), :func:`load_catalog` with no path;
* a JSONL file (``{"id", "task", "description", ...}`` per line, raw hub records accepted too),
  :func:`load_catalog` / :func:`build_catalog`;
* models in a local Hugging Face cache or a folder of model directories, :func:`build_catalog`;
* the Hugging Face Hub, :func:`sync_catalog` (``huggingface_hub`` ``list_models`` + ``ModelCard``).
"""

from __future__ import annotations

import gzip
import hashlib
import html
import json
import logging
import os
import re
import zlib
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, overload

from pydantic import BaseModel, Field

from hgpt_langchain.errors import ConfigurationError
from hgpt_langchain.tasks import TASKS, resolve_task

logger = logging.getLogger(__name__)

DESCRIPTION_MAX_CHARS = 600
"""Upper bound on a cleaned description."""

LOCAL_LIBRARIES = frozenset(
    {
        "transformers",
        "diffusers",
        "sentence-transformers",
        "ctranslate2",  # Whisper via faster-whisper
        "faster-whisper",
        "piper",  # Piper ONNX voices via piper-tts
        "sklearn",  # tabular models saved with skops
    }
)
"""Libraries the local routes load (``local_runnable``; the task must have a local route too).

The one list: the local executor's ``can_run`` and selection read it.
"""

SHIPPED_CATALOG = Path(__file__).parent / "data" / "catalog.jsonl.gz"
"""The catalog shipped with the package."""

KNOWN_LIBRARIES = (
    "diffusers",
    "sentence-transformers",
    "speechbrain",
    "espnet",
    "fairseq",
    "tensorflowtts",
    "asteroid",
    "nemo",
    "pyannote-audio",
    "timm",
    "keras",
    "ultralytics",
    "yolov5",
    "paddlenlp",
    "sklearn",
    "open_clip",
    "transformers",
)
"""Library names recognised in tags and card text, most specific first."""

_LIBRARY_TEXT_CUES: tuple[tuple[str, str], ...] = (
    ("diffusers", r"from diffusers import|diffusionpipeline|stablediffusion\w*pipeline"),
    ("sentence-transformers", r"from sentence_transformers import|sentence-transformers"),
    ("speechbrain", r"from speechbrain|speechbrain\."),
    ("espnet", r"\bespnet"),
    ("fairseq", r"\bfairseq\b"),
    ("tensorflowtts", r"\btensorflow_tts\b|\btensorflowtts\b"),
    ("asteroid", r"\basteroid\b"),
    ("nemo", r"\bnemo_toolkit\b|import nemo"),
    ("transformers", r"from transformers import|\bautomodel\w*\.from_pretrained|\bpipeline\("),
    ("timm", r"\btimm\.create_model"),
    ("keras", r"from_pretrained_keras|\bkeras\b"),
    ("ultralytics", r"\bultralytics\b"),
    ("yolov5", r"\byolov5\b"),
    ("sklearn", r"\bjoblib\.load|skops|sklearn"),
    ("transformers", r"\btransformers\b"),
)


class CatalogEntry(BaseModel):
    """One model of the catalog."""

    id: str = Field(description="Hub model id ('owner/name') or a local model folder.")
    task: str = Field(description="Task type: a name from the task registry.")
    likes: int = 0
    downloads: int = 0
    tags: list[str] = Field(default_factory=list)
    license: str | None = None
    library: str | None = Field(
        default=None, description="Library the model runs with ('transformers', 'diffusers', ...)."
    )
    description: str = Field(default="", description="What the model does, cleaned from its card.")
    # Facts that decide fit (all optional: older catalogs without them still load).
    languages: list[str] | None = Field(
        default=None, description="ISO codes of the text/spoken languages, or ['multilingual']."
    )
    source_languages: list[str] | None = Field(default=None, description="Translation: from.")
    target_languages: list[str] | None = Field(default=None, description="Translation: into.")
    domains: list[str] | None = None
    architecture: str | None = Field(default=None, description="config model_type, e.g. 'marian'.")
    local_runnable: bool | None = Field(
        default=None, description="Whether the local route can run it (library + task route)."
    )
    weight_mb: float | None = Field(default=None, description="Size of the weight files (MiB).")
    gated: bool | None = None
    providers: list[str] | None = Field(
        default=None,
        description="Inference Providers serving it (Hub inferenceProviderMapping); None: unknown.",
    )
    evidence: dict[str, str] = Field(
        default_factory=dict, description="Fact name -> where it was read ('id opus-mt-en-fr')."
    )

    def text(self, recipe: str = "desc+tags") -> str:
        """The text embedded for this entry by an index ``recipe``.

        Args:
            recipe: ``"desc"`` (description only) or ``"desc+tags"`` (task title, model name,
                tags and description).

        Returns:
            The text to embed.
        """
        if recipe == "desc":
            return self.description or self.id
        spec = TASKS.get(self.task)
        title = spec.title if spec else self.task
        name = self.id.rsplit("/", 1)[-1].replace("-", " ").replace("_", " ")
        tags = [t for t in self.tags if ":" not in t and t != self.task][:12]
        head = f"{title} model {name}."
        if tags:
            head += f" Tags: {', '.join(tags)}."
        return f"{head} {self.description}".strip()


class Catalog(Sequence[CatalogEntry]):
    """An ordered, immutable list of :class:`CatalogEntry` with lookups by task and id.

    Args:
        entries: The entries. Later duplicates of an id replace earlier ones.
        source: Where the entries came from (shown by ``hgpt catalog info``).
    """

    def __init__(self, entries: Iterable[CatalogEntry] = (), *, source: str | None = None):
        by_id: dict[str, CatalogEntry] = {}
        for entry in entries:
            by_id[entry.id] = entry
        self._entries: list[CatalogEntry] = list(by_id.values())
        self._by_id = by_id
        self._by_task: dict[str, list[CatalogEntry]] = {}
        for entry in self._entries:
            self._by_task.setdefault(entry.task, []).append(entry)
        self.source = source
        self._fingerprint: str | None = None

    @overload
    def __getitem__(self, i: int) -> CatalogEntry: ...

    @overload
    def __getitem__(self, i: slice) -> list[CatalogEntry]: ...

    def __getitem__(self, i: int | slice) -> CatalogEntry | list[CatalogEntry]:
        return self._entries[i]

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[CatalogEntry]:
        return iter(self._entries)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return item in self._by_id
        return item in self._entries

    def __repr__(self) -> str:
        return f"Catalog({len(self)} entries, {len(self._by_task)} tasks, source={self.source!r})"

    def by_task(self, task: str) -> list[CatalogEntry]:
        """Entries of ``task`` (a registry name or alias), in catalog order; ``[]`` if none."""
        name = resolve_task(task) or task
        return list(self._by_task.get(name, []))

    def get(self, model_id: str) -> CatalogEntry | None:
        """The entry with id ``model_id``, or ``None``."""
        return self._by_id.get(model_id)

    def tasks(self) -> dict[str, int]:
        """Number of entries per task, in registry order."""
        return {t: len(self._by_task[t]) for t in TASKS if t in self._by_task}

    def fingerprint(self) -> str:
        """A short hash of what the index embeds and scores.

        Id, task, tags, description, popularity, library, license: fit facts (languages,
        providers, ...) are left out, so refreshing them does not force re-embedding the catalog.
        """
        if self._fingerprint is None:
            digest = hashlib.sha256()
            for entry in self._entries:
                digest.update(entry.model_dump_json(include=set(_BASE_FIELDS)).encode())
                digest.update(b"\n")
            self._fingerprint = digest.hexdigest()[:16]
        return self._fingerprint

    def to_jsonl(self, path: str | Path) -> Path:
        """Write the catalog as JSONL (gzip-compressed when the name ends in ``.gz``)."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        lines = "".join(e.model_dump_json() + "\n" for e in self._entries).encode()
        if path.suffix == ".gz":
            # mtime=0 keeps the file byte-identical across rebuilds of the same catalog.
            with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
                gz.write(lines)
        else:
            path.write_bytes(lines)
        return path


# ---- card cleaning -----------------------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A\s*---\s*\n.*?\n---\s*(\n|\Z)", re.S)
_FENCE_OPEN = re.compile(r"^\s*(```|~~~)")
_HTML_BLOCK_OPEN = re.compile(r"<(details|script|style|table|pre|code)\b", re.I)
# Bounded repeats keep every pattern linear on hostile cards (e.g. 600 kB of "[" or "<a").
_HTML_TAG = re.compile(r"</?[a-zA-Z][^>]{0,2000}>")
_IMAGE = re.compile(r"!\[[^\]]{0,500}\](?:\([^)]{0,2000}\)|\[[^\]]{0,500}\])")
_LINKED_IMAGE = re.compile(
    r"\[\s{0,100}!\[[^\]]{0,500}\]\([^)]{0,2000}\)\s{0,100}\]\([^)]{0,2000}\)"
)
_LINK = re.compile(r"\[([^\]]{0,500})\]\(([^)]{0,2000})\)")
_REF_LINK_DEF = re.compile(r"^[ \t]{0,100}\[[^\]\n]{1,2000}\]:[ \t]*\S+.*$", re.M)
_URL = re.compile(r"https?://\S+|www\.\S+")
_EMPHASIS = re.compile(r"(\*\*|__|\*|`)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^\s*(=+|-+)\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_SKIP_SECTIONS = re.compile(
    r"citation|bibtex|reference|table of contents|contents|license|licen[cs]e|training (procedure|"
    r"hyperparameters|results|details|data)|framework versions|hyperparameters|evaluation|results|"
    r"benchmark|usage|how to use|how to get started|installation|install|example|code|limitations|"
    r"bias|risks|environmental impact|carbon|acknowledg|contact|authors|model card authors|"
    r"disclaimer|changelog|updates?|news|inference|quick ?start|getting started|requirements|"
    r"downloads?|demo|preprocessing|config|faq",
    re.I,
)
_BOILERPLATE = re.compile(
    r"more information needed|this model card (has been|was) (automatically )?generated|"
    r"automatically generated|please like|star us|model card for model id|\bTODO\b|"
    r"you can use this model|provide a quick summary|^entry not found$|^disclaimer\b",
    re.I,
)


def clean_card(text: str, max_chars: int = DESCRIPTION_MAX_CHARS) -> str:
    """Turn model-card markdown into a short plain-text description.

    Keeps the first meaningful paragraphs: drops YAML front matter, badges and images, HTML,
    code blocks, tables, headings, link lists, boilerplate and sections such as usage, citation,
    training details or evaluation. Links keep their text; bare URLs are removed.

    Args:
        text: The model card (markdown, optionally with YAML front matter).
        max_chars: Upper bound on the result's length; cut at a sentence or word boundary.

    Returns:
        The description, possibly empty when the card has no prose.
    """
    if not text:
        return ""
    text = text[:MAX_CARD_CHARS].replace("\r\n", "\n").replace("\r", "\n")
    text = _FRONT_MATTER.sub("", text, count=1)
    text = _drop_fences(text)
    text = _drop_comments(text)
    text = _drop_html_blocks(text)
    text = _LINKED_IMAGE.sub(" ", text)
    text = _IMAGE.sub(" ", text)
    text = _REF_LINK_DEF.sub("", text)
    text = re.sub(r"<br\s*/?>|</p>|</div>", "\n", text, flags=re.I)
    text = html.unescape(_HTML_TAG.sub(" ", text))

    paragraphs: list[str] = []
    current: list[str] = []
    skipping = False

    def flush() -> None:
        if current:
            paragraphs.append(" ".join(current))
            current.clear()

    for line in text.split("\n"):
        line = line[:MAX_LINE_CHARS]
        heading = _HEADING.match(line)
        if heading:
            flush()
            skipping = bool(_SKIP_SECTIONS.search(heading.group(1)))
            continue
        if _SETEXT.match(line):
            # Setext heading underline: the previous line was a heading.
            if current:
                title = current.pop()
                skipping = bool(_SKIP_SECTIONS.search(title))
            flush()
            continue
        if skipping:
            continue
        stripped = line.strip()
        if not stripped:
            flush()
            continue
        if stripped.startswith("|") or stripped.count("|") >= 3:
            flush()  # table row
            continue
        if stripped.startswith(">"):
            stripped = stripped.lstrip("> ").strip()
            if not stripped:
                continue
        is_item = bool(_LIST_ITEM.match(stripped))
        plain = _plain(_LIST_ITEM.sub("", stripped))
        if is_item:
            # Link lists and tables of contents leave (almost) nothing once links are removed.
            without_links = _plain(_LINK.sub("", _LIST_ITEM.sub("", stripped)))
            if len(without_links.split()) < 2 or len(plain.split()) < 3:
                continue
            flush()
            current.append(plain if plain.endswith((".", ":", "!", "?")) else plain + ".")
            flush()
            continue
        if plain:
            current.append(plain)
    flush()

    kept: list[str] = []
    for para in paragraphs:
        para = re.sub(r"\s+", " ", para).strip()
        if len(para.split()) < 3 or _BOILERPLATE.search(para):
            continue
        if not re.search(r"[A-Za-z\u00c0-\u024f\u4e00-\u9fff]", para):
            continue
        kept.append(para)
        if sum(len(p) + 1 for p in kept) >= max_chars:
            break
    return _bound(" ".join(kept), max_chars)


MAX_CARD_CHARS = 200_000
"""Longest part of a model card that :func:`clean_card` reads (the description is at the top)."""

MAX_LINE_CHARS = 5_000
"""Longest line :func:`clean_card` reads; the rest of a longer line is dropped."""


def _drop_fences(text: str) -> str:
    """Remove fenced code blocks (an unclosed fence runs to the end), in one pass over lines."""
    out: list[str] = []
    fence: str | None = None
    for line in text.split("\n"):
        opener = _FENCE_OPEN.match(line)
        if fence is None:
            if opener:
                fence = opener.group(1)
                out.append("")
            else:
                out.append(line)
        elif opener and opener.group(1) == fence:
            fence = None
    return "\n".join(out)


def _drop_comments(text: str) -> str:
    """Remove ``<!-- ... -->`` comments (an unclosed one is left as it is), in linear time."""
    parts: list[str] = []
    pos = 0
    while True:
        start = text.find("<!--", pos)
        end = text.find("-->", start + 4) if start >= 0 else -1
        if start < 0 or end < 0:
            parts.append(text[pos:])
            return " ".join(parts)
        parts.append(text[pos:start])
        pos = end + 3


def _drop_html_blocks(text: str) -> str:
    """Remove ``<details>``, ``<script>``, ``<table>``... blocks up to their closing tag.

    Each closing tag is searched for once per tag name and position, so a card with thousands
    of unclosed ``<details>`` stays linear (a backtracking regex took minutes on 600 kB).
    """
    parts: list[str] = []
    pos = 0
    unclosed: set[str] = set()
    for m in _HTML_BLOCK_OPEN.finditer(text):
        name = m.group(1).lower()
        if m.start() < pos or name in unclosed:
            continue
        close = re.compile(rf"</{name}\s*>", re.I).search(text, m.end())
        if close is None:
            unclosed.add(name)  # no later block of this name can close either
            continue
        parts.append(text[pos : m.start()])
        pos = close.end()
    parts.append(text[pos:])
    return "\n".join(parts)


def _plain(text: str) -> str:
    text = _LINK.sub(lambda m: m.group(1), text)
    text = _URL.sub("", text)
    text = _EMPHASIS.sub("", text)
    text = text.replace("\\", "")
    return re.sub(r"\s+", " ", text).strip()


def _bound(text: str, max_chars: int) -> str:
    text = text.strip()
    if len(text) <= max_chars:
        return text
    cut = text[:max_chars]
    end = max(cut.rfind(". "), cut.rfind("! "), cut.rfind("? "))
    if end >= max_chars // 2:
        return cut[: end + 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > 0 else cut).rstrip(",;:-") + "…"


# ---- entries from raw records ------------------------------------------------------------------


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value if isinstance(v, (str, int, float))]
    return []


def infer_library(tags: Sequence[str], card: str = "", declared: str | None = None) -> str | None:
    """Guess which library a model runs with from its declared library, tags or card text."""
    if declared:
        return str(declared).lower()
    lowered = {t.lower() for t in tags}
    for lib in KNOWN_LIBRARIES:
        if lib in lowered or lib.replace("-", "_") in lowered:
            return lib
    sample = card[:20000].lower()
    for lib, pattern in _LIBRARY_TEXT_CUES:
        if re.search(pattern, sample):
            return lib
    return None


def entry_from_record(
    record: dict[str, Any], *, max_chars: int = DESCRIPTION_MAX_CHARS
) -> CatalogEntry | None:
    """Build a :class:`CatalogEntry` from a raw record, or ``None`` if its task is unknown.

    Accepts cleaned entries (``{"id", "task", "description", ...}``), the original HuggingGPT
    records (``pipeline_tag``, ``meta`` card YAML, raw card text in ``description``) and hub
    records (``modelId``/``pipeline_tag``/``cardData``/``library_name``, card text in ``card``).

    Hub tags the registry lacks are mapped with :func:`~hgpt_langchain.tasks.resolve_task`
    (``text2text-generation`` becomes ``summarization``, or ``translation`` for models whose id,
    tags or card say they translate; ``image-text-to-text`` becomes ``image-to-text``); records of
    other tasks are dropped.

    Args:
        record: The raw record.
        max_chars: Bound on the cleaned description.

    Returns:
        The entry, or ``None`` when the record has no id or no task of the registry.
    """
    model_id = str(record.get("id") or record.get("modelId") or "").strip()
    raw_task = str(record.get("task") or record.get("pipeline_tag") or "").strip()
    if not model_id or not raw_task:
        return None
    meta = record.get("meta") or record.get("cardData") or record.get("card_data") or {}
    if not isinstance(meta, dict):
        meta = {}
    tags = _as_list(record.get("tags")) or _as_list(meta.get("tags"))
    card = str(record.get("card") or "")
    description = str(record.get("description") or "")
    raw_text = card or description
    task = resolve_task(raw_task)
    if task is None:
        return None
    if raw_task.lower() == "text2text-generation":
        probe = f"{model_id} {' '.join(tags)} {raw_text[:3000]}".lower()
        if re.search(r"translat|\bm2m|\bnllb|\bopus-mt|\bmbart", probe) and not re.search(
            r"summar", model_id.lower()
        ):
            task = "translation"
    if raw_task.lower() != task and raw_task.lower() not in [t.lower() for t in tags]:
        tags = [*tags, raw_task.lower()]
    is_raw = bool(card) or "meta" in record or "pipeline_tag" in record or "\n" in description
    if is_raw or len(description) > max_chars:
        description = clean_card(raw_text, max_chars=max_chars)
    else:
        description = description.strip()
    if not description:
        spec = TASKS[task]
        description = f"{model_id}: a {spec.title.lower()} model. {spec.description}"
    license_value = record.get("license") or meta.get("license")
    if isinstance(license_value, list):
        license_value = ", ".join(str(v) for v in license_value)
    library = infer_library(
        tags,
        raw_text,
        record.get("library") or record.get("library_name") or meta.get("library_name"),
    )
    from hgpt_langchain.fit import fact_fields

    clean_tags = list(dict.fromkeys(t for t in tags if t))
    return CatalogEntry(
        id=model_id,
        task=task,
        likes=int(record.get("likes") or 0),
        downloads=int(record.get("downloads") or 0),
        tags=clean_tags,
        license=str(license_value) if license_value else None,
        library=library,
        description=description,
        local_runnable=None if library is None else library in LOCAL_LIBRARIES,
        **fact_fields(model_id, task, clean_tags, description, record),
    )


# ---- loading -----------------------------------------------------------------------------------


MAX_LINE_BYTES = 4_000_000
"""Longest catalog line read; a longer one (no model card is that long) is skipped."""


def _read_jsonl(
    path: Path, bad: dict[str, Any] | None = None
) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield ``(line number, object)`` for each good line; count bad lines in ``bad``.

    A bad line (invalid UTF-8 or JSON, too long or deeply nested, not an object) is skipped and
    counted (``bad["count"]``, first reason in ``bad["first"]``). A truncated or corrupt ``.gz``
    file is a :class:`ConfigurationError`.
    """
    bad = {} if bad is None else bad

    def skip(lineno: int, reason: str) -> None:
        bad["count"] = bad.get("count", 0) + 1
        bad.setdefault("first", f"line {lineno}: {reason}")

    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rb") as handle:  # type: ignore[operator]
            lineno = 0
            while True:
                raw = handle.readline(MAX_LINE_BYTES + 1)
                if not raw:
                    return
                lineno += 1
                if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
                    while raw and not raw.endswith(b"\n"):  # drop the rest of the line
                        raw = handle.readline(MAX_LINE_BYTES)
                    skip(lineno, f"longer than {MAX_LINE_BYTES} bytes")
                    continue
                try:
                    line = raw.decode("utf-8").strip()
                except UnicodeDecodeError:
                    skip(lineno, "not valid UTF-8")
                    continue
                if not line:
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as err:
                    skip(lineno, f"not valid JSON ({err.msg})")
                    continue
                except RecursionError:
                    skip(lineno, "JSON nested too deeply")
                    continue
                if not isinstance(record, dict):
                    skip(lineno, "not a JSON object")
                    continue
                yield lineno, record
    except (EOFError, OSError, zlib.error) as err:
        raise ConfigurationError(
            f"Catalog file {str(path)!r} cannot be read to the end ({type(err).__name__}: {err}); "
            "it is truncated or corrupt. Download or build it again ('hgpt catalog build')."
        ) from err


_BASE_FIELDS = frozenset(
    {"id", "task", "likes", "downloads", "tags", "license", "library", "description"}
)
"""The fields of a cleaned entry before fit facts were added (older catalogs have only these)."""


def load_catalog(path: str | Path | None = None) -> Catalog:
    """Load a catalog from a JSONL file (``.jsonl`` or ``.jsonl.gz``); ``None`` = shipped catalog.

    Lines may be cleaned entries or raw hub / HuggingGPT records (see :func:`entry_from_record`);
    lines whose task is not in the registry are skipped with a warning.

    Args:
        path: The catalog file, or ``None`` for the catalog shipped with the package.

    Returns:
        The catalog.

    Raises:
        ConfigurationError: The file is missing, unreadable or has no usable entry.
    """
    file = SHIPPED_CATALOG if path is None else Path(path).expanduser()
    if file.exists() and not file.is_file():
        raise ConfigurationError(
            f"Catalog file {str(file)!r} is not a regular file (a folder, FIFO or device). Pass "
            "a JSONL file."
        )
    if not file.is_file():
        raise ConfigurationError(
            f"Catalog file {str(file)!r} does not exist. Pass a JSONL file of "
            '{"id", "task", "description"} objects, or build one with '
            "'hgpt catalog build --from FILE' or 'hgpt catalog sync --task T'."
        )
    entries: list[CatalogEntry] = []
    skipped: dict[str, int] = {}
    bad: dict[str, Any] = {}
    fields = set(CatalogEntry.model_fields)
    for lineno, record in _read_jsonl(file, bad):
        try:
            for key in ("id", "modelId", "task", "pipeline_tag"):
                if not isinstance(record.get(key) or "", str):
                    raise TypeError(f"{key!r} must be a string, not {type(record[key]).__name__}")
            if _BASE_FIELDS <= record.keys() <= fields and record.get("task") in TASKS:
                # Already a cleaned entry (what Catalog.to_jsonl writes): no re-cleaning.
                entries.append(CatalogEntry.model_validate(record))
                continue
            entry = entry_from_record(record)
        except (ValueError, TypeError, RecursionError) as err:  # wrong field types
            bad["count"] = bad.get("count", 0) + 1
            reason = str(err).splitlines()[0][:200]
            bad.setdefault("first", f"line {lineno}: {type(err).__name__}: {reason}")
            continue
        if entry is None:
            if not (record.get("id") or record.get("modelId")):
                bad["count"] = bad.get("count", 0) + 1
                bad.setdefault("first", f"line {lineno}: no 'id'")
            key = str(record.get("task") or record.get("pipeline_tag") or "<none>")
            skipped[key] = skipped.get(key, 0) + 1
            continue
        entries.append(entry)
    if skipped:
        logger.warning(
            "Skipped %d catalog entries of tasks outside the registry: %s",
            sum(skipped.values()),
            ", ".join(f"{k} ({v})" for k, v in sorted(skipped.items())),
        )
    if bad:
        logger.warning(
            "Skipped %d bad line(s) of catalog %s; the first: %s.", bad["count"], file, bad["first"]
        )
    if not entries:
        if bad:
            raise ConfigurationError(
                f"Catalog file {str(file)!r} has no usable entry: {bad['count']} bad line(s), the "
                f"first {bad['first']}. Each line is a JSON object with at least 'id' and 'task'."
            )
        raise ConfigurationError(
            f"Catalog file {str(file)!r} has no entry of a known task type. Task types: "
            f"{', '.join(TASKS)}."
        )
    return Catalog(entries, source=str(file))


def build_catalog(source: str | Path) -> Catalog:
    """Build a catalog from a JSONL file, a local Hugging Face cache or a folder of models.

    Args:
        source: A JSONL file (cleaned or raw records); a Hugging Face hub cache folder (with
            ``models--owner--name`` folders); or a folder holding model folders (each with a
            ``README.md`` whose YAML declares ``pipeline_tag``, or a ``config.json`` /
            ``model_index.json`` from which the task can be guessed).

    Returns:
        The catalog (entries sorted by task, then by downloads).

    Raises:
        ConfigurationError: ``source`` does not exist or yields no entry.
    """
    path = Path(source).expanduser()
    if path.is_file():
        catalog = load_catalog(path)
        return Catalog(_sorted(catalog), source=str(path))
    if not path.is_dir():
        raise ConfigurationError(
            f"{str(path)!r} is neither a JSONL file nor a folder. Pass a catalog JSONL file, a "
            "Hugging Face cache folder (e.g. ~/.cache/huggingface/hub) or a folder of models."
        )
    entries = [
        e for e in (_entry_from_folder(d, model_id) for d, model_id in _model_dirs(path)) if e
    ]
    if not entries:
        raise ConfigurationError(
            f"No model of a known task type found under {str(path)!r}. Each model folder needs a "
            "README.md with 'pipeline_tag:' in its YAML header, or a config.json/model_index.json."
        )
    return Catalog(_sorted(entries), source=str(path))


def _sorted(entries: Iterable[CatalogEntry]) -> list[CatalogEntry]:
    order = {t: i for i, t in enumerate(TASKS)}
    return sorted(
        entries, key=lambda e: (order.get(e.task, len(order)), -e.downloads, -e.likes, e.id)
    )


def _model_dirs(root: Path) -> Iterator[tuple[Path, str]]:
    """Yield ``(folder, model id)`` for each model under ``root`` (hub cache or plain folders)."""
    hub_dirs = sorted(root.glob("models--*"))
    if not hub_dirs and (root / "hub").is_dir():
        hub_dirs = sorted((root / "hub").glob("models--*"))
    if hub_dirs:
        for repo in hub_dirs:
            model_id = repo.name[len("models--") :].replace("--", "/")
            snapshots = sorted((repo / "snapshots").glob("*"), key=lambda p: p.stat().st_mtime)
            if snapshots:
                yield snapshots[-1], model_id
        return
    candidates = [root] + sorted(p for p in root.iterdir() if p.is_dir())
    for folder in candidates:
        if any((folder / f).is_file() for f in ("README.md", "config.json", "model_index.json")):
            yield folder, str(folder.resolve()) if folder == root else str(folder.resolve())


_ARCH_TASKS: tuple[tuple[str, str], ...] = (
    ("ForConditionalGeneration", "summarization"),
    ("ForSeq2SeqLM", "summarization"),
    ("ForCausalLM", "text-generation"),
    ("ForSequenceClassification", "text-classification"),
    ("ForTokenClassification", "token-classification"),
    ("ForQuestionAnswering", "question-answering"),
    ("ForMaskedLM", "fill-mask"),
    ("ForImageClassification", "image-classification"),
    ("ForObjectDetection", "object-detection"),
    ("ForSemanticSegmentation", "image-segmentation"),
    ("ForUniversalSegmentation", "image-segmentation"),
    ("ForDepthEstimation", "depth-estimation"),
    ("ForCTC", "automatic-speech-recognition"),
    ("ForSpeechSeq2Seq", "automatic-speech-recognition"),
    ("ForAudioClassification", "audio-classification"),
    ("ForTextToSpeech", "text-to-speech"),
    ("ForTextToWaveform", "text-to-speech"),
    ("VisionEncoderDecoderModel", "image-to-text"),
)


def _entry_from_folder(folder: Path, model_id: str) -> CatalogEntry | None:
    card = ""
    meta: dict[str, Any] = {}
    readme = folder / "README.md"
    if readme.is_file():
        card = readme.read_text(encoding="utf-8", errors="replace")
        meta = _front_matter(card)
    task = meta.get("pipeline_tag")
    library = meta.get("library_name")
    if not task and (folder / "model_index.json").is_file():
        try:
            index = json.loads((folder / "model_index.json").read_text())
        except (OSError, json.JSONDecodeError):
            index = {}
        cls = str(index.get("_class_name", ""))
        task = (
            "image-to-image"
            if "Img2Img" in cls
            else "text-to-video"
            if "Video" in cls
            else "text-to-image"
        )
        library = library or "diffusers"
    if not task and (folder / "config.json").is_file():
        try:
            config = json.loads((folder / "config.json").read_text())
        except (OSError, json.JSONDecodeError):
            config = {}
        archs = " ".join(config.get("architectures") or [])
        task = next((t for suffix, t in _ARCH_TASKS if suffix in archs), None)
        library = library or "transformers"
    if not task:
        logger.info("Skipping %s: no pipeline_tag in its card and no recognisable config.", folder)
        return None
    return entry_from_record(
        {
            "id": model_id,
            "task": task,
            "tags": meta.get("tags"),
            "license": meta.get("license"),
            "library": library,
            "card": card or f"{model_id}",
        }
    )


def _front_matter(card: str) -> dict[str, Any]:
    match = _FRONT_MATTER.match(card)
    if not match:
        return {}
    try:
        import yaml

        data = yaml.safe_load(match.group(0).strip().strip("-"))
    except Exception:  # noqa: BLE001 - a broken YAML header only loses metadata
        return {}
    return data if isinstance(data, dict) else {}


# ---- hub sync ----------------------------------------------------------------------------------


SYNC_EXPAND = (
    "cardData",
    "downloads",
    "likes",
    "library_name",
    "tags",
    "pipeline_tag",
    "gated",
    "inferenceProviderMapping",
    "safetensors",
    "config",
)
"""What ``hgpt catalog sync`` asks the Hub for (``list_models(expand=...)``)."""


def sync_catalog(
    task: str,
    limit: int = 20,
    *,
    sort: str = "downloads",
    token: str | bool | None = None,
    cache_dir: str | Path | None = None,
    endpoint: str | None = None,
) -> Catalog:
    """Fetch the top models of ``task`` from the Hugging Face Hub with their cards.

    Uses ``HfApi.list_models(pipeline_tag=..., sort=..., limit=..., expand=SYNC_EXPAND)``
    (card YAML, gated, the Inference Providers serving it, safetensors sizes, config) and
    ``ModelCard.load`` on each model's ``README.md`` (downloaded into the Hugging Face cache).
    Models whose card cannot be fetched keep a description made from the task.

    Args:
        task: A registry task name (or alias); the hub's ``pipeline_tag`` filter.
        limit: How many models to fetch.
        sort: ``"downloads"`` or ``"likes"``.
        token: Hugging Face token (``None``: the usual environment / login).
        cache_dir: Hugging Face cache to download cards into (default: the usual cache).
        endpoint: Hub endpoint (default: ``huggingface.co`` or ``HF_ENDPOINT``).

    Returns:
        The catalog of fetched models, best first.

    Raises:
        ConfigurationError: Unknown task, bad arguments, offline mode, or the hub is unreachable.
    """
    name = resolve_task(task)
    if name is None:
        raise ConfigurationError(f"Unknown task type {task!r}. Task types: {', '.join(TASKS)}.")
    if sort not in ("downloads", "likes"):
        raise ConfigurationError(f"sort must be 'downloads' or 'likes', not {sort!r}.")
    if limit < 1:
        raise ConfigurationError(f"limit must be at least 1, not {limit}.")
    from huggingface_hub import HfApi, ModelCard, hf_hub_download
    from huggingface_hub.errors import HfHubHTTPError, OfflineModeIsEnabled

    api = HfApi(endpoint=endpoint, token=token)
    unreachable = (
        "Check the network connection (or HF_ENDPOINT) and try again; without network, use the "
        "shipped catalog or build one from a file: hgpt catalog build --from FILE."
    )
    _check_hub_reachable(endpoint, unreachable)
    try:
        infos = list(
            api.list_models(
                pipeline_tag=name,
                sort=sort,  # type: ignore[arg-type]
                limit=limit,
                expand=list(SYNC_EXPAND),  # type: ignore[arg-type]
            )
        )
    except OfflineModeIsEnabled as err:
        raise ConfigurationError(
            "Cannot sync the catalog: Hugging Face offline mode is on. Unset HF_HUB_OFFLINE."
        ) from err
    except Exception as err:
        network = any(
            w in c.__name__ for c in type(err).__mro__ for w in ("Connect", "Timeout", "Network")
        )
        if not (network or isinstance(err, HfHubHTTPError | OSError)):
            raise
        raise ConfigurationError(
            f"Cannot list {name} models on the Hugging Face Hub ({type(err).__name__}: {err}). "
            + unreachable
        ) from err
    entries: list[CatalogEntry] = []
    for info in infos:
        card_text = ""
        try:
            local = hf_hub_download(
                info.id, "README.md", cache_dir=cache_dir, token=token, endpoint=endpoint
            )
            card_text = ModelCard.load(local, ignore_metadata_errors=True).content
        except Exception as err:  # noqa: BLE001 - a missing card only costs the description
            logger.info("No model card for %s (%s); describing it by its task.", info.id, err)
        card_data = info.card_data.to_dict() if info.card_data is not None else {}
        mapping = getattr(info, "inference_provider_mapping", None)
        tensors = getattr(info, "safetensors", None)
        entry = entry_from_record(
            {
                "id": info.id,
                "task": name,
                "likes": info.likes or 0,
                "downloads": info.downloads or 0,
                "tags": info.tags or card_data.get("tags"),
                "license": card_data.get("license"),
                "library": info.library_name,
                "card": card_text or info.id,
                "cardData": card_data,
                "inferenceProviderMapping": None
                if mapping is None
                else [{"provider": m.provider, "status": m.status} for m in mapping],
                "gated": getattr(info, "gated", None),
                "safetensors": dict(tensors) if tensors else None,
                "config": getattr(info, "config", None),
            }
        )
        if entry is not None:
            entries.append(entry)
    return Catalog(entries, source=f"hub:{name}")


def _check_hub_reachable(endpoint: str | None, advice: str) -> None:
    """One quick request to the Hub without retries, so that no network is one clear error.

    ``huggingface_hub`` retries a refused connection five times with backoff (about 25 s of
    warnings) before raising; this fails at once instead. Any HTTP answer counts as reachable.
    """
    from huggingface_hub import constants
    from huggingface_hub.utils import get_session

    if constants.HF_HUB_OFFLINE:
        return  # list_models says so clearly
    root = (endpoint or constants.ENDPOINT).rstrip("/")
    try:
        get_session().head(root + "/", timeout=10)
    except Exception as err:  # noqa: BLE001 - any failure to get an answer
        raise ConfigurationError(
            f"Cannot reach the Hugging Face Hub at {root} ({type(err).__name__}: {err}). " + advice
        ) from err


def merge_catalogs(*catalogs: Iterable[CatalogEntry]) -> Catalog:
    """Merge catalogs; a later entry with the same id replaces an earlier one."""
    merged: dict[str, CatalogEntry] = {e.id: e for c in catalogs for e in c}
    return Catalog(_sorted(merged.values()))


_DEFAULT: Catalog | None = None


def default_catalog() -> Catalog:
    """The catalog used when none is given: ``$HGPT_CATALOG`` if set, else the shipped one.

    Loaded once per process (per ``HGPT_CATALOG`` value).
    """
    global _DEFAULT
    path = os.environ.get("HGPT_CATALOG") or None
    if _DEFAULT is None or _DEFAULT.source != str(
        Path(path).expanduser() if path else SHIPPED_CATALOG
    ):
        _DEFAULT = load_catalog(path)
    return _DEFAULT
