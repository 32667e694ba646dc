from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.db import OperationalError
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

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
    # The lower layers know no one's preferred language: the mail is in the site's language.
    with translation.override(settings.LANGUAGE_CODE):
        label = document.symbol or document.title
        link = f"{settings.SITE_URL}{document.get_absolute_url()}"
        subject = NOTICE_SUBJECTS.get(event, event)
        body = f"{label}\n{document.title}\n\n{link}"
        if event == "cosponsor":
            body = _(
                "%(source)s names your member state as a co-sponsor of “%(title)s” (%(meeting)s)."
                "\n\nPlease confirm or decline here:\n%(link)s\n"
            ) % {
                "source": document.source,
                "title": document.title,
                "meeting": document.meeting,
                "link": settings.SITE_URL + reverse("documents:cosponsorship", args=[document.pk]),
            }
        send_mail(
            subject=one_line(f"[{document.meeting}] {subject}: {label}"),
            message=clean_text(body),
            from_email=None,
            recipient_list=recipients,
        )


NOTICE_SUBJECTS = {
    "submitted": gettext_lazy("Contribution submitted"),
    "late": gettext_lazy("Late contribution submitted: approval needed"),
    "registered": gettext_lazy("Your contribution was registered"),
    "published": gettext_lazy("Your contribution was published"),
    "cosponsor": gettext_lazy("Co-sponsorship: please confirm or decline"),
}
