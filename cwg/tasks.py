from celery import shared_task

from cwg import outbox
from cwg.mail import SEND, send_rendered
from cwg.outbox import run_outbox_message, sweep_outbox

__all__ = [  # the worker finds tasks here
    "ping",
    "run_outbox_message",
    "send_rendered_mail",
    "sweep_outbox",
]


@shared_task
def ping() -> str:
    """Health check: proves a worker takes tasks from the broker (monitoring and CI use it)."""
    return "pong"


# A mail server that refuses (smtplib's errors are OSErrors) is tried again, with backoff.
@outbox.handler(SEND)
@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=8)
def send_rendered_mail(subject: str, body: str, recipients: list[str], language: str = "") -> None:
    """A notice rendered in its readers' language (cwg.mail.send_notice), sent."""
    send_rendered(subject=subject, body=body, recipients=recipients, language=language)
