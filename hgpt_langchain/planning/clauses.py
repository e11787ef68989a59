"""Request parsing for the offline planner: files, quotes and clauses, with no model.

Steps 1 and 2 of :mod:`~hgpt_langchain.planning.offline`:

1. **Extract** quoted texts and file names (by extension) and replace them with placeholders
   (``§Q0§``, ``§F0§``), so their punctuation cannot break sentences and their wording cannot
   sway the task choice. A request that is only small talk gets no clauses
   (:mod:`~hgpt_langchain.planning.wording`).
2. **Split** the request into sentences (leading discourse words removed, greeting and thank-you
   sentences dropped) and the sentences into clauses at sequencing words ("then", "after that",
   "finally", "; ") and at "and" / commas followed by an action verb. Each clause notes whether
   it asks for something outright, only states a wish, or chains on an earlier step, and which
   files, quotes and modalities it mentions.

:func:`parse_request` is the entry point (also handy when debugging a plan).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from hgpt_langchain.planning.validate import _basename
from hgpt_langchain.planning.wording import is_small_talk, strip_discourse
from hgpt_langchain.tasks import FILE_EXTENSIONS, modality_of_path

_ALL_EXT = sorted(
    {e.lstrip(".") for exts in FILE_EXTENSIONS.values() for e in exts} | {"txt", "pdf", "docx"},
    key=len,
    reverse=True,
)
_FILE_RE = re.compile(
    r"(?<![\w/.-])((?:[a-z]+://)?[\w./\\:-]*[\w-]\.(?:" + "|".join(_ALL_EXT) + r"))(?![\w-])",
    re.IGNORECASE,
)
_QUOTE_RE = re.compile(
    r"""(?:(?<=^)|(?<=[\s(\[:,;=-]))(?:'(?P<s>[^\n]+?)'|"(?P<d>[^"\n]+?)"|“(?P<c>[^”\n]+?)”"""
    r"""|‘(?P<t>[^’\n]+?)’|`(?P<b>[^`\n]+?)`)(?=[\s.,;:!?)\]]|$)"""
)
_PH_RE = re.compile(r"§([FQ])(\d+)§")

_ACTION_VERBS = (
    "transcribe|translate|summari[sz]e|condense|generate|create|make|produce|convert|turn|read|"
    "narrate|speak|say|detect|identify|find|locate|count|describe|caption|classify|categori[sz]e|"
    "label|answer|tell|determine|figure|estimate|segment|separate|edit|modify|change|alter|"
    "enhance|improve|clean|remove|reduce|extract|analy[sz]e|compare|measure|evaluate|check|"
    "verify|draw|illustrate|visuali[sz]e|paint|render|write|compose|craft|continue|complete|"
    "paraphrase|chat|respond|reply|recogni[sz]e|recolou?r|adjust|apply|give|provide|get|use|"
    "transform|synthesi[sz]e|upscale|restore|colori[sz]e|overlay|animate|highlight|interpret|"
    "decipher|explain|calculate|assess|examine|inspect|isolate|split|compute|predict|put|"
    "design|distill|shorten|denoise|sharpen|pull|break|offer|suggest|propose|output|return|"
    "show|let|help|assist|ask|proceed|develop|build|craft|outline|categori[sz]e|sum|swap|add|"
    "replace|mark|tag|pinpoint|spot|gauge|quantify|rate|score|decode|reveal|recreate|record"
)
_VERB_AHEAD = (
    r"(?=(?:also |then |further |please |subsequently |additionally |maybe )?"
    rf"(?:{_ACTION_VERBS})\w*\b)"
)
_SEQ_WORDS = (
    r"then|after that|afterwards|after this|subsequently|next|finally|lastly|later|"
    r"following that|after doing so|once (?:that(?:'s| is)|this is|it(?:'s| is)|we have that|"
    r"done|translated|transcribed|summari[sz]ed|generated|created|edited|modified|completed|"
    r"finished)(?: done)?|additionally|moreover|furthermore|besides|also|plus|and then|"
    r"based on (?:that|this|the result)|using (?:that|this|the result)"
)
_CLAUSE_SPLIT = re.compile(
    rf"\s*;\s*|,?\s+and\s+{_VERB_AHEAD}|,\s*{_VERB_AHEAD}|,?\s*\b(?:and\s+)?(?={_SEQ_WORDS}\b)",
    re.IGNORECASE,
)
_SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=\S)|\n+")
_CHAIN_START = re.compile(rf"^\s*(?:and\s+)?(?:{_SEQ_WORDS})\b[\s,]*", re.IGNORECASE)
_REQUEST_RE = re.compile(
    r"\b(?:can|could|would|will) (?:you|we|it)\b|\bplease\b|\bhelp me\b|\bassist|"
    r"\bi(?:'d| would) (?:like|love|appreciate) (?:you|it if|for you)|\bi (?:want|need) you\b|"
    r"\blet's\b|\bis it possible|\bhow about|\bi (?:need|want) (?:a|an|the|to (?:get|have|"
    r"create|generate|convert|transcribe|translate|summari[sz]e|know))\b",
    re.IGNORECASE,
)
_WEAK_REQUEST_RE = re.compile(
    r"\bi(?:'d| would) (?:like|love|appreciate)|\bi (?:want|need|wish|hope)|\bcurious\b|"
    r"\b(?:i'm|i am|we're|we are) (?:hoping|looking|trying|interested|keen)|\bwonder|"
    r"\bwhat(?:'s| is| are| does| do)\b|\bwho\b|\bhow (?:many|much|similar|far|close)|\?|"
    r"\bcan i\b|\bhelp\b",
    re.IGNORECASE,
)
_IMPERATIVE_RE = re.compile(rf"^\s*(?:please\s+|and\s+)?(?:{_ACTION_VERBS})\b", re.IGNORECASE)
_MODALITY_WORDS: dict[str, re.Pattern[str]] = {
    "image": re.compile(
        r"\b(?:image|images|picture|pictures|photo|photos|photograph|snapshot|pic|illustration|"
        r"drawing|painting|visual|scan|scanned)\b",
        re.IGNORECASE,
    ),
    "audio": re.compile(
        r"\b(?:audio|recording|recorded|sound|voice|speech|spoken|podcast|song|music|speaker|"
        r"listen|aloud|narration|narrate)\b",
        re.IGNORECASE,
    ),
    "video": re.compile(r"\b(?:video|videos|clip|animation|movie|footage)\b", re.IGNORECASE),
    "text": re.compile(
        r"\b(?:text|sentence|sentences|phrase|phrases|passage|article|paragraph|essay|story|"
        r"summary|transcript|translation|words|message|query|question|quote)\b",
        re.IGNORECASE,
    ),
}
_DONE_RE = re.compile(
    r"\b(the|this|that|these|those|my|our|its|their|of|from) (?:(?:newly|freshly|just) )?"
    r"(?:translated|"
    r"transcribed|summari[sz]ed|edited|modified|generated|created|enhanced|cleaned|segmented|"
    r"detected|extracted|classified|converted|produced|resulting|refined|adjusted|altered|"
    r"transformed|improved|updated|condensed|denoised|recolou?red|identified|recogni[sz]ed|"
    r"synthesi[sz]ed|narrated|spoken|answered|described|processed|obtained|above|previous|"
    r"output|result(?:ing)?|new|final|same) (?=\w)",
    re.IGNORECASE,
)
"""Participles that point at an earlier step's output ("the translated text" -> "the text")."""


@dataclass
class Clause:
    """One clause of a request: its text with placeholders and what it asks for."""

    text: str
    """Clause with placeholders ``§F0§`` (file) / ``§Q0§`` (quote)."""
    sentence: int
    request: bool = False
    """Asks for something outright ("can you", "please", an imperative)."""
    weak: bool = False
    """Only states a wish or a question ("I'm curious about ...", "I'd like to ...")."""
    chained: bool = False
    embed_text: str = ""
    files: list[int] = field(default_factory=list)
    quotes: list[int] = field(default_factory=list)
    modalities: set[str] = field(default_factory=set)
    file_modalities: list[str] = field(default_factory=list)


@dataclass
class ParsedRequest:
    """A request with its files and quotes extracted and its text split into clauses."""

    request: str
    clauses: list[Clause]
    files: list[str]
    """File mentions (and given files) in order of appearance."""
    quotes: list[str]
    mentioned: set[int] = field(default_factory=set)
    """Indexes of the files named in the request text (the others were only passed as files)."""
    small_talk: bool = False
    """The request is only greetings, thanks or small talk."""


def file_modality(name: str) -> str:
    """The modality of a file by its extension (``"text"`` when unknown)."""
    return modality_of_path(name) or "text"


def parse_request(request: str, files: Sequence[str] = ()) -> ParsedRequest:
    """Extract files and quotes, then split ``request`` into clauses (exposed for tests/debug)."""
    file_list: list[str] = []
    quotes: list[str] = []

    def file_index(name: str) -> int:
        for i, known in enumerate(file_list):
            if known == name or _basename(known) == _basename(name):
                return i
        file_list.append(name)
        return len(file_list) - 1

    for f in files:
        file_index(str(f))
    mentioned: set[int] = set()

    def mention(name: str) -> str:
        idx = file_index(name)
        mentioned.add(idx)
        return f"§F{idx}§"

    def on_quote(m: re.Match[str]) -> str:
        content = next(g for g in m.groups() if g is not None).strip()
        if _FILE_RE.fullmatch(content):
            return mention(content)
        quotes.append(content)
        return f"§Q{len(quotes) - 1}§"

    text = _QUOTE_RE.sub(on_quote, request)
    text = _FILE_RE.sub(lambda m: mention(m.group(1)), text)
    parsed = ParsedRequest(request=request, clauses=[], files=file_list, quotes=quotes)
    parsed.mentioned = mentioned
    if not quotes and not mentioned and is_small_talk(text):
        parsed.small_talk = True
        return parsed

    clauses = parsed.clauses
    sentences = [strip_discourse(s) for s in _SENT_SPLIT.split(text) if s.strip()]
    # Greetings and thanks around a request ("Thanks! Now describe it.") are no clauses.
    sentences = [s for s in sentences if "§" in s or not is_small_talk(s)]
    for s_idx, sentence in enumerate(sentences):
        sent_request = bool(_REQUEST_RE.search(sentence)) or bool(_IMPERATIVE_RE.match(sentence))
        sent_weak = bool(_WEAK_REQUEST_RE.search(sentence))
        pieces = [p for p in _CLAUSE_SPLIT.split(sentence) if p and p.strip(" ,.")]
        for p_idx, piece in enumerate(pieces):
            clause = Clause(text=piece.strip(), sentence=s_idx)
            clause.chained = bool(_CHAIN_START.match(piece)) or (p_idx > 0)
            clause.request = (
                sent_request
                or bool(_IMPERATIVE_RE.match(_CHAIN_START.sub("", piece)))
                or bool(_CHAIN_START.match(piece))
            )
            clause.weak = not clause.request and sent_weak
            for kind, idx in _PH_RE.findall(piece):
                (clause.files if kind == "F" else clause.quotes).append(int(idx))
            clause.embed_text = _embed_text(piece, file_list, quotes)
            for modality, pattern in _MODALITY_WORDS.items():
                if pattern.search(clause.embed_text):
                    clause.modalities.add(modality)
            clause.file_modalities = [file_modality(file_list[i]) for i in clause.files]
            clause.modalities.update(clause.file_modalities)
            clauses.append(clause)
    return parsed


def _embed_text(piece: str, files: list[str], quotes: list[str]) -> str:
    def repl(m: re.Match[str]) -> str:
        idx = int(m.group(2))
        if m.group(1) == "F":
            after = piece[m.end() : m.end() + 24].lower()
            if re.match(
                r"\W*(?:audio|image|picture|photo|file|video|document|text|recording|"
                r"sound|clip|photograph)",
                after,
            ):
                return "the"
            return {"image": "the image", "audio": "the audio", "video": "the video"}.get(
                file_modality(files[idx]), "the text document"
            )
        return "the question" if quotes[idx].rstrip().endswith("?") else "the text"

    out = _PH_RE.sub(repl, piece)
    out = _DONE_RE.sub(r"\1 ", out)
    return re.sub(r"\s+", " ", out).strip(" ,;")


def with_history_files(files: Sequence[str], history: Sequence[Any]) -> list[str]:
    """``files`` preceded by the file names mentioned in earlier turns (older first)."""
    given = [str(f) for f in files]
    known = {_basename(f) for f in given}
    seen: list[str] = []
    for message in history or ():
        content = getattr(message, "content", message)
        if isinstance(content, list):
            content = " ".join(
                str(part.get("text", "")) if isinstance(part, dict) else str(part)
                for part in content
            )
        if not isinstance(content, str):
            continue
        for m in _FILE_RE.finditer(content):
            name = m.group(1)
            if "://" in name or _basename(name) in known:
                continue
            if name in seen:
                seen.remove(name)
            seen.append(name)
    return seen + given
