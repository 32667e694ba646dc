from django.contrib.auth.models import User

from cwg import outbox
from cwg.permissions import SECRETARIAT
from documents.models import Document
from documents.tasks import NOTICE


def notify_secretariat(*, document: Document, event: str) -> None:
    recipients = list(
        User.objects.filter(groups__name=SECRETARIAT, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    if recipients:
        send_notice(document.pk, event, recipients)


def notify_submitter(*, document: Document, event: str) -> None:
    if document.submitted_by_id and document.submitted_by.email:
        email = document.submitted_by.email
        send_notice(document.pk, event, [email])


def notify_cosponsors(*, document: Document, member_states: list[int] | None = None) -> None:
    """The delegates of the co-sponsoring member states (all of them, or those given)."""
    states = member_states
    if states is None:
        states = list(document.cosponsors.values_list("member_state_id", flat=True))
    recipients = list(
        User.objects.filter(delegations__member_state_id__in=states, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )
    if recipients:
        send_notice(document.pk, "cosponsor", recipients)


def send_notice(document_id: int, event: str, recipients: list[str]) -> None:
    """In the caller's transaction: mailed once it commits (see cwg.outbox)."""
    outbox.enqueue(NOTICE, document_id=document_id, event=event, recipients=recipients)
