"""Who files for whom (issue 13, point 1), whose drafts stay private (3), withdrawal in the open
(6), the series chosen at registration (7) and uploads closing after the meeting (8)."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from cwg.exceptions import InvalidTransition, NotAllowed
from documents.models import Document
from documents.services import (
    add_file,
    create_contribution,
    create_document,
    publish_document,
    register_document,
    submit_document,
    withdraw_document,
)
from tests.cwg.factories import member_state
from tests.documents.factories import docx_bytes, docx_upload
from tests.meetings.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def api_as(people, role: str) -> APIClient:
    client = APIClient()
    if role != "public":
        client.force_authenticate(people[role])
    return client


# Point 1: who submits for whom.


def test_a_delegate_files_for_their_own_state(meeting, people):
    document = create_document(meeting=meeting, title="Egypt", by=people["delegate"])
    assert document.source == "Egypt"


@pytest.mark.parametrize("role", ["delegate", "sector_member"])
def test_nobody_files_in_another_states_name(role, meeting, people):
    with pytest.raises(NotAllowed):
        create_document(
            meeting=meeting, title="x", by=people[role], source_states=[member_state("SE")]
        )
    with pytest.raises(NotAllowed):
        create_document(meeting=meeting, title="x", by=people[role], source_text="Sweden")
    assert not Document.objects.exists()


def test_a_sector_member_files_for_its_organization(meeting, people):
    document = create_document(meeting=meeting, title="x", by=people["sector_member"])
    assert document.owner_organization is not None
    assert list(document.source_organizations.all()) == [document.owner_organization]
    assert not document.source_states.exists()


def test_the_secretariat_files_as_the_secretariat_and_is_never_late(working_group, people):
    soon = timezone.localdate() + dt.timedelta(days=2)  # past the contribution deadline
    meeting = MeetingFactory(working_group=working_group, number=45, start_date=soon, end_date=soon)
    document = create_contribution(
        meeting=meeting,
        by=people["secretariat"],
        title="Note",
        file=docx_upload(),
        language="en",
        submit=True,
    )
    assert (document.source, document.owner_state, document.is_late) == ("Secretariat", None, False)
    late = create_contribution(
        meeting=meeting, by=people["delegate"], title="x", file=docx_upload(), language="en"
    )
    assert submit_document(document=late, by=people["delegate"]).is_late


def test_the_form_preselects_the_delegation_and_refuses_another(meeting, people, as_role):
    client = as_role("delegate")
    url = reverse("documents:create", args=[meeting.number])
    page = client.get(url).content.decode()
    assert "Submitted by" in page
    assert "<strong>Egypt</strong>" in page
    sweden = member_state("SE")
    response = client.post(
        url,
        {
            "title": "Forged",
            "access": "public",
            "source_states": [sweden.pk],
            "language": "en",
            "file": SimpleUploadedFile("forged.docx", docx_bytes()),
        },
    )
    assert response.status_code == 400
    assert "Forged" in response.content.decode()  # what was typed is kept
    assert not Document.objects.exists()


def test_the_api_refuses_a_draft_in_another_states_name(meeting, people):
    url = reverse("document-list")
    forged = {"meeting": 44, "title": "Forged", "source_states": ["SE"]}
    response = api_as(people, "delegate").post(url, forged, format="json")
    assert response.status_code == 403
    assert not Document.objects.exists()
    response = api_as(people, "delegate").post(url, {"meeting": 44, "title": "Own"}, format="json")
    assert response.status_code == 201
    assert response.json()["source"] == "Egypt"
    assert api_as(people, "public").post(url, forged, format="json").status_code == 403


# Point 3: a draft belongs to its delegation.


def test_nobody_else_sees_a_draft_the_secretariat_included(draft, people, as_role):
    for role in ["secretariat", "superuser", "other_delegate", "chair", "public"]:
        assert not Document.objects.visible_to(people[role]).filter(pk=draft.pk).exists(), role
        page = as_role(role).get(reverse("documents:meeting_list", args=[44])).content.decode()
        assert "Draft of Egypt" not in page, role
        listed = api_as(people, role).get(reverse("document-list")).json()["results"]
        assert draft.pk not in [row["id"] for row in listed], role
    assert as_role("secretariat").get(reverse("documents:history", args=[draft.pk])).status_code
    assert Document.objects.visible_to(people["delegate"]).filter(pk=draft.pk).exists()


def test_the_secretariat_sees_it_once_submitted(submitted, people):
    assert Document.objects.visible_to(people["secretariat"]).filter(pk=submitted.pk).exists()


# Point 6: withdrawal in the open.


@pytest.fixture
def withdrawn(registered, people):
    publish_document(document=registered, by=people["secretariat"])
    return withdraw_document(document=registered, by=people["secretariat"], reason="Duplicate")


def test_a_withdrawn_document_stays_listed_with_its_reason(withdrawn, people, as_role):
    public = as_role("public")
    listing = public.get(reverse("documents:meeting_list", args=[44])).content.decode()
    assert "CWG-WSIS&amp;SDG-44/1" in listing
    assert "Withdrawn on" in listing
    assert "Duplicate" in listing
    page = public.get(withdrawn.get_absolute_url()).content.decode()
    assert "This document was withdrawn on" in page
    assert "Its files are no longer offered." in page


def test_its_files_are_kept_for_the_secretariat_only(withdrawn, people, as_role):
    file = withdrawn.files.get()
    url = reverse("documents:download", args=[file.pk])
    for role in ["public", "delegate", "chair"]:
        assert as_role(role).get(url).status_code == 404, role
    assert as_role("secretariat").get(url).status_code == 200


def test_a_withdrawn_draft_stays_private(draft, people):
    withdraw_document(document=draft, by=people["delegate"], reason="Mistake")
    assert not Document.objects.visible_to(people["public"]).filter(pk=draft.pk).exists()


# Point 7: the series is chosen at registration.


def test_the_secretariat_registers_a_contribution_as_an_information_document(submitted, people):
    document = register_document(
        document=submitted, by=people["secretariat"], kind=Document.Kind.INFORMATION
    )
    assert document.symbol == "CWG-WSIS&SDG-44/INF/1"


def test_a_summary_is_no_series_to_choose(submitted, people):
    with pytest.raises(InvalidTransition):
        register_document(document=submitted, by=people["secretariat"], kind="summary")


def test_the_register_page_asks_for_the_series(submitted, as_role):
    client = as_role("secretariat")
    url = reverse("documents:register", args=[submitted.pk])
    assert "INF series" in client.post(url).content.decode()
    client.post(url, {"confirmed": "1", "series": "information"})
    submitted.refresh_from_db()
    assert submitted.symbol == "CWG-WSIS&SDG-44/INF/1"


# Point 8: uploads close when the meeting is over.


@pytest.fixture
def past_meeting(working_group):
    return MeetingFactory(
        working_group=working_group,
        number=43,
        start_date=dt.date(2025, 9, 9),
        end_date=dt.date(2025, 9, 10),
    )


@pytest.mark.parametrize("role", ["delegate", "sector_member", "chair"])
def test_a_past_meeting_takes_no_contribution(role, past_meeting, people):
    with pytest.raises(InvalidTransition, match="9 September 2025"):
        create_document(meeting=past_meeting, title="Too late", by=people[role])
    assert not Document.objects.exists()


def test_the_secretariat_still_adds_to_a_past_meeting(past_meeting, people):
    document = create_document(meeting=past_meeting, title="Report", by=people["secretariat"])
    add_file(document=document, upload=docx_upload(), language="en", by=people["secretariat"])
    assert submit_document(document=document, by=people["secretariat"]).status == "submitted"


def test_the_page_names_the_meetings_dates(past_meeting, as_role):
    response = as_role("delegate").post(
        reverse("documents:create", args=[43]),
        {
            "title": "Too late",
            "access": "public",
            "language": "en",
            "file": SimpleUploadedFile("late.docx", docx_bytes()),
        },
    )
    assert response.status_code == 409
    assert "10 September 2025" in response.content.decode()


# Point 11: a history a person can read.


def test_the_history_says_yes_and_no_and_names_versions_by_date(submitted, people, as_role):
    from documents.selectors import history_of

    changes = [
        change
        for entry in history_of(document=submitted, user=people["delegate"])
        for change in entry.changes
    ]
    late = [change for change in changes if change.label == "late"]
    assert late
    assert {late[0].after} <= {"yes", "no"}
    page = as_role("delegate").get(reverse("documents:history", args=[submitted.pk]))
    assert "Restore the details of" in page.content.decode()
    assert "True" not in page.content.decode()
