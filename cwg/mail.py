"""Notice mails: a template per notice, rendered in each recipient's language.

A notice is two templates, ``<app>/mail/<event>_subject.txt`` and ``<app>/mail/<event>_body.txt``
(plain text, autoescape off inside). ``send_notice`` renders them once per language among the
recipients, in the caller's transaction, and writes one outbox message per language: the mail
goes out once the change commits (see cwg.outbox), with the words of the moment it happened.
Whoever reads the mail: their chosen language, else the one they last used, else the site's.
"""

from collections import defaultdict
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from cwg import outbox
from cwg.characters import clean_text, one_line
from cwg.models import UserPreference

SEND = "cwg.send_rendered_mail"  # the outbox handler, in cwg/tasks.py


def language_of(user, preference: UserPreference | None = None) -> str:
    """The language a person reads their mails in (their preference read here unless given)."""
    if preference is None:
        preference = UserPreference.objects.filter(user_id=user.pk).first() or UserPreference()
    return preference.language or preference.last_language or settings.LANGUAGE_CODE


def site_link(path: str) -> str:
    """The address of a page of the site as the mail's reader reaches it."""
    return settings.SITE_URL.rstrip("/") + path


def render_mail(template_prefix: str, context: dict, language: str) -> tuple[str, str]:
    """(subject, body) of a notice in one language; the subject on one line."""
    with translation.override(language):
        values = {"site_url": settings.SITE_URL.rstrip("/"), **context}
        subject = render_to_string(f"{template_prefix}_subject.txt", values)
        body = render_to_string(f"{template_prefix}_body.txt", values)
    return one_line(subject), clean_text(body).strip() + "\n"


def recipients_by_language(users: Iterable) -> dict[str, list[str]]:
    """{language: sorted addresses}, one entry per language among the people with an address."""
    users = [user for user in users if getattr(user, "email", "")]
    preferences = {
        preference.user_id: preference
        for preference in UserPreference.objects.filter(user_id__in=[user.pk for user in users])
    }
    groups: dict[str, set[str]] = defaultdict(set)
    for user in users:
        groups[language_of(user, preferences.get(user.pk, UserPreference()))].add(user.email)
    return {language: sorted(addresses) for language, addresses in sorted(groups.items())}


def send_notice(users: Iterable, template_prefix: str, context: dict) -> int:
    """In the caller's transaction: one message per language among the users; their number."""
    groups = recipients_by_language(users)
    for language, addresses in groups.items():
        subject, body = render_mail(template_prefix, context, language)
        outbox.enqueue(SEND, subject=subject, body=body, recipients=addresses, language=language)
    return len(groups)


def mail_now(users: Iterable, template_prefix: str, context: dict) -> list[str]:
    """Send at once (a worker's scheduled run that records the mail in its own transaction):
    one mail per language; the addresses mailed."""
    mailed = []
    for language, addresses in recipients_by_language(users).items():
        subject, body = render_mail(template_prefix, context, language)
        send_mail(subject, body, None, addresses)
        mailed += addresses
    return mailed


def send_rendered(*, subject: str, body: str, recipients: list[str], language: str = "") -> None:
    """The outbox handler's work: the mail as it was rendered in the change's transaction."""
    send_mail(one_line(subject), clean_text(body), None, recipients)
