from celery import shared_task
from django.db import OperationalError

from cwg import outbox

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


# Messages written before notices were rendered in the change's transaction (cwg.mail): the
# notice is rendered here, in each recipient's language.
@outbox.handler(NOTICE)
@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=8)
def send_document_notice(document_id: int, event: str, recipients: list[str]) -> None:
    from django.contrib.auth.models import User

    from cwg.mail import mail_now
    from documents.models import Document
    from documents.services.notifications import EVENTS, notice_context

    document = (
        Document.objects.select_related("meeting__working_group").filter(pk=document_id).first()
    )
    if document is None or event not in EVENTS:
        return
    users = User.objects.filter(email__in=recipients, is_active=True)
    mail_now(users, f"documents/mail/{event}", notice_context(document))
