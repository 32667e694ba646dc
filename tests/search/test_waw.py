"""Arabic words whose own first letter is waw find the same documents with or without the
article, on every available engine (normalize.py, rule 6), over the real corpus."""

import re

from cwg.search.normalize import WAW, fold
from tests.search.conftest import corpus_files

PUBLIC = frozenset({"public"})
ARABIC_WORD = re.compile("[\u0621-\u064a\u064b-\u065f\u0670\u0640]+")


def found(backend, text: str) -> set[int]:
    results = backend.search(text, principals=PUBLIC, per_page=100)
    assert results.total == len(results.hits) < 100
    return {hit.object_id for hit in results.hits}


def waw_words() -> set[str]:
    """Every word of the corpus that begins with waw once an article is set aside, without
    the article: وثيقة for both وثيقة and الوثيقة (not the conjunction before an article,
    والتنمية, which has its own test)."""
    words = set()
    for path in corpus_files():
        for word in ARABIC_WORD.findall(path.read_text(encoding="utf-8")):
            bare = word[2:] if fold(word).startswith("ال" + WAW) else word
            folded = fold(bare)
            if folded.startswith(WAW) and not folded.startswith(WAW + "ال") and len(folded) > 2:
                words.add(bare)
    return words


def test_every_waw_word_of_the_corpus_finds_the_same_with_the_article(backend):
    words = waw_words()
    assert len(words) > 100
    differences = [
        word for word in sorted(words) if found(backend, word) != found(backend, "ال" + word)
    ]
    assert not differences, f"{len(differences)} of {len(words)}: {differences[:20]}"


def test_the_reported_pairs(backend):
    document = found(backend, "وثيقة")
    assert document
    assert document == found(backend, "الوثيقة") == found(backend, "بالوثيقة")
    assert found(backend, "وطن") == found(backend, "الوطن")
    assert found(backend, "الوطنية") == found(backend, "وطنية")


def test_the_conjunction_is_still_dropped(backend):
    development = found(backend, "التنمية")
    assert development
    assert found(backend, "والتنمية") == development == found(backend, "وتنمية")


def test_a_prefix_typed_with_the_waw_finds_the_word_with_the_article(backend):
    assert found(backend, "الوثيقة") <= found(backend, "وثي*")
    assert found(backend, "الوطنية") <= found(backend, "وطن*")
