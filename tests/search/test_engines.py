"""One behaviour suite over every available engine, on the real Arabic corpus."""

import pytest

from cwg.search.backends.postgres import PostgresBackend
from cwg.search.backends.sqlite import SQLiteBackend
from cwg.search.entries import IndexEntry

PUBLIC = frozenset({"public"})


def ids(backend, text, **options):
    results = backend.search(text, principals=PUBLIC, per_page=1000, **options)
    assert results.total == len(results.hits)
    return {(hit.kind, hit.object_id) for hit in results.hits}


@pytest.mark.parametrize(
    "variant",
    ["الامانه", "الأَمَانَة", "الأمـــانة", "والأمانة", "بالأمانة", "للأمانة", "أمانة"],
)
def test_spelling_diacritics_tatweel_and_prefixes_find_the_same(backend, variant):
    expected = ids(backend, "الأمانة")
    assert expected
    assert ids(backend, variant) == expected


def test_all_words_must_match(backend):
    both = ids(backend, "جنيف تونس")
    assert both <= ids(backend, "جنيف") & ids(backend, "تونس")
    assert both == ids(backend, "جنيف") & ids(backend, "تونس")


def test_phrase_keeps_word_order(backend):
    phrase = ids(backend, '"القمة العالمية لمجتمع المعلومات"')
    assert phrase
    assert phrase <= ids(backend, "القمة العالمية لمجتمع المعلومات")
    assert ids(backend, '"المعلومات لمجتمع العالمية القمة"') == set()


def test_exclusion(backend):
    geneva, tunis = ids(backend, "جنيف"), ids(backend, "تونس")
    assert geneva & tunis
    assert ids(backend, "جنيف -تونس") == geneva - tunis


def test_prefix_query(backend):
    prefixed = ids(backend, "تنمي*")
    assert ids(backend, "التنمية") <= prefixed
    assert ids(backend, "والتنمي*") == prefixed


def test_symbols_match_exactly(backend):
    assert ids(backend, "CWG-WSIS&SDG-44/4") == {("document", 4)}
    assert ids(backend, "cwg-wsis&sdg-44/inf/3") == {("summary", 100)}
    assert ids(backend, "CWG-WSIS&SDG-44/INF/4") == set()


def test_english_stemming(backend):
    assert ids(backend, "develop") == {("summary", 100)}
    assert ids(backend, "connected broadbands") == {("summary", 100)}


def test_no_match(backend):
    results = backend.search("زززقققق", principals=PUBLIC)
    assert (results.total, results.hits, results.facets) == (0, [], {})


def test_facets_count_and_filters_narrow(backend):
    results = backend.search("الأمانة", principals=PUBLIC)
    assert results.facets["kind"] == {"document": results.total}
    assert results.facets["language"] == {"ar": results.total}
    assert ids(backend, "الأمانة", filters={"language": "ar"}) == ids(backend, "الأمانة")
    assert ids(backend, "الأمانة", filters={"kind": "summary"}) == set()
    english = backend.search("develop", principals=PUBLIC, filters={"meeting": "44"})
    assert english.facets == {
        "kind": {"summary": 1},
        "language": {"en": 1},
        "meeting": {"44": 1},
        "year": {"2026": 1},
    }


def test_pagination_is_stable_and_complete(backend):
    everything = [h.object_id for h in backend.search("القمة", principals=PUBLIC).hits]
    pages = [
        h.object_id
        for page in (1, 2, 3)
        for h in backend.search("القمة", principals=PUBLIC, page=page, per_page=2).hits
    ]
    assert pages == everything


def test_snippet_marks_original_words(backend):
    hit = backend.search("الأمانة", principals=PUBLIC).hits[0]
    assert "<mark>الأمانة</mark>" in hit.snippet or "<mark>" in hit.snippet
    marked = hit.snippet.split("<mark>")[1].split("</mark>")[0]
    assert marked.endswith("مانة")


def test_empty_query_gives_a_message(backend):
    results = backend.search('!!! "" -', principals=PUBLIC)
    assert results.total == 0
    assert results.message


QUERIES = [
    "الأمانة العامة",
    '"القمة العالمية"',
    "تنمي*",
    "جنيف -تونس",
    "CWG-WSIS&SDG-44/2",
    "develop",
    '"الأمم المتحدة" 2025',
    "الاتحاد الدولي للاتصالات",
    "معلوم*",
    "NEAR AND OR",
]


@pytest.mark.postgres
@pytest.mark.parametrize("text", QUERIES)
def test_sqlite_and_postgres_agree(db, corpus_entries, text):
    sqlite, postgres = SQLiteBackend(":memory:"), PostgresBackend()
    sqlite.index(corpus_entries)
    postgres.index(corpus_entries)
    assert ids(sqlite, text) == ids(postgres, text)
    assert (
        sqlite.search(text, principals=PUBLIC).facets
        == postgres.search(text, principals=PUBLIC).facets
    )


def test_an_index_file_of_another_version_is_replaced(tmp_path):
    import sqlite3

    path = tmp_path / "old.sqlite3"
    old = sqlite3.connect(path)
    old.execute("CREATE TABLE entries (rowid INTEGER PRIMARY KEY, stale TEXT)")
    old.commit()
    old.close()
    backend = SQLiteBackend(str(path))
    backend.index(
        [
            IndexEntry(
                kind="document",
                object_id=1,
                title="fresh words",
                texts={"en": "fresh words"},
                principals=PUBLIC,
            )
        ]
    )
    assert [hit.object_id for hit in backend.search("fresh", principals=PUBLIC).hits] == [1]


def test_facets_count_each_entry_once_per_value(backend):
    results = backend.search("الأمانة", principals=PUBLIC, per_page=1)
    assert results.facets["meeting"] == {"44": results.total}
    assert sum(results.facets["kind"].values()) == results.total
