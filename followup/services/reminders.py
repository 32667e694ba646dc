"""Reminders to owners and the weekly digest: each mail is recorded once it has gone out.

The record and the mail share one transaction: the SentReminder row is written first and the
mail sent inside the same atomic block, so a mail failure rolls the row back and the reminder
stays pending for the next run, while a second run finds the row and sends nothing.
"""

import datetime as dt
import smtplib
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.urls import reverse

from cwg.mail import mail_now, site_link
from cwg.permissions import SECRETARIAT
from followup.models import Action, SentReminder
from followup.services.notices import action_link, owner_users

TRANSIENT_MAIL_ERRORS = (smtplib.SMTPException, ConnectionError, TimeoutError)
Kind = SentReminder.Kind


@dataclass
class ReminderRun:
    sent: int = 0
    failed: int = 0


def days_before_due() -> int:
    return int(getattr(settings, "MEETINGS_REMINDER_DAYS_BEFORE", 7))


def owner_emails(action: Action) -> list[str]:
    return sorted(set(owner_users(action).values_list("email", flat=True)))


def reminders_due(*, today: dt.date) -> list[tuple[int, str]]:
    """(action id, kind) of every reminder that should have gone out by today and has not."""
    horizon = today + dt.timedelta(days=days_before_due())
    pending = []
    candidates = Action.objects.still_open().filter(due_date__lte=horizon).order_by("due_date")
    sent = set(
        SentReminder.objects.filter(action__in=candidates).values_list(
            "action_id", "kind", "period"
        )
    )
    for action_id, due_date in candidates.values_list("pk", "due_date"):
        kind = Kind.OVERDUE if due_date < today else Kind.BEFORE_DUE
        if (action_id, kind, due_date) not in sent:
            pending.append((action_id, kind))
    return pending


@transaction.atomic
def send_action_reminder(*, action_id: int, kind: str, today: dt.date) -> bool:
    """Send one reminder unless it was sent already or is no longer due; True if mailed."""
    action = (
        Action.objects.select_for_update(of=("self",))
        .select_related("meeting__working_group")
        .filter(pk=action_id)
        .first()
    )
    if action is None or not action.is_open:
        return False
    expected = Kind.OVERDUE if action.due_date < today else Kind.BEFORE_DUE
    if kind != expected:
        return False
    if SentReminder.objects.filter(action=action, kind=kind, period=action.due_date).exists():
        return False
    recipients = owner_emails(action)
    if not recipients:
        return False
    try:
        with transaction.atomic():
            SentReminder.objects.create(
                action=action, kind=kind, period=action.due_date, recipients=", ".join(recipients)
            )
    except IntegrityError:
        return False  # another run recorded it between our check and our insert
    context = {"action": action, "overdue": kind == Kind.OVERDUE, "link": action_link(action)}
    mail_now(owner_users(action).distinct(), "followup/mail/reminder", context)
    return True


def send_due_reminders(*, today: dt.date) -> ReminderRun:
    """Every pending reminder; a failed mail is counted and stays pending for the next run."""
    run = ReminderRun()
    for action_id, kind in reminders_due(today=today):
        try:
            mailed = send_action_reminder(action_id=action_id, kind=kind, today=today)
        except TRANSIENT_MAIL_ERRORS:
            run.failed += 1
            continue
        run.sent += int(mailed)
    return run


def week_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


@transaction.atomic
def send_secretariat_digest(*, today: dt.date) -> bool:
    """The week's digest of open and overdue actions, once per week (Monday to Sunday)."""
    period = week_of(today)
    if SentReminder.objects.filter(kind=Kind.DIGEST, action=None, period=period).exists():
        return False
    people = (
        get_user_model()
        .objects.filter(is_active=True, groups__name=SECRETARIAT)
        .exclude(email="")
        .distinct()
    )
    recipients = sorted({person.email for person in people})
    if not recipients:
        return False
    try:
        with transaction.atomic():
            SentReminder.objects.create(
                kind=Kind.DIGEST, period=period, recipients=", ".join(recipients)
            )
    except IntegrityError:
        return False
    open_actions = list(
        Action.objects.still_open().select_related("meeting__working_group").order_by("due_date")
    )
    overdue = [action for action in open_actions if action.is_overdue_on(today)]
    for action in overdue:
        action.link = action_link(action)
    context = {
        "week": period,
        "open_count": len(open_actions),
        "overdue": overdue,
        "dashboard_link": site_link(reverse("followup:action_dashboard")),
    }
    mail_now(people, "followup/mail/secretariat_digest", context)
    return True
