"""Actions without friction: symbols with any revision, messages, the owner's notice."""

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.test import override_settings

from cwg.models import UserPreference
from documents.models import Document
from followup.models import Action
from followup.selectors.links import document_by_symbol
from followup.services import create_action, edit_action
from followup.services.reminders import send_due_reminders
from tests.documents.factories import DocumentFactory
from tests.followup.factories import ActionFactory
from tests.meetings.factories import MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(working_group):
    return MeetingFactory(working_group=working_group, number=44)


@pytest.fixture
def revised(meeting):
    return DocumentFactory(
        meeting=meeting, number=3, revision=1, status=Document.Status.PUBLISHED, title="Revised"
    )


@pytest.mark.parametrize(
    "typed",
    [
        "CWG-WSIS&SDG-44/3",
        "CWG-WSIS&SDG-44/3-E",
        "cwg-wsis&sdg-44/3(rev.1)",
        "CWG-WSIS&SDG-44/3(Rev.1)-F",
        " CWG-WSIS&SDG-44/3 (Rev.1) - A ",
    ],
)
def test_a_symbol_finds_the_document_whatever_revision_and_language(revised, people, typed):
    assert document_by_symbol(user=people["secretariat"], symbol=typed) == revised


def test_another_number_is_not_found(revised, people):
    assert document_by_symbol(user=people["secretariat"], symbol="CWG-WSIS&SDG-44/31") is None


def test_linking_from_the_page_says_so(meeting, revised, people, as_role):
    action = ActionFactory(meeting=meeting, owner_user=people["delegate"])
    client = as_role("secretariat")
    url = f"/meetings/actions/{action.pk}/documents/"
    response = client.post(url, {"symbol": "CWG-WSIS&SDG-44/3-E"})
    assert response.status_code == 302
    assert list(action.documents.all()) == [revised]
    said = [str(m) for m in get_messages(response.wsgi_request)]
    assert said == ["CWG-WSIS&SDG-44/3(Rev.1) is linked to this action."]


def test_reporting_progress_says_so(meeting, people, as_role):
    action = ActionFactory(meeting=meeting, owner_user=people["delegate"])
    response = as_role("delegate").post(
        f"/meetings/actions/{action.pk}/update/", {"text": "Draft circulated"}, follow=True
    )
    assert "Your progress report is recorded." in response.content.decode()


@override_settings(SITE_URL="https://cwg.example.org")
def test_the_owner_is_told_in_their_language_with_the_link(
    meeting, people, django_capture_on_commit_callbacks
):
    delegate = people["delegate"]
    delegate.email = "delegate@example.invalid"
    delegate.save()
    UserPreference.objects.create(user=delegate, language="fr")
    with django_capture_on_commit_callbacks(execute=True):
        action = create_action(
            meeting=meeting,
            title="Prepare the gap analysis",
            due_date=meeting.start_date,
            owner_user=delegate,
            by=people["secretariat"],
        )
    assert len(mail.outbox) == 1
    notice = mail.outbox[0]
    assert notice.to == ["delegate@example.invalid"]
    assert notice.subject.startswith("Action qui vous est confiée")
    assert f"https://cwg.example.org/meetings/actions/{action.pk}/" in notice.body


def test_a_new_owner_is_told_and_an_unchanged_one_is_not(
    meeting, people, django_capture_on_commit_callbacks
):
    for role in ("delegate", "chair"):
        people[role].email = f"{role}@example.invalid"
        people[role].save()
    action = ActionFactory(meeting=meeting, owner_user=people["delegate"], title="Same")
    arguments = {"meeting": meeting, "title": "Same", "due_date": action.due_date}
    with django_capture_on_commit_callbacks(execute=True):
        edit_action(
            action=action,
            by=people["secretariat"],
            owner_user=people["delegate"],
            **{**arguments, "title": "Renamed"},
        )
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        edit_action(
            action=action, by=people["secretariat"], owner_user=people["chair"], **arguments
        )
    assert [m.to for m in mail.outbox] == [["chair@example.invalid"]]


@override_settings(SITE_URL="https://cwg.example.org")
def test_reminders_link_to_the_action(meeting, people):
    people["delegate"].email = "delegate@example.invalid"
    people["delegate"].save()
    action = ActionFactory(meeting=meeting, owner_user=people["delegate"])
    send_due_reminders(today=action.due_date)
    assert f"https://cwg.example.org/meetings/actions/{action.pk}/" in mail.outbox[0].body
    assert Action.objects.count() == 1
