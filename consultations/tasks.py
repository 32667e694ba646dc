"""Thin Celery tasks of consultations."""

from celery import shared_task
from django.core.mail import send_mail
from django.utils import translation
from django.utils.translation import gettext as _

from cwg import outbox
from cwg.characters import clean_text

RECEIPT = "consultations.send_receipt"
DECISION = "consultations.send_decision"


# A mail server that refuses (smtplib's errors are OSErrors) is tried again, with backoff.
@outbox.handler(RECEIPT)
@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=8)
def send_receipt(submission_id: int, site_url: str = "") -> None:
    """E-mail the author the reference number and the private withdraw link."""
    from consultations.models import Submission
    from consultations.services import withdraw_path

    submission = Submission.objects.select_related("call").filter(pk=submission_id).first()
    if submission is None:
        return
    link = site_url.rstrip("/") + withdraw_path(submission=submission)
    with translation.override(submission.language):
        send_mail(
            subject=_("Your input %(reference)s was received")
            % {"reference": submission.reference},
            message=_(
                "Thank you. Your input to “%(call)s” was received with the reference number "
                "%(reference)s.\n\nThis private link shows your input and lets you withdraw it "
                "while it is not published. Keep it to yourself:\n%(link)s\n"
            )
            % {
                "call": clean_text(submission.call.display_title),
                "reference": submission.reference,
                "link": link,
            },
            from_email=None,
            recipient_list=[submission.email],
        )


@shared_task(acks_late=True)
def sweep_orphan_attachment_files() -> int:
    """Daily: stored attachment files left without a row by a rolled-back transaction."""
    from consultations.services import remove_orphan_attachment_files

    return len(remove_orphan_attachment_files())


@outbox.handler(DECISION)
@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=8)
def send_decision(submission_id: int, site_url: str = "") -> None:
    """Tell the author, in their language, that their input was rejected (why) or published."""
    from consultations.services import tell_author_of_decision

    tell_author_of_decision(submission_id=submission_id, site_url=site_url)
