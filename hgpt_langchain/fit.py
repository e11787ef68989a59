"""Facts that decide whether a model fits a request: languages, direction, domain, runnability.

* :func:`model_facts`: a catalog entry's languages (source/target for translation, the spoken
  language for speech, the text language otherwise, or multilingual), domains and whether the
  local route can run it, each with its evidence ("id opus-mt-en-fr", "card language: de").
  Fields stored on the entry (:class:`~hgpt_langchain.catalog.CatalogEntry` ``languages``,
  ``source_languages``, ...) win; otherwise they are read from the id, tags and description.
* :func:`request_facts`: what a request asks for: the target language from its wording ("into
  French", "auf Deutsch"), the source language ("from German", or the given text's language by
  offline language identification with ``py3langid``), a spoken language, domain words.
* :func:`named_words`: the request's distinctive words that few of the task's models carry in
  their names (id parts, tags): "ghibli", "iris", "panoptic" (the specialisation the request
  names).
* :func:`fit`: compares the two: a hard mismatch (wrong language or direction), a domain fit or
  misfit, the named words the model carries, and the facts a choice's reason names.
"""

from __future__ import annotations

import math
import re
import threading
from dataclasses import dataclass, field
from typing import Any

from hgpt_langchain.languages import LANGUAGE_NAME_PATTERN, LANGUAGES, language

CatalogEntry = Any
"""A :class:`hgpt_langchain.catalog.CatalogEntry` (not imported: catalog imports this module)."""

MULTI = "multilingual"

TEXT_LANGUAGE_TASKS = frozenset(
    {
        "text-classification",
        "token-classification",
        "question-answering",
        "summarization",
        "text-generation",
        "conversational",
        "fill-mask",
        "zero-shot-classification",
        "sentence-similarity",
        "automatic-speech-recognition",
        "text-to-speech",
        "audio-classification",
        "visual-question-answering",
        "document-question-answering",
        "image-to-text",
    }
)
"""Task types whose models work in particular languages (translation has a direction)."""

SPEECH_TASKS = frozenset({"automatic-speech-recognition", "text-to-speech"})

DOMAINS: dict[str, str] = {
    "finance": r"financ|\bfin(?:bert|ance)|stock|earnings|\bbank|market news|investor",
    "tweets": r"tweet|twitter|\bx post",
    "medical": r"medic|clinic|biomed|pubmed|radiolog|patient|disease|health|x-ray|\bdrug",
    "receipts": r"receipt|invoice|\bcord\b|bill\b",
    "handwriting": r"handwrit|\biam\b|hand-writ",
    "road scenes": r"cityscapes|driving|\broad|street scene|traffic|\bkitti|dashcam",
    "meetings": r"meeting|\bami\b|diari[sz]|conference call",
    "emotion": r"emotion|\bmood|feelings?\b|happy or sad",
    "toxicity": r"toxic|hate speech|offensive|abusive|insult",
    "paraphrase or grammar": r"paraphras|grammar|question-generation|text-to-music",
    "AI-generated detection": r"ai-image-detector|ai-detect|openai-detector",
    "documents": r"rvlcdip|rvl-cdip|scanned document",
    "voice activity": r"voice-activity|voice activity",
    "test model": r"tiny-random|\btemp_|\bdummy\b",
    "anime": r"anime|manga|waifu",
    "faces": r"\bfaces\b|facial|celebrit",
    "role-play (adult)": r"not suitable for (?:use by )?minors|\bnsfw\b|role-?play",
    "clothing": r"\bcloth|fashion(?!\s+on)|apparel|garment",
    "inpainting": r"inpaint",
    "punctuation": r"punctuat",
    "source separation": r"source separation|\bseparat\w* (?:\w+ ){0,3}(?:speakers|sources|voices|"
    r"people|tracks)|sepclean|wsj0?-?2mix|libri2mix",
    "reverberation": r"reverb|\bwhamr|\becho\b",
    "voice conversion": r"voice[ -]conversion|conver\w* (?:the |my |this )?voice|"
    r"change (?:the |my )?voice|sovits",
}
"""Domain names and the words that reveal them, in requests and in model cards alike."""

_DOMAIN_RE = {name: re.compile(p, re.IGNORECASE) for name, p in DOMAINS.items()}

_CODE = "|".join(sorted({lang.iso for lang in LANGUAGES.values()}, key=len, reverse=True))
_MULTI_CODES = r"mul|roa|romance|gem|sla|zle|zlw|ine|cel|itc|sem|bnt|afa|urj|art|cpp"
_PAIR_RE = re.compile(
    rf"(?:^|[-_/])(?P<src>{_CODE}|{_MULTI_CODES}|big|tc)(?:[-_]|2|_to_)(?P<tgt>{_CODE}|"
    rf"{_MULTI_CODES})(?=$|[-_.])",
    re.IGNORECASE,
)
_OPUS_RE = re.compile(r"opus-mt-(?:tc-big-|tc-)?([a-z]+(?:_[a-z]+)*)-([a-z]+(?:_[a-z]+)*)", re.I)
_NAME_RE = re.compile(rf"(?<![a-z])({LANGUAGE_NAME_PATTERN})(?![a-z])", re.IGNORECASE)
_ID_CODE_RE = re.compile(rf"(?:[-_.])({_CODE})(?=$|[-_.])")
_MULTI_RE = re.compile(
    r"multilingual|\bmulti-lingual|\bmbart|\bm2m|\bnllb|\bxlm|\bmt5\b|\bmt0\b|\bbloom|whisper"
    r"|\bxlsr|languages\b|\bmms\b|seamless|\bmarian-mul|\bbigscience",
    re.IGNORECASE,
)
_DESC_PAIR_RE = re.compile(
    rf"(?:from\s+)?({LANGUAGE_NAME_PATTERN})\s*(?:to|->|→|-)\s*({LANGUAGE_NAME_PATTERN})\b",
    re.IGNORECASE,
)


@dataclass
class ModelFacts:
    """What decides whether one model fits a request."""

    languages: set[str] = field(default_factory=set)
    """ISO codes the model works in, or ``{"multilingual"}``; empty: unknown."""
    source: set[str] = field(default_factory=set)
    """Translation: source languages (ISO codes or ``multilingual``); empty: unknown."""
    target: set[str] = field(default_factory=set)
    """Translation: target languages; empty: unknown."""
    domains: set[str] = field(default_factory=set)
    evidence: dict[str, str] = field(default_factory=dict)
    """Fact name -> where it was read."""


def _codes(value: str) -> set[str]:
    out = set()
    for part in re.split(r"[_+,\s]+", value.lower()):
        lang = language(part)
        if lang:
            out.add(lang.iso)
        elif re.fullmatch(_MULTI_CODES, part):
            out.add(MULTI)
    return out


def _id_tail(model_id: str) -> str:
    return model_id.rsplit("/", 1)[-1]


def derive_facts(
    model_id: str,
    task: str,
    tags: list[str] | tuple[str, ...] = (),
    description: str = "",
    card_languages: list[str] | tuple[str, ...] | None = None,
) -> ModelFacts:
    """Read a model's facts from its id, tags, card YAML languages and description.

    Args:
        model_id: The Hub id.
        task: Its task type.
        tags: Hub tags.
        description: The cleaned card text.
        card_languages: The card YAML's ``language`` list, when known.

    Returns:
        The facts with their evidence.
    """
    facts = ModelFacts()
    name = _id_tail(model_id)
    low = name.lower()
    if task == "translation":
        m = _OPUS_RE.search(low)
        if m:
            facts.source, facts.target = _codes(m.group(1)), _codes(m.group(2))
            facts.evidence["direction"] = f"id {m.group(0)}"
        else:
            m = _PAIR_RE.search(low)
            if m and _codes(m.group("tgt")) and m.group("src").lower() not in ("big", "tc"):
                facts.source, facts.target = _codes(m.group("src")), _codes(m.group("tgt"))
                facts.evidence["direction"] = f"id {m.group(0).strip('-_/')}"
        if not facts.target:
            d = _DESC_PAIR_RE.search(f"{name.replace('-', ' ')} {description[:400]}")
            if d and language(d.group(1)) and language(d.group(2)):
                src, tgt = language(d.group(1)), language(d.group(2))
                assert src is not None and tgt is not None
                facts.source, facts.target = {src.iso}, {tgt.iso}
                facts.evidence["direction"] = f"card '{d.group(0)}'"
        if not facts.target and _MULTI_RE.search(f"{low} {description[:600]}"):
            facts.source = facts.target = {MULTI}
            facts.evidence["direction"] = "multilingual (id/card)"
        if not facts.target and re.search(r"(?:^|[-/])t5", low):
            facts.source, facts.target = {"en"}, {"de", "fr", "ro"}
            facts.evidence["direction"] = "T5 (en->de/fr/ro)"
        return facts
    # Text / speech language: id first, then card YAML, then tags, then the card text.
    found: set[str] = set()
    for m in _NAME_RE.finditer(low.replace("-", " ").replace("_", " ")):
        lang = language(m.group(1))
        if lang:
            found.add(lang.iso)
    for m in _ID_CODE_RE.finditer(re.sub(r"lang(?:uage)?[-_]id", "", low)):  # not Indonesian
        found.add(m.group(1).lower())
    if found:
        facts.languages, facts.evidence["languages"] = found, f"id {name}"
    if not found and (_MULTI_RE.search(low) or (card_languages and len(card_languages) > 3)):
        facts.languages = {MULTI}
        facts.evidence["languages"] = f"multilingual ({'id' if _MULTI_RE.search(low) else 'card'})"
    elif not facts.languages and card_languages:
        codes = {c for c in (_codes(str(v)) for v in card_languages) for c in c}
        if codes:
            facts.languages = codes
            facts.evidence["languages"] = f"card language: {', '.join(sorted(codes))}"
    if not facts.languages:
        codes = {t.lower() for t in tags if t.lower() in LANGUAGES}
        if codes:
            facts.languages, facts.evidence["languages"] = codes, f"tags {', '.join(codes)}"
    if not facts.languages and task in TEXT_LANGUAGE_TASKS:
        text = description[:300]
        if re.search(r"multilingual|\d+ languages", text, re.IGNORECASE):
            facts.languages, facts.evidence["languages"] = {MULTI}, "card: multilingual"
        else:
            named = {
                lang.iso
                for m in _NAME_RE.finditer(text)
                if (lang := language(m.group(1))) is not None
            }
            if len(named) == 1:
                facts.languages = named
                facts.evidence["languages"] = f"card names {next(iter(named))}"
    # The card's opening only: later text mentions "Hugging Face", code, news sites...
    probe = f"{model_id} {' '.join(tags)} {description[:160]}"
    for dom, pattern in _DOMAIN_RE.items():
        if pattern.search(probe):
            facts.domains.add(dom)
    if facts.domains:
        facts.evidence["domains"] = "id/tags/card words"
    return facts


_DTYPE_BYTES = {"F64": 8, "I64": 8, "F32": 4, "I32": 4, "BF16": 2, "F16": 2, "I16": 2}


def fact_fields(
    model_id: str,
    task: str,
    tags: list[str] | tuple[str, ...] = (),
    description: str = "",
    record: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The fit fields of a :class:`~hgpt_langchain.catalog.CatalogEntry`, with evidence.

    Args:
        model_id: The Hub id.
        task: Its task type.
        tags: Hub tags.
        description: The cleaned card text.
        record: The raw record (Hub ``/api/models`` JSON with ``cardData`` / ``meta``,
            ``inferenceProviderMapping``, ``gated``, ``safetensors``, ``config``), if any.

    Returns:
        Field name -> value (only the fields that are known).
    """
    record = record or {}
    card = record.get("cardData") or record.get("meta") or {}
    card = card if isinstance(card, dict) else {}
    langs = card.get("language")
    langs = [langs] if isinstance(langs, str) else list(langs or [])
    facts = derive_facts(model_id, task, tags, description, [str(v) for v in langs] or None)
    out: dict[str, Any] = {"evidence": dict(facts.evidence)}
    if task == "translation":
        if facts.source or facts.target:
            out["source_languages"] = sorted(facts.source)
            out["target_languages"] = sorted(facts.target)
    elif facts.languages:
        out["languages"] = sorted(facts.languages)
    if facts.domains:
        out["domains"] = sorted(facts.domains)
    mapping = record.get("inferenceProviderMapping")
    if isinstance(mapping, dict):
        mapping = [{"provider": k, **(v or {})} for k, v in mapping.items()]
    if isinstance(mapping, list):
        out["providers"] = sorted(
            {str(m["provider"]) for m in mapping if m.get("status", "live") == "live"}
        )
        out["evidence"]["providers"] = "hub inferenceProviderMapping"
    gated = record.get("gated")
    if gated is not None:
        out["gated"] = bool(gated)
    tensors = record.get("safetensors")
    if isinstance(tensors, dict) and isinstance(tensors.get("parameters"), dict):
        size = sum(_DTYPE_BYTES.get(k, 4) * int(v) for k, v in tensors["parameters"].items())
        out["weight_mb"] = round(size / 2**20, 1)
        out["evidence"]["weight_mb"] = "hub safetensors parameters"
    config = record.get("config")
    if isinstance(config, dict) and config.get("model_type"):
        out["architecture"] = str(config["model_type"])
    return out


def model_facts(entry: CatalogEntry) -> ModelFacts:
    """The facts of a catalog entry: its stored fields where set, else :func:`derive_facts`."""
    cached = _FACTS_CACHE.get((entry.id, entry.task, id(entry)))
    if cached is not None:
        return cached
    facts = derive_facts(entry.id, entry.task, entry.tags, entry.description)
    stored_langs = getattr(entry, "languages", None)
    # Languages the catalog read from the id are read again with the current rules.
    if stored_langs and not str(entry.evidence.get("languages", "")).startswith("id "):
        facts.languages = set(stored_langs)
        facts.evidence["languages"] = entry.evidence.get("languages", "catalog")
    if getattr(entry, "source_languages", None):
        facts.source = set(entry.source_languages or ())
        facts.target = set(entry.target_languages or ())
        facts.evidence["direction"] = entry.evidence.get("direction", "catalog")
    if getattr(entry, "domains", None):
        # Stored domains plus those the current DOMAINS table reads (a catalog built before a
        # domain was added still gets it).
        facts.domains |= set(entry.domains or ())
    if len(_FACTS_CACHE) > 100_000:
        _FACTS_CACHE.clear()
    _FACTS_CACHE[(entry.id, entry.task, id(entry))] = facts
    return facts


_FACTS_CACHE: dict[tuple[str, str, int], ModelFacts] = {}


# ---- request facts -----------------------------------------------------------------------------


@dataclass
class RequestFacts:
    """What a request asks of a model."""

    target: str | None = None
    """Translation target language (ISO code)."""
    source: str | None = None
    """Translation source / language of the given text (ISO code)."""
    spoken: str | None = None
    """Spoken language named for speech tasks."""
    language: str | None = None
    """The language a text / speech model must handle (ISO code)."""
    domains: set[str] = field(default_factory=set)
    named: dict[str, frozenset[str]] = field(default_factory=dict)
    """Distinctive request words (stems) -> ids of the task's models whose names carry them
    (:func:`named_words`); empty when the task's models were not given."""
    evidence: dict[str, str] = field(default_factory=dict)


_L = LANGUAGE_NAME_PATTERN
_TARGET_RES = (
    re.compile(rf"\b(?:into|to|in)\s+(?:the\s+)?({_L})\b(?!\s+(?:text|speech|audio))", re.I),
    re.compile(rf"\b(?:auf|en|a|al|in)\s+({_L})\b", re.I),
    re.compile(rf"\b({_L})\s+(?:translation|version)\b", re.I),
)
_SOURCE_RES = (
    re.compile(rf"\bfrom\s+({_L})\b", re.I),
    re.compile(rf"\b({_L})\s+(?:text|sentence|phrase|words?|input)\b", re.I),
)
_SPOKEN_RE = re.compile(
    rf"\b({_L})\s+(?:speech|audio|recording|voice|speaker|podcast|voicemail|narration)|"
    rf"\b(?:spoken|speaking|speaks?|said|read(?: aloud)?|voice)\s+(?:in\s+)?({_L})\b|"
    rf"\bin\s+({_L})\b",
    re.I,
)
_TEXT_LANG_RE = re.compile(rf"\b(?:in|of)\s+({_L})\b|\b({_L})\s+(?:text|review|sentence)", re.I)
_QUOTED_RE = re.compile(r"[\"“«'‘]([^\"”»'’]{3,})[\"”»'’]")

_LANGID_LOCK = threading.Lock()
_LANGID: Any = None


def identify_language(text: str) -> str | None:
    """The ISO code of ``text``'s language by ``py3langid`` (offline, model in the package).

    Restricted to the languages of :data:`~hgpt_langchain.languages.LANGUAGES`. ``None`` when
    the text is too short to tell, or ``py3langid`` is not installed.
    """
    text = text.strip()
    if len(re.sub(r"\W", "", text)) < 4:
        return None
    global _LANGID
    with _LANGID_LOCK:
        if _LANGID is None:
            try:
                from py3langid.langid import MODEL_FILE, LanguageIdentifier
            except ImportError:
                _LANGID = False
            else:
                ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
                ident.set_languages([c for c in LANGUAGES if c in ident.nb_classes])
                _LANGID = ident
    if _LANGID is False:
        return None
    code, prob = _LANGID.classify(text)
    return code if prob >= 0.5 else None


def request_facts(
    request: str,
    task: str | None = None,
    args: dict[str, Any] | None = None,
    peers: list[CatalogEntry] | None = None,
) -> RequestFacts:
    """The languages and domains a request (and a task's arguments) asks for.

    Args:
        request: The user's request.
        task: The task type, when known (decides whether language matters).
        args: The task's arguments (``target_language``, ``text``).
        peers: The task's models in the catalog: when given, the request words that name few of
            them are kept in ``named`` (:func:`named_words`).

    Returns:
        The request facts with their evidence.
    """
    args = args or {}
    facts = RequestFacts()
    words = f"{request} {args.get('text', '') if task != 'translation' else ''}"
    explicit = args.get("target_language")
    if explicit and language(str(explicit)):
        facts.target = language(str(explicit)).iso  # type: ignore[union-attr]
        facts.evidence["target"] = f"argument target_language={explicit}"
    for pattern in _SOURCE_RES:
        m = pattern.search(request)
        if m and language(m.group(1)):
            facts.source = language(m.group(1)).iso  # type: ignore[union-attr]
            facts.evidence["source"] = f"'{m.group(0)}'"
            break
    if facts.target is None and task in (None, "translation"):
        masked = _QUOTED_RE.sub(" ", request)
        for pattern in _TARGET_RES:
            for m in pattern.finditer(masked):
                lang = language(m.group(1))
                if lang and lang.iso != facts.source:
                    facts.target = lang.iso
                    facts.evidence["target"] = f"'{m.group(0)}'"
                    break
            if facts.target:
                break
    if task == "translation" and facts.source is None:
        text = str(args.get("text") or "")
        if not text or text.startswith("<") or "/" in text[:1]:
            quoted = _QUOTED_RE.findall(request)
            text = " ".join(quoted) or (request.split(":", 1)[1] if ":" in request else "")
        lang = identify_language(text) if text else None
        if lang and lang != facts.target:
            facts.source = lang
            facts.evidence["source"] = f"text identified as {lang} (py3langid)"
    if facts.target and facts.source is None and task == "translation" and facts.target != "en":
        facts.source = "en"
        facts.evidence["source"] = "request written in English"
    if task in SPEECH_TASKS or task == "audio-classification":
        m = _SPOKEN_RE.search(request)
        if m:
            lang = language(next(g for g in m.groups() if g))
            if lang:
                facts.spoken = lang.iso
                facts.evidence["spoken"] = f"'{m.group(0)}'"
    if task in TEXT_LANGUAGE_TASKS and task != "translation":
        if facts.spoken:
            facts.language = facts.spoken
            facts.evidence["language"] = facts.evidence["spoken"]
        else:
            text = str(args.get("text") or "")
            lang = identify_language(text) if len(text) >= 20 and "<" not in text else None
            m = re.search(
                rf"\b(?:in|of)\s+({_L})\b|\b({_L})\s+(?:text|review|sentence)", request, re.I
            )
            named = language(next(g for g in m.groups() if g)) if m else None
            if named:
                facts.language = named.iso
                facts.evidence["language"] = f"'{m.group(0)}'"  # type: ignore[union-attr]
            elif lang:
                facts.language = lang
                facts.evidence["language"] = f"text identified as {lang} (py3langid)"
            else:
                facts.language = "en"
                facts.evidence["language"] = "none named: the request's language (en)"
    for dom, pattern in _DOMAIN_RE.items():
        if pattern.search(words):
            facts.domains.add(dom)
    if peers:
        facts.named = named_words(request, args, task, peers)
    return facts


# ---- names: what a model is specialised on -----------------------------------------------------

_TOKEN_RE = re.compile(r"[a-z][a-z0-9]*")
_SUFFIXES = ("ations", "ation", "ings", "ing", "ers", "er", "ed", "es", "s", "e")
_STOPWORDS = frozenset(
    """a an the and or of in on at to into from for with without by as is are be this that these
    those it its my me our your his her their them what which who whom how why when where there
    here please can could would should will shall may might must do does did give get make let
    show tell find use using want need some any all each every other same such only just also
    than then very more most less much many one two three new old via mean same thing like
    text sentence image photo picture audio sound clip video file
    extract remove find recognise recognize label classify detect generate create translate
    summarize summarise transcribe answer chat convert describe paint draw turn write read complete
    model models fine tuned finetuned trained version base large small medium tiny mini big v1
    v2 v3 pytorch onnx tf transformers diffusers hf huggingface""".split()
)
"""Words never taken as naming a model: function words, modality words and request verbs
(they say what the task is, not which model) and words of every model name (size, version,
framework)."""

NAMED_SHARE = 0.25
"""A request word names a specialisation when at most this share of the task's models (and at
least one) carry it in their names: words most of them carry are the task's own words."""

_NAMES_CACHE: dict[tuple[str, int], tuple[frozenset[str], frozenset[str]]] = {}
_PEERS_CACHE: dict[tuple[int, ...], tuple[list[Any], dict[str, set[str]], dict[str, set[str]]]] = {}
"""Named-word index of a task's models, keyed by the entries' identities; the value keeps the
entries alive, so a key's ids cannot be reused by other entries while it is cached."""


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


_STOPSTEMS = frozenset(_stem(w) for w in _STOPWORDS)


def _words(text: str) -> set[str]:
    stems = {_stem(w) for w in _TOKEN_RE.findall(text.lower()) if w not in _STOPWORDS}
    return {w for w in stems if len(w) >= 4 and w not in _STOPSTEMS}


def name_words(entry: CatalogEntry) -> tuple[frozenset[str], frozenset[str]]:
    """Stems of what a model's name says it is for: ``(id parts, tags)``.

    The parts of the id's name, without the owner ("Arcane-Diffusion", "autotrain-iris",
    "maxim-s3-deblurring-gopro") and its tags ("Language", "VoxLingua107").
    """
    key = (entry.id, id(entry))
    cached = _NAMES_CACHE.get(key)
    if cached is None:
        cached = (
            frozenset(_words(re.sub(r"[-_.]", " ", _id_tail(entry.id)))),
            frozenset(_words(" ".join(entry.tags))),
        )
        if len(_NAMES_CACHE) > 100_000:
            _NAMES_CACHE.clear()
        _NAMES_CACHE[key] = cached
    return cached


def _match(word: str, name: str) -> bool:
    """The request's stem is the name's, or a part of a compound name (4 letters or more).

    Ids are often compounds: "deblurring" holds "blur", "breast_cancernb8gjv4n" holds
    "cancer". Not the other way round: "photosynthesis" does not name a "synthesis" model.
    """
    return word == name or (len(word) >= 4 and word in name)


def named_words(
    request: str, args: dict[str, Any] | None, task: str | None, peers: list[CatalogEntry]
) -> dict[str, frozenset[str]]:
    """Request words that name what few of the task's models are specialised on.

    A word of the request (not a stopword, not a word of the task type's name, not a word of
    the task's arguments, which are the data the model works on, not a choice of model) names
    a specialisation when at least one and at most :data:`NAMED_SHARE` of the task's models
    carry it in their names (:func:`name_words`; a word inside a compound part counts:
    "deblurring" for "blur"). Words shorter than 4 letters are never compared.

    Returns:
        ``{stem: ids of the models whose names carry it}``.
    """
    data = " ".join(str(v) for v in (args or {}).values())
    text = re.sub(r"\S+\.[a-z0-9]{2,4}\b|https?://\S+|<[^>]*>", " ", request)
    own = _words((task or "").replace("-", " "))
    words = {w for w in _words(text) - _words(data) if not any(_match(w, t) for t in own)}
    if not words:
        return {}
    key = tuple(map(id, peers))
    cached = _PEERS_CACHE.get(key)
    if cached is None:
        parts: dict[str, set[str]] = {}
        tags: dict[str, set[str]] = {}
        for entry in peers:
            in_id, in_tags = name_words(entry)
            for name in in_id:
                parts.setdefault(name, set()).add(entry.id)
            for name in in_tags:
                tags.setdefault(name, set()).add(entry.id)
        cached = (list(peers), parts, tags)
        if len(_PEERS_CACHE) > 1000:
            _PEERS_CACHE.clear()
        _PEERS_CACHE[key] = cached
    _, parts, tags = cached
    limit = max(1, int(NAMED_SHARE * len(peers)))
    out = {}
    for word in sorted(words):
        ids = set(tags.get(word, ()))
        for name, carriers in parts.items():
            if _match(word, name):
                ids |= carriers
        if 0 < len(ids) <= limit:
            out[word] = frozenset(ids)
    return out


# ---- fit ---------------------------------------------------------------------------------------


@dataclass
class Fit:
    """How one model fits one request."""

    mismatch: str | None = None
    """Why the model's language or direction does not fit (``None``: it fits or is unknown)."""
    language_match: bool = False
    """The model's known languages / direction include what the request asks."""
    domain_fit: set[str] = field(default_factory=set)
    domain_misfit: set[str] = field(default_factory=set)
    """The model's domains that the request does not name."""
    language_unknown: bool = False
    """The request names a language other than English and the model's languages are unknown
    (most models whose card names no language are English-only)."""
    named: set[str] = field(default_factory=set)
    """Distinctive request words the model's name carries (:func:`named_words`)."""
    facts: list[str] = field(default_factory=list)
    """Short facts for the choice's reason ('en->fr', 'domain finance')."""


def _has(langs: set[str], code: str) -> bool:
    return code in langs or MULTI in langs


def _show(langs: set[str]) -> str:
    return "/".join(sorted(langs)) if len(langs) <= 3 else f"{len(langs)} languages"


def fit(entry: CatalogEntry, req: RequestFacts) -> Fit:
    """Compare a model's facts with a request's."""
    mf = model_facts(entry)
    out = Fit()
    if entry.task == "translation":
        pair = f"{_show(mf.source) or '?'}->{_show(mf.target) or '?'}"
        if mf.target or mf.source:
            out.facts.append(pair)
        bad = []
        if req.target and mf.target and not _has(mf.target, req.target):
            bad.append(f"translates into {_show(mf.target)}, not {req.target}")
        if req.source and mf.source and not _has(mf.source, req.source):
            bad.append(f"translates from {_show(mf.source)}, not {req.source}")
        if bad:
            out.mismatch = "; ".join(bad)
        elif req.target and mf.target:
            out.language_match = True
            if mf.target != {MULTI} and (not req.source or mf.source != {MULTI}):
                out.language_match = True
    elif entry.task in TEXT_LANGUAGE_TASKS and req.language:
        if mf.languages:
            out.facts.append(_show(mf.languages))
            if not _has(mf.languages, req.language):
                out.mismatch = f"works in {_show(mf.languages)}, not {req.language}"
            else:
                out.language_match = True
        elif req.language != "en":
            out.language_unknown = True
    out.domain_fit = mf.domains & req.domains
    out.domain_misfit = mf.domains - req.domains
    if out.domain_fit:
        out.facts.append(f"domain {', '.join(sorted(out.domain_fit))}")
    out.named = {w for w, ids in req.named.items() if entry.id in ids}
    if out.named:
        out.facts.append(f"named: {', '.join(sorted(out.named))}")
    return out


def popularity(entry: CatalogEntry) -> float:
    """A popularity prior in [0, ~1]: log-scaled downloads and likes."""
    return (math.log10(1 + entry.downloads) + 0.5 * math.log10(1 + entry.likes)) / 8.0


def short_count(n: int) -> str:
    """``352000`` -> ``"352k"``."""
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f}M"
    if n >= 1000:
        return f"{n // 1000}k"
    return str(n)
