from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet

from documents.models import (
    CoSponsor,
    Document,
    DocumentFile,
    DocumentRevision,
    parse_symbol,
    series_of,
)
from documents.permissions import (
    can_see_draft_revision,
    can_see_file,
    downloadable_documents_filter,
    visible_files_filter,
)


def _cosponsors() -> Prefetch:
    return Prefetch(
        "cosponsors", queryset=CoSponsor.objects.select_related("member_state").order_by("order")
    )


def _files_without_text() -> QuerySet[DocumentFile]:
    return DocumentFile.objects.defer("text").order_by("language", "-revision", "-uploaded_at")


def _files_seen_by(user) -> QuerySet[DocumentFile]:
    """Current files of published revisions; a draft revision's to its delegation and the
    secretariat; replaced and removed files to the secretariat."""
    return _files_without_text().filter(visible_files_filter(user))


def documents_for_meeting(
    *,
    user,
    meeting,
    agenda_item: int | None = None,
    kind: str = "",
    language: str = "",
    action_line: str = "",
    sdg: int | None = None,
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
            "action_lines",
            "sdgs",
            Prefetch("files", queryset=_files_seen_by(user)),
        )
        .order_by("kind", "number", "pk")
    )
    if action_line:
        documents = documents.filter(action_lines__code=action_line)
    if sdg:
        documents = documents.filter(sdgs__number=sdg)
    if agenda_item:
        documents = documents.filter(agenda_items=agenda_item)
    if kind:
        documents = documents.filter(kind=kind)
    if language:
        offered = _files_seen_by(user).filter(language=language)
        documents = documents.filter(files__in=offered)
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
            "action_lines",
            "sdgs",
            "proposed_action_lines",
            "proposed_sdgs",
            Prefetch(
                "files", queryset=_files_seen_by(user).select_related("uploaded_by", "retired_by")
            ),
            Prefetch("revisions", queryset=DocumentRevision.objects.order_by("number")),
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
            Prefetch("files", queryset=_files_without_text().filter(state="current")),
        )
        .order_by("meeting__number", "submitted_at")
    )


def file_for_download(*, user, pk: int) -> DocumentFile | None:
    visible = Document.objects.filter(downloadable_documents_filter(user)).values("pk")
    return (
        DocumentFile.objects.defer("text")
        .select_related("document__meeting__working_group")
        .filter(visible_files_filter(user), pk=pk, document__in=visible)
        .first()
    )


def draft_revision_of(document: Document) -> DocumentRevision | None:
    """The revision being prepared, if any (at most one: a database constraint)."""
    return document.revisions.filter(published_at__isnull=True).first()


def upload_revision(document: Document) -> int:
    """The revision a new file belongs to: the draft revision's number, else the current one."""
    draft = draft_revision_of(document)
    return draft.number if draft else document.revision


def languages_of(document: Document) -> list[str]:
    """Languages available, from the prefetched files (no query)."""
    return sorted({file.language for file in document.files.all()})


@dataclass
class RevisionRow:
    """One revision as the document page lists it: its number, date and the files one may see."""

    number: int
    published_at: object = None
    is_draft: bool = False
    files: list = field(default_factory=list)


def revisions_for_page(*, document: Document, user) -> list[RevisionRow]:
    """Newest first, from the prefetched revisions and files (no query). The files were already
    chosen for the user (document_for_page); a draft revision shows only to those who see it."""
    rows = {number: RevisionRow(number=number) for number in range(document.revision + 1)}
    for revision in document.revisions.all():
        if revision.is_draft:
            if can_see_draft_revision(user=user, document=document):
                rows[revision.number] = RevisionRow(number=revision.number, is_draft=True)
        elif revision.number in rows:
            rows[revision.number].published_at = revision.published_at
    for file in document.files.all():  # re-checked: the preview reads the secretariat's rows
        if file.revision in rows and can_see_file(user=user, document=document, file=file):
            rows[file.revision].files.append(file)
    return [rows[number] for number in sorted(rows, reverse=True)]


def document_by_symbol(*, user, symbol: str) -> Document | None:
    """The document a symbol names, whatever revision it gives: its page shows the latest
    published one (a link to CWG-WSIS&SDG-44/3 finds 44/3(Rev.1))."""
    parsed = parse_symbol(symbol)
    if parsed is None:
        return None
    kinds = [kind for kind in Document.Kind.values if series_of(kind) == parsed.series]
    return (
        Document.objects.visible_to(user)
        .filter(
            meeting__working_group__code__iexact=parsed.group,
            meeting__number=parsed.meeting,
            kind__in=kinds,
            number=parsed.number,
        )
        .first()
    )


def summary_text_in_writing(document: Document) -> list[dict]:
    """What the summary editor shows: the draft's text, or the correction's (a published
    summary's draft revision) while the published text stays on the document."""
    correction = draft_revision_of(document)
    if document.status == Document.Status.PUBLISHED and correction is not None:
        return correction.summary_body
    return document.summary_body
