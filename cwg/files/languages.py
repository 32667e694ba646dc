"""Which of the six UN languages a text is in, or None when that cannot be said with confidence.

Lingua (lingua-language-detector) compares n-gram models of the six languages only. Its
confidence is relative (a half-Arabic, half-English text still comes out "English, 0.99"), so a
text whose letters are not mostly of one script is refused first; a text whose best language is
below the threshold, or too short, gets no answer either: callers ask a person instead.
"""

import functools
import unicodedata
from collections import Counter
from dataclasses import dataclass

from lingua import Language, LanguageDetectorBuilder

UN_LANGUAGES = {
    Language.ARABIC: "ar",
    Language.CHINESE: "zh",
    Language.ENGLISH: "en",
    Language.FRENCH: "fr",
    Language.RUSSIAN: "ru",
    Language.SPANISH: "es",
}
MINIMUM_CONFIDENCE = 0.8
MINIMUM_SHARE_OF_ONE_SCRIPT = 0.85
SCRIPTS = ("ARABIC", "CJK", "CYRILLIC", "LATIN")
SAMPLE_CHARACTERS = 20_000  # spread over the text: enough to decide, bounded in time


@dataclass(frozen=True)
class DetectedLanguage:
    code: str  # ar, zh, en, fr, ru, es
    confidence: float


@functools.cache
def _detector():
    return LanguageDetectorBuilder.from_languages(*UN_LANGUAGES).build()


def _sample(text: str) -> str:
    if len(text) <= SAMPLE_CHARACTERS:
        return text
    third = SAMPLE_CHARACTERS // 3
    middle = len(text) // 2
    return " ".join((text[:third], text[middle - third // 2 : middle + third // 2], text[-third:]))


def _script(character: str) -> str | None:
    name = unicodedata.name(character, "")
    return next((script for script in SCRIPTS if name.startswith(script)), None)


def written_in_one_script(text: str) -> bool:
    scripts = Counter(_script(character) for character in text if character.isalpha())
    scripts.pop(None, None)
    total = sum(scripts.values())
    return total > 0 and scripts.most_common(1)[0][1] / total >= MINIMUM_SHARE_OF_ONE_SCRIPT


def detect_language(text: str) -> DetectedLanguage | None:
    sample = _sample(" ".join(text.split()))
    if len(sample) < 20 or not written_in_one_script(sample):
        return None
    best = _detector().compute_language_confidence_values(sample)[0]
    if best.value < MINIMUM_CONFIDENCE:
        return None
    return DetectedLanguage(code=UN_LANGUAGES[best.language], confidence=best.value)
