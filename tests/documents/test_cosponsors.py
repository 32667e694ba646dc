"""Co-sponsors (issue 13, point 2): named by the submitting delegation, seen by their delegates
from submission, confirmed or declined by them; only confirmations make a source."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from cwg.exceptions import InvalidTransition, NotAllowed
from cwg.permissions import DELEGATES
from cwg.services import enrol_user
from documents.models import CoSponsor, Document
from documents.services import (
    answer_cosponsorship,
    create_contribution,
    name_cosponsors,
    register_document,
    submit_document,
)
from tests.cwg.factories import member_state
from tests.documents.factories import docx_upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def saudi_delegate(people):
    return enrol_user(
        username="delegate.sa",
        password="a-test-password-1",
        role=DELEGATES,
        member_state=member_state("SA"),
        email="delegate.sa@example.invalid",
    )


def joint_draft(meeting, people, *states: str, submit: bool = False) -> Document:
    return create_contribution(
        meeting=meeting,
        by=people["delegate"],
        title="Joint proposal on action line C3",
        cosponsors=[member_state(code) for code in states],
        file=docx_upload("Joint text."),
        language="en",
        submit=submit,
    )


def visible(document: Document, user) -> bool:
    return Document.objects.visible_to(user).filter(pk=document.pk).exists()


def page_source(document: Document) -> str:
    return Document.objects.prefetch_related("cosponsors__member_state").get(pk=document.pk).source


def test_cosponsors_see_it_from_submission_and_are_told(
    meeting, people, mailoutbox, django_capture_on_commit_callbacks
):
    sweden = people["other_delegate"]
    sweden.email = "delegate.se@example.invalid"
    sweden.save(update_fields=["email"])
    document = joint_draft(meeting, people, "SE")
    assert not visible(document, sweden)
    assert not visible(document, people["secretariat"])
    with django_capture_on_commit_callbacks(execute=True):
        submit_document(document=document, by=people["delegate"])
    assert visible(document, sweden)
    assert not visible(document, people["sector_member"])
    notices = [mail for mail in mailoutbox if mail.to == ["delegate.se@example.invalid"]]
    assert len(notices) == 1
    assert "co-sponsor" in notices[0].subject.lower()
    assert reverse("documents:cosponsorship", args=[document.pk]) in notices[0].body


def test_the_source_lists_confirmed_cosponsors_in_the_order_given(meeting, people, saudi_delegate):
    document = joint_draft(meeting, people, "SA", "SE", submit=True)
    assert page_source(document) == "Egypt"
    answer_cosponsorship(document=document, by=people["other_delegate"], confirm=True)
    assert page_source(document) == "Egypt, Sweden"
    answer_cosponsorship(document=document, by=saudi_delegate, confirm=True)
    assert page_source(document) == "Egypt, Saudi Arabia, Sweden"
    answer_cosponsorship(document=document, by=saudi_delegate, confirm=False)
    assert page_source(document) == "Egypt, Sweden"


def test_a_declined_cosponsor_is_no_source_and_keeps_its_answer_when_named_again(meeting, people):
    document = joint_draft(meeting, people, "SE", submit=True)
    answer_cosponsorship(document=document, by=people["other_delegate"], confirm=False)
    name_cosponsors(document=document, by=people["delegate"], member_states=[member_state("SE")])
    assert page_source(document) == "Egypt"
    assert document.cosponsors.get().answer == CoSponsor.Answer.DECLINED


def test_answering_is_refused_to_all_but_the_cosponsors_delegates(meeting, people):
    document = joint_draft(meeting, people, "SE")
    with pytest.raises(NotAllowed):  # not submitted yet
        answer_cosponsorship(document=document, by=people["other_delegate"], confirm=True)
    submit_document(document=document, by=people["delegate"])
    for role in ["delegate", "secretariat", "sector_member", "chair"]:
        with pytest.raises(NotAllowed):
            answer_cosponsorship(document=document, by=people[role], confirm=True)
    assert page_source(document) == "Egypt"


def test_naming_cosponsors_is_refused_outside_the_submitting_delegation(meeting, people):
    document = joint_draft(meeting, people)
    for role in ["other_delegate", "sector_member", "chair"]:
        with pytest.raises(NotAllowed):
            name_cosponsors(document=document, by=people[role], member_states=[member_state("SA")])
    with pytest.raises(InvalidTransition):
        name_cosponsors(
            document=document, by=people["delegate"], member_states=[member_state("EG")]
        )
    submit_document(document=document, by=people["delegate"])
    register_document(document=document, by=people["secretariat"])
    with pytest.raises(NotAllowed):  # after registration the details are the secretariat's
        name_cosponsors(
            document=document, by=people["delegate"], member_states=[member_state("SE")]
        )
    assert not document.cosponsors.exists()


def test_the_upload_form_keeps_the_order_and_refuses_a_forged_cosponsor(meeting, people, as_role):
    client = as_role("delegate")
    url = reverse("documents:create", args=[meeting.number])
    form = {"title": "Joint", "access": "public", "language": "en"}
    sweden, saudi = member_state("SE"), member_state("SA")
    response = client.post(
        url, {**form, "cosponsors": [saudi.pk, "", sweden.pk], "file": docx_upload("Joint.")}
    )
    assert response.status_code == 302
    document = Document.objects.get(title="Joint")
    assert [c.member_state.iso_code for c in document.cosponsors.all()] == ["SA", "SE"]
    forged = client.post(
        url,
        {**form, "title": "Forged", "cosponsors": [member_state("EG").pk], "file": docx_upload()},
    )
    assert forged.status_code == 400
    assert not Document.objects.filter(title="Forged").exists()


def test_the_api_names_cosponsors_and_refuses_the_submitters_own_state(meeting, people):
    client = APIClient()
    client.force_authenticate(people["delegate"])
    made = client.post(
        reverse("document-list"),
        {"meeting": meeting.number, "title": "By API", "cosponsors": ["SE"]},
        format="json",
    )
    assert made.status_code == 201
    assert Document.objects.get(title="By API").cosponsors.get().member_state.iso_code == "SE"
    forged = client.post(
        reverse("document-list"),
        {"meeting": meeting.number, "title": "Forged by API", "cosponsors": ["EG"]},
        format="json",
    )
    assert 400 <= forged.status_code < 500
    assert not Document.objects.filter(title="Forged by API").exists()


def test_the_cosponsors_delegate_answers_on_a_page(meeting, people, as_role):
    document = joint_draft(meeting, people, "SE", submit=True)
    url = reverse("documents:cosponsorship", args=[document.pk])
    client = as_role("other_delegate")
    assert client.get(url).status_code == 200
    assert client.post(url, {"answer": "confirm"}).status_code == 302
    assert page_source(document) == "Egypt, Sweden"
    page = client.get(reverse("documents:detail", args=[document.pk])).content.decode()
    assert "Egypt, Sweden" in page
    assert as_role("delegate").post(url, {"answer": "decline"}).status_code == 403
    assert page_source(document) == "Egypt, Sweden"


def test_a_third_state_cannot_open_or_answer(meeting, people, saudi_delegate, client):
    document = joint_draft(meeting, people, "SE", submit=True)
    client.force_login(saudi_delegate)
    url = reverse("documents:cosponsorship", args=[document.pk])
    assert client.post(url, {"answer": "confirm"}).status_code == 404
    assert client.get(reverse("documents:detail", args=[document.pk])).status_code == 404


def test_the_queue_shows_every_cosponsor_with_its_answer(meeting, people, as_role):
    document = joint_draft(meeting, people, "SE", "SA", submit=True)
    answer_cosponsorship(document=document, by=people["other_delegate"], confirm=True)
    page = as_role("secretariat").get(reverse("documents:queue")).content.decode()
    assert "Egypt, Sweden" in page
    assert "Co-sponsor Sweden: Confirmed" in page
    assert "Co-sponsor Saudi Arabia: Not answered yet" in page


def test_the_history_says_who_named_and_who_confirmed(meeting, people, as_role):
    document = joint_draft(meeting, people, "SE", submit=True)
    answer_cosponsorship(document=document, by=people["other_delegate"], confirm=True)
    page = as_role("delegate").get(reverse("documents:history", args=[document.pk]))
    text = page.content.decode()
    assert "Co-sponsors named: Sweden" in text
    assert "Sweden confirmed its co-sponsorship" in text


def test_the_queue_and_the_meeting_list_keep_their_query_counts(meeting, people, as_role):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = as_role("secretariat")
    urls = [reverse("documents:queue"), reverse("documents:meeting_list", args=[meeting.number])]

    def counts() -> list[int]:
        result = []
        for url in urls:
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            result.append(len(queries))
        return result

    joint_draft(meeting, people, "SE", submit=True)
    few = counts()
    for _ in range(3):
        joint_draft(meeting, people, "SE", "SA", submit=True)
    assert counts() == few
