"""What a meeting's record package gathers, and the fingerprint that says when to build it again."""

import hashlib

from django.db.models import Prefetch, QuerySet

from documents.models import Document, DocumentFile
from documents.permissions import documents_at_access_level
from followup.models import Action, RecordPackage
from meetings.models import Meeting, Participant

# Raised when what a package holds or how it is laid out changes, so old packages are rebuilt.
PACKAGE_FORMAT = "1"


def record_package_documents(*, meeting: Meeting, access: str) -> QuerySet[Document]:
    """The meeting's documents a package of this access level holds, files prefetched."""
    return (
        Document.objects.filter(documents_at_access_level(access), meeting=meeting)
        .select_related("meeting__working_group")
        .prefetch_related(
            "source_states",
            "source_organizations",
            "cosponsors__member_state",  # the source line names the confirmed co-sponsors
            "agenda_items",
            "action_lines",
            Prefetch(
                "files",
                queryset=DocumentFile.objects.defer("text").order_by(
                    "revision", "language", "-uploaded_at"
                ),
            ),
        )
        .order_by("kind", "number", "pk")
    )


def record_package_actions(*, meeting: Meeting) -> QuerySet[Action]:
    return (
        Action.objects.filter(meeting=meeting)
        .select_related("agenda_item")
        .order_by("agenda_item__order", "due_date", "pk")
    )


def record_package_participants(*, meeting: Meeting) -> QuerySet[Participant]:
    return Participant.objects.filter(meeting=meeting).select_related(
        "member_state", "organization"
    )


def record_package_for(*, meeting: Meeting, access: str, language: str) -> RecordPackage | None:
    return RecordPackage.objects.filter(meeting=meeting, access=access, language=language).first()


def meeting_fingerprint(*, meeting: Meeting) -> str:
    """A digest of every row the package reads (eight small queries): when it changes, something
    in the meeting changed and a cached package is stale. Computed, not signalled, so no write
    path can forget to invalidate it."""
    documents = Document.objects.filter(meeting=meeting)
    parts = [
        PACKAGE_FORMAT,
        repr(
            Meeting.objects.filter(pk=meeting.pk).values_list(
                "number", "start_date", "end_date", "venue", "format"
            )[:1]
        ),
        repr(list(meeting.agenda_items.order_by("pk").values_list("pk", "number", "title"))),
        repr(
            list(
                documents.order_by("pk").values_list(
                    "pk", "status", "access", "revision", "number", "title", "updated_at"
                )
            )
        ),
        repr(
            list(
                DocumentFile.objects.filter(document__meeting=meeting)
                .order_by("pk")
                .values_list("pk", "sha256")
            )
        ),
        repr(
            list(
                Document.agenda_items.through.objects.filter(document__meeting=meeting)
                .order_by("pk")
                .values_list("document_id", "agendaitem_id")
            )
        ),
        repr(
            list(
                Document.action_lines.through.objects.filter(document__meeting=meeting)
                .order_by("pk")
                .values_list("pk")
            )
        ),
        repr(
            list(
                Participant.objects.filter(meeting=meeting)
                .order_by("pk")
                .values_list("pk", "role", "attendance", "member_state_id", "organization_id")
            )
        ),
        repr(
            list(
                Action.objects.filter(meeting=meeting)
                .order_by("pk")
                .values_list("pk", "status", "title", "due_date", "updated_at")
            )
        ),
    ]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()
