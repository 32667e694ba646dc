"""Tagging from the pages: a delegation proposes tags on upload, the secretariat confirms them;
the secretariat tags documents, questions and inputs; nobody else does."""

import datetime as dt

import pytest
import reversion.models
from django.urls import reverse
from django.utils import timezone

from cwg.exceptions import NotAllowed
from cwg.models import ActionLine, SustainableDevelopmentGoal
from documents.models import Document
from documents.services import propose_tags, register_document, submit_document
from tests.consultations.factories import CallFactory, QuestionFactory, SubmissionFactory
from tests.documents.factories import docx_upload
from tests.meetings.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def _line(code: str) -> ActionLine:
    return ActionLine.objects.get(code=code)


@pytest.fixture
def proposed(working_group, as_role):
    """Egypt's contribution, uploaded with C5 and SDG 9 proposed."""
    start = timezone.localdate() + dt.timedelta(days=19)
    meeting = MeetingFactory(
        working_group=working_group, number=44, start_date=start, end_date=start
    )
    client = as_role("delegate")
    response = client.post(
        reverse("documents:create", args=[meeting.number]),
        {
            "title": "Egypt on security",
            "access": "public",
            "language": "en",
            "file": docx_upload("Security."),
            "proposed_action_lines": [_line("C5").pk],
            "proposed_sdgs": [SustainableDevelopmentGoal.objects.get(number=9).pk],
        },
    )
    assert response.status_code == 302
    return Document.objects.get(title="Egypt on security")


def test_a_delegation_proposes_tags_on_upload(proposed, as_role):
    assert list(proposed.proposed_action_lines.values_list("code", flat=True)) == ["C5"]
    assert list(proposed.action_lines.all()) == []  # a proposal, not a tag
    page = as_role("delegate").get(proposed.get_absolute_url()).content.decode()
    assert "Tags proposed by the delegation" in page
    assert reverse("followup:tag", args=["document", proposed.pk]) not in page


def test_the_secretariat_confirms_the_proposal(proposed, people, as_role):
    submit_document(document=proposed, by=people["delegate"])
    client = as_role("secretariat")
    assert "Confirm the proposed tags" in client.get(proposed.get_absolute_url()).content.decode()
    url = reverse("followup:tag", args=["document", proposed.pk])
    page = client.get(url)
    assert page.status_code == 200
    checked = page.content.decode()
    assert "Proposed by the delegation" in checked
    assert page.context["form"].initial["action_lines"] == [_line("C5")]  # preselected
    response = client.post(url, {"action_lines": [_line("C5").pk, _line("C2").pk], "sdgs": []})
    assert response.status_code == 302
    proposed.refresh_from_db()
    assert sorted(proposed.action_lines.values_list("code", flat=True)) == ["C2", "C5"]
    assert not proposed.proposed_action_lines.exists()
    assert not proposed.proposed_sdgs.exists()
    version = reversion.models.Version.objects.get_for_object(proposed).first()
    assert version.revision.user == people["secretariat"]


def test_only_who_may_edit_proposes(proposed, people):
    with pytest.raises(NotAllowed):
        propose_tags(document=proposed, by=people["other_delegate"], action_lines=[], sdgs=[])
    submit_document(document=proposed, by=people["delegate"])
    register_document(document=proposed, by=people["secretariat"])
    with pytest.raises(NotAllowed):
        propose_tags(document=proposed, by=people["delegate"], action_lines=[_line("C1")], sdgs=[])


@pytest.mark.parametrize("role", ["delegate", "chair", "vice_chair", "sector_member"])
def test_others_may_not_tag_from_the_page(proposed, as_role, role):
    url = reverse("followup:tag", args=["document", proposed.pk])
    response = as_role(role).post(url, {"action_lines": [_line("C1").pk]})
    assert response.status_code == 403
    assert not proposed.action_lines.exists()


def test_the_secretariat_cannot_reach_a_delegation_draft(proposed, as_role):
    url = reverse("followup:tag", args=["document", proposed.pk])
    assert as_role("secretariat").get(url).status_code == 404


def test_the_secretariat_tags_a_question_and_an_input(working_group, as_role):
    call = CallFactory(working_group=working_group, code="TAGS")
    question = QuestionFactory(call=call)
    submission = SubmissionFactory(call=call, number=1, status="received")
    client = as_role("secretariat")
    for kind, target in [("question", question), ("input", submission)]:
        url = reverse("followup:tag", args=[kind, target.pk])
        response = client.post(url, {"action_lines": [_line("C7").pk], "sdgs": []})
        assert response.status_code == 302, kind
        assert list(target.action_lines.values_list("code", flat=True)) == ["C7"]
    detail = client.get(reverse("consultations:detail", args=[call.code])).content.decode()
    assert reverse("followup:tag", args=["question", question.pk]) in detail
    assert ">C7<" in detail
    moderation = client.get(
        reverse("consultations:moderation_input", args=[call.code, submission.reference])
    ).content.decode()
    assert reverse("followup:tag", args=["input", submission.pk]) in moderation


def test_an_unknown_kind_or_row_is_not_found(as_role):
    client = as_role("secretariat")
    assert client.get(reverse("followup:tag", args=["meeting", 1])).status_code == 404
    assert client.get(reverse("followup:tag", args=["document", 999999])).status_code == 404


def test_a_bad_choice_keeps_the_form(proposed, people, as_role):
    submit_document(document=proposed, by=people["delegate"])
    url = reverse("followup:tag", args=["document", proposed.pk])
    response = as_role("secretariat").post(url, {"action_lines": ["999999"]})
    assert response.status_code == 400
    assert 'class="errorlist' in response.content.decode()
