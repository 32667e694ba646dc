"""What documents puts in an archive: each file under its document's symbol and language."""

from cwg.archive import StoredFiles, path_part, register_stored_files
from documents.models import DocumentFile


def archive_path(row: DocumentFile) -> str:
    """documents/CWG-WSIS&SDG-44-7/en/rev0-1a2b3c4d5e6f-contribution.docx

    A document not registered yet has no symbol: it goes under its key. The digest keeps two
    files of one language and revision apart.
    """
    document = row.document
    folder = path_part(document.symbol) if document.symbol else f"unregistered-{document.pk}"
    name = path_part(f"rev{row.revision}-{row.sha256[:12]}-{row.original_name}")
    return f"documents/{folder}/{row.language}/{name}"


register_stored_files(
    StoredFiles(
        model="documents.DocumentFile",
        archive_path=archive_path,
        select_related=("document__meeting__working_group",),
    )
)
