import datetime as dt
import smtplib

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend

from cwg.models import Officer
from cwg.permissions import SECRETARIAT
from followup.models import Action, SentReminder
from followup.services.reminders import (
    reminders_due,
    send_due_reminders,
    send_secretariat_digest,
)
from followup.tasks import send_action_reminders, send_weekly_digest
from tests.followup.factories import ActionFactory
from tests.meetings.factories import MeetingFactory

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 3, 10)  # a Tuesday
FLAKY_STATE = {"failures_left": 0}


class FlakyBackend(EmailBackend):
    """Fails the next N sends with an SMTP error, then behaves like locmem."""

    def send_messages(self, messages):
        if FLAKY_STATE["failures_left"] > 0:
            FLAKY_STATE["failures_left"] -= 1
            raise smtplib.SMTPServerDisconnected("connection lost")
        return super().send_messages(messages)


@pytest.fixture(autouse=True)
def _mail(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.MEETINGS_REMINDER_DAYS_BEFORE = 7


@pytest.fixture
def meeting(working_group):
    return MeetingFactory(working_group=working_group, number=44)


def _with_email(user, address):
    user.email = address
    user.save(update_fields=["email"])
    return user


def test_reminders_before_due_and_when_overdue_go_to_the_owner(meeting, people):
    owner = _with_email(people["chair"], "chair@example.invalid")
    soon = ActionFactory(meeting=meeting, owner_user=owner, due_date=TODAY + dt.timedelta(7))
    late = ActionFactory(meeting=meeting, owner_user=owner, due_date=TODAY - dt.timedelta(1))
    ActionFactory(meeting=meeting, owner_user=owner, due_date=TODAY + dt.timedelta(8))
    ActionFactory(meeting=meeting, owner_user=owner, due_date=TODAY, status=Action.Status.DONE)
    run = send_due_reminders(today=TODAY)
    assert (run.sent, run.failed) == (2, 0)
    assert sorted(m.subject.split(":")[0] for m in mail.outbox) == ["Due soon", "Overdue"]
    assert all(m.to == ["chair@example.invalid"] for m in mail.outbox)
    kinds = dict(SentReminder.objects.values_list("action_id", "kind"))
    assert kinds == {soon.pk: "before_due", late.pk: "overdue"}


def test_running_twice_sends_each_reminder_once(meeting, people):
    owner = _with_email(people["chair"], "chair@example.invalid")
    ActionFactory(meeting=meeting, owner_user=owner, due_date=TODAY + dt.timedelta(3))
    ActionFactory(meeting=meeting, owner_user=owner, due_date=TODAY - dt.timedelta(3))
    send_due_reminders(today=TODAY)
    send_due_reminders(today=TODAY)
    assert len(mail.outbox) == 2
    assert reminders_due(today=TODAY) == []


def test_a_before_due_reminder_is_followed_by_an_overdue_one(meeting, people):
    owner = _with_email(people["chair"], "chair@example.invalid")
    ActionFactory(meeting=meeting, owner_user=owner, due_date=TODAY)
    send_due_reminders(today=TODAY)  # due today: not overdue yet
    send_due_reminders(today=TODAY + dt.timedelta(1))
    send_due_reminders(today=TODAY + dt.timedelta(2))
    assert [m.subject.split(":")[0] for m in mail.outbox] == ["Due soon", "Overdue"]


def test_group_and_officer_owners_are_reminded(meeting, people):
    _with_email(people["secretariat"], "sec@example.invalid")
    _with_email(people["vice_chair"], "vc@example.invalid")
    ActionFactory(
        meeting=meeting,
        owner_user=None,
        owner_group=Group.objects.get(name=SECRETARIAT),
        due_date=TODAY,
    )
    ActionFactory(
        meeting=meeting,
        owner_user=None,
        owner_officer=Officer.objects.get(user=people["vice_chair"]),
        due_date=TODAY,
    )
    send_due_reminders(today=TODAY)
    assert sorted(address for m in mail.outbox for address in m.to) == [
        "sec@example.invalid",
        "vc@example.invalid",
    ]


def test_a_mail_failure_leaves_the_reminder_pending_and_a_later_run_sends_it(
    meeting, people, settings
):
    owner = _with_email(people["chair"], "chair@example.invalid")
    ActionFactory(meeting=meeting, owner_user=owner, due_date=TODAY - dt.timedelta(2))
    settings.EMAIL_BACKEND = "tests.followup.test_reminders.FlakyBackend"
    FLAKY_STATE["failures_left"] = 1
    run = send_due_reminders(today=TODAY)
    assert (run.sent, run.failed) == (0, 1)
    assert not SentReminder.objects.exists()
    assert len(mail.outbox) == 0
    run = send_due_reminders(today=TODAY)
    assert (run.sent, run.failed) == (1, 0)
    assert SentReminder.objects.count() == 1
    assert len(mail.outbox) == 1


def test_the_beat_task_retries_a_transient_failure(meeting, people, settings):
    owner = _with_email(people["chair"], "chair@example.invalid")
    ActionFactory(meeting=meeting, owner_user=owner, due_date=dt.date(2000, 1, 1))
    settings.EMAIL_BACKEND = "tests.followup.test_reminders.FlakyBackend"
    FLAKY_STATE["failures_left"] = 1
    result = send_action_reminders.apply(throw=False)
    assert result.successful()
    assert result.result == 1
    assert len(mail.outbox) == 1
    assert send_action_reminders.apply(throw=False).result == 0


def test_weekly_digest_once_per_week_to_the_secretariat(meeting, people):
    _with_email(people["secretariat"], "sec@example.invalid")
    ActionFactory(meeting=meeting, title="Late one", due_date=TODAY - dt.timedelta(1))
    ActionFactory(meeting=meeting, title="Later one", due_date=TODAY + dt.timedelta(20))
    assert send_secretariat_digest(today=TODAY) is True
    assert send_secretariat_digest(today=TODAY + dt.timedelta(days=5)) is False  # Sunday
    assert send_secretariat_digest(today=TODAY + dt.timedelta(days=6)) is True  # next Monday
    assert len(mail.outbox) == 2
    first = mail.outbox[0]
    assert first.to == ["sec@example.invalid"]
    assert "Late one" in first.body
    assert "Later one" not in first.body
    assert "week of 9 March 2026" in first.subject


def test_digest_failure_stays_pending(meeting, people, settings):
    _with_email(people["secretariat"], "sec@example.invalid")
    settings.EMAIL_BACKEND = "tests.followup.test_reminders.FlakyBackend"
    FLAKY_STATE["failures_left"] = 1
    with pytest.raises(smtplib.SMTPException):
        send_secretariat_digest(today=TODAY)
    assert not SentReminder.objects.exists()
    assert send_secretariat_digest(today=TODAY) is True


def test_the_digest_task_retries_smtp_errors(meeting, people, settings):
    _with_email(people["secretariat"], "sec@example.invalid")
    settings.EMAIL_BACKEND = "tests.followup.test_reminders.FlakyBackend"
    FLAKY_STATE["failures_left"] = 1
    assert smtplib.SMTPException in send_weekly_digest.autoretry_for
    assert send_weekly_digest.apply(throw=False).result is True
    assert len(mail.outbox) == 1


def test_the_beat_schedule_lists_both_tasks(settings):
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {"followup.tasks.send_action_reminders", "followup.tasks.send_weekly_digest"} <= tasks
