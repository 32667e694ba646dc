"""Files sent with an input: checked like document uploads, stored with a row or not at all."""

import datetime as dt

from django.conf import settings
from django.core.files.storage import default_storage
from django.utils import timezone
from django.utils.translation import gettext as _

from consultations.exceptions import AttachmentRefused
from consultations.models import SubmissionAttachment, attachment_file_name
from documents.exceptions import UploadRefused
from documents.files import inspect_upload, safe_original_name
from documents.files.limits import MB


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
    written = []
    for row, upload in files:
        if default_storage.exists(row.file.name):
            continue
        upload.seek(0)
        saved_as = default_storage.save(row.file.name, upload)
        if saved_as != row.file.name:  # the same bytes arrived concurrently: keep one copy
            default_storage.delete(saved_as)
            continue
        written.append(saved_as)
    return written


def remove_orphan_attachment_files(*, older_than: dt.timedelta | None = None) -> list[str]:
    """Remove stored files that no attachment row names, once they are old enough.

    submit_input removes its files when its own rows fail; a caller's outer transaction rolled
    back afterwards cannot be seen from inside (Django has no on-rollback hook), so this sweep,
    run by beat, catches those. Young files are left alone: their rows may be committing.
    """
    cutoff = timezone.now() - (older_than or dt.timedelta(hours=1))
    removed, folders = [], ["consultations"]
    while folders:
        folder = folders.pop()
        if not default_storage.exists(folder):
            continue
        subfolders, files = default_storage.listdir(folder)
        folders += [f"{folder}/{name}" for name in subfolders]
        for name in (f"{folder}/{file}" for file in files):
            if default_storage.get_modified_time(name) >= cutoff:
                continue
            if not SubmissionAttachment.objects.filter(file=name).exists():
                default_storage.delete(name)
                removed.append(name)
    return removed


def remove_files_without_rows(names: list[str]) -> None:
    for name in names:
        if not SubmissionAttachment.objects.filter(file=name).exists():
            default_storage.delete(name)
