"""What consultations put in an archive: each attachment under its input's reference number."""

from consultations.models import SubmissionAttachment
from cwg.archive import StoredFiles, path_part, register_stored_files


def archive_path(row: SubmissionAttachment) -> str:
    """consultations/WSIS20-0042/1a2b3c4d5e6f-proposal.pdf"""
    name = path_part(f"{row.sha256[:12]}-{row.original_name}")
    return f"consultations/{path_part(row.submission.reference)}/{name}"


register_stored_files(
    StoredFiles(
        model="consultations.SubmissionAttachment",
        archive_path=archive_path,
        select_related=("submission",),
    )
)
