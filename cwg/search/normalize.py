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
   A leading waw cannot be told apart from the conjunction "and" (وثيقة is "document", وتنمية
   is "and development"), so a waw left at the front once the article or clitic is gone is
   read both ways: the token drops it, as it drops the conjunction, so وثيقة, الوثيقة and
   بالوثيقة all give ثيق and والتنمية still gives تنمي; the reading that keeps it is indexed
   as a variant (no position of its own) for prefix queries such as ``وثي*`` or ``وطن*``.
   Own rules rather than snowball "arabic": snowball leaves القمة and قمة apart (see
   test_light_stemmer_joins_what_snowball_splits) and cuts suffixes a prefix query needs.
7. Latin words go through the snowball English stemmer.
"""

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

import snowballstemmer

SYMBOL = re.compile(
    r"[A-Za-z][A-Za-z0-9&+]*(?:[-/][A-Za-z0-9&+]+)*[-/][A-Za-z0-9&+]*\d[A-Za-z0-9&+/-]*"
)
WORD = re.compile("[\\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]+")
TOKEN = re.compile(f"(?P<symbol>{SYMBOL.pattern})|(?P<word>{WORD.pattern})")

TASHKEEL = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
ARABIC = re.compile("[\u0600-\u06ff]")
WAW = "و"
PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال", "و", "ف", "ب", "ك", "ل")
SUFFIXES = ("ات", "ون", "ين", "ها", "ه")
MIN_STEM = 3

_english = snowballstemmer.stemmer("english")


class Token(NamedTuple):  # a tuple: documents have thousands, made on every snippet
    text: str  # normalised form, what the engines index and match
    start: int  # offsets into the ORIGINAL text, for snippets
    end: int
    symbol: bool = False
    variant: str = ""  # the reading that keeps a leading waw, when the token dropped one


def fold(word: str) -> str:
    """Rules 2-5: character folding without stemming."""
    word = unicodedata.normalize("NFKC", word).casefold()
    word = TASHKEEL.sub("", word)
    word = word.translate(ALEF)
    if not ARABIC.search(word):
        decomposed = unicodedata.normalize("NFKD", word)
        word = "".join(c for c in decomposed if not unicodedata.combining(c))
    return word


def _strip_waw(word: str) -> str:
    return word[1:] if word.startswith(WAW) and len(word) > MIN_STEM + 1 else word


def arabic_readings(word: str) -> tuple[str, str]:
    """A folded Arabic word without its clitic prefix, and the reading that keeps a leading
    waw ("" when no waw was dropped)."""
    rest, kept = word, ""
    for prefix in PREFIXES:
        needed = MIN_STEM if len(prefix) > 1 else MIN_STEM + 1  # keep كاتب, وزير
        if word.startswith(prefix) and len(word) - len(prefix) >= needed:
            rest, kept = word[len(prefix) :], word if prefix == WAW else ""
            break
    while (shorter := _strip_waw(rest)) != rest:  # a waw after an article or a clitic
        kept, rest = rest, shorter
    return rest, kept


def strip_arabic_prefix(word: str) -> str:
    return arabic_readings(word)[0]


def _cut_suffix(word: str) -> str:
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=200_000)
def stem_readings(word: str) -> tuple[str, str]:
    """Rules 2-7 for one word (not a symbol): its form, and its waw-keeping variant or ""."""
    word = fold(word)
    if not word:
        return word, ""
    if ARABIC.search(word):
        stripped, kept = arabic_readings(word)
        return _cut_suffix(stripped), _cut_suffix(kept) if kept else ""
    return _english.stemWord(word), ""


def stem(word: str) -> str:
    return stem_readings(word)[0]


@lru_cache(maxsize=100_000)
def prefix_forms(word: str) -> tuple[str, ...]:
    """How a prefix query ``word*`` is matched: folded and prefix-stripped, never suffix-cut;
    an Arabic word that begins with waw also as typed (the variants hold that reading)."""
    word = fold(word)
    if not ARABIC.search(word):
        return (word,)
    stripped, kept = arabic_readings(word)
    return (stripped, kept) if kept else (stripped,)


def prefix_form(word: str) -> str:
    return prefix_forms(word)[0]


def iter_tokens(text: str, start: int = 0) -> Iterator[Token]:
    """Tokens of ``text`` from ``start`` (a word's first character) with their original
    offsets, one at a time."""
    for match in TOKEN.finditer(text, start):
        word = match.group()
        if match.lastgroup == "symbol":
            yield Token(word.casefold(), match.start(), match.end(), True)
            continue
        form, variant = stem_readings(word)
        if form:
            yield Token(form, match.start(), match.end(), False, variant)


def tokens(text: str) -> list[Token]:
    return list(iter_tokens(text))


def index_text(text: str) -> str:
    """The normalised text the engines index: one token per position, space separated."""
    return " ".join(token.text for token in tokens(text))


def indexed_texts(text: str) -> tuple[str, str]:
    """``index_text(text)`` and, in the same pass, the waw-keeping variants (rule 6) of its
    tokens, both space separated."""
    found = tokens(text)
    forms = " ".join(token.text for token in found)
    return forms, " ".join(token.variant for token in found if token.variant)
