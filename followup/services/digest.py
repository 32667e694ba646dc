"""The weekly delegation digest by mail: opt-in, in the reader's language, at most once a week.

As with reminders, the SentDigest row and the mail share one transaction: a mail failure rolls
the row back (the person is tried again next run); a second run of the task in the same week
finds the row, or loses the race on its unique constraint, and sends nothing.
"""

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext as _

from cwg.exceptions import InvalidTransition
from cwg.mail import language_of, render_mail
from cwg.services import set_mail_language
from followup.models import FollowupPreference, SentDigest
from followup.selectors.digest import delegation_digest
from followup.services.reminders import TRANSIENT_MAIL_ERRORS, week_of


@dataclass
class DigestRun:
    sent: int = 0
    nothing_new: int = 0
    failed: int = 0


@transaction.atomic
def set_digest_preference(*, user, weekly_digest: bool, language: str) -> FollowupPreference:
    """A person chooses for themselves: the weekly mail (opt-in) and the language of all mails."""
    if not user.is_authenticated:
        raise InvalidTransition(_("Sign in to choose your mails."))
    preference, _created = FollowupPreference.objects.update_or_create(
        user=user, defaults={"weekly_digest": weekly_digest}
    )
    set_mail_language(user=user, language=language)
    return preference


@transaction.atomic
def send_digest_to(*, user_id: int, today: dt.date, site_url: str) -> bool:
    """True if mailed; False if already sent this week or nothing is new for this person."""
    week = week_of(today)
    user = get_user_model().objects.select_for_update().filter(pk=user_id).first()
    if user is None or not user.email or SentDigest.objects.filter(user=user, week=week).exists():
        return False
    preference = FollowupPreference.objects.filter(user=user, weekly_digest=True).first()
    if preference is None:
        return False
    language = language_of(user)
    with translation.override(language):
        digest = delegation_digest(user=user, today=today)
    if not digest.has_news:
        return False
    try:
        with transaction.atomic():
            SentDigest.objects.create(user=user, week=week)
    except IntegrityError:
        return False  # another run recorded it between our check and our insert
    context = {"digest": digest, "week": week, "site_url": site_url.rstrip("/")}
    subject, body = render_mail("followup/mail/digest", context, language)
    send_mail(subject, body, None, [user.email])
    return True


def send_delegation_digests(*, today: dt.date, site_url: str) -> DigestRun:
    """Every person who asked for the digest; a failed mail is counted and tried next run."""
    run = DigestRun()
    subscribers = FollowupPreference.objects.filter(
        weekly_digest=True, user__is_active=True
    ).values_list("user_id", flat=True)
    for user_id in subscribers.order_by("user_id"):
        try:
            mailed = send_digest_to(user_id=user_id, today=today, site_url=site_url)
        except TRANSIENT_MAIL_ERRORS:
            run.failed += 1
            continue
        if mailed:
            run.sent += 1
        else:
            run.nothing_new += 1
    return run
