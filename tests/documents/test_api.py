"""The documents API: the same permissions as the pages, constant queries, clear errors."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from rest_framework.test import APIClient

from cwg.models import ActionLine, SustainableDevelopmentGoal
from tests.documents.factories import docx_upload
from tests.documents.test_pages import published

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(people):
    def as_role(role: str) -> APIClient:
        client = APIClient()
        if role != "public":
            client.force_authenticate(people[role])
        return client

    return as_role


def test_the_list_shows_only_what_the_caller_may_see(api, meeting, people, draft):
    [public] = published(meeting, people, 1)
    anonymous = api("public").get(reverse("document-list")).json()
    assert [row["id"] for row in anonymous["results"]] == [public.pk]
    owner = api("delegate").get(reverse("document-list")).json()
    assert {row["id"] for row in owner["results"]} == {public.pk, draft.pk}
    assert api("other_delegate").get(reverse("document-detail", args=[draft.pk])).status_code == 404


def test_filters(api, meeting, people):
    published(meeting, people, 2)
    url = reverse("document-list")
    assert api("public").get(url, {"meeting": 44, "kind": "contribution"}).json()["count"] == 2
    assert api("public").get(url, {"status": "draft"}).json()["count"] == 0
    assert api("public").get(url, {"meeting": "x", "kind": "<>"}).status_code == 200


def test_tags_are_shown_and_filter_the_list(api, meeting, people):
    first, second = published(meeting, people, 2)
    first.action_lines.set([ActionLine.objects.get(code="C5")])
    first.sdgs.set([SustainableDevelopmentGoal.objects.get(number=9)])
    url = reverse("document-list")
    rows = api("public").get(url, {"action_line": "c5"}).json()["results"]
    assert [(row["id"], row["action_lines"], row["sdgs"]) for row in rows] == [
        (first.pk, ["C5"], [9])
    ]
    assert api("public").get(url, {"sdg": "9"}).json()["count"] == 1
    assert api("public").get(url, {"sdg": "ninety"}).json()["count"] == 2
    assert api("public").get(url, {"action_line": "C4"}).json()["count"] == 0


def test_the_list_is_constant_in_queries(api, meeting, people, django_assert_max_num_queries):
    published(meeting, people, 2)
    client = api("secretariat")
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("document-list"))
    published(meeting, people, 8, title="More")
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(reverse("document-list")).json()["count"] == 10


def test_upload_through_the_api(api, draft, people, django_capture_on_commit_callbacks):
    url = reverse("document-files", args=[draft.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = api("delegate").post(
            url, {"language": "fr", "file": docx_upload("Texte français")}, format="multipart"
        )
    assert response.status_code == 201, response.content
    assert response.json()["extraction_state"] == "pending"  # as it was when answered
    listing = api("delegate").get(url).json()
    assert {row["language"] for row in listing} == {"en", "fr"}


def test_a_replacing_upload_needs_replace_true(api, draft):
    url = reverse("document-files", args=[draft.pk])
    client = api("delegate")
    refused = client.post(
        url, {"language": "en", "file": docx_upload("New", name="new.docx")}, format="multipart"
    )
    assert refused.status_code == 409
    assert refused.json()["code"] == "file_would_replace"
    assert "contribution.docx" in refused.json()["detail"]
    replaced = client.post(
        url,
        {"language": "en", "file": docx_upload("New", name="new.docx"), "replace": "true"},
        format="multipart",
    )
    assert replaced.status_code == 201, replaced.content
    listing = client.get(url).json()
    assert [(row["original_name"], row["state"]) for row in listing] == [("new.docx", "current")]


def test_a_refused_upload_says_why(api, draft):
    response = api("delegate").post(
        reverse("document-files", args=[draft.pk]),
        {"language": "fr", "file": SimpleUploadedFile("x.docx", b"not a document")},
        format="multipart",
    )
    assert response.status_code == 422
    assert response.json()["code"] == "upload_refused"
    assert "not accepted" in response.json()["detail"]


def test_others_cannot_upload_or_even_see(api, draft, registered):
    url = reverse("document-files", args=[draft.pk])
    assert api("other_delegate").post(url, {}, format="multipart").status_code == 404
    assert api("public").post(url, {}, format="multipart").status_code in {401, 403}
    chair_url = reverse("document-files", args=[registered.pk])
    response = api("chair").post(
        chair_url, {"language": "fr", "file": docx_upload("x")}, format="multipart"
    )
    assert response.status_code == 403


def test_meetings_are_public(api, meeting):
    response = api("public").get(reverse("meeting-detail", args=[meeting.number]))
    assert response.status_code == 200
    assert response.json()["number"] == 44
