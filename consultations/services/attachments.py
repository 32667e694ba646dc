"""Files sent with an input: checked like document uploads, stored with a row or not at all."""

import datetime as dt

from django.conf import settings
from django.utils.translation import gettext as _

from consultations.exceptions import AttachmentRefused
from consultations.models import SubmissionAttachment, attachment_file_name
from cwg.files import inspect_upload, safe_original_name
from cwg.files.exceptions import UploadRefused
from cwg.files.limits import MB
from cwg.files.storage import (
    ORPHAN_GRACE,
    remove_unless_named,
    remove_unnamed_files,
    save_once,
)

ATTACHMENTS_ROOT = "consultations"  # where attachment_file_name puts every file


def max_attachments() -> int:
    return int(settings.CONSULTATION_MAX_ATTACHMENTS)


def max_attachment_bytes() -> int:
    return int(settings.CONSULTATION_ATTACHMENT_MAX_MB) * MB


def checked_attachments(uploads: list) -> list[tuple[SubmissionAttachment, object]]:
    """Each file through the documents app's checks, before anything is locked or stored."""
    if len(uploads) > max_attachments():
        raise AttachmentRefused(
            _("You can attach at most %(count)s files.") % {"count": max_attachments()}
        )
    rows, seen = [], set()
    for upload in uploads:
        name = safe_original_name(getattr(upload, "name", "") or "file")
        try:
            inspected = inspect_upload(upload, max_bytes=max_attachment_bytes())
        except UploadRefused as exc:
            raise AttachmentRefused(
                _("“%(name)s”: %(reason)s") % {"name": name, "reason": exc.message}
            ) from exc
        if inspected.sha256 in seen:  # the same file chosen twice: keep it once
            continue
        seen.add(inspected.sha256)
        name = safe_original_name(
            getattr(upload, "name", "") or "file", extension=inspected.extension
        )
        row = SubmissionAttachment(
            original_name=name,
            size=inspected.size,
            sha256=inspected.sha256,
            content_type=inspected.content_type,
            extension=inspected.extension,
            page_count=inspected.page_count,
        )
        row.file.name = attachment_file_name(row, name)
        rows.append((row, upload))
    return rows


def write_attachment_files(files: list[tuple[SubmissionAttachment, object]]) -> list[str]:
    """Store the checked bytes under their content's name; return the names written here."""
    return [row.file.name for row, upload in files if save_once(row.file.name, upload)]


def remove_orphan_attachment_files(*, older_than: dt.timedelta = ORPHAN_GRACE) -> list[str]:
    """Attachments that no row names: submit_input removes its own files when its rows fail;
    this beat sweep catches those a caller's outer transaction left when it rolled back."""
    return remove_unnamed_files(
        root=ATTACHMENTS_ROOT, model=SubmissionAttachment, older_than=older_than
    )


def remove_files_without_rows(names: list[str]) -> None:
    remove_unless_named(names, SubmissionAttachment)
