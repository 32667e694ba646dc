"""Which saves of documents change which public pages (see cwg/pagecache.py).

Only changes the public can see invalidate: a draft, submitted or registered document that was
never published is on no anonymous page, so delegates' uploads leave the cached pages alone.
"""

from cwg.pagecache import invalidate_when_saved
from documents.models import Document, DocumentFile
from meetings.pagecache import meeting_scope

DOCUMENTS_SCOPE = "documents"  # every public document: the API's list


def document_scope(pk: int) -> str:
    return f"document:{pk}"


def scopes_of_document(document: Document) -> list[str]:
    if document.status != Document.Status.PUBLISHED and document.published_at is None:
        return []
    return [DOCUMENTS_SCOPE, document_scope(document.pk), meeting_scope(document.meeting.number)]


def connect() -> None:
    invalidate_when_saved(
        Document,
        scopes=scopes_of_document,
        uid="documents.document",
        m2m_fields=["agenda_items", "source_states", "source_organizations", "restricted_to"],
    )
    invalidate_when_saved(
        DocumentFile,  # a new language version or revision
        scopes=lambda file: scopes_of_document(file.document),
        uid="documents.file",
    )
