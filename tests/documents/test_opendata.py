"""A meeting's documents list as CSV, validated against its datapackage.json; the list and the
CSV filtered by action line and SDG."""

import codecs
import csv
import io

import pytest
from django.urls import reverse

from cwg.models import ActionLine, SustainableDevelopmentGoal
from documents.models import Document
from documents.opendata import DOCUMENTS
from tests.documents.factories import DocumentFactory
from tests.meetings.factories import MeetingFactory
from tests.opendata import pinned, validation_errors

pytestmark = pytest.mark.django_db

# The columns of each schema version: change a column, bump DOCUMENTS.version, add its line here.
COLUMNS_BY_VERSION = {
    "1.0.0": [
        ("symbol", "string"),
        ("title", "string"),
        ("kind", "string"),
        ("source", "string"),
        ("agenda_items", "string"),
        ("languages", "string"),
        ("status", "string"),
        ("late", "boolean"),
        ("published_on", "date"),
        ("action_lines", "string"),
        ("sdgs", "string"),
    ]
}


@pytest.fixture
def meeting(working_group):
    """Two published public documents (one tagged C5 and SDG 9) and a members-only one."""
    meeting = MeetingFactory(working_group=working_group, number=44)
    published = {"meeting": meeting, "status": Document.Status.PUBLISHED}
    tagged = DocumentFactory(
        title="=Security of broadband", number=1, access=Document.Access.PUBLIC, **published
    )
    tagged.action_lines.set([ActionLine.objects.get(code="C5")])
    tagged.sdgs.set([SustainableDevelopmentGoal.objects.get(number=9)])
    DocumentFactory(title="تقرير عن النطاق العريض", number=2, access="public", **published)
    DocumentFactory(title="For members", number=3, access=Document.Access.MEMBERS, **published)
    return meeting


def _get(client, name: str, meeting, query: dict | None = None, **headers):
    return client.get(reverse(f"documents:{name}", args=[meeting.number]), query or {}, **headers)


def _rows(response) -> list[dict]:
    assert response.content.startswith(codecs.BOM_UTF8)
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_columns_change_only_with_the_schema_version():
    assert pinned(DOCUMENTS) == COLUMNS_BY_VERSION[DOCUMENTS.version]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_list_validates_against_its_datapackage(meeting, as_role, tmp_path, language):
    client = as_role("delegate")
    headers = {"HTTP_ACCEPT_LANGUAGE": language}
    descriptor = _get(client, "meeting_datapackage", meeting, **headers).json()
    assert descriptor["version"] == DOCUMENTS.version
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    body = _get(client, "meeting_csv", meeting, **headers).content
    assert validation_errors(tmp_path, descriptor, "documents", body) == []


def test_a_changed_column_fails_validation(meeting, client, tmp_path):
    descriptor = _get(client, "meeting_datapackage", meeting).json()
    body = _get(client, "meeting_csv", meeting).content.replace(b"Published", b"published")
    assert validation_errors(tmp_path, descriptor, "documents", body)
    renamed = _get(client, "meeting_csv", meeting).content.replace(b"sdgs", b"goals")
    assert validation_errors(tmp_path, descriptor, "documents", renamed)


def test_each_reader_downloads_what_the_list_shows_them(meeting, as_role):
    public = _rows(_get(as_role("public"), "meeting_csv", meeting))
    assert [row["title"] for row in public] == ["'=Security of broadband", "تقرير عن النطاق العريض"]
    assert public[0]["action_lines"] == "C5"
    assert public[0]["sdgs"] == "9"
    assert public[0]["status"] == "Published"
    delegate = _rows(_get(as_role("delegate"), "meeting_csv", meeting))
    assert "For members" in [row["title"] for row in delegate]


def test_the_list_and_its_csv_filter_by_action_line_and_sdg(meeting, client):
    page = _get(client, "meeting_list", meeting, {"action_line": "C5"}).content.decode()
    assert "Security of broadband" in page
    assert "النطاق العريض" not in page
    assert "documents.csv?action_line=C5" in page
    rows = _rows(_get(client, "meeting_csv", meeting, {"sdg": "9"}))
    assert [row["title"] for row in rows] == ["'=Security of broadband"]
    assert _rows(_get(client, "meeting_csv", meeting, {"action_line": "C4"})) == []
    assert len(_rows(_get(client, "meeting_csv", meeting, {"sdg": "99"}))) == 2  # ignored


def test_the_list_keeps_its_query_count_with_tags(meeting, client, django_assert_max_num_queries):
    with django_assert_max_num_queries(14):
        client.get(reverse("documents:meeting_list", args=[meeting.number]))


def test_open_data_lists_the_meeting_documents(meeting, client):
    text = client.get(reverse("cwg:open_data")).content.decode()
    assert reverse("documents:meeting_datapackage", args=[meeting.number]) in text
    assert reverse("documents:meeting_csv", args=[meeting.number]) in text
