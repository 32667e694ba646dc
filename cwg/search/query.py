"""The one query language, parsed once into an AST that each engine compiles.

``words`` must all match, ``"a phrase"`` matches in order, ``-word`` excludes, ``word*`` is a
prefix, symbols match exactly. Engine operators (NEAR, AND, OR, ^, :) are plain words here, an
unbalanced quote closes at the end, and input beyond MAX_LENGTH or MAX_TERMS is cut: the parser
never raises and never lets the user's text reach an engine unquoted.
"""

import re
from dataclasses import dataclass, field

from cwg.search.normalize import SYMBOL, fold, prefix_forms, tokens

MAX_LENGTH = 500
MAX_TERMS = 16
MIN_PREFIX = 2

PART = re.compile(r'(?P<neg>-)?(?:"(?P<phrase>[^"]*)(?:"|$)|(?P<word>[^\s"]+))')


@dataclass(frozen=True)
class Term:
    kind: str  # "word", "phrase", "prefix" or "symbol"
    # normalised tokens: one, several in order for a phrase, or a prefix's alternative readings
    forms: tuple[str, ...]


@dataclass
class Query:
    must: list[Term] = field(default_factory=list)
    exclude: list[Term] = field(default_factory=list)
    truncated: bool = False

    @property
    def empty(self) -> bool:
        return not self.must

    def highlight_forms(self) -> tuple[set[str], tuple[str, ...]]:
        """Exact forms and prefixes whose original words get a <mark> in snippets."""
        exact = {form for term in self.must if term.kind != "prefix" for form in term.forms}
        prefixes = tuple(form for term in self.must if term.kind == "prefix" for form in term.forms)
        return exact, prefixes


def _terms(raw: str, *, phrase: bool) -> list[Term]:
    if phrase:
        forms = tuple(token.text for token in tokens(raw))
        if len(forms) == 1:
            return [Term("symbol" if SYMBOL.fullmatch(raw.strip()) else "word", forms)]
        return [Term("phrase", forms)] if forms else []
    if raw.endswith("*") and not SYMBOL.fullmatch(raw.rstrip("*")):
        stem_tokens = tokens(raw.rstrip("*"))
        if len(stem_tokens) == 1 and not stem_tokens[0].symbol:
            word = raw.rstrip("*")[stem_tokens[0].start : stem_tokens[0].end]
            forms = prefix_forms(word)
            if len(forms[0]) >= MIN_PREFIX:
                return [Term("prefix", forms)]
            return [Term("word", (stem_tokens[0].text,))]
    found = tokens(raw)
    return [Term("symbol" if token.symbol else "word", (token.text,)) for token in found]


def parse(text: str) -> Query:
    query = Query()
    if len(text) > MAX_LENGTH:
        text, query.truncated = text[:MAX_LENGTH], True
    for match in PART.finditer(text):
        phrase = match.group("phrase")
        raw = phrase if phrase is not None else match.group("word")
        terms = _terms(raw, phrase=phrase is not None)
        target = query.exclude if match.group("neg") and fold(raw).strip() else query.must
        for term in terms:
            if term not in target:
                target.append(term)
    if len(query.must) + len(query.exclude) > MAX_TERMS:
        query.must, query.exclude = query.must[:MAX_TERMS], query.exclude[: MAX_TERMS // 2]
        query.truncated = True
    return query
