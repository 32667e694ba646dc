"""Notices about a document, each in its reader's language (templates in documents/mail/)."""

from django.contrib.auth.models import User
from django.urls import reverse

from cwg.mail import send_notice, site_link
from cwg.permissions import SECRETARIAT
from documents.models import Document

EVENTS = ("submitted", "late", "registered", "published", "withdrawn", "cosponsor")


def notice_context(document: Document) -> dict:
    return {
        "document": document,
        "label": document.symbol or document.title,
        "link": site_link(document.get_absolute_url()),
        "cosponsorship_link": site_link(reverse("documents:cosponsorship", args=[document.pk])),
    }


def _notify(users, *, document: Document, event: str) -> None:
    """In the caller's transaction: mailed once it commits (see cwg.mail and cwg.outbox)."""
    send_notice(users, f"documents/mail/{event}", notice_context(document))


def _people():
    return User.objects.filter(is_active=True).exclude(email="")


def _cosponsor_delegates(states: list[int]):
    return _people().filter(delegations__member_state_id__in=states).distinct()


def notify_secretariat(*, document: Document, event: str) -> None:
    users = _people().filter(groups__name=SECRETARIAT).distinct()
    _notify(users, document=document, event=event)


def notify_submitter(*, document: Document, event: str) -> None:
    if document.submitted_by_id and document.submitted_by.email:
        _notify([document.submitted_by], document=document, event=event)


def notify_cosponsors(*, document: Document, member_states: list[int] | None = None) -> None:
    """The delegates of the co-sponsoring member states (all of them, or those given)."""
    states = member_states
    if states is None:
        states = list(document.cosponsors.values_list("member_state_id", flat=True))
    if states:
        _notify(_cosponsor_delegates(states), document=document, event="cosponsor")


def notify_withdrawal(*, document: Document, by: User) -> None:
    """The submitter and the delegates of the co-sponsors, but not who withdrew it."""
    states = list(document.cosponsors.values_list("member_state_id", flat=True))
    users = {user.pk: user for user in _cosponsor_delegates(states)}
    if document.submitted_by_id and document.submitted_by.email:
        users[document.submitted_by_id] = document.submitted_by
    users.pop(by.pk, None)
    _notify(users.values(), document=document, event="withdrawn")
