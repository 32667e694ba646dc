"""The delegation digest: its page, the opt-in weekly mail once a week, none when nothing is new."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone, translation
from django.utils.formats import date_format

from cwg.models import UserPreference
from documents.models import Document
from followup.models import FollowupPreference, SentDigest
from followup.services.digest import send_delegation_digests
from followup.services.reminders import week_of
from tests.consultations.factories import CallFactory
from tests.documents.factories import DocumentFactory
from tests.followup.factories import ActionFactory
from tests.meetings.factories import MeetingFactory

pytestmark = pytest.mark.django_db
SITE = "https://cwg.example.org"


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def meetings(working_group, today):
    last = MeetingFactory(
        working_group=working_group,
        number=43,
        start_date=today - dt.timedelta(days=60),
        end_date=today - dt.timedelta(days=59),
    )
    coming = MeetingFactory(
        working_group=working_group,
        number=44,
        start_date=today + dt.timedelta(days=20),
        end_date=today + dt.timedelta(days=21),
    )
    return last, coming


@pytest.fixture
def news(meetings, people, today):
    """For Egypt: a new public document, an open call, an overdue action and one due later."""
    last, coming = meetings
    now = timezone.now()
    DocumentFactory(
        meeting=coming,
        number=1,
        title="New public contribution",
        status=Document.Status.PUBLISHED,
        access=Document.Access.PUBLIC,
        registered_at=now - dt.timedelta(days=2),
        published_at=now - dt.timedelta(days=1),
    )
    DocumentFactory(
        meeting=last,
        number=9,
        title="Old meeting's document",
        status=Document.Status.PUBLISHED,
        access=Document.Access.PUBLIC,
        published_at=now - dt.timedelta(days=1),
    )
    CallFactory(working_group=people.working_group, code="WSIS20")
    later = ActionFactory(
        meeting=last,
        owner_user=people["delegate"],
        title="Due later",
        due_date=today + dt.timedelta(days=30),
    )
    late = ActionFactory(
        meeting=last,
        owner_user=people["delegate"],
        title="Overdue one",
        due_date=today - dt.timedelta(days=3),
    )
    ActionFactory(meeting=last, owner_user=people["other_delegate"], title="Sweden's")
    return late, later


def test_the_page_shows_the_delegation_what_is_theirs(news, as_role):
    response = as_role("delegate").get("/my/digest/")
    assert response.status_code == 200
    digest = response.context["digest"]
    assert [d.title for d in digest.documents] == ["New public contribution"]
    assert [c.call.code for c in digest.calls] == ["WSIS20"]
    assert [a.action.title for a in digest.actions] == ["Overdue one", "Due later"]
    assert digest.actions[0].days_overdue == 3
    body = response.content.decode()
    assert "Sweden" not in body
    assert f'href="/meetings/actions/{news[0].pk}/"' in body


def test_another_delegation_sees_only_its_own(news, as_role):
    digest = as_role("other_delegate").get("/my/digest/").context["digest"]
    assert [a.action.title for a in digest.actions] == ["Sweden's"]


def test_the_public_is_asked_to_sign_in(client):
    response = client.get("/my/digest/")
    assert response.status_code == 302
    assert "/accounts/login/" in response.url


def test_a_person_opts_in_and_chooses_the_language(people, as_role):
    client = as_role("delegate")
    response = client.post("/my/digest/", {"weekly_digest": "on", "language": "fr"})
    assert response.status_code == 302
    preference = FollowupPreference.objects.get(user=people["delegate"])
    assert preference.weekly_digest is True
    assert UserPreference.objects.get(user=people["delegate"]).language == "fr"
    assert client.post("/my/digest/", {"language": "xx"}).status_code == 400


def _subscribe(people, *roles, language="en"):
    for role in roles:
        people[role].email = f"{role}@example.invalid"
        people[role].save()
        FollowupPreference.objects.create(user=people[role], weekly_digest=True)
        UserPreference.objects.create(user=people[role], language=language)


def test_one_mail_per_person_per_week_with_the_right_items(news, people, today):
    _subscribe(people, "delegate")
    run = send_delegation_digests(today=today, site_url=SITE)
    assert (run.sent, run.nothing_new) == (1, 0)
    [message] = mail.outbox
    assert message.to == ["delegate@example.invalid"]
    assert "New public contribution" in message.body
    assert "Old meeting's document" not in message.body
    assert message.body.index("Overdue one") < message.body.index("Due later")
    assert "OVERDUE by 3 days" in message.body
    assert f"{SITE}/meetings/actions/{news[0].pk}/" in message.body
    assert "Sweden's" not in message.body
    again = send_delegation_digests(today=today, site_url=SITE)
    assert (again.sent, len(mail.outbox)) == (0, 1)
    next_week = send_delegation_digests(today=today + dt.timedelta(days=7), site_url=SITE)
    assert next_week.sent == 1
    assert SentDigest.objects.filter(user=people["delegate"]).count() == 2


def test_nothing_is_sent_when_nothing_is_new(meetings, people, today):
    _subscribe(people, "other_delegate")
    run = send_delegation_digests(today=today, site_url=SITE)
    assert (run.sent, run.nothing_new, mail.outbox) == (0, 1, [])
    assert not SentDigest.objects.exists()


def test_only_those_who_opted_in_get_it(news, people, today):
    people["delegate"].email = "delegate@example.invalid"
    people["delegate"].save()
    FollowupPreference.objects.create(user=people["delegate"], weekly_digest=False)
    assert send_delegation_digests(today=today, site_url=SITE).sent == 0
    assert mail.outbox == []


def test_the_mail_is_in_the_readers_language(news, people, today):
    _subscribe(people, "delegate", language="fr")
    send_delegation_digests(today=today, site_url=SITE)
    assert mail.outbox[0].subject.startswith("Votre récapitulatif")
    with translation.override("fr"):  # the week's date in French: "15 janvier 2026"
        assert date_format(week_of(today), "DATE_FORMAT") in mail.outbox[0].subject
