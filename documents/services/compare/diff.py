"""Word-level differences between two texts, paragraph by paragraph, with moved paragraphs.

Paragraphs are the text's lines (extraction writes one paragraph a line). They are aligned
first; a paragraph deleted in one place and inserted unchanged in another is *moved*. Paired
paragraphs are then compared word by word:

- Words are matched by their normalised form (cwg.search.normalize: Arabic tashkeel, alef
  forms and clitics such as و ال ب are folded away), so "والمجموعة" against "المجموعة" marks the
  added "و" only, not the whole word. What is shown is always the original text.
- Chinese, Japanese and Korean ideographs are one token each: there are no spaces to split on.
- Equal stretches always carry the NEWER text, so the newer text is exactly the equal and
  inserted segments joined (the tracked-changes DOCX relies on it).
"""

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

from cwg.search.normalize import ARABIC, fold, stem

IDEOGRAPH = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af"
TOKEN = re.compile(
    f"(?P<ideograph>[{IDEOGRAPH}])"
    f"|(?P<word>(?:(?![{IDEOGRAPH}])[\\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640])+)"
    "|(?P<other>[^\\s])"
)
SIMILAR_PARAGRAPHS = 0.5  # below this, a replaced paragraph is a deletion plus an insertion

MAX_NEAR_MOVE_PAIRS = 2500
EQUAL, INSERT, DELETE = "equal", "insert", "delete"


@dataclass(frozen=True)
class Segment:
    op: str  # equal, insert or delete
    text: str
    partial: bool = False  # letters within a word that otherwise matches (a clitic, a vowel mark)


@dataclass
class Block:
    """One paragraph of the comparison, in the newer text's order (deletions where they were).

    kind: equal, changed, inserted, deleted, moved_from (where it was), moved_to (where it is).
    """

    kind: str
    segments: list[Segment]
    older: str = ""
    newer: str = ""
    older_index: int | None = None
    newer_index: int | None = None
    move: int | None = None  # the same number on both ends of a move


@dataclass
class Counts:
    inserted: int = 0
    deleted: int = 0
    moved: int = 0
    inserted_words: list[str] = field(default_factory=list)
    deleted_words: list[str] = field(default_factory=list)
    within_words: int = 0  # words that keep their stem but gained or lost letters


@dataclass
class Comparison:
    blocks: list[Block]
    counts: Counts

    @property
    def changed(self) -> bool:
        return any(block.kind != EQUAL for block in self.blocks)


def paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


@dataclass(frozen=True)
class Token:
    text: str  # original, with the spaces that follow it
    key: str  # what is compared
    word: bool


@lru_cache(maxsize=200_000)
def _key(word: str) -> str:
    if word.isascii():
        return word.lower()  # what fold() gives for ASCII, without its Unicode passes
    return stem(word) if ARABIC.search(word) else fold(word)


@lru_cache(maxsize=20_000)
def tokenize(paragraph: str) -> tuple[Token, ...]:
    """Tokens of one paragraph; cached, as alignment, diff and counts all read them."""
    return tuple(_tokens(paragraph))


def _tokens(paragraph: str) -> list[Token]:
    found = list(TOKEN.finditer(paragraph))
    result = []
    for index, match in enumerate(found):
        end = found[index + 1].start() if index + 1 < len(found) else len(paragraph)
        text = paragraph[match.start() : end]
        core = match.group()
        if match.group("word"):
            result.append(Token(text, _key(core), True))
        else:
            result.append(Token(text, core, match.group("ideograph") is not None))
    if found and found[0].start():
        result.insert(0, Token(paragraph[: found[0].start()], "", False))
    return result


def _paragraph_key(paragraph: str) -> str:
    return " ".join(token.key for token in tokenize(paragraph))


def _similarity(older: str, newer: str) -> float:
    return SequenceMatcher(None, older.split(), newer.split(), autojunk=False).ratio()


def _within_word(older: Token, newer: Token) -> list[Segment]:
    """Two tokens with the same normalised form: mark only the letters that differ."""
    old, new = older.text.rstrip(), newer.text.rstrip()
    if old == new:
        return [Segment(EQUAL, newer.text)]  # the spaces after it may differ: the newer's count
    segments = []
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            segments.append(Segment(EQUAL, new[j1:j2]))
            continue
        if i2 > i1:
            segments.append(Segment(DELETE, old[i1:i2], partial=True))
        if j2 > j1:
            segments.append(Segment(INSERT, new[j1:j2], partial=True))
    segments.append(Segment(EQUAL, newer.text[len(new) :]))
    return segments


def diff_words(older: str, newer: str) -> list[Segment]:
    if older == newer:
        return [Segment(EQUAL, newer)]
    old_tokens, new_tokens = tokenize(older), tokenize(newer)
    matcher = SequenceMatcher(
        None, [t.key for t in old_tokens], [t.key for t in new_tokens], autojunk=False
    )
    segments: list[Segment] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            for old, new in zip(old_tokens[i1:i2], new_tokens[j1:j2], strict=True):
                segments.extend(_within_word(old, new))
            continue
        if i2 > i1:
            segments.append(Segment(DELETE, "".join(t.text for t in old_tokens[i1:i2])))
        if j2 > j1:
            segments.append(Segment(INSERT, "".join(t.text for t in new_tokens[j1:j2])))
    return _merged(segments)


def _merged(segments: list[Segment]) -> list[Segment]:
    merged: list[Segment] = []
    for segment in segments:
        last = merged[-1] if merged else None
        if last and (last.op, last.partial) == (segment.op, segment.partial):
            merged[-1] = Segment(segment.op, last.text + segment.text, segment.partial)
        elif segment.text:
            merged.append(segment)
    return merged


def _align(old: list[str], new: list[str]) -> list[Block]:
    old_keys = [_paragraph_key(p) for p in old]
    new_keys = [_paragraph_key(p) for p in new]
    matcher = SequenceMatcher(None, old_keys, new_keys, autojunk=False)
    blocks: list[Block] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                blocks.append(Block(EQUAL, diff_words(old[i], new[j]), old[i], new[j], i, j))
            continue
        pairs = _similar_pairs(old_keys, new_keys, range(i1, i2), range(j1, j2))
        i, j = i1, j1
        for pair_i, pair_j in [*pairs, (i2, j2)]:
            for k in range(i, pair_i):
                blocks.append(Block("deleted", [Segment(DELETE, old[k])], old[k], "", k, None))
            for k in range(j, pair_j):
                blocks.append(Block("inserted", [Segment(INSERT, new[k])], "", new[k], None, k))
            if pair_i < i2:
                segments = diff_words(old[pair_i], new[pair_j])
                blocks.append(Block("changed", segments, old[pair_i], new[pair_j], pair_i, pair_j))
            i, j = pair_i + 1, pair_j + 1
    return blocks


def _similar_pairs(old_keys, new_keys, olds: range, news: range) -> list[tuple[int, int]]:
    """Paragraphs of a replaced stretch edited in place: the most similar pairs, in order.

    A small dynamic programme (most pairs, then most similar); on long stretches, pairs in
    position only, so a rewritten chapter stays fast.
    """
    if len(olds) * len(news) > MAX_NEAR_MOVE_PAIRS:
        return [
            (i, j)
            for i, j in zip(olds, news, strict=False)
            if _similarity(old_keys[i], new_keys[j]) >= SIMILAR_PARAGRAPHS
        ]
    best: dict[tuple[int, int], tuple[int, float, list]] = {}
    for a in range(len(olds), -1, -1):
        for b in range(len(news), -1, -1):
            if a == len(olds) or b == len(news):
                best[a, b] = (0, 0.0, [])
                continue
            options = [best[a + 1, b], best[a, b + 1]]
            similarity = _similarity(old_keys[olds[a]], new_keys[news[b]])
            if similarity >= SIMILAR_PARAGRAPHS:
                count, total, pairs = best[a + 1, b + 1]
                options.append((count + 1, total + similarity, [(olds[a], news[b]), *pairs]))
            best[a, b] = max(options, key=lambda option: (option[0], option[1]))
    return best[0, 0][2]


def _find_moves(blocks: list[Block]) -> None:
    """A deleted paragraph that reappears elsewhere, the same or nearly, has moved.

    Exact matches are paired first, so a paragraph edited in place is not taken for a move.
    """
    deleted = [b for b in blocks if b.kind == "deleted"]
    inserted = [b for b in blocks if b.kind == "inserted"]
    keys = {id(b): _paragraph_key(b.older or b.newer) for b in deleted + inserted}
    moves = 0
    # Near matches cost one word alignment per pair: skipped when a rewrite makes pairs abound.
    passes = (True, False) if len(deleted) * len(inserted) <= MAX_NEAR_MOVE_PAIRS else (True,)
    for exact in passes:
        for block in inserted:
            if block.kind != "inserted":
                continue
            for source in deleted:
                if source.kind != "deleted":
                    continue
                same = keys[id(source)] == keys[id(block)]
                if not same and (
                    exact or _similarity(keys[id(source)], keys[id(block)]) < SIMILAR_PARAGRAPHS
                ):
                    continue
                moves += 1
                source.kind, source.move = "moved_from", moves
                source.segments = [Segment(DELETE, source.older)]
                block.kind, block.move, block.older = "moved_to", moves, source.older
                block.older_index = source.older_index
                block.segments = diff_words(source.older, block.newer)
                break


def _count(blocks: list[Block]) -> Counts:
    counts = Counts()
    for block in blocks:
        if block.kind == "moved_from":
            counts.moved += sum(1 for t in tokenize(block.older) if t.word)
            continue
        previous_partial = False
        for segment in block.segments:
            if segment.partial:
                counts.within_words += 0 if previous_partial else 1  # "ات" -> "ة" is one word
                previous_partial = True
                continue
            previous_partial = False
            if segment.op == EQUAL:
                continue
            words = [t.text.strip() for t in tokenize(segment.text) if t.word]
            if segment.op == INSERT:
                counts.inserted_words += words
            elif segment.op == DELETE:
                counts.deleted_words += words
    counts.inserted = len(counts.inserted_words)
    counts.deleted = len(counts.deleted_words)
    return counts


def compare_texts(older: str, newer: str) -> Comparison:
    blocks = _align(paragraphs(older), paragraphs(newer))
    _find_moves(blocks)
    comparison = Comparison(blocks=blocks, counts=_count(blocks))
    tokenize.cache_clear()  # the cache serves one comparison; a server should not keep the text
    return comparison
