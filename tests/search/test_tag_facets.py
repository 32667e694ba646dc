"""Action lines and SDGs as search facets: counted among what each reader may see, labelled in
the page's language, and usable as filters on the page and the API."""

import pytest
from django.urls import reverse
from django.utils import translation

from cwg.models import ActionLine, SustainableDevelopmentGoal
from cwg.search.indexing import refresh
from documents.models import Document
from tests.documents.factories import DocumentFactory
from tests.meetings.factories import MeetingFactory

pytestmark = pytest.mark.django_db
PAGE = reverse("search:page")
API = reverse("search-api")


@pytest.fixture
def tagged(working_group):
    """Three documents on broadband: two public (C2; C2 and C5 with SDG 9), one for members
    only tagged C5: anonymous readers must not count it."""
    meeting = MeetingFactory(working_group=working_group, number=44)
    c2, c5 = ActionLine.objects.get(code="C2"), ActionLine.objects.get(code="C5")
    goal = SustainableDevelopmentGoal.objects.get(number=9)
    published = {"meeting": meeting, "status": Document.Status.PUBLISHED}
    public = [
        DocumentFactory(
            title="Broadband one", number=1, access=Document.Access.PUBLIC, **published
        ),
        DocumentFactory(
            title="Broadband two", number=2, access=Document.Access.PUBLIC, **published
        ),
    ]
    members = DocumentFactory(
        title="Broadband members", number=3, access=Document.Access.MEMBERS, **published
    )
    public[0].action_lines.set([c2])
    public[1].action_lines.set([c2, c5])
    public[1].sdgs.set([goal])
    members.action_lines.set([c5])
    refresh("document", [document.pk for document in [*public, members]])
    return public, members


def _facets(response) -> dict[str, dict[str, tuple[str, int]]]:
    return {
        name: {value["value"]: (value["label"], value["count"]) for value in values}
        for name, values in response.json()["facets"].items()
    }


def test_tags_are_counted_among_what_the_reader_may_see(tagged, client, as_role):
    anonymous = _facets(client.get(API, {"q": "broadband"}))
    assert anonymous["action_line"]["C2"][1] == 2
    assert anonymous["action_line"]["C5"][1] == 1  # the members' document is not counted
    assert anonymous["sdg"]["9"][1] == 1
    delegate = _facets(as_role("delegate").get(API, {"q": "broadband"}))
    assert delegate["action_line"]["C5"][1] == 2


def test_a_tag_filters_the_results(tagged, client):
    response = client.get(API, {"q": "broadband", "action_line": "C5"})
    assert [hit["title"] for hit in response.json()["results"]] == ["Broadband two"]
    response = client.get(API, {"q": "broadband", "sdg": "9", "action_line": "C2"})
    assert response.json()["total"] == 1


def test_tag_labels_follow_the_page_language(tagged, client):
    line = ActionLine.objects.get(code="C5")
    with translation.override("ar"):
        arabic = _facets(client.get(API, {"q": "broadband"}, HTTP_ACCEPT_LANGUAGE="ar"))
        page = client.get(PAGE, {"q": "broadband"}, HTTP_ACCEPT_LANGUAGE="ar")
    assert arabic["action_line"]["C5"][0] == f"C5 {line.title_ar}"
    assert line.title_ar in page.content.decode()
    english = _facets(client.get(API, {"q": "broadband"}))
    assert english["action_line"]["C5"][0] == f"C5 {line.title_en}"
    assert english["sdg"]["9"][0].startswith("SDG 9 ")


def test_tagging_a_document_refreshes_its_entry(tagged, client, django_capture_on_commit_callbacks):
    public, _members = tagged
    with django_capture_on_commit_callbacks(execute=True):
        public[0].action_lines.add(ActionLine.objects.get(code="C7"))
    response = client.get(API, {"q": "broadband", "action_line": "C7"})
    assert [hit["title"] for hit in response.json()["results"]] == ["Broadband one"]
