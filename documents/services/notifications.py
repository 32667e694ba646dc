from django.contrib.auth.models import User

from cwg.permissions import SECRETARIAT
from documents.models import Document
from documents.tasks import send_document_notice


def notify_secretariat(*, document: Document, event: str) -> None:
    recipients = list(
        User.objects.filter(groups__name=SECRETARIAT, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    if recipients:
        send_document_notice.delay_on_commit(document.pk, event, recipients)


def notify_submitter(*, document: Document, event: str) -> None:
    if document.submitted_by_id and document.submitted_by.email:
        send_document_notice.delay_on_commit(document.pk, event, [document.submitted_by.email])
