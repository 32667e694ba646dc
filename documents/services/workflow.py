"""The document workflow: draft -> submitted -> registered -> published; any -> withdrawn."""

import datetime as dt
from enum import Enum

import reversion
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from cwg.exceptions import InvalidTransition, NotAllowed
from cwg.models import MemberState, Organization
from cwg.multilingual import language_of_title
from documents import permissions
from documents.models import Document, DocumentFile, DocumentRevision
from documents.services.notifications import (
    notify_cosponsors,
    notify_secretariat,
    notify_submitter,
    notify_withdrawal,
)
from documents.services.symbols import allocate_number
from meetings.models import AgendaItem, Meeting


def _locked(document: Document) -> Document:
    return (
        Document.objects.select_for_update()
        .select_related("meeting__working_group")
        .get(pk=document.pk)
    )


def _save(document: Document, *, by: User | None, comment: str, fields: list[str]) -> None:
    with reversion.create_revision():
        document.save(update_fields=[*fields, "updated_at"])
        reversion.set_user(by)
        reversion.set_comment(comment)


def _owning_party(user: User) -> tuple[MemberState | None, Organization | None]:
    """The secretariat files as itself, whatever delegation its staff might also hold."""
    if permissions.is_secretariat(user):
        return None, None
    delegation = user.delegations.select_related("member_state", "organization").first()
    if delegation is None:
        return None, None
    return delegation.member_state, delegation.organization


# Stored as the source in English, like the names of member states; pages translate it.
OFFICES = {"chair": gettext_noop("Chair"), "vice_chair": gettext_noop("Vice-Chair")}


def _office_of(user: User, meeting: Meeting) -> str:
    """The office an officer without a delegation files as: "Chair" or "Vice-Chair"."""
    term = (
        meeting.working_group.officers.current(on=timezone.localdate())
        .filter(user=user)
        .order_by("role")
        .first()
    )
    if term is None:
        raise NotAllowed(_("Only delegations, officers and the secretariat may create documents."))
    return OFFICES[term.role]


def check_meeting_open(*, meeting: Meeting, by: User) -> None:
    """A meeting that is over takes no more contributions (the secretariat may still add)."""
    if meeting.end_date >= timezone.localdate():
        return
    if permissions.may_add_to_past_meeting(user=by):
        return
    raise InvalidTransition(
        _("The %(meeting)s meeting (%(start)s to %(end)s) is over: it takes no more contributions.")
        % {
            "meeting": meeting,
            "start": date_format(meeting.start_date, "DATE_FORMAT"),
            "end": date_format(meeting.end_date, "DATE_FORMAT"),
        }
    )


@transaction.atomic
def create_document(
    *,
    meeting: Meeting,
    title: str,
    by: User,
    kind: str = Document.Kind.CONTRIBUTION,
    access: str = Document.Access.PUBLIC,
    agenda_items: list[AgendaItem] | None = None,
    source_states: list[MemberState] | None = None,
    source_organizations: list[Organization] | None = None,
    source_text: str = "",
) -> Document:
    if not permissions.can_create_contribution(user=by):
        raise NotAllowed(_("Only delegations and the secretariat may create documents."))
    if kind == Document.Kind.SUMMARY:
        raise InvalidTransition(_("Meeting summaries are written with the summary editor."))
    if kind == Document.Kind.INFORMATION and not permissions.can_manage_documents(user=by):
        raise NotAllowed(_("Only the secretariat adds information documents."))
    check_meeting_open(meeting=meeting, by=by)
    owner_state, owner_organization = _owning_party(by)
    if source_states is None:
        source_states = [owner_state] if owner_state else []
    if source_organizations is None:
        source_organizations = [owner_organization] if owner_organization else []
    if not permissions.may_file_for(
        user=by,
        states=[state.pk for state in source_states],
        organizations=[organization.pk for organization in source_organizations],
        source_text=source_text,
    ):
        raise NotAllowed(_("You may file documents only in the name of your own delegation."))
    if permissions.is_secretariat(by) and not (source_states or source_organizations):
        source_text = source_text or gettext_noop("Secretariat")
    elif owner_state is None and owner_organization is None and not permissions.is_secretariat(by):
        source_text = _office_of(by, meeting)
    with reversion.create_revision():
        document = Document.objects.create(
            meeting=meeting,
            kind=kind,
            title=title,
            title_language=language_of_title(title),
            access=access,
            owner_state=owner_state,
            owner_organization=owner_organization,
            submitted_by=by,
            source_text=source_text,
        )
        document.agenda_items.set(agenda_items or [])
        document.source_states.set(source_states)
        document.source_organizations.set(source_organizations)
        reversion.set_user(by)
        reversion.set_comment("Created the draft")
    permissions.grant_draft_rights(document=document)
    return document


SERIES_KINDS = {Document.Kind.CONTRIBUTION, Document.Kind.INFORMATION}


class Unchanged(Enum):
    """The value of a detail the caller did not pass: update_document leaves it as it is."""

    KEEP = "keep"


KEEP = Unchanged.KEEP
DETAIL_FIELDS = ["title", "access", "source_text"]
DETAIL_RELATIONS = ["agenda_items", "source_states", "source_organizations"]


@transaction.atomic
def update_document(
    *,
    document: Document,
    by: User,
    title: str | Unchanged = KEEP,
    access: str | Unchanged = KEEP,
    agenda_items: list[AgendaItem] | Unchanged = KEEP,
    source_states: list[MemberState] | Unchanged = KEEP,
    source_organizations: list[Organization] | Unchanged = KEEP,
    source_text: str | Unchanged = KEEP,
) -> Document:
    """Change the details passed; a detail not passed keeps its value (it is never blanked)."""
    document = _locked(document)
    if not permissions.can_edit_document(user=by, document=document):
        raise NotAllowed(
            _("Only the owning delegation may change this document until it is registered.")
        )
    given = {
        "title": title,
        "access": access,
        "source_text": source_text,
        "agenda_items": agenda_items,
        "source_states": source_states,
        "source_organizations": source_organizations,
    }
    given = {name: value for name, value in given.items() if value is not KEEP}
    if not given:
        return document
    if not permissions.may_file_for(
        user=by,
        states=[state.pk for state in given.get("source_states", [])],
        organizations=[organization.pk for organization in given.get("source_organizations", [])],
        source_text=given.get("source_text", ""),
    ):
        raise NotAllowed(_("You may file documents only in the name of your own delegation."))
    with reversion.create_revision():
        fields = [name for name in DETAIL_FIELDS if name in given]
        for name in fields:
            setattr(document, name, given[name])
        document.save(update_fields=[*fields, "updated_at"])
        for name in DETAIL_RELATIONS:
            if name in given:
                getattr(document, name).set(given[name])
        reversion.set_user(by)
        reversion.set_comment("Changed the details")
    return document


def _secretariats_own(document: Document, *, by: User) -> bool:
    """The secretariat's own documents are not contributions: no deadline applies to them. What
    it records for a member state or organization keeps the deadline of a contribution."""
    return (
        permissions.is_never_late(user=by)
        and not document.source_states.exists()
        and not document.source_organizations.exists()
    )


@transaction.atomic
def submit_document(
    *, document: Document, by: User, received_at: dt.datetime | None = None
) -> Document:
    """received_at: when the secretariat records a submission it received earlier (import)."""
    document = _locked(document)
    if not permissions.can_edit_document(user=by, document=document):
        raise NotAllowed(_("Only the owning delegation may submit this document."))
    if received_at is not None and not permissions.can_manage_documents(user=by):
        raise NotAllowed(_("Only the secretariat records an earlier receipt date."))
    if document.status != Document.Status.DRAFT:
        raise InvalidTransition(_("Only a draft can be submitted."))
    if not _current_files(document).exists():
        raise InvalidTransition(_("Add the document's file before submitting it."))
    now = received_at or timezone.now()
    document.status = Document.Status.SUBMITTED
    document.submitted_at = now
    check_meeting_open(meeting=document.meeting, by=by)
    document.is_late = now > document.meeting.contribution_deadline and not _secretariats_own(
        document, by=by
    )
    comment = "Submitted after the deadline (late)" if document.is_late else "Submitted"
    _save(document, by=by, comment=comment, fields=["status", "submitted_at", "is_late"])
    notify_secretariat(document=document, event="late" if document.is_late else "submitted")
    notify_cosponsors(document=document)
    return document


@transaction.atomic
def approve_late_contribution(*, document: Document, by: User) -> Document:
    document = _locked(document)
    if not permissions.can_manage_documents(user=by):
        raise NotAllowed(_("Only the secretariat approves late contributions."))
    if not document.awaits_late_approval:
        raise InvalidTransition(_("This document is not a late contribution awaiting approval."))
    if document.status != Document.Status.SUBMITTED:
        raise InvalidTransition(_("Only a submitted contribution can be approved."))
    document.late_approved_by = by
    document.late_approved_at = timezone.now()
    _save(
        document,
        by=by,
        comment="Late contribution approved",
        fields=["late_approved_by", "late_approved_at"],
    )
    return document


@transaction.atomic
def register_document(*, document: Document, by: User, kind: str | None = None) -> Document:
    """kind: the series the secretariat chooses (contribution or information document)."""
    document = _locked(document)
    if not permissions.can_manage_documents(user=by):
        raise NotAllowed(_("Only the secretariat registers documents."))
    if document.status != Document.Status.SUBMITTED:
        raise InvalidTransition(_("Only submitted documents can be registered."))
    if document.awaits_late_approval:
        raise InvalidTransition(
            _("This contribution arrived after the deadline: approve it before registering it.")
        )
    if kind is not None:
        if kind not in SERIES_KINDS or document.kind not in SERIES_KINDS:
            raise InvalidTransition(
                _("A document is registered as a contribution or an information document.")
            )
        document.kind = kind
    document.number = allocate_number(document=document)
    document.status = Document.Status.REGISTERED
    document.registered_at = timezone.now()
    _save(
        document,
        by=by,
        comment=f"Registered as {document.symbol}",
        fields=["kind", "number", "status", "registered_at"],
    )
    permissions.revoke_draft_rights(document=document)
    notify_submitter(document=document, event="registered")
    return document


@transaction.atomic
def publish_document(*, document: Document, by: User) -> Document:
    document = _locked(document)
    if not permissions.can_manage_documents(user=by):
        raise NotAllowed(_("Only the secretariat publishes documents."))
    if document.status != Document.Status.REGISTERED:
        raise InvalidTransition(_("Only registered documents can be published."))
    if not _current_files(document).filter(revision__lte=document.revision).exists():
        raise InvalidTransition(_("A document without a file cannot be published."))
    document.status = Document.Status.PUBLISHED
    document.published_at = timezone.now()
    _save(document, by=by, comment="Published", fields=["status", "published_at"])
    record_published_revision(document=document, when=document.published_at)
    notify_submitter(document=document, event="published")
    return document


@transaction.atomic
def withdraw_document(*, document: Document, by: User, reason: str) -> Document:
    document = _locked(document)
    if not reason.strip():
        raise InvalidTransition(_("Say why the document is withdrawn."))
    if document.status == Document.Status.WITHDRAWN:
        raise InvalidTransition(_("This document is already withdrawn."))
    if not permissions.can_withdraw_document(user=by, document=document):
        raise NotAllowed(_("You may not withdraw this document."))
    previous = document.get_status_display()
    previous_status = document.status
    document.status = Document.Status.WITHDRAWN
    document.withdrawn_reason = reason.strip()
    document.withdrawn_at = timezone.now()
    _save(
        document,
        by=by,
        comment=f"Withdrawn (was {previous}): {document.withdrawn_reason}",
        fields=["status", "withdrawn_reason", "withdrawn_at"],
    )
    permissions.revoke_draft_rights(document=document)
    if previous_status != Document.Status.DRAFT:  # a draft was nobody else's business
        notify_withdrawal(document=document, by=by)
    return document


def _current_files(document: Document):
    return document.files.filter(state=DocumentFile.State.CURRENT)


def record_published_revision(*, document: Document, when: dt.datetime) -> None:
    """The revisions up to the document's current one are published (each keeps its own date)."""
    for number in range(document.revision + 1):
        DocumentRevision.objects.get_or_create(
            document=document, number=number, defaults={"published_at": when}
        )


@transaction.atomic
def start_revision(*, document: Document, by: User) -> Document:
    """Open Rev.N as a draft revision: its files are seen by the secretariat and the owning
    delegation only; everyone else keeps seeing Rev.N-1 until Rev.N is published."""
    document = _locked(document)
    if not permissions.may_revise(user=by, document=document):
        raise NotAllowed(_("Only the secretariat issues revisions."))
    if not permissions.can_start_revision(user=by, document=document):
        raise InvalidTransition(_("Only a registered or published document can be revised."))
    draft = document.revisions.filter(published_at__isnull=True).first()
    if draft is not None:
        raise InvalidTransition(
            _("Rev.%(number)s is still being prepared: publish it before starting another.")
            % {"number": draft.number}
        )
    # Recorded on the revision row alone: the document's public history does not announce a
    # revision nobody else can see yet.
    with reversion.create_revision():
        DocumentRevision.objects.create(
            document=document,
            number=document.revision + 1,
            started_by=by,
            summary_body=document.summary_body if document.kind == Document.Kind.SUMMARY else [],
        )
        reversion.set_user(by)
        reversion.set_comment(f"Started Rev.{document.revision + 1}")
    return document


@transaction.atomic
def publish_revision(*, document: Document, by: User) -> Document:
    """Rev.N, with at least one file, becomes the revision everyone who sees the document sees."""
    document = _locked(document)
    if not permissions.can_publish_revision(user=by, document=document):
        raise NotAllowed(_("Only the secretariat publishes revisions."))
    draft = document.revisions.select_for_update().filter(published_at__isnull=True).first()
    if draft is None:
        raise InvalidTransition(_("No revision is being prepared."))
    if not _current_files(document).filter(revision=draft.number).exists():
        raise InvalidTransition(
            _("Rev.%(number)s has no file yet: add at least one before publishing it.")
            % {"number": draft.number}
        )
    draft.published_at = timezone.now()
    document.revision = draft.number
    with reversion.create_revision():
        draft.save(update_fields=["published_at"])
        document.save(update_fields=["revision", "updated_at"])
        reversion.set_user(by)
        reversion.set_comment(f"Published Rev.{draft.number}")
    if document.status == Document.Status.PUBLISHED:
        notify_submitter(document=document, event="published")
    return document
