"""Reads of the documents linked to actions and gap items, limited to what the viewer may open.

Every path that names a linked document goes through here, so no page or API answer shows the
title or symbol of a document its reader may not see.
"""

from django.db.models import Prefetch, QuerySet

from cwg.permissions import AnyUser
from documents.models import Document
from documents.selectors import document_by_symbol as documents_by_symbol
from followup.models import Action, GapItem


def documents_visible_to(user: AnyUser) -> QuerySet[Document]:
    return Document.objects.visible_to(user).select_related("meeting__working_group")


def linked_documents_of(*, action: Action, user: AnyUser) -> list[Document]:
    return list(
        documents_visible_to(user).filter(follow_up_actions=action).order_by("meeting", "number")
    )


def visible_documents_prefetch(*, user: AnyUser) -> Prefetch:
    """For lists of actions: each gets .visible_documents, in one query for the whole list."""
    return Prefetch(
        "documents",
        queryset=documents_visible_to(user).order_by("meeting", "number"),
        to_attr="visible_documents",
    )


def linkable_documents(*, user: AnyUser) -> list[Document]:
    """Registered and published documents the person may open, newest meeting first."""
    return list(
        documents_visible_to(user)
        .filter(
            number__isnull=False,
            status__in=[Document.Status.REGISTERED, Document.Status.PUBLISHED],
        )
        .order_by("-meeting__number", "kind", "number")
    )


def document_by_symbol(*, user: AnyUser, symbol: str) -> Document | None:
    """The registered or published document the person may open whose symbol this is, whatever
    revision or language letter is typed: a document keeps one row across its revisions."""
    document = documents_by_symbol(user=user, symbol=symbol)
    linkable = (Document.Status.REGISTERED, Document.Status.PUBLISHED)
    if document is None or document.number is None or document.status not in linkable:
        return None
    return document


def visible_answer_document_ids(*, user: AnyUser, items: QuerySet[GapItem]) -> set[int]:
    """Of the documents that answer these gap items, the ids the person may open (one query)."""
    return set(
        Document.objects.visible_to(user)
        .filter(pk__in=items.exclude(answered_by_document=None).values("answered_by_document"))
        .values_list("pk", flat=True)
    )
