"""Reads shared by the pages, the API and the tasks: documents lists and a document's history."""

from documents.selectors.documents import (
    document_for_page,
    documents_for_meeting,
    file_for_download,
    languages_of,
    registration_queue,
)
from documents.selectors.history import Change, HistoryEntry, history_of
from documents.selectors.preview import preview_choices, previewed_viewer

__all__ = [
    "Change",
    "HistoryEntry",
    "document_for_page",
    "documents_for_meeting",
    "file_for_download",
    "history_of",
    "languages_of",
    "preview_choices",
    "previewed_viewer",
    "registration_queue",
]
