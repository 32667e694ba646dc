from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.db import OperationalError

from cwg import outbox
from cwg.characters import clean_text, one_line

EXTRACT = "documents.extract_file_text"
NOTICE = "documents.send_document_notice"


# Text extraction is too slow to run in a request when the broker is down: the sweep sends it.
@outbox.handler(EXTRACT, run_here_when_broker_down=False)
@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=150,
    time_limit=180,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=5,
)
def extract_file_text(file_id: int) -> None:
    from documents.services import extract_stored_file

    extract_stored_file(file_id=file_id)


@shared_task
def sweep_stale_extractions() -> int:
    from documents.services import requeue_stale_extractions

    return len(requeue_stale_extractions())


@shared_task
def sweep_orphan_files() -> int:
    from documents.services import remove_orphan_files

    return len(remove_orphan_files())


@outbox.handler(NOTICE)
@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=8)
def send_document_notice(document_id: int, event: str, recipients: list[str]) -> None:
    from documents.models import Document

    document = (
        Document.objects.select_related("meeting__working_group").filter(pk=document_id).first()
    )
    if document is None:
        return
    subjects = {
        "submitted": "Contribution submitted",
        "late": "Late contribution submitted: approval needed",
        "registered": "Your contribution was registered",
        "published": "Your contribution was published",
    }
    label = document.symbol or document.title
    send_mail(
        subject=one_line(f"[{document.meeting}] {subjects.get(event, event)}: {label}"),
        message=clean_text(
            f"{label}\n{document.title}\n\n{settings.SITE_URL}{document.get_absolute_url()}"
        ),
        from_email=None,
        recipient_list=recipients,
    )
