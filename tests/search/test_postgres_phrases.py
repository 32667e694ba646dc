"""PostgreSQL phrases: a pair of neighbouring words is a lexeme of its own (migration 0003).

The index answers a phrase exactly as PostgreSQL's own phrase operator over the positions
does, without reading any row's full vector back; pairs never answer a word or a prefix."""

import pytest
from django.db import connection

from cwg.search.backends.postgres import PostgresBackend, _lexeme
from cwg.search.normalize import tokens
from cwg.search.query import parse

pytestmark = pytest.mark.postgres
PUBLIC = frozenset({"public"})
PHRASES = [
    '"القمة العالمية"',
    '"الأمم المتحدة"',
    '"القمة العالمية لمجتمع المعلومات"',
    '"المعلومات لمجتمع العالمية القمة"',
    '"الاتحاد الدولي للاتصالات" جنيف',
    'تونس -"القمة العالمية"',
]


@pytest.fixture
def postgres(db, corpus_entries):
    backend = PostgresBackend()
    backend.index(corpus_entries)
    return backend


def by_positions(text: str) -> set[int]:
    """What ``<->`` over the positions finds (a sequential scan reads every full vector)."""
    query = parse(text)

    def term(found) -> str:
        return "(" + " <-> ".join(_lexeme(form) for form in found.forms) + ")"

    expression = " & ".join(term(found) for found in query.must)
    if query.exclude:
        expression += " & !(" + " | ".join(term(found) for found in query.exclude) + ")"
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT object_id FROM search_entry WHERE kind = 'document'"
            " AND document @@ %s::tsquery",
            [expression],
        )
        return {row[0] for row in cursor.fetchall()}


@pytest.mark.parametrize("text", PHRASES)
def test_a_phrase_finds_what_the_positions_say(postgres, text):
    found = postgres.search(text, principals=PUBLIC, per_page=1000)
    assert {hit.object_id for hit in found.hits if hit.kind == "document"} == by_positions(text)


def test_the_phrases_are_found_and_ranked(postgres):
    found = postgres.search('"القمة العالمية"', principals=PUBLIC)
    assert found.total > 1
    assert found.hits[0].score > 0  # scored on its words: pairs are not in the ranking vector


def test_pairs_are_indexed_but_neither_ranked_nor_found_by_a_prefix(postgres):
    first, second = (token.text for token in tokens("القمة العالمية"))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM search_entry WHERE document @@ %s::tsquery",
            [_lexeme(f" {first} {second}")],
        )
        assert cursor.fetchone()[0] > 0  # the pair is in the index
        cursor.execute(
            "SELECT count(*) FROM unnest((SELECT ranking FROM search_entry LIMIT 1)) AS kept"
            " WHERE kept.lexeme LIKE ' %%'"
        )
        assert cursor.fetchone()[0] == 0
    # A prefix finds what the words alone find: no pair starts as a typed word does.
    prefix = f"{first[:3]}*"
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM search_entry WHERE ts_delete(document, ARRAY("
            "SELECT lexeme FROM unnest(document) WHERE positions IS NULL)) @@ %s::tsquery",
            [_lexeme(first[:3]) + ":*"],
        )
        assert postgres.search(prefix, principals=PUBLIC).total == cursor.fetchone()[0]
