"""The results page and GET /api/v1/search/: results, facets, pages, bad input, query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cwg.characters import clean_text
from cwg.search.indexing import refresh
from documents.models import Document
from tests.documents.factories import DocumentFactory
from tests.meetings.factories import MeetingFactory

pytestmark = pytest.mark.django_db
PAGE = reverse("search:page")
API = reverse("search-api")


def publish(documents) -> None:
    refresh("document", [document.pk for document in documents])


@pytest.fixture
def library(working_group):
    """22 published public documents on broadband over two meetings, 3 Arabic, 1 draft."""
    meetings = {
        number: MeetingFactory(working_group=working_group, number=number) for number in (43, 44)
    }
    published = {"status": Document.Status.PUBLISHED, "access": Document.Access.PUBLIC}
    documents = [
        DocumentFactory(
            meeting=meetings[44], title=f"Broadband connectivity report {n}", number=n, **published
        )
        for n in range(1, 16)
    ]
    documents += [
        DocumentFactory(
            meeting=meetings[43],
            kind=Document.Kind.INFORMATION,
            title=f"Broadband information note {n}",
            number=n,
            **published,
        )
        for n in range(1, 5)
    ]
    documents += [
        DocumentFactory(meeting=meetings[44], title=title, number=20 + n, **published)
        for n, title in enumerate(["تقرير عن النطاق العريض", "النطاق العريض في أفريقيا", "الأمانة"])
    ]
    documents.append(DocumentFactory(meeting=meetings[44], title="Broadband draft secret"))
    publish(documents)
    return documents


def test_the_empty_page_explains_the_query_language(client):
    response = client.get(PAGE)
    assert response.status_code == 200
    assert b'name="q"' in response.content
    assert "A minus sign excludes a word" in response.content.decode()


def test_results_show_symbol_title_link_and_highlight(client, library):
    response = client.get(PAGE, {"q": "connectivity report 3"})
    assert response.status_code == 200
    page = response.context["page"]
    assert page.total == 1
    result = page.results[0]
    assert result.hit.symbol == "CWG-WSIS&SDG-44/3"
    assert result.url == reverse("documents:detail", args=[library[2].pk])
    html = response.content.decode()
    assert f'href="{result.url}"' in html
    assert "<mark>connectivity</mark>" in html
    assert "1 result" in html


def test_drafts_are_not_found_by_the_public(client, library):
    response = client.get(PAGE, {"q": "broadband"})
    assert response.context["page"].total == 19
    assert "secret" not in response.content.decode()


def test_facets_count_and_narrow(client, library):
    page = client.get(PAGE, {"q": "broadband"}).context["page"]
    kinds = {facet.value: facet.count for facet in page.facets["kind"]}
    assert kinds == {"contribution": 15, "information": 4}
    meetings = {facet.value: facet.count for facet in page.facets["meeting"]}
    assert meetings == {"44": 15, "43": 4}
    information = next(facet for facet in page.facets["kind"] if facet.value == "information")
    assert information.label == "Information document"
    narrowed = client.get(PAGE + information.url).context["page"]
    assert narrowed.total == 4
    assert narrowed.filters == {"kind": "information"}
    chosen = next(facet for facet in narrowed.facets["kind"] if facet.active)
    assert client.get(PAGE + chosen.url).context["page"].total == 19  # the filter removed


def test_pagination(client, library):
    first = client.get(PAGE, {"q": "broadband"}).context["page"]
    assert (first.page, first.pages, len(first.results)) == (1, 1, 19)
    response = client.get(PAGE, {"q": "broadband connectivity", "page": 1})
    assert response.context["page"].total == 15
    api = client.get(API, {"q": "broadband", "per_page": 5, "page": 4}).json()
    assert (api["page"], api["pages"], len(api["results"])) == (4, 4, 4)
    beyond = client.get(PAGE, {"q": "broadband", "page": 9})
    assert beyond.status_code == 200
    assert "only 1 pages" in beyond.content.decode()


@pytest.mark.parametrize("page", ["abc", "0", "-1", "100000"])
def test_a_bad_page_number_is_a_clear_400(client, library, page):
    response = client.get(PAGE, {"q": "broadband", "page": page})
    assert response.status_code == 400
    assert "Check the search options" in response.content.decode()
    assert 'value="broadband"' in response.content.decode()  # the query is kept
    assert client.get(API, {"q": "broadband", "page": page}).status_code == 400


def test_arabic_page_is_right_to_left_and_finds_variants(client, library):
    with translation.override("ar"):
        response = client.get(PAGE, {"q": "الامانه"}, HTTP_ACCEPT_LANGUAGE="ar")
    html = response.content.decode()
    assert 'dir="rtl"' in html
    assert response.context["page"].total == 1
    assert "<mark>الأمانة</mark>" in html
    both = client.get(PAGE, {"q": "والنطاق العريض"}).context["page"]
    assert both.total == 2


def test_api_answers_the_same_fields_and_facets(client, library):
    response = client.get(API, {"q": "broadband", "kind": "information"})
    assert response.status_code == 200
    body = response.json()
    assert body["total"] == 4
    assert set(body["results"][0]) == {
        "kind", "id", "symbol", "title", "filename", "score", "snippet", "url", "meeting",
        "languages",
    }  # fmt: skip
    assert body["results"][0]["meeting"] == 43
    assert body["facets"]["kind"] == [
        {"value": "information", "label": "Information document", "count": 4}
    ]
    assert client.get(API).status_code == 400  # q is required
    assert "q" in client.get(API).json()


def _queries(client, url, params) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, params).status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", [PAGE, API])
def test_query_count_does_not_grow_with_the_results(client, library, people, url):
    client.force_login(people["delegate"])
    few = _queries(client, url, {"q": "information"})
    many = _queries(client, url, {"q": "broadband"})
    assert few == many
    assert many <= 12


HOSTILE = st.one_of(
    st.text(max_size=300),
    st.text(alphabet='"*-()^:~ NEARORAND\u202e\u0000\u200fال', max_size=80),
    st.sampled_from(['"', "*", "-", "- -", '"a', "a*b*", "NEAR(a b)", "x" * 20_000, "\u202e"]),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=HOSTILE)
def test_hostile_queries_never_fail(client, library, query):
    page = client.get(PAGE, {"q": query})
    api = client.get(API, {"q": query})
    assert page.status_code == 200
    # The characters cwg.characters refuses are gone before the view reads the query.
    assert api.status_code == (200 if clean_text(query).strip() else 400)


def test_an_entry_of_a_kind_no_app_registers_is_left_out_not_a_500(client, library):
    from cwg.search.engine import get_backend
    from cwg.search.entries import IndexEntry

    get_backend().index(
        [
            IndexEntry(
                kind="retired-kind",
                object_id=1,
                title="Broadband from a retired source",
                texts={"en": "broadband"},
                principals=frozenset({"public"}),
            )
        ]
    )
    response = client.get(PAGE, {"q": "retired broadband"})
    assert response.status_code == 200
    assert response.context["page"].results == []


def test_past_the_count_limit_page_api_and_facets_say_more(client, library, monkeypatch):
    from cwg.search.backends import postgres, sqlite

    for module in (sqlite, postgres):
        monkeypatch.setattr(module, "COUNT_LIMIT", 5)
    response = client.get(PAGE, {"q": "broadband"})
    page = response.context["page"]
    assert (page.total, page.more, len(page.results)) == (5, True, 5)
    html = response.content.decode()
    assert "More than 5 results" in html
    assert '<abbr title="at least this many">+</abbr>' in html
    api = client.get(API, {"q": "broadband"}).json()
    assert (api["total"], api["more"]) == (5, True)
    french = client.get(PAGE, {"q": "broadband"}, HTTP_ACCEPT_LANGUAGE="fr")
    assert "Plus de 5 résultats" in french.content.decode()


@pytest.mark.parametrize(
    ("language", "label"),
    [
        ("en", "Submission"),
        ("fr", "Contribution"),
        ("es", "Aportación"),
        ("ru", "Материал"),
        ("ar", "مساهمة"),
        ("zh-hans", "提交的意见"),
    ],
)
def test_the_submission_facet_is_labelled_in_each_language(language, label):
    from cwg.search.registry import facet_label

    with translation.override(language):
        assert facet_label("kind", "submission") == label
