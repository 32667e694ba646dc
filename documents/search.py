"""What search indexes of documents and meeting summaries, and who may find each one.

The principals of an entry mirror documents.permissions.visible_documents_filter, rule for
rule; tests/search/test_document_adapter.py checks both agree for every role and state.
"""

from django.db.models import F, Prefetch, QuerySet
from django.urls import reverse
from django.utils.translation import get_language

from cwg.multilingual import shown_in
from cwg.search.entries import IndexEntry, tag_facets
from cwg.search.indexing import watch, watch_m2m
from cwg.search.principals import (
    MEMBERS,
    OFFICERS,
    PUBLIC,
    SECRETARIAT,
    group_principal,
    party_principal,
)
from cwg.search.registry import Source, register
from documents.models import CoSponsor, Document, DocumentFile, Language
from documents.permissions import is_delegation_draft

KIND = "document"


def indexable_documents() -> QuerySet[Document]:
    # A draft revision's files, and replaced or removed files, are not what the document says.
    done = DocumentFile.objects.filter(
        extraction_state=DocumentFile.Extraction.DONE,
        state=DocumentFile.State.CURRENT,
        revision__lte=F("document__revision"),
    ).order_by("language", "-revision", "-uploaded_at")
    return (
        Document.objects.select_related("meeting__working_group", "owner_state")
        .prefetch_related(
            "source_states",
            "source_organizations",
            "cosponsors__member_state",
            "restricted_to",
            "action_lines",
            "sdgs",
            Prefetch("files", queryset=done, to_attr="indexed_files"),
        )
        .order_by("pk")
    )


def document_principals(document: Document) -> frozenset[str]:
    principals = set()
    if not is_delegation_draft(document):
        principals.add(SECRETARIAT)
    if document.owner_state_id:
        principals.add(party_principal(state_code=document.owner_state.iso_code))
    if document.owner_organization_id:
        principals.add(party_principal(organization_id=document.owner_organization_id))
    if document.status != Document.Status.DRAFT:
        principals.update(
            party_principal(state_code=cosponsor.member_state.iso_code)
            for cosponsor in document.cosponsors.all()
        )
    ownerless = not document.owner_state_id and not document.owner_organization_id
    if ownerless and document.submitted_by_id:
        principals.add(f"user:{document.submitted_by_id}")
    was_published = document.status == Document.Status.WITHDRAWN and document.published_at
    if document.status == Document.Status.PUBLISHED or was_published:
        if document.access == Document.Access.PUBLIC:
            principals.add(PUBLIC)
        elif document.access == Document.Access.MEMBERS:
            principals.add(MEMBERS)
        else:
            principals.update(group_principal(group.pk) for group in document.restricted_to.all())
    if document.status == Document.Status.REGISTERED:
        principals.add(OFFICERS)
    if document.kind == Document.Kind.SUMMARY and document.status != Document.Status.WITHDRAWN:
        principals.add(OFFICERS)
    return frozenset(principals)


def _current_files(document: Document) -> dict[str, DocumentFile]:
    """The latest revision of each language version (files come ordered for this)."""
    current: dict[str, DocumentFile] = {}
    for file in document.indexed_files:
        current.setdefault(file.language, file)
    return current


def _summary_text(document: Document) -> str:
    return "\n".join(block["text"] for block in document.summary_body or [])


def _translated_titles(document: Document) -> list[str]:
    return [title for title in document.all_titles.values() if title != document.title]


def document_entry(document: Document) -> IndexEntry:
    # A withdrawn document stays findable by its symbol and title, not by its files' words.
    files = {} if document.status == Document.Status.WITHDRAWN else _current_files(document)
    texts = {language: file.text for language, file in files.items() if file.text}
    if document.kind == Document.Kind.SUMMARY and document.summary_body:
        texts.setdefault(document.summary_language or "en", _summary_text(document))
    first_file = min(files.values(), key=lambda file: file.uploaded_at, default=None)
    meeting = document.meeting
    return IndexEntry(
        kind=KIND,
        object_id=document.pk,
        title=document.title,
        texts=texts,
        principals=document_principals(document),
        symbol=document.symbol,
        # Every translated title is found with the title's weight (an Arabic title finds it).
        keywords=" ".join([document.source, *_translated_titles(document)]).strip(),
        filename=first_file.original_name if first_file else None,
        facets={
            "kind": document.kind,
            "meeting": str(meeting.number),
            "status": document.status,
            "year": str(meeting.start_date.year),
            **tag_facets(document),
        },
    )


def describe_documents(ids: list[int]) -> dict[int, dict]:
    """What a result shows, in two queries: its title in the page's language, and its languages,
    each linked to its current file unless the document is withdrawn (its files are then no
    longer offered, see permissions)."""
    current: dict[int, dict[str, int]] = {}
    # The current files of published revisions only: a draft revision's, a replaced or a removed
    # file is not what the document offers (see permissions.visible_files_filter).
    offered_files = DocumentFile.objects.filter(
        document__in=ids, state=DocumentFile.State.CURRENT, revision__lte=F("document__revision")
    )
    for pk, language, file_id in offered_files.order_by(
        "language", "-revision", "-uploaded_at"
    ).values_list("document_id", "language", "pk"):
        current.setdefault(pk, {}).setdefault(language, file_id)
    rows = Document.objects.filter(pk__in=ids).values_list(
        "pk", "meeting__number", "kind", "status", "title", "title_language", "titles"
    )
    described = {}
    page_language = get_language()
    for pk, number, kind, status, title, title_language, titles in rows:
        files = current.get(pk, {})
        offered = status != Document.Status.WITHDRAWN
        described[pk] = {
            # The title in the reader's language where the secretariat or a file gave one.
            "title": shown_in(page_language, title, title_language, titles),
            "url": reverse("documents:detail", kwargs={"pk": pk}),
            "kind": kind,
            "meeting": number,
            "languages": sorted(files),
            "downloads": {
                language: reverse("documents:download", args=[file_id])
                for language, file_id in files.items()
                if offered
            },
        }
    return described


def connect() -> None:
    register(
        Source(
            kind=KIND,
            queryset=indexable_documents,
            to_entry=document_entry,
            describe=describe_documents,
            labels={
                "kind": dict(Document.Kind.choices),
                "status": dict(Document.Status.choices),
                "language": dict(Language.choices),
            },
        )
    )
    watch(Document, KIND, lambda document: [document.pk])
    watch(DocumentFile, KIND, lambda file: [file.document_id])
    watch_m2m(Document.restricted_to.through, KIND)
    watch_m2m(Document.source_states.through, KIND)
    watch_m2m(Document.source_organizations.through, KIND)
    watch_m2m(Document.action_lines.through, KIND)
    watch_m2m(Document.sdgs.through, KIND)
    watch(CoSponsor, KIND, lambda cosponsor: [cosponsor.document_id])
