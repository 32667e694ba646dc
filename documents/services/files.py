"""Storing uploaded files (checked first, content-addressed, never overwritten) and their text."""

import datetime as dt
import logging
from functools import partial
from pathlib import Path

import reversion
from django.contrib.auth.models import User
from django.core import signing
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from cwg import outbox
from cwg.exceptions import InvalidTransition, NotAllowed
from cwg.files import extract_text, inspect_upload, safe_original_name
from cwg.files.exceptions import ExtractionFailed
from cwg.files.limits import current_limits
from cwg.files.storage import (
    ORPHAN_GRACE,
    remove_unless_named,
    remove_unnamed_files,
    save_once,
)
from documents import permissions, selectors
from documents.exceptions import DuplicateFile, FileWouldReplace
from documents.models import Document, DocumentFile, stored_file_name
from documents.services.titles import take_title_from_file
from documents.tasks import EXTRACT

logger = logging.getLogger(__name__)
STORED_FILES_ROOT = "documents"  # where stored_file_name puts every file


def add_file(
    *,
    document: Document,
    upload,
    language: str,
    by: User,
    original_name: str = "",
    allow_text: bool = False,
    replace: bool = False,
) -> DocumentFile:
    """Check the upload, store it under its content's name, and schedule text extraction.

    The checks run before any lock is taken (a PDF's page count is read in the sandbox); the
    stored bytes are removed again if the row cannot be written, so no file is left without a row.
    replace: the uploader confirmed that the file replaces the current one of its language and
    revision; without it such an upload is refused with FileWouldReplace, naming that file.
    """
    if not permissions.can_add_file(user=by, document=document):
        raise NotAllowed(_("You may not add files to this document."))
    return store_file(
        document=document,
        upload=upload,
        language=language,
        by=by,
        original_name=original_name,
        allow_text=allow_text,
        replace=replace,
    )


def store_file(
    *,
    document: Document,
    upload,
    language: str,
    by: User,
    original_name: str = "",
    allow_text: bool = False,
    replace: bool = False,
) -> DocumentFile:
    """add_file without the permission check, for services that decided it already.

    allow_text: plain UTF-8 text files, accepted from the bulk import only.
    """
    inspected = inspect_upload(upload, allow_text=allow_text)
    row = DocumentFile(
        document=document,
        language=language,
        sha256=inspected.sha256,
        size=inspected.size,
        content_type=inspected.content_type,
        kind=inspected.kind,
        extension=inspected.extension,
        page_count=inspected.page_count,
        original_name=safe_original_name(
            original_name or getattr(upload, "name", "") or "file", extension=inspected.extension
        ),
        uploaded_by=by,
    )
    name = stored_file_name(row, "")
    written_here = save_once(name, upload)
    row.file.name = name
    try:
        return _record_file(row=row, by=by, replace=replace)
    except Exception:
        if written_here:
            remove_unless_named([name], DocumentFile)
        raise


def _replace_message(replaced: DocumentFile) -> str:
    return _(
        "Rev.%(revision)s already has a current %(language)s file, %(name)s: the new file "
        "replaces it only if you confirm."
    ) % {
        "revision": replaced.revision,
        "language": replaced.get_language_display(),
        "name": replaced.original_name,
    }


@transaction.atomic
def _record_file(*, row: DocumentFile, by: User, replace: bool = False) -> DocumentFile:
    """The file joins the revision being prepared if there is one, else the current revision;
    it replaces that revision's current file of its language only when the uploader confirmed."""
    document = Document.objects.select_for_update().get(pk=row.document_id)
    if document.status == Document.Status.WITHDRAWN:
        raise InvalidTransition(_("This document was withdrawn; no file can be added."))
    current = document.files.filter(state=DocumentFile.State.CURRENT)
    if current.filter(sha256=row.sha256).exists():
        raise DuplicateFile(
            _("This exact file was already uploaded to this document. Nothing was changed.")
        )
    row.document = document
    row.revision = selectors.upload_revision(document)
    replaced = current.filter(language=row.language, revision=row.revision).first()
    if replaced is not None and not replace:
        raise FileWouldReplace(_replace_message(replaced))
    with reversion.create_revision():
        comment = f"Added the {row.get_language_display()} file {row.original_name}"
        if replaced is not None:
            _retire(replaced, state=DocumentFile.State.REPLACED, by=by)
            comment = f"Replaced the {row.get_language_display()} file {replaced.original_name}"
            comment += f" with {row.original_name}"
        row.save()
        reversion.set_user(by)
        reversion.set_comment(f"{comment} (Rev.{row.revision})")
    queue_extraction(row)
    return row


def _retire(file: DocumentFile, *, state: str, by: User, reason: str = "") -> None:
    file.state = state
    file.retired_at = timezone.now()
    file.retired_by = by
    file.removal_reason = reason
    file.save(update_fields=["state", "retired_at", "retired_by", "removal_reason"])


@transaction.atomic
def remove_file(*, file: DocumentFile, by: User, reason: str) -> DocumentFile:
    """A wrongly uploaded file leaves the document; the row and its bytes stay, with the reason,
    for the history and the secretariat."""
    file = DocumentFile.objects.select_for_update().select_related("document").get(pk=file.pk)
    if not reason.strip():
        raise InvalidTransition(_("Say why the file is removed."))
    if not permissions.can_remove_file(user=by, document=file.document, file=file):
        raise NotAllowed(_("You may not remove this file."))
    with reversion.create_revision():
        _retire(file, state=DocumentFile.State.REMOVED, by=by, reason=reason.strip())
        reversion.set_user(by)
        reversion.set_comment(
            f"Removed the {file.get_language_display()} file {file.original_name} "
            f"(Rev.{file.revision}): {file.removal_reason}"
        )
    return file


# An upload that would replace a file waits for the uploader's confirmation: its bytes are
# checked and stored (content-addressed) and the confirmation carries a signed note of them.
# A note unconfirmed within the orphan sweep's grace leaves bytes no row names: the sweep
# removes them.
STAGED_SALT = "documents.staged-file"


def stage_file(
    *, document: Document, upload, language: str, by: User, original_name: str = ""
) -> str:
    """Check and store the upload without adding it; the signed note add_staged_file takes."""
    if not permissions.can_add_file(user=by, document=document):
        raise NotAllowed(_("You may not add files to this document."))
    inspected = inspect_upload(upload)
    unsaved = DocumentFile(sha256=inspected.sha256, extension=inspected.extension)
    name = stored_file_name(unsaved, "")
    save_once(name, upload)
    original = safe_original_name(
        original_name or getattr(upload, "name", "") or "file", extension=inspected.extension
    )
    note = {"d": document.pk, "u": by.pk, "l": language, "f": name, "n": original}
    return signing.dumps(note, salt=STAGED_SALT)


def staged_file_of(token: str, *, document: Document, by: User) -> dict:
    """The note of stage_file, if it is this person's, for this document, and still fresh."""
    try:
        note = signing.loads(token, salt=STAGED_SALT, max_age=ORPHAN_GRACE)
    except signing.BadSignature as exc:
        raise InvalidTransition(
            _("This confirmation has expired. Upload the file again, please.")
        ) from exc
    if note.get("d") != document.pk or note.get("u") != by.pk:
        raise NotAllowed(_("You may not add files to this document."))
    if not default_storage.exists(note["f"]):
        raise InvalidTransition(_("This confirmation has expired. Upload the file again, please."))
    return note


def add_staged_file(*, document: Document, token: str, by: User) -> DocumentFile:
    """The confirmed replacement: the staged bytes become the current file of their language."""
    note = staged_file_of(token, document=document, by=by)
    with default_storage.open(note["f"], "rb") as upload:
        return add_file(
            document=document,
            upload=upload,
            language=note["l"],
            by=by,
            original_name=note["n"],
            replace=True,
        )


def queue_extraction(row: DocumentFile) -> None:
    """Write the outbox message that sends the file to the text reader once the transaction
    commits. If the broker is down then, the upload still stands: the file is marked delayed (on
    the row and the instance the caller holds) and the outbox sweep sends it later."""
    outbox.enqueue(EXTRACT, file_id=row.pk, on_broker_down=partial(_mark_delayed, row))


def _mark_delayed(row: DocumentFile) -> None:
    DocumentFile.objects.filter(pk=row.pk, extraction_state=DocumentFile.Extraction.PENDING).update(
        extraction_state=DocumentFile.Extraction.DELAYED
    )
    row.extraction_state = DocumentFile.Extraction.DELAYED


def extract_stored_file(*, file_id: int) -> DocumentFile | None:
    """Read the file's text in the sandbox and store it, or the reason it failed.

    Safe to run twice (a task may be delivered again): a file already done is left alone.
    """
    with transaction.atomic():
        row = DocumentFile.objects.select_for_update().filter(pk=file_id).first()
        if row is None or row.extraction_state == DocumentFile.Extraction.DONE:
            return row
        row.extraction_state = DocumentFile.Extraction.RUNNING
        row.extraction_started_at = timezone.now()
        row.extraction_attempts += 1
        row.save(update_fields=["extraction_state", "extraction_started_at", "extraction_attempts"])
    try:
        result = extract_text(Path(row.file.path), kind=row.kind)
    except ExtractionFailed as exc:
        row.extraction_state = DocumentFile.Extraction.FAILED
        row.extraction_error = str(exc.message)
        logger.info("extraction of file %s failed: %s", row.pk, row.extraction_error)
    else:
        row.extraction_state = DocumentFile.Extraction.DONE
        row.text = result.text
        row.text_truncated = result.truncated
        row.text_from_ocr = result.recognised_by_ocr
        row.page_count = result.page_count or row.page_count
        row.extraction_error = ""
    row.extracted_at = timezone.now()
    row.save(
        update_fields=[
            "extraction_state",
            "extraction_error",
            "text",
            "text_truncated",
            "text_from_ocr",
            "page_count",
            "extracted_at",
        ]
    )
    if row.extraction_state == DocumentFile.Extraction.DONE and result.title:
        _take_title(row, result.title)
    return row


@transaction.atomic
def _take_title(row: DocumentFile, title: str) -> None:
    """The file's own title becomes its language's title when that language has none yet."""
    document = Document.objects.select_for_update().get(pk=row.document_id)
    take_title_from_file(document=document, language=row.language, title=title)


def requeue_stale_extractions(*, older_than: dt.timedelta | None = None) -> list[int]:
    """The file's state is the truth: re-queue files left pending or running too long.

    A worker killed mid-task leaves its file 'running'; the broker may hold the message for
    hours; a file uploaded while the broker was down is 'delayed' and goes at once. This sweep,
    run by beat, makes sure every file is extracted in the end.
    """
    if older_than is None:
        older_than = dt.timedelta(seconds=current_limits().wall_seconds * 2 + 60)
    cutoff = timezone.now() - older_than
    waiting = [DocumentFile.Extraction.PENDING, DocumentFile.Extraction.RUNNING]
    stale = DocumentFile.objects.filter(
        Q(extraction_state=DocumentFile.Extraction.DELAYED)
        | Q(extraction_state__in=waiting, extraction_started_at__lt=cutoff)
        | Q(
            extraction_state__in=waiting, extraction_started_at__isnull=True, uploaded_at__lt=cutoff
        )
    )
    rows = list(stale.only("pk", "extraction_state"))
    DocumentFile.objects.filter(pk__in=[row.pk for row in rows]).update(
        extraction_state=DocumentFile.Extraction.PENDING
    )
    for row in rows:
        row.extraction_state = DocumentFile.Extraction.PENDING
        queue_extraction(row)
    return [row.pk for row in rows]


def remove_orphan_files(*, older_than: dt.timedelta = ORPHAN_GRACE) -> list[str]:
    """Stored contributions that no row names: left by a caller's larger transaction that
    rolled back after store_file (the bulk import, a summary published, inputs compiled)."""
    return remove_unnamed_files(root=STORED_FILES_ROOT, model=DocumentFile, older_than=older_than)
