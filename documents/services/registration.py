"""Workflows of several steps, each in one transaction: the page, the API, the bulk import and
the compiled consultation inputs all go through these, so none assembles the steps itself."""

import datetime as dt

import reversion
from django.contrib.auth.models import Group, User
from django.db import transaction
from django.utils.translation import gettext as _

from cwg.exceptions import DomainError, InvalidTransition, NotAllowed
from cwg.models import ActionLine, MemberState, Organization, SustainableDevelopmentGoal
from documents import permissions
from documents.models import Document, SymbolCounter
from documents.services.cosponsors import name_cosponsors
from documents.services.files import add_file
from documents.services.symbols import allocate_number
from documents.services.tags import propose_tags
from documents.services.workflow import (
    KEEP,
    SERIES_KINDS,
    Unchanged,
    approve_late_contribution,
    create_document,
    publish_document,
    register_document,
    submit_document,
    update_document,
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
    cosponsors: list[MemberState] | None = None,
    file=None,
    language: str | None = None,
    original_name: str = "",
    allow_text: bool = False,
    submit: bool = False,
    received_at: dt.datetime | None = None,
    proposed_action_lines: list[ActionLine] | None = None,
    proposed_sdgs: list[SustainableDevelopmentGoal] | None = None,
) -> Document:
    """The draft, its co-sponsors, its first file, the tags its delegation proposes and (when
    asked) its submission: all of it or nothing.

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
    if cosponsors:
        document = name_cosponsors(document=document, by=by, member_states=cosponsors)
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


@transaction.atomic
def update_contribution(
    *, document: Document, by: User, cosponsors: list[MemberState] | Unchanged = KEEP, **details
) -> Document:
    """The details (update_document's keywords) and the co-sponsors, together or not at all."""
    document = update_document(document=document, by=by, **details)
    if cosponsors is not KEEP:
        document = name_cosponsors(document=document, by=by, member_states=cosponsors)
    return document


CORRECTABLE_STATES = {Document.Status.REGISTERED, Document.Status.PUBLISHED}


@transaction.atomic
def correct_registered_document(
    *,
    document: Document,
    by: User,
    reason: str,
    title: str | Unchanged = KEEP,
    kind: str | Unchanged = KEEP,
    access: str | Unchanged = KEEP,
    agenda_items: list | Unchanged = KEEP,
    restricted_to: list[Group] | Unchanged = KEEP,
) -> Document:
    """The secretariat corrects a registered or published document; the reason goes into its
    history. Its series (kind) changes only before publication and only when the document holds
    the last number of its series: the number is given back, so the numbering keeps no gap."""
    document = (
        Document.objects.select_for_update()
        .select_related("meeting__working_group")
        .get(pk=document.pk)
    )
    if not permissions.can_manage_documents(user=by):
        raise NotAllowed(_("Only the secretariat corrects a registered document."))
    if document.status not in CORRECTABLE_STATES:
        raise InvalidTransition(_("Only a registered or published document is corrected here."))
    reason = reason.strip()
    if not reason:
        raise InvalidTransition(_("Say why the document is corrected: the reason is kept."))
    fields = []
    if title is not KEEP and title != document.title:
        document.title = title
        fields.append("title")
    if access is not KEEP and access != document.access:
        document.access = access
        fields.append("access")
    groups = list(document.restricted_to.all()) if restricted_to is KEEP else list(restricted_to)
    if document.access == Document.Access.RESTRICTED and not groups:
        raise InvalidTransition(_("Name the groups a restricted document is for."))
    if kind is not KEEP and kind != document.kind:
        _change_series(document, kind)
        fields += ["kind", "number"]
    with reversion.create_revision():
        document.save(update_fields=[*fields, "updated_at"])
        if agenda_items is not KEEP:
            document.agenda_items.set(agenda_items)
        if restricted_to is not KEEP:
            document.restricted_to.set(restricted_to)
        reversion.set_user(by)
        reversion.set_comment(f"Corrected: {reason}")
    return document


def _change_series(document: Document, kind: str) -> None:
    if kind not in SERIES_KINDS or document.kind not in SERIES_KINDS:
        raise InvalidTransition(
            _("A document is registered as a contribution or an information document.")
        )
    if document.status != Document.Status.REGISTERED:
        raise InvalidTransition(_("A published document keeps its series and its symbol."))
    counter = SymbolCounter.objects.select_for_update().get(
        meeting=document.meeting, series=document.series
    )
    if counter.last_number != document.number:
        raise InvalidTransition(
            _(
                "%(symbol)s is not the last number of its series: moving it to the other series "
                "would leave a gap. Withdraw it and register it again instead."
            )
            % {"symbol": document.symbol}
        )
    counter.last_number -= 1
    counter.save(update_fields=["last_number"])
    document.kind = kind
    document.number = allocate_number(document=document)
