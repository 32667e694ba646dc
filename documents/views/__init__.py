"""The documents' pages, a module per journey; urls.py reaches them through this package."""

from documents.views.comparison import compare, compare_docx
from documents.views.detail import (
    detail_context,
    document_detail,
    download,
    history,
    preview,
    restore,
)
from documents.views.editing import (
    add_file,
    correct,
    cosponsorship,
    create_contribution,
    edit_document,
    remove_file,
    titles,
)
from documents.views.listing import (
    by_symbol,
    meeting_csv,
    meeting_datapackage,
    meeting_documents,
    registration_queue,
)
from documents.views.summary import create_summary, edit_summary, publish_summary
from documents.views.translations import (
    deliver_translation,
    move_translation,
    request_translations,
    translation_page,
    translations_csv,
    translations_datapackage,
)
from documents.views.workflow import TRANSITIONS, transition, withdraw

__all__ = [
    "TRANSITIONS",
    "add_file",
    "by_symbol",
    "compare",
    "compare_docx",
    "correct",
    "cosponsorship",
    "create_contribution",
    "create_summary",
    "detail_context",
    "document_detail",
    "download",
    "edit_document",
    "edit_summary",
    "history",
    "meeting_csv",
    "meeting_datapackage",
    "meeting_documents",
    "preview",
    "publish_summary",
    "titles",
    "registration_queue",
    "remove_file",
    "restore",
    "transition",
    "translation_page",
    "translations_csv",
    "translations_datapackage",
    "deliver_translation",
    "move_translation",
    "request_translations",
    "withdraw",
]
