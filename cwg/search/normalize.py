"""One text pipeline for indexed documents and for queries, so both sides always agree.

Rules, in order (each has a test in tests/search/test_normalize.py):

1. Symbols such as ``CWG-WSIS&SDG-44/7`` or ``CWG-WSIS&SDG-44/INF/3`` are one token, matched
   exactly (casefolded, never stemmed).
2. Unicode NFKC, then casefold.
3. Latin accents are folded (``é`` -> ``e``).
4. Arabic tashkeel (harakat, shadda, sukun, superscript alef) and tatweel are removed.
5. Alef forms ``أ إ آ ٱ`` -> ``ا``; ``ى`` -> ``ي``; ``ة`` -> ``ه``.
6. Arabic light stemming: the article and clitic prefixes (``وال بال كال فال لل ال و ف ب ك ل``)
   and common suffixes (``ات ون ين ها ه``) are removed while at least three letters remain
   (four after a one-letter clitic, so كاتب and وزير keep their first letter).
   Own rules rather than snowball "arabic": snowball leaves القمة and قمة apart (see
   test_light_stemmer_joins_what_snowball_splits) and cuts suffixes a prefix query needs.
7. Latin words go through the snowball English stemmer.
"""

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

SYMBOL = re.compile(
    r"[A-Za-z][A-Za-z0-9&+]*(?:[-/][A-Za-z0-9&+]+)*[-/][A-Za-z0-9&+]*\d[A-Za-z0-9&+/-]*"
)
WORD = re.compile("[\\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]+")
TOKEN = re.compile(f"(?P<symbol>{SYMBOL.pattern})|(?P<word>{WORD.pattern})")

TASHKEEL = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
ARABIC = re.compile("[\u0600-\u06ff]")
PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال", "و", "ف", "ب", "ك", "ل")
SUFFIXES = ("ات", "ون", "ين", "ها", "ه")
MIN_STEM = 3

_english = snowballstemmer.stemmer("english")


@dataclass(frozen=True)
class Token:
    text: str  # normalised form, what the engines index and match
    start: int  # offsets into the ORIGINAL text, for snippets
    end: int
    symbol: bool = False


def fold(word: str) -> str:
    """Rules 2-5: character folding without stemming."""
    word = unicodedata.normalize("NFKC", word).casefold()
    word = TASHKEEL.sub("", word)
    word = word.translate(ALEF)
    if not ARABIC.search(word):
        decomposed = unicodedata.normalize("NFKD", word)
        word = "".join(c for c in decomposed if not unicodedata.combining(c))
    return word


def strip_arabic_prefix(word: str) -> str:
    for prefix in PREFIXES:
        needed = MIN_STEM if len(prefix) > 1 else MIN_STEM + 1  # keep كاتب, وزير
        if word.startswith(prefix) and len(word) - len(prefix) >= needed:
            return word[len(prefix) :]
    return word


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Rules 2-7 for one word (not a symbol)."""
    word = fold(word)
    if not word:
        return word
    if ARABIC.search(word):
        word = strip_arabic_prefix(word)
        for suffix in SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
                return word[: -len(suffix)]
        return word
    return _english.stemWord(word)


def prefix_form(word: str) -> str:
    """How a prefix query ``word*`` is matched: folded and prefix-stripped, never suffix-cut."""
    word = fold(word)
    return strip_arabic_prefix(word) if ARABIC.search(word) else word


def iter_tokens(text: str) -> Iterator[Token]:
    """Tokens of ``text`` with their original offsets, one at a time."""
    for match in TOKEN.finditer(text):
        if match.group("symbol"):
            yield Token(match.group().casefold(), match.start(), match.end(), True)
            continue
        form = stem(match.group())
        if form:
            yield Token(form, match.start(), match.end())


def tokens(text: str) -> list[Token]:
    return list(iter_tokens(text))


def index_text(text: str) -> str:
    """The normalised text the engines index: one token per position, space separated."""
    return " ".join(token.text for token in tokens(text))
