"""One language table for the whole package: names, ISO 639-1 codes, FLORES-200 codes.

The offline planner (target languages it puts into a plan), the local translation route (the
languages it accepts) and model selection (a request's languages against a model's) all read
:data:`LANGUAGES`, so a language the planner plans is one the local route accepts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    """One language."""

    name: str
    """English name, lower case ('german')."""
    iso: str
    """ISO 639-1 code ('de')."""
    flores: str
    """FLORES-200 / NLLB code ('deu_Latn')."""
    aliases: tuple[str, ...] = ()
    """Other names: native names ('deutsch'), variants ('mandarin')."""


LANGUAGES: dict[str, Language] = {
    lang.iso: lang
    for lang in (
        Language("english", "en", "eng_Latn", ("anglais", "englisch", "inglés", "ingles")),
        Language(
            "french",
            "fr",
            "fra_Latn",
            ("français", "française", "francais", "französisch", "französischen"),
        ),
        Language(
            "german",
            "de",
            "deu_Latn",
            ("deutsch", "deutschen", "deutsche", "deutscher", "allemand", "alemán", "aleman"),
        ),
        Language(
            "spanish",
            "es",
            "spa_Latn",
            ("español", "española", "espanol", "castellano", "spanisch", "spanischen"),
        ),
        Language("italian", "it", "ita_Latn", ("italiano", "italienisch")),
        Language("portuguese", "pt", "por_Latn", ("português", "portugues")),
        Language("dutch", "nl", "nld_Latn", ("nederlands", "flemish")),
        Language("romanian", "ro", "ron_Latn", ("română", "romana")),
        Language("russian", "ru", "rus_Cyrl", ("русский", "русском", "русского", "русски")),
        Language("chinese", "zh", "zho_Hans", ("mandarin", "中文", "汉语", "普通话", "chinesisch")),
        Language("japanese", "ja", "jpn_Jpan", ("日本語", "日语", "japanisch")),
        Language("korean", "ko", "kor_Hang", ("한국어", "koreanisch")),
        Language("arabic", "ar", "arb_Arab", ("العربية",)),
        Language("hindi", "hi", "hin_Deva", ("हिन्दी",)),
        Language("turkish", "tr", "tur_Latn", ("türkçe", "turkce")),
        Language("polish", "pl", "pol_Latn", ("polski",)),
        Language("swedish", "sv", "swe_Latn", ("svenska",)),
        Language("ukrainian", "uk", "ukr_Cyrl", ("українська",)),
        Language("greek", "el", "ell_Grek", ("ελληνικά",)),
        Language("czech", "cs", "ces_Latn", ("čeština", "cestina")),
        Language("hebrew", "he", "heb_Hebr", ("עברית",)),
        Language("vietnamese", "vi", "vie_Latn", ("tiếng việt",)),
        Language("thai", "th", "tha_Thai", ("ไทย",)),
        Language("indonesian", "id", "ind_Latn", ("bahasa indonesia",)),
        Language("finnish", "fi", "fin_Latn", ("suomi",)),
        Language("danish", "da", "dan_Latn", ("dansk",)),
        Language("norwegian", "no", "nob_Latn", ("norsk",)),
        Language("hungarian", "hu", "hun_Latn", ("magyar",)),
        Language("persian", "fa", "pes_Arab", ("farsi",)),
        Language("bengali", "bn", "ben_Beng", ("bangla",)),
        Language("urdu", "ur", "urd_Arab", ()),
        Language("catalan", "ca", "cat_Latn", ("català",)),
    )
}
"""Every language the package names, by ISO 639-1 code."""

_BY_NAME: dict[str, Language] = {}
for _lang in LANGUAGES.values():
    for _key in (_lang.name, _lang.iso, _lang.flores.lower(), *_lang.aliases):
        _BY_NAME.setdefault(_key.lower(), _lang)

LANGUAGE_NAME_PATTERN = "|".join(
    sorted(
        {re.escape(k) for k in _BY_NAME if len(k) > 2 and "_" not in k},
        key=len,
        reverse=True,
    )
)
"""A regex alternation of every language name and alias (no 2-letter codes), longest first."""


def language(name: str | None) -> Language | None:
    """The language called ``name`` (English or native name, ISO or FLORES code), or ``None``."""
    if not name:
        return None
    key = name.strip().lower()
    found = _BY_NAME.get(key)
    if found is None and "-" in key:  # "en-US", "zh-cn"
        found = _BY_NAME.get(key.split("-", 1)[0])
    return found


def iso_code(name: str | None) -> str | None:
    """The ISO 639-1 code of ``name`` (see :func:`language`), or ``None``."""
    lang = language(name)
    return lang.iso if lang else None


def display_names() -> list[str]:
    """English names, capitalised ('German'), in table order."""
    return [lang.name.capitalize() for lang in LANGUAGES.values()]


_ENGLISH_WORDS = frozenset(
    "a an the in is on to do no me of and or for at it be as so by i die he we us you am are "
    "was not but if my our can may".split()
)

FUNCTION_WORDS: dict[str, frozenset[str]] = {
    code: frozenset(words.split()) - _ENGLISH_WORDS
    for code, words in {
        "pt": "o os as um uma do da dos das no na nos em para pra com que não esse essa isso "
        "este esta isto neste nesta meu minha mim você qual é são por pelo pela ao aos",
        "es": "el la los las un una del al en para con que no es por este esta esto ese esa mi "
        "me qué cuál cómo y lo le su se muy pero",
        "fr": "le la les un une des du de et est en pour avec que qui ce cette mon ma mes je tu "
        "vous nous pas dans sur au aux quel quelle moi",
        "de": "der die das den dem ein eine einen und ist nicht mit für auf zu ich du sie wir "
        "mein meine bitte was wie diese dieser dieses von im mir",
        "it": "il lo la gli le un una di del della che è non per con questo questa mi ti come "
        "cosa sono nel nella",
        "nl": "de het een en is niet met voor op van dit deze wat hoe mijn ik je naar zijn graag",
        "pl": "i w z na do nie to jest się co jak ten ta proszę mi mnie czy dla od po że",
        "sv": "och är en ett det den inte med för på av jag du vad hur min mitt till om",
        "tr": "bir ve bu şu ne için ile mi mı değil ben sen lütfen nasıl bana",
        "id": "yang dan ini itu di ke dari untuk dengan tidak saya apa bisa tolong",
    }.items()
}
"""Common function words of some languages written in the Latin script, less English words:
two of them back a short text's identified language (``hgpt_langchain.fit``)."""
