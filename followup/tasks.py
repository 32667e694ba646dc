"""Thin wrappers over the follow-up services (reminders, digests, record packages); each is
safe to run twice."""

from celery import shared_task
from django.conf import settings
from django.utils import timezone

from cwg import outbox
from followup.exceptions import RemindersPending
from followup.services.digest import send_delegation_digests as send_digests_to_subscribers
from followup.services.notices import ASSIGNMENT_NOTICE, mail_assignment_notice
from followup.services.record_package import BUILD_RECORD_PACKAGE, resend_stalled_record_packages
from followup.services.record_package import build_record_package as build_package
from followup.services.reminders import (
    TRANSIENT_MAIL_ERRORS,
    send_due_reminders,
    send_secretariat_digest,
)


@shared_task(
    acks_late=True,
    autoretry_for=(RemindersPending,),
    retry_backoff=60,
    max_retries=5,
)
def send_action_reminders() -> int:
    run = send_due_reminders(today=timezone.localdate())
    if run.failed:
        raise RemindersPending()
    return run.sent


@shared_task(
    acks_late=True,
    autoretry_for=TRANSIENT_MAIL_ERRORS,
    retry_backoff=60,
    max_retries=5,
)
def send_weekly_digest() -> bool:
    return send_secretariat_digest(today=timezone.localdate())


# A mail server that refuses (smtplib's errors are OSErrors) is tried again, with backoff.
@outbox.handler(ASSIGNMENT_NOTICE)
@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=8)
def send_assignment_notice(action_id: int) -> int:
    return mail_assignment_notice(action_id=action_id)


@shared_task(acks_late=True, autoretry_for=(RemindersPending,), retry_backoff=60, max_retries=5)
def send_delegation_digests() -> int:
    """Weekly; run twice in a week, the second run sends nothing (see services.digest)."""
    run = send_digests_to_subscribers(today=timezone.localdate(), site_url=settings.SITE_URL)
    if run.failed:
        raise RemindersPending()
    return run.sent


# A build takes seconds to minutes: with no broker it waits for the sweep, not in a request.
@outbox.handler(BUILD_RECORD_PACKAGE, run_here_when_broker_down=False)
@shared_task(acks_late=True)
def build_record_package(package_id: int) -> int:
    package = build_package(package_id=package_id)
    return package.progress if package is not None else 0


@shared_task
def sweep_stalled_record_packages() -> int:
    return len(resend_stalled_record_packages())
