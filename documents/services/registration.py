"""Workflows of several steps, each in one transaction: the page, the API, the bulk import and
the compiled consultation inputs all go through these, so none assembles the steps itself."""

import datetime as dt

from django.contrib.auth.models import User
from django.db import transaction
from django.utils.translation import gettext as _

from cwg.exceptions import DomainError, NotAllowed
from cwg.models import ActionLine, MemberState, Organization, SustainableDevelopmentGoal
from documents import permissions
from documents.models import Document
from documents.services.files import add_file
from documents.services.tags import propose_tags
from documents.services.workflow import (
    approve_late_contribution,
    create_document,
    publish_document,
    register_document,
    submit_document,
)
from meetings.models import AgendaItem, Meeting


@transaction.atomic
def create_contribution(
    *,
    meeting: Meeting,
    by: User,
    title: str,
    kind: str = Document.Kind.CONTRIBUTION,
    access: str = Document.Access.PUBLIC,
    agenda_items: list[AgendaItem] | None = None,
    source_states: list[MemberState] | None = None,
    source_organizations: list[Organization] | None = None,
    source_text: str = "",
    file=None,
    language: str | None = None,
    original_name: str = "",
    allow_text: bool = False,
    submit: bool = False,
    received_at: dt.datetime | None = None,
    proposed_action_lines: list[ActionLine] | None = None,
    proposed_sdgs: list[SustainableDevelopmentGoal] | None = None,
) -> Document:
    """The draft, its first file, the tags its delegation proposes and (when asked) its
    submission: all of it or nothing.

    The file's bytes are stored before the outer transaction commits; if a later step fails,
    the stored bytes have no row and the orphan sweep removes them (remove_orphan_files).
    allow_text: plain UTF-8 text files, accepted from the bulk import only.
    received_at: when the secretariat records a contribution it received earlier (an import).
    """
    if file is not None and not language:
        raise DomainError(_("Say which language the file is in."))
    document = create_document(
        meeting=meeting,
        title=title,
        by=by,
        kind=kind,
        access=access,
        agenda_items=agenda_items,
        source_states=source_states,
        source_organizations=source_organizations,
        source_text=source_text,
    )
    if file is not None:
        add_file(
            document=document,
            upload=file,
            language=language,
            by=by,
            original_name=original_name or getattr(file, "name", ""),
            allow_text=allow_text,
        )
    if proposed_action_lines or proposed_sdgs:
        document = propose_tags(
            document=document,
            by=by,
            action_lines=proposed_action_lines or [],
            sdgs=proposed_sdgs or [],
        )
    if submit:
        document = submit_document(document=document, by=by, received_at=received_at)
    return document


@transaction.atomic
def register_secretariat_document(
    *,
    meeting: Meeting,
    by: User,
    title: str,
    file,
    language: str,
    kind: str = Document.Kind.INFORMATION,
    access: str = Document.Access.PUBLIC,
    agenda_items: list[AgendaItem] | None = None,
    source_text: str = "",
    original_name: str = "",
    allow_text: bool = False,
    publish: bool = False,
    received_at: dt.datetime | None = None,
) -> Document:
    """A document the secretariat brings itself (an import, a compilation): created, submitted,
    registered with the next symbol and, when asked, published, in one transaction.

    If it arrives after the contribution deadline, the secretariat registering it is the approval.
    """
    if not permissions.can_manage_documents(user=by):
        raise NotAllowed(_("Only the secretariat registers documents."))
    document = create_contribution(
        meeting=meeting,
        by=by,
        title=title,
        kind=kind,
        access=access,
        agenda_items=agenda_items,
        source_states=[],
        source_organizations=[],
        source_text=source_text,
        file=file,
        language=language,
        original_name=original_name,
        allow_text=allow_text,
        submit=True,
        received_at=received_at,
    )
    if document.is_late:
        document = approve_late_contribution(document=document, by=by)
    document = register_document(document=document, by=by)
    if publish:
        document = publish_document(document=document, by=by)
    return document
