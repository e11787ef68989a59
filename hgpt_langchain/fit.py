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
    "test model": r"tiny-random|random-tiny|\btemp_|\bdummy\b",
    "anime": r"anime|manga|waifu",
    "faces": r"\bfaces\b|facial|celebrit",
    "role-play (adult)": r"not suitable for (?:use by )?minors|\bnsfw\b|role-?play",
    "clothing": r"\bcloth|fashion(?!\s+on)|apparel|garment",
    "inpainting": r"inpaint",
    "punctuation": r"punctuat",
    "food": r"\bfood|\bdish(?:es)?\b|hot ?dog|cuisine|\bmeal\b|recipe",
    "code": r"\bcode\b|\bcoder?\b|codegen|codeparrot|santacoder|starcoder|programming|"
    r"\bpython\b|javascript|\bdef \w+\(|function\b",
}
"""Domain names and the words that reveal them, in requests and in model cards alike."""

OPERATIONS: dict[str, dict[str, str]] = {
    "image-to-image": {
        "super-resolution": r"super[- ]?resol|upscal|upsampl|swin2sr|esrgan|\bsr\b|enlarg|"
        r"(?:higher|twice (?:its|the)|double (?:its|the)) resolution|\b[24]x (?:sharper|larger|"
        r"bigger)|sharper/larger",
        "deblurring": r"deblur|\bblurr?y\b|\bblur\b|camera shake|out of focus",
        "denoising": r"denois|\bnois[ey]\b|\bgrainy?\b",
        "low-light enhancement": r"low[- ]?light|\blol\b|brighten|too dark|underexposed",
        "deraining": r"derain|\brain ?drops?\b|\brain streaks?\b",
        "colorization": r"coloriz|colouri[sz]|black[- ]and[- ]white|gr[ae]yscale",
        "image variations": r"\bvariations?\b",
        "binarization": r"binari[sz]",
        "style transfer": r"style transfer|restyle|cartoon|\bstyle\b|in the style of",
    },
    "audio-to-audio": {
        "speech enhancement": r"enhanc|denois|\bnois[ey]\b|\bhiss|\bhum\b|"
        r"clean(?:s|ed)? (?:\w+ )?up|enh_?single|metricgan",
        "source separation": r"source separation|\bseparat\w* (?:\w+ ){0,3}(?:speakers|sources|"
        r"voices|people|tracks)|\bsplit\b.{0,40}\b(?:speakers|voices)|sepclean|wsj0?-?2mix|libri2mix",
        "dereverberation": r"reverb|\bwhamr|\becho\b",
        "voice conversion": r"voice[ -]conversion|conver\w* (?:the |my |this )?voice|"
        r"change (?:the |my )?voice|sovits|sound like (?:a )?(?:different|another) (?:person|"
        r"speaker|voice)",
        "speech translation": r"speech-to-speech translation|\bs2ut\b|\bs2st\b|\bunity\b|"
        r"translat\w* (?:the )?(?:\w+ )?speech",
    },
    "audio-classification": {
        "emotion": DOMAINS["emotion"] + r"|\bangry\b|\bhappy\b|\bsad\b",
        "language identification": r"lang(?:uage)?[-_ ]?id\b|voxlingua|language identification|"
        r"(?:spoken )?language recognition|(?:which|what) language|spoken language|"
        r"common_?language",
        "keyword spotting": r"keyword|speech[ _]commands|command words?|superb[ -]ks|\bks\b",
        "speaker identification": r"speaker (?:identification|recognition|verification|"
        r"embeddings?)|superb[ -]sid|voxceleb|who(?: is|'s) speaking",
        "sound events": r"audioset|sound events?|urbansound|esc-?50|environmental sounds?|"
        r"making the noise|\bsiren",
    },
    "text-classification": {
        "language identification": r"language[- ](?:detection|identification)|"
        r"(?:which|what) language",
    },
    "automatic-speech-recognition": {
        "speaker diarization": r"diari[sz]|who spoke|speaker turns",
        "voice activity": DOMAINS["voice activity"],
    },
}
"""Per task type: what its models DO (operations) and the words that reveal them. A request
that names one some model of its task does picks only among those (the others are a mismatch);
a model of another operation fits no other request ("does voice conversion, not speech
enhancement")."""

STYLE_IS_OPERATION = frozenset({"image-to-image", "audio-to-audio"})
"""Tasks where a domain the request names (anime, faces) is part of the job: a model without
it does another job (an anime background from a generic style-transfer network)."""

DEFAULT_OPERATION: dict[str, str] = {"automatic-speech-recognition": "transcription"}
"""Tasks whose plain request asks for one job: a model of another operation (a diarizer among
speech recognisers) is a mismatch unless the request names that operation."""

_OPERATION_RE = {
    task: {name: re.compile(p, re.IGNORECASE) for name, p in ops.items()}
    for task, ops in OPERATIONS.items()
}

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
    operations: set[str] = field(default_factory=set)
    """What the model does, for task types with several jobs (:data:`OPERATIONS`)."""
    evidence: dict[str, str] = field(default_factory=dict)
    """Fact name -> where it was read."""


_ENGLISH_DATA_RE = re.compile(
    r"\bsquad(?:[_ -]?v?2(?:\.0)?)?\b|\bsst-?2\b|\bconll-?2003\b|cnn[_/ ]?daily ?mail|\bxsum\b|"
    r"\bsamsum\b|librispeech|libritts|\blj ?speech|\bvctk\b|switchboard|ted-?lium|gigaspeech|"
    r"\bimdb\b|\byelp\b|multi_?nli\b|\bmnli\b|\bglue\b|\bcmu arctic\b|\bblended ?skill|"
    r"\bpersona-?chat|\bdaily ?dialog|\bcoqa\b|\bnewsqa\b|\btextvqa\b|\bvqa(?:v?2)?\b|\bcoco\b",
    re.IGNORECASE,
)
"""Data sets in English only: a text or speech model trained on one works in English (its card
often names no language). Not a language fact of models that also name other languages."""


def card_text(model_id: str, description: str) -> str:
    """The model card's text, or ``""`` when the catalog made the description up.

    A model without a card gets ``"<id>: a <task> model. <what the task does>"``: the task's own
    wording ("remove noise, separate sources") says nothing about the model.
    """
    return "" if description.startswith(f"{model_id}: a ") else description


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
    description = card_text(model_id, description)
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
    if not facts.languages and task in TEXT_LANGUAGE_TASKS and description:
        # A card written in another language than English (the Hub's common one) is the model's.
        written = identify_language(description[:300], confident=LANGID_CONFIDENT)
        if written and written != "en":
            facts.languages = {written}
            facts.evidence["languages"] = f"card written in {written} (py3langid)"
    if not facts.languages and task in TEXT_LANGUAGE_TASKS:
        m = _ENGLISH_DATA_RE.search(f"{low} {' '.join(tags)} {description[:400]}")
        if m:
            facts.languages = {"en"}
            facts.evidence["languages"] = f"trained on English-only data ({m.group(0)})"
    # The card's opening only: later text mentions "Hugging Face", code, news sites...
    probe = f"{model_id} {' '.join(tags)} {description[:160]}"
    for dom, pattern in _DOMAIN_RE.items():
        if pattern.search(probe):
            facts.domains.add(dom)
    if facts.domains:
        facts.evidence["domains"] = "id/tags/card words"
    probe = f"{low.replace('-', ' ').replace('_', ' ')} {low} {' '.join(tags)} {description[:160]}"
    facts.operations = {
        op for op, pattern in _OPERATION_RE.get(task, {}).items() if pattern.search(probe)
    }
    if facts.operations:
        facts.evidence["operations"] = "id/tags/card words"
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
    evidence = entry.evidence or {}
    # Stored facts read from what the entry still carries (id, tags, card text) are read again
    # with the current rules; those from elsewhere (card YAML, the Hub, the user) are kept.
    if getattr(entry, "languages", None) and not _rederived(evidence.get("languages")):
        facts.languages = set(entry.languages)
        facts.evidence["languages"] = evidence.get("languages", "catalog")
    if getattr(entry, "source_languages", None) and not _rederived(evidence.get("direction")):
        facts.source = set(entry.source_languages or ())
        facts.target = set(entry.target_languages or ())
        facts.evidence["direction"] = evidence.get("direction", "catalog")
    if getattr(entry, "domains", None) and not _rederived(evidence.get("domains")):
        facts.domains |= set(entry.domains or ())
    if len(_FACTS_CACHE) > 100_000:
        _FACTS_CACHE.clear()
    _FACTS_CACHE[(entry.id, entry.task, id(entry))] = facts
    return facts


_FACTS_CACHE: dict[tuple[str, str, int], ModelFacts] = {}

_REDERIVED = (
    "id ",
    "card names ",
    "card: multilingual",
    "multilingual (id",  # also "multilingual (id/card)" (translation)
    "trained on English",
    "card written in ",
    "tags ",
    "id/tags/card words",
    "card '",
    "T5 (",
)


def _rederived(evidence: str | None) -> bool:
    """Whether a stored fact's evidence is one :func:`derive_facts` reads from the entry itself."""
    return bool(evidence) and str(evidence).startswith(_REDERIVED)


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
    language_named: bool = False
    """``language`` was named or identified, not assumed (English when nothing says)."""
    domains: set[str] = field(default_factory=set)
    operations: set[str] = field(default_factory=set)
    """Operations the request names (:data:`OPERATIONS`) that some model of its task does
    (all it names when the task's models were not given)."""
    hard_domains: set[str] = field(default_factory=set)
    """Domains that decide like an operation (:data:`STYLE_IS_OPERATION`) and some model has."""
    named: dict[str, frozenset[str]] = field(default_factory=dict)
    """Distinctive request words (stems) -> ids of the task's models whose names carry them
    (:func:`named_words`); empty when the task's models were not given."""
    evidence: dict[str, str] = field(default_factory=dict)


_L = LANGUAGE_NAME_PATTERN
_TARGET_RES = (
    re.compile(rf"\b(?:into|to|in)\s+(?:the\s+)?({_L})\b(?!\s+(?:text|speech|audio))", re.I),
    re.compile(rf"\b(?:auf|en|a|al|in)\s+({_L})\b", re.I),
    re.compile(rf"\b({_L})\s+(?:translation|version)\b", re.I),
    re.compile(rf"(?:->|→|=>)\s*({_L})\b", re.I),
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
_TEXT_LANG_RE = re.compile(
    rf"\b(?:in|of)\s+({_L})\b|\b({_L})\s+(?:text|review|sentence|passage|paragraph|message|"
    rf"question|document|article|tweet|comment)",
    re.I,
)
_QUOTED_RE = re.compile(r"[\"“«'‘]([^\"”»'’]{3,})[\"”»'’]")

_LANGID_LOCK = threading.Lock()
_LANGID: Any = None


def identify_language(text: str, confident: float = 0.5) -> str | None:
    """The ISO code of ``text``'s language by ``py3langid`` (offline, model in the package).

    Restricted to the languages of :data:`~hgpt_langchain.languages.LANGUAGES`. ``None`` when
    the text is too short to tell, the probability is below ``confident``, or ``py3langid`` is
    not installed.
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
    return code if prob >= confident else None


LANGID_CONFIDENT = 0.9
"""Probability ``py3langid`` must reach before a short text's language decides a model: below
it, short English texts are often taken for Danish or Dutch ("Patient given 50mg metoprolol")."""

_AMBIGUOUS_NAMES = frozenset({"polish"})
"""Language names that are also common words: taken only in a language context ("in Polish")."""


def _only_language_named(request: str) -> tuple[str, str] | None:
    """``(code, evidence)`` when the request names exactly one language, anywhere in it.

    "What the Mandarin teacher says", "Frage zu diesem deutschen Text", "用中文和我聊天".
    """
    found: dict[str, str] = {}
    for m in _NAME_RE.finditer(request):
        lang = language(m.group(1))
        if lang and m.group(1).lower() not in _AMBIGUOUS_NAMES:
            found.setdefault(lang.iso, m.group(1))
    if len(found) != 1:
        return None
    code, word = next(iter(found.items()))
    return code, f"the request names {word}"


def _text_language(request: str, args: dict[str, Any]) -> tuple[str, str]:
    """The language a text model must handle, with its evidence.

    In order: a language the request names in a language context ("in German", "Spanish
    text") or as the only language it names; the language of the task's text arguments (the
    question, context, sentences, text), when ``py3langid`` is confident; the language the
    request itself is written in, likewise; else English.
    """
    m = _TEXT_LANG_RE.search(request)
    named = language(next(g for g in m.groups() if g)) if m else None
    if m and named:
        return named.iso, f"'{m.group(0)}'"
    only = _only_language_named(request)
    if only is not None:
        return only
    data = " ".join(
        str(v)
        for v in args.values()
        if isinstance(v, str)
        and "<" not in v
        and not v.startswith(("http://", "https://"))
        and not re.fullmatch(r"\S+\.[A-Za-z0-9]{2,5}", v.strip())
        and v != args.get("target_language")
    )
    for text, what in ((data, "the given text"), (request, "the request")):
        lang = identify_language(text, confident=LANGID_CONFIDENT)
        if lang:
            return lang, f"{what} identified as {lang} (py3langid)"
    return "en", "none named: the request's language (en)"


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
        lang = language(next(g for g in m.groups() if g)) if m else None
        if m and lang:
            facts.spoken = lang.iso
            facts.evidence["spoken"] = f"'{m.group(0)}'"
        elif (named := _only_language_named(request)) is not None:
            facts.spoken, facts.evidence["spoken"] = named
    if task in TEXT_LANGUAGE_TASKS and task != "translation":
        if facts.spoken:
            facts.language = facts.spoken
            facts.evidence["language"] = facts.evidence["spoken"]
        else:
            facts.language, facts.evidence["language"] = _text_language(request, args)
        facts.language_named = not facts.evidence["language"].startswith("none named")
    for dom, pattern in _DOMAIN_RE.items():
        if pattern.search(words):
            facts.domains.add(dom)
    if (
        "code" in facts.domains
        and facts.language
        and not facts.evidence["language"].startswith("'")
    ):
        # Code is not a natural language: no English (or misread) text language to hold it to.
        facts.language = None
        facts.evidence["language"] = "code: no natural language"
    asked = _OPERATION_RE.get(task or "", {})
    if asked:
        plain = _FILE_OR_URL_RE.sub(" ", request)
        facts.operations = {op for op, pattern in asked.items() if pattern.search(plain)}
        if peers and facts.operations:
            done = set().union(*(model_facts(p).operations for p in peers))
            facts.operations &= done
    if task in STYLE_IS_OPERATION and facts.domains and peers:
        carried = set().union(*(model_facts(p).domains for p in peers))
        facts.hard_domains = facts.domains & carried
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
_FILE_OR_URL_RE = re.compile(r"\S+\.[a-z0-9]{2,4}\b|https?://\S+|<[^>]*>")


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


_LANGUAGE_STEMS = frozenset(
    _stem(w) for lang in LANGUAGES.values() for w in (lang.name, *lang.aliases) if " " not in w
)
"""Language names are language facts (:func:`fit`), not a specialisation a model's name carries:
"Chinese" must not lift a classical-Chinese model over a Chinese-English one."""


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
    text = _FILE_OR_URL_RE.sub(" ", request)
    own = _words((task or "").replace("-", " "))
    words = {
        w
        for w in _words(text) - _words(data) - _LANGUAGE_STEMS
        if not any(_match(w, t) for t in own)
    }
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
    language_exact: bool = False
    """... and name it (not only "multilingual"): a Chinese-English model over a many-language
    one that merely covers Chinese."""
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
            out.language_exact = req.target in mf.target and (
                not req.source or req.source in mf.source
            )
    elif entry.task in TEXT_LANGUAGE_TASKS and req.language:
        if mf.languages:
            out.facts.append(_show(mf.languages))
            if not _has(mf.languages, req.language):
                out.mismatch = f"works in {_show(mf.languages)}, not {req.language}"
            else:
                out.language_match = True
                out.language_exact = req.language in mf.languages and req.language_named
        elif req.language != "en":
            out.language_unknown = True
    ops = _OPERATION_RE.get(entry.task)
    if ops:
        does = f"does {', '.join(sorted(mf.operations))}" if mf.operations else "is not known to do"
        if req.operations and mf.operations & req.operations:
            out.facts.append(f"does {', '.join(sorted(mf.operations & req.operations))}")
        elif req.operations:
            wrong = f"{does}, not {', '.join(sorted(req.operations))}".replace("do, not", "do")
            out.mismatch = "; ".join(filter(None, (out.mismatch, wrong)))
        elif mf.operations and entry.task in DEFAULT_OPERATION:
            wrong = f"{does}, not {DEFAULT_OPERATION[entry.task]}"
            out.mismatch = "; ".join(filter(None, (out.mismatch, wrong)))
        if entry.task in STYLE_IS_OPERATION and req.hard_domains - mf.domains:
            wrong = f"is not {', '.join(sorted(req.hard_domains - mf.domains))}"
            out.mismatch = "; ".join(filter(None, (out.mismatch, wrong)))
    out.domain_fit = mf.domains & req.domains
    out.domain_misfit = mf.domains - req.domains
    if not req.operations and entry.task not in STYLE_IS_OPERATION:
        out.domain_misfit |= mf.operations  # a language detector for a plain sentiment request
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
