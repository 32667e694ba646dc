"""The behaviour suite on the real corpus imported as a secretariat would import it:
``import_documents --access public --publish``, indexed on commit, queried through
``manage.py search --json`` on the database's own engine."""

import io
import json

import pytest
from django.core.management import call_command
from django.test import TestCase

from cwg.search.backends.sqlite import SQLiteBackend
from cwg.search.engine import get_backend, reindex
from cwg.search.principals import PUBLIC
from documents.models import Document
from tests.meetings.factories import MeetingFactory
from tests.search.conftest import corpus_files

pytestmark = pytest.mark.django_db

QUERIES = [
    "الأمانة",
    "الامانه",
    "الأَمَانَة",
    "الأمـــانة",
    "والأمانة",
    "للأمانة",
    "جنيف تونس",
    "جنيف -تونس",
    '"القمة العالمية لمجتمع المعلومات"',
    '"المعلومات لمجتمع العالمية القمة"',
    "تنمي*",
    "والتنمي*",
    "WSIS",
    "wsis*",
    "connected",
    "CWG-WSIS&SDG-44/3",
    "cwg-wsis&sdg-44/5",
    "مجلس الاتحاد",
    "zzqxj",
    '"unbalanced',
    "NEAR(جنيف تونس) OR ^title:*",
]


@pytest.fixture(scope="module")
def corpus(module_people) -> dict[str, Document]:
    """Imported and indexed once: the tests only search it."""
    files = corpus_files()
    if not files:
        pytest.fail("the Arabic corpus is missing: it is part of the shared test data")
    MeetingFactory(working_group=module_people.working_group, number=44)
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command(
            "import_documents",
            *map(str, files),
            "--meeting=44",
            "--access=public",
            "--publish",
            "--as=secretariat",
            verbosity=0,
            stdout=io.StringIO(),
        )
    documents = {
        document.files.get().original_name: document
        for document in Document.objects.prefetch_related("files")
    }
    assert len(documents) == len(files)
    return documents


def search_json(query: str, *options: str) -> dict:
    out = io.StringIO()
    call_command("search", query, "--json", "--limit=50", *options, stdout=out)
    return json.loads(out.getvalue())


def ids(query: str) -> set[int]:
    payload = search_json(query)
    assert payload["total"] == len(payload["results"])
    return {hit["id"] for hit in payload["results"]}


def test_json_output_keeps_its_format(corpus):
    payload = search_json("الأمانة")
    assert set(payload) == {"total", "more", "results"}
    assert payload["total"] >= 1
    for hit in payload["results"]:
        assert set(hit) == {"kind", "id", "symbol", "title", "filename", "score", "snippet"}
        assert hit["kind"] == "document"
        document = Document.objects.get(pk=hit["id"])
        assert hit["symbol"] == document.symbol
        assert hit["filename"] == document.files.get().original_name
        assert "<mark>" in hit["snippet"]


def test_spelling_variants_diacritics_tatweel_and_prefixes_agree(corpus):
    expected = ids("الأمانة")
    assert expected
    for variant in ["الامانه", "الأَمَانَة", "الأمـــانة", "والأمانة", "للأمانة", "أمانة"]:
        assert ids(variant) == expected, variant


def test_snippet_shows_the_words_as_written(corpus):
    hit = search_json("الامانه")["results"][0]
    marked = hit["snippet"].split("<mark>")[1].split("</mark>")[0]
    assert "أمان" in marked or "امان" in marked
    assert marked != "امانه"  # the stem is never shown


def test_words_phrases_exclusion_and_prefixes(corpus):
    geneva, tunis = ids("جنيف"), ids("تونس")
    assert ids("جنيف تونس") == geneva & tunis
    assert ids("جنيف -تونس") == geneva - tunis
    summit = ids('"القمة العالمية لمجتمع المعلومات"')
    assert summit
    assert summit <= ids("القمة العالمية لمجتمع المعلومات")
    assert ids('"المعلومات لمجتمع العالمية القمة"') == set()
    assert ids("التنمية") <= ids("تنمي*") == ids("والتنمي*")


def test_symbols_match_exactly(corpus):
    third = Document.objects.get(number=3)
    assert ids("CWG-WSIS&SDG-44/3") == {third.pk}
    assert ids(third.symbol.lower()) == {third.pk}
    assert ids("CWG-WSIS&SDG-44/99") == set()


def test_english_stemming_and_latin_words_in_arabic_text(corpus):
    report = corpus["004_30fa009fd6e471d0.txt"]
    assert report.pk in ids("connected")  # "Connect" in the text
    assert ids("WSIS") == ids("wsis") == ids("Wsis")


def test_no_match_and_hostile_queries_answer_cleanly(corpus):
    assert search_json("zzqxj") == {"total": 0, "more": False, "results": []}
    for query in ['"unbalanced', "NEAR(جنيف تونس) OR ^title:*", "*", '"', "-", "x" * 10_000]:
        assert search_json(query)["total"] >= 0


def test_the_public_and_a_delegate_find_the_published_corpus(corpus):
    public = ids("WSIS")
    assert public
    assert {hit["id"] for hit in search_json("WSIS", "--user=delegate.eg")["results"]} == public


@pytest.mark.postgres
def test_sqlite_and_postgresql_return_the_same_documents(corpus):
    postgres = get_backend()
    assert postgres.name == "postgres"
    sqlite = SQLiteBackend(":memory:")
    reindex(backend=sqlite)
    differences = []
    for query in QUERIES:
        found = {}
        for engine in (sqlite, postgres):
            results = engine.search(query, principals=frozenset({PUBLIC}), per_page=100)
            found[engine.name] = {(hit.kind, hit.object_id) for hit in results.hits}
        if found["sqlite"] != found["postgres"]:
            differences.append(f"{query}: {found}")
    assert not differences, "\n".join(differences)
