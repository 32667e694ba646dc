from django.db.models import Prefetch, QuerySet

from documents.models import CoSponsor, Document, DocumentFile
from documents.permissions import downloadable_documents_filter


def _cosponsors() -> Prefetch:
    return Prefetch(
        "cosponsors", queryset=CoSponsor.objects.select_related("member_state").order_by("order")
    )


def _files_without_text() -> QuerySet[DocumentFile]:
    return DocumentFile.objects.defer("text").order_by("language", "-revision", "-uploaded_at")


def documents_for_meeting(
    *, user, meeting, agenda_item: int | None = None, kind: str = "", language: str = ""
) -> QuerySet[Document]:
    """The meeting's documents this user may see, with what the list shows prefetched."""
    documents = (
        Document.objects.visible_to(user)
        .filter(meeting=meeting)
        .select_related("meeting__working_group", "owner_state", "owner_organization")
        .prefetch_related(
            "source_states",
            "source_organizations",
            _cosponsors(),
            "agenda_items",
            Prefetch("files", queryset=_files_without_text()),
        )
        .order_by("kind", "number", "pk")
    )
    if agenda_item:
        documents = documents.filter(agenda_items=agenda_item)
    if kind:
        documents = documents.filter(kind=kind)
    if language:
        documents = documents.filter(files__language=language)
    return documents


def document_for_page(*, user, pk: int) -> Document | None:
    return (
        Document.objects.visible_to(user)
        .select_related(
            "meeting__working_group", "owner_state", "owner_organization", "submitted_by"
        )
        .prefetch_related(
            "source_states",
            "source_organizations",
            _cosponsors(),
            "restricted_to",
            "agenda_items",
            Prefetch("files", queryset=_files_without_text().select_related("uploaded_by")),
        )
        .filter(pk=pk)
        .first()
    )


def registration_queue() -> QuerySet[Document]:
    return (
        Document.objects.filter(status=Document.Status.SUBMITTED)
        .select_related("meeting__working_group", "owner_state", "owner_organization")
        .prefetch_related(
            "source_states",
            "source_organizations",
            _cosponsors(),
            Prefetch("files", queryset=_files_without_text()),
        )
        .order_by("meeting__number", "submitted_at")
    )


def file_for_download(*, user, pk: int) -> DocumentFile | None:
    visible = Document.objects.filter(downloadable_documents_filter(user)).values("pk")
    return (
        DocumentFile.objects.defer("text")
        .select_related("document__meeting__working_group")
        .filter(pk=pk, document__in=visible)
        .first()
    )


def languages_of(document: Document) -> list[str]:
    """Languages available, from the prefetched files (no query)."""
    return sorted({file.language for file in document.files.all()})
