"""Comparing two revisions of a document: word-level differences and a tracked-changes DOCX."""

from documents.services.compare.diff import Block, Comparison, Counts, Segment, compare_texts
from documents.services.compare.revisions import (
    RevisionComparison,
    comparable_files,
    compare_files,
    compare_revisions,
    default_pair,
    languages_to_compare,
    stored_revision_file,
    tracked_changes_docx,
)
from documents.services.compare.tracked_docx import docx_styles, tracked_docx

__all__ = [
    "Block",
    "Comparison",
    "Counts",
    "RevisionComparison",
    "Segment",
    "comparable_files",
    "compare_files",
    "compare_revisions",
    "compare_texts",
    "default_pair",
    "docx_styles",
    "languages_to_compare",
    "stored_revision_file",
    "tracked_changes_docx",
    "tracked_docx",
]
