import logging
from functools import partial

from django.contrib.auth.models import User
from django.db import transaction
from kombu.exceptions import OperationalError as BrokerUnavailable

from cwg.permissions import SECRETARIAT
from documents.models import Document
from documents.tasks import send_document_notice

logger = logging.getLogger(__name__)


def notify_secretariat(*, document: Document, event: str) -> None:
    recipients = list(
        User.objects.filter(groups__name=SECRETARIAT, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    if recipients:
        transaction.on_commit(partial(send_notice, document.pk, event, recipients))


def notify_submitter(*, document: Document, event: str) -> None:
    if document.submitted_by_id and document.submitted_by.email:
        email = document.submitted_by.email
        transaction.on_commit(partial(send_notice, document.pk, event, [email]))


def send_notice(document_id: int, event: str, recipients: list[str]) -> None:
    """Through the queue; if the broker is down, here and now, so the change still answers and
    the notice is not lost. A mail server that refuses even then is logged, never a 500."""
    try:
        send_document_notice.delay(document_id, event, recipients)
        return
    except BrokerUnavailable:
        logger.warning("broker unavailable: sending the %s notice of %s here", event, document_id)
    try:
        send_document_notice.apply(args=(document_id, event, recipients), throw=True)
    except Exception:
        logger.exception("the %s notice of document %s could not be sent", event, document_id)
