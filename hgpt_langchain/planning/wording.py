"""Wording rules of the offline planner: discourse words, small talk, request scaffolding.

These are the purely lexical parts of :mod:`~hgpt_langchain.planning.offline`:

* :func:`strip_discourse` removes leading discourse words of a follow-up turn ("now", "ok",
  "great,") so that "now make it black and white" reads as the imperative it is.
* :func:`is_small_talk` recognises greetings, thanks and small talk that ask for no model.
* :func:`prompt_text` turns a clause into the text argument of a task by removing request
  scaffolding ("can you", "please", "generate an image of", "read ... aloud").
* :func:`edit_instruction` turns a clause into the instruction of an image edit ("make photo.jpg
  look like a watercolor painting" -> "look like a watercolor painting").
"""

from __future__ import annotations

import re

_INTERJECTIONS = (
    r"great|good|cool|nice|perfect|awesome|excellent|amazing|wonderful|fantastic|brilliant|"
    r"thanks|thank you|thank you so much|thanks a lot|many thanks|cheers|yes|yeah|yep|sure|fine|"
    r"right|hey|hi|hello|oh|ah|hmm+|wow|alright|all right|ok|okay|well|so|got it|"
    r"that'?s (?:great|good|nice|perfect|awesome|cool|lovely|helpful)|"
    r"(?:that|this) (?:looks|is|was) (?:great|good|nice|perfect|awesome|cool|lovely|helpful)"
)
_DISCOURSE_RE = re.compile(
    # free-standing words ("now make it ...", "ok describe it") ...
    r"^\s*(?:(?:now(?! that\b)|ok|okay|alright|all right|so(?! that\b)|next up|and now)\b"
    r"[\s,;:!.-]*"
    # ... or interjections followed by punctuation ("great, ...", "thanks! ...")
    rf"|(?:{_INTERJECTIONS})\s*[,;:!.-]+\s*)+",
    re.IGNORECASE,
)

_SMALL_TALK_PHRASES = (
    r"hi|hello|hey|hey there|hi there|hello there|yo|greetings|howdy|"
    r"good (?:morning|afternoon|evening|night|day)|"
    r"how are you(?: doing)?(?: today)?|how(?:'s| is) it going|how are things|what'?s up|"
    r"how do you do|nice to meet you|pleased to meet you|"
    r"(?:i'?m|i am) (?:fine|good|great|ok|okay|well)(?: thanks| thank you)?|and you|you too|"
    r"thanks?|thank you|thanks? (?:a lot|so much|very much|again|a bunch)|"
    r"thank you (?:so much|very much|again|for (?:your|the) help|for that|for everything)|"
    r"many thanks|cheers|much appreciated|i appreciate (?:it|that|your help)|"
    r"(?:that|this|it)(?:'s| is| was| looks) (?:(?:really|very|so|just) )?"
    r"(?:great|good|nice|perfect|awesome|amazing|cool|lovely|helpful|fine|wonderful|beautiful)|"
    r"great|good|cool|nice|perfect|awesome|amazing|wonderful|excellent|fantastic|brilliant|"
    r"lovely|ok|okay|alright|all right|sure|yes|yeah|yep|no|nope|got it|understood|"
    r"good job|well done|nice work|great job|no problem|no worries|"
    r"bye|goodbye|good bye|see you|see you later|see ya|take care|have a nice day|"
    r"who are you|what'?s your name|what is your name|"
    r"hmm+|oh|ah|wow|lol|haha|:\)|:-\)"
)
_SMALL_TALK_RE = re.compile(
    rf"(?:{_SMALL_TALK_PHRASES})(?:\s+(?:friend|buddy|mate|there|again|everyone|all|bot))?",
    re.IGNORECASE,
)


def strip_discourse(sentence: str) -> str:
    """Remove leading discourse words and interjections ("now", "ok, ", "great! ")."""
    out = sentence
    while True:
        m = _DISCOURSE_RE.match(out)
        if not m or not m.group(0) or m.end() >= len(out.rstrip()):
            return out
        out = out[m.end() :]


def is_small_talk(text: str) -> bool:
    """Whether ``text`` is only greetings, thanks or small talk (no task in it)."""
    parts = [p.strip() for p in re.split(r"[,.!?;:\n]+|\s+-\s+", text) if p.strip()]
    return bool(parts) and all(_SMALL_TALK_RE.fullmatch(p) for p in parts)


# -- request scaffolding -----------------------------------------------------------------------
_LEAD_IN = re.compile(
    r"^(?:(?:and|also|then|now|ok|okay|finally|lastly|next|please|subsequently|after that|"
    r"afterwards|additionally|furthermore|moreover|first(?:ly)?|second(?:ly)?|"
    r"could you|can you|would you|will you|could we|can we|would it be possible to|"
    r"is it possible to|"
    r"(?:help|assist) me(?: (?:to|in|with|by))?|(?:help|assist) (?:to|in|with|by)|"
    r"i(?:'d| would) (?:like|love|want)(?: (?:you|it if you))?(?: to)?|"
    r"i (?:want|need|wish|hope)(?: you)?(?: to)?|we (?:want|need)(?: you)?(?: to)?|"
    r"let'?s|go ahead and|try to|be able to|kindly|possibly|maybe|perhaps|just|for me|for us|"
    r"me|us)\b[\s,]*)+",
    re.IGNORECASE,
)
_MID_REQUEST = re.compile(
    r"^.*?\b(?:could|can|would|will) you(?: please| kindly)?(?: (?:help|assist) me)?"
    r"(?: (?:to|in|with|by))?\s+(?=\w)",
    re.IGNORECASE,
)
_TRAILING = re.compile(
    r"(?:[\s,]+(?:for me|for us|please|if possible|if you can|if you could|thanks|thank you))+"
    r"[\s.?!]*$|[\s,.?!;:]+$",
    re.IGNORECASE,
)
_MEDIA = (
    r"image|picture|photo|photograph|pic|illustration|drawing|painting|artwork|art piece|"
    r"art|render(?:ing)?|visual|visuali[sz]ation|sketch|graphic|poster|wallpaper|"
    r"video|clip|animation|movie|film|footage|"
    r"audio|audio file|audio clip|recording|voice ?over|voice recording|speech|sound|narration"
)
_MAKE_VERBS = (
    r"generat|creat|draw|mak|produc|paint|render|design|sketch|build|craft|compos|show|giv|get|"
    r"synthesi[sz]|illustrat|visuali[sz]|film|shoot|record|animat|output|return"
)
_MEDIA_SCAFFOLD = re.compile(
    rf"^(?:{_MAKE_VERBS})\w*\s+(?:(?:me|us)\s+)?"
    r"(?:(?:an?|the|one|some|a new|a short|a quick|a brief|another)\s+)?"
    r"(?:(?:new|short|brief|quick|small|simple|nice|beautiful|realistic|detailed|colou?rful|"
    r"vivid|high[- ]quality|\d+[- ]second|fresh|digital|ai|spoken)\s+)*"
    rf"(?:{_MEDIA})s?\b\s*"
    r"(?:(?:of|showing|that shows|which shows|depicting|that depicts|which depicts|with|about|"
    r"featuring|that features|from|based on|representing|that represents|illustrating|"
    r"that illustrates|capturing|that captures|where|in which|for|saying|that says|"
    r"of the (?:text|description|prompt|sentence|scene))\b\s*)?",
    re.IGNORECASE,
)
_DRAW_SCAFFOLD = re.compile(
    r"^(?:draw|paint|sketch|illustrate|visuali[sz]e|depict|picture|imagine|render|portray)\s+"
    r"(?:(?:me|us)\s+)?",
    re.IGNORECASE,
)
_SPEECH_SCAFFOLD = re.compile(
    r"^(?:read(?: out)?|say|speak|narrate|pronounce|voice|recite|dictate)\s+(?:out\s+)?"
    r"(?P<x>.+?)\s*(?:aloud|out loud|out|for me|to me|in a \w+ voice)?$|"
    r"^(?:convert|turn|transform|change|make)\s+(?P<y>.+?)\s+(?:in)?to\s+(?:an?\s+)?"
    r"(?:speech|audio|voice|sound|spoken (?:audio|words)|an audio file)$",
    re.IGNORECASE,
)
_TRANSLATE_SCAFFOLD = re.compile(
    r"^(?:translate|how do (?:you|i) say|what is|what'?s)\s+(?P<x>.+?)"
    r"(?:\s+from\s+[A-Z]\w+)?\s+(?:into|to|in)\s+[A-Z]\w+(?:\s+language)?$",
    re.IGNORECASE,
)
_GENERIC_OBJECT = re.compile(
    r"^(?:it|this|that|them|these|those|the (?:text|sentence|result|output|description|"
    r"summary|story|caption|transcript(?:ion)?|translation|answer|phrase|paragraph|words?))$",
    re.IGNORECASE,
)


def _clean(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" ,;:")
    prev = None
    while prev != text:
        prev = text
        text = _LEAD_IN.sub("", text)
        text = _TRAILING.sub("", text).strip(" ,;:")
    return text


def prompt_text(text: str, task: str | None = None) -> str:
    """The text argument a clause gives a generation task, without the request scaffolding.

    ``"Can you generate an image of a cat surfing?"`` -> ``"a cat surfing"`` (text-to-image),
    ``"please read hello there aloud"`` -> ``"hello there"`` (text-to-speech); other tasks only
    lose the lead-in ("could you", "please", "I want to"). Falls back to the clause itself when
    nothing would be left.
    """
    original = re.sub(r"\s+", " ", text).strip()
    out = _clean(original)
    if _MID_REQUEST.match(out) and len(_MID_REQUEST.sub("", out)) > 8:
        out = _clean(_MID_REQUEST.sub("", out))
    if task in ("text-to-image", "text-to-video", "text-to-speech"):
        stripped = _MEDIA_SCAFFOLD.sub("", out, count=1)
        if stripped == out and task in ("text-to-image", "text-to-video"):
            stripped = _DRAW_SCAFFOLD.sub("", out, count=1)
        out = _clean(stripped) or out
    if task == "text-to-speech":
        m = _SPEECH_SCAFFOLD.match(out)
        if m:
            inner = (m.group("x") or m.group("y") or "").strip()
            if inner and not _GENERIC_OBJECT.match(inner):
                out = inner
    if task == "translation":
        m = _TRANSLATE_SCAFFOLD.match(out)
        if m and not _GENERIC_OBJECT.match(m.group("x").strip()):
            out = m.group("x").strip()
    out = out.strip(" ,.?!;:")
    return out or original.strip(" ,.?!;:") or original


_IMAGE_NOUN = (
    r"(?:(?:the|this|that|my|our|its|your|an?)\s+(?:\w+\s+)?"
    r"(?:image|picture|photo|photograph|pic|shot|snapshot|illustration|drawing|scan|painting|"
    r"artwork)(?:\s+(?:named|called|titled|labell?ed)\s+§F\d+§)?|"
    r"§F\d+§(?:\s+(?:image|picture|photo|file))?|it|this|that|them)"
)
_EDIT_SCAFFOLD = re.compile(
    r"^(?:(?:edit|modify|alter|adjust|tweak|change|update|transform|convert|turn|make|render|"
    r"process|apply|use)\w*)\s+" + _IMAGE_NOUN + r"(?!\s+(?:of|with|from|in)\b)\s*"
    r"(?:(?:so that|so|such that|in order to|to make it|to|into|by|for|and make it)\b\s*)?",
    re.IGNORECASE,
)
_EDIT_ONLY = re.compile(
    r"^(?:(?:edit|modify|alter|adjust|tweak|change|update|transform|convert|process|enhance|"
    r"fix|improve|do)\w*\s*(?:" + _IMAGE_NOUN + r")?(?:\s+for (?:me|us))?"
    r"|(?:(?:make|do|apply|perform)\s+)?(?:some|a few|the|an?|these|those|my|our|its|their)?"
    r"\s*(?:edits?|changes?|"
    r"modifications?|adjustments?)(?:\s+(?:to|on)\s+" + _IMAGE_NOUN + r")?)$",
    re.IGNORECASE,
)


def edit_instruction(text: str) -> str | None:
    """How a clause asks to change an image, or None when it does not say.

    Args:
        text: The clause with file placeholders (``§F0§``) still in it.

    Returns:
        The instruction without request scaffolding and the image's name, e.g. ``"make §F0§ look
        like a watercolor painting"`` -> ``"look like a watercolor painting"``, ``"edit the image
        to change the color of the ball to blue"`` -> ``"change the color of the ball to blue"``;
        None for a bare "edit the image".
    """
    out = _clean(text)
    if _MID_REQUEST.match(out) and len(_MID_REQUEST.sub("", out)) > 8:
        out = _clean(_MID_REQUEST.sub("", out))
    stripped = _EDIT_SCAFFOLD.sub("", out, count=1)
    if stripped.strip():
        out = _clean(stripped)
    if not out or _EDIT_ONLY.match(out):
        return None
    out = re.sub(r"§F\d+§(?:\s+(?:image|picture|photo|file))?", "the image", out)
    out = re.sub(r"\s+", " ", out).strip(" ,.?!;:")
    return out or None


__all__ = ["edit_instruction", "is_small_talk", "prompt_text", "strip_discourse"]
