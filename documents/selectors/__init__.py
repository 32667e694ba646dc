"""Reads shared by the pages, the API and the tasks: documents lists and a document's history."""

from documents.selectors.documents import (
    document_by_symbol,
    document_for_page,
    documents_for_meeting,
    draft_revision_of,
    file_for_download,
    languages_of,
    registration_queue,
    revisions_for_page,
    summary_text_in_writing,
    upload_revision,
)
from documents.selectors.history import Change, HistoryEntry, history_of
from documents.selectors.listing import (
    DocumentRow,
    MeetingGroups,
    document_rows,
    grouped_by_agenda_item,
)
from documents.selectors.preview import preview_choices, previewed_viewer

__all__ = [
    "Change",
    "DocumentRow",
    "MeetingGroups",
    "HistoryEntry",
    "document_by_symbol",
    "document_for_page",
    "document_rows",
    "documents_for_meeting",
    "draft_revision_of",
    "file_for_download",
    "grouped_by_agenda_item",
    "history_of",
    "languages_of",
    "preview_choices",
    "previewed_viewer",
    "registration_queue",
    "revisions_for_page",
    "summary_text_in_writing",
    "upload_revision",
]
