"""Target languages the local routes understand, with their ISO 639-1 and NLLB/FLORES codes.

Shared by the seq2seq and speech-recognition routes (and the remote executor); its own module so
that route modules need not import :mod:`hgpt_langchain.execution.local`.
"""

from __future__ import annotations

LANGUAGES: dict[str, tuple[str, str]] = {
    # name: (ISO 639-1, NLLB/FLORES code)
    "english": ("en", "eng_Latn"),
    "french": ("fr", "fra_Latn"),
    "german": ("de", "deu_Latn"),
    "spanish": ("es", "spa_Latn"),
    "italian": ("it", "ita_Latn"),
    "portuguese": ("pt", "por_Latn"),
    "dutch": ("nl", "nld_Latn"),
    "romanian": ("ro", "ron_Latn"),
    "russian": ("ru", "rus_Cyrl"),
    "chinese": ("zh", "zho_Hans"),
    "japanese": ("ja", "jpn_Jpan"),
    "korean": ("ko", "kor_Hang"),
    "arabic": ("ar", "arb_Arab"),
    "hindi": ("hi", "hin_Deva"),
    "turkish": ("tr", "tur_Latn"),
    "polish": ("pl", "pol_Latn"),
    "swedish": ("sv", "swe_Latn"),
    "ukrainian": ("uk", "ukr_Cyrl"),
    "greek": ("el", "ell_Grek"),
    "czech": ("cs", "ces_Latn"),
}
"""Target languages the seq2seq route understands, with their codes."""


def _language(name: str | None) -> tuple[str, str, str] | None:
    if not name:
        return None
    key = name.strip().lower()
    for lang, (iso, flores) in LANGUAGES.items():
        if key in (lang, iso, flores.lower()):
            return lang, iso, flores
    return None
