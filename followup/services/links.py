"""Links from follow-up actions to the documents that answer them."""

import reversion
from django.contrib.auth.models import User
from django.db import transaction
from django.utils.translation import gettext as _

from cwg.exceptions import InvalidTransition, NotAllowed, NotFound
from documents.models import Document
from documents.permissions import can_view_document
from followup.models import Action
from followup.permissions import can_link_document, can_see_action

LINKABLE_STATES = (Document.Status.REGISTERED, Document.Status.PUBLISHED)


def _locked_action(*, action: Action, by: User) -> Action:
    action = Action.objects.select_for_update(of=("self",)).get(pk=action.pk)
    if not can_see_action(user=by, action=action):
        raise NotFound(_("No such action."))
    if not can_link_document(user=by, action=action):
        raise NotAllowed(_("You may not change the documents of this action."))
    return action


def readable_document(*, document: Document, by: User) -> Document:
    """The document as stored now; one the person may not open is answered as not there."""
    document = (
        Document.objects.select_related("meeting__working_group").filter(pk=document.pk).first()
    )
    if document is None or not can_view_document(user=by, document=document):
        raise NotFound(_("No document with this symbol."))
    return document


def _record(action: Action, *, by: User, comment: str, change, document: Document) -> Action:
    """The comment names no symbol: the history is read by people who may not open the document."""
    with reversion.create_revision():
        action.save(update_fields=["updated_at"])
        change(document)  # reversion's m2m signal stores the action with its new list
        reversion.set_user(by)
        reversion.set_comment(comment)
    return action


@transaction.atomic
def link_document_to_action(*, action: Action, document: Document, by: User) -> Action:
    action = _locked_action(action=action, by=by)
    document = readable_document(document=document, by=by)
    if document.status not in LINKABLE_STATES or document.number is None:
        raise InvalidTransition(_("Only a registered or published document can be linked."))
    if action.documents.filter(pk=document.pk).exists():
        raise InvalidTransition(
            _("%(symbol)s is already linked to this action.") % {"symbol": document.symbol}
        )
    return _record(
        action, by=by, comment="Linked a document", change=action.documents.add, document=document
    )


@transaction.atomic
def unlink_document_from_action(*, action: Action, document: Document, by: User) -> Action:
    action = _locked_action(action=action, by=by)
    document = readable_document(document=document, by=by)
    if not action.documents.filter(pk=document.pk).exists():
        raise InvalidTransition(_("This document is not linked to this action."))
    return _record(
        action,
        by=by,
        comment="Removed a document link",
        change=action.documents.remove,
        document=document,
    )
