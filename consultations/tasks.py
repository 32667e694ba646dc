"""Thin Celery tasks of consultations."""

from celery import shared_task

from cwg import outbox

RECEIPT = "consultations.send_receipt"
DECISION = "consultations.send_decision"


# A mail server that refuses (smtplib's errors are OSErrors) is tried again, with backoff.
@outbox.handler(RECEIPT)
@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=8)
def send_receipt(submission_id: int, site_url: str = "") -> None:
    """E-mail the author, in the language of their input, the reference number and the private
    withdraw link (at the site's configured address; site_url is kept for queued messages)."""
    from consultations.services import tell_author_of_receipt

    tell_author_of_receipt(submission_id=submission_id)


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

    tell_author_of_decision(submission_id=submission_id)
