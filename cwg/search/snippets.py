"""Highlighted snippets computed from the ORIGINAL text and the normalised token offsets.

Tokens are read lazily: a snippet costs the tokens up to the first match plus its window,
not the whole document; a document whose body does not match (the title did) is read for
at most SCAN_LIMIT tokens and shows its beginning. A pattern of the query's Arabic forms and
of the beginnings of its Latin ones (which may carry diacritics and other spellings, see
``_SPELLINGS``) finds where the first match probably is, and reading starts a few words
before it; where that finds nothing, every token is read as before. Every character between
the first and the last token shown is kept, and so is what comes before the first or after
the last token of the text when the window reaches its start or its end (a bracket, a stop).
"""

import re
from collections import deque
from functools import lru_cache
from itertools import islice

from django.utils.html import escape

from cwg.search.normalize import ARABIC, Token, iter_tokens, prefix_forms
from cwg.search.query import Query

WINDOW = 24  # tokens shown from the first match on
BEFORE = WINDOW // 3  # tokens shown before it
SCAN_LIMIT = 5000
LOOKBACK = 200  # characters read before a likely match, for the BEFORE tokens
_MARKS = "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]*"  # tashkeel, tatweel
_SPELLINGS = {"ا": "[اأإآٱ]", "ي": "[يى]", "ه": "[هة]"}  # what normalize.fold folds


def _spelled(form: str) -> str:
    if ARABIC.search(form):
        return "".join(_SPELLINGS.get(letter, re.escape(letter)) + _MARKS for letter in form)
    return re.escape(form[:-1] if len(form) > 2 else form)  # a stem's last letter may change


@lru_cache(maxsize=256)
def _likely_match(forms: frozenset[str]) -> re.Pattern | None:
    if not forms:
        return None
    return re.compile("|".join(sorted(map(_spelled, forms))), re.IGNORECASE)


def _reading_start(text: str, query: Query) -> int:
    """Where to start reading tokens: a word boundary a little before the first likely match."""
    exact, prefixes = query.highlight_forms()
    pattern = _likely_match(frozenset(exact) | frozenset(prefixes))
    found = pattern.search(text) if pattern else None
    if found is None or found.start() <= LOOKBACK:
        return 0
    space = max(
        text.rfind(" ", 0, found.start() - LOOKBACK), text.rfind("\n", 0, found.start() - LOOKBACK)
    )
    return space + 1


def _matcher(text: str, query: Query):
    exact, prefixes = query.highlight_forms()

    def hit(token: Token) -> bool:
        if token.text in exact:
            return True
        if prefixes and not token.symbol:
            readings = prefix_forms(text[token.start : token.end])
            return any(reading.startswith(prefixes) for reading in readings)
        return False

    return hit


def highlighted(text: str, query: Query) -> str:
    """All of ``text``, escaped, with the matched words marked: for titles."""
    shown = list(iter_tokens(text))
    if not shown:
        return escape(text)
    return _render(text, shown, _matcher(text, query), skipped=False, more=False)


def snippet(text: str, query: Query) -> str:
    hit = _matcher(text, query)
    start = _reading_start(text, query)
    stream = iter_tokens(text, start)
    before: deque[Token] = deque(maxlen=BEFORE)
    for index, token in enumerate(stream):
        if hit(token):
            shown = [*before, token, *islice(stream, WINDOW - 1)]
            more = next(stream, None) is not None
            return _render(text, shown, hit, skipped=index > BEFORE or start > 0, more=more)
        if index >= SCAN_LIMIT:
            break
        before.append(token)
    stream = iter_tokens(text)  # no match in the text: show its beginning
    shown = list(islice(stream, WINDOW))
    if not shown:
        return ""
    return _render(text, shown, hit, skipped=False, more=next(stream, None) is not None)


def _render(text: str, shown: list[Token], hit, *, skipped: bool, more: bool) -> str:
    start = shown[0].start if skipped else 0
    end = shown[-1].end if more else len(text)
    parts, cursor = [], start
    for token in shown:
        if hit(token):
            parts.append(escape(text[cursor : token.start]))
            parts.append(f"<mark>{escape(text[token.start : token.end])}</mark>")
            cursor = token.end
    parts.append(escape(text[cursor:end]))
    return ("… " if skipped else "") + "".join(parts).strip() + (" …" if more else "")
