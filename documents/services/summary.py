"""The chair's meeting summary: written in the app, published by the chair as a DOCX."""

import hashlib
import json

import reversion
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cwg.characters import clean_text
from cwg.exceptions import InvalidTransition, NotAllowed
from documents import permissions
from documents.models import Document, DocumentRevision
from documents.services.files import store_file
from documents.services.summary_docx import render_summary_docx
from documents.services.symbols import allocate_number
from documents.services.workflow import record_published_revision
from meetings.models import Meeting

BLOCK_KINDS = {"heading", "paragraph"}


def clean_blocks(blocks: list[dict]) -> list[dict]:
    """Headings and paragraphs of plain text, kept as the chair typed them (&, <, >, quotes and
    direction marks included): the page escapes them and the DOCX takes them as plain text, so
    nothing is stored escaped. Only the characters cwg.characters refuses are removed."""
    cleaned = []
    for block in blocks:
        kind = block.get("kind")
        text = clean_text(str(block.get("text", ""))).strip()
        if kind in BLOCK_KINDS and text:
            cleaned.append({"kind": kind, "text": text})
    return cleaned


@transaction.atomic
def create_summary(*, meeting: Meeting, title: str, language: str, by: User) -> Document:
    """One summary per meeting: a correction of a published one is its next revision."""
    if not permissions.can_create_summary(user=by):
        raise NotAllowed(_("Only officers and the secretariat write meeting summaries."))
    Meeting.objects.select_for_update().get(pk=meeting.pk)  # two officers starting at once
    summaries = meeting.documents.filter(kind=Document.Kind.SUMMARY)
    if summaries.exclude(status=Document.Status.WITHDRAWN).exists():
        raise InvalidTransition(
            _(
                "This meeting has its summary already: edit it, or correct the published one "
                "with a revision."
            )
        )
    with reversion.create_revision():
        document = Document.objects.create(
            meeting=meeting,
            kind=Document.Kind.SUMMARY,
            title=title,
            summary_language=language,
            title_language=language,
            submitted_by=by,
            source_text=_("Chair"),
        )
        reversion.set_user(by)
        reversion.set_comment("Started the meeting summary")
    return document


@transaction.atomic
def update_summary(*, document: Document, title: str, blocks: list[dict], by: User) -> Document:
    """title: kept as it is while a published summary is corrected (its symbol and title stay)."""
    document = Document.objects.select_for_update().get(pk=document.pk)
    if not permissions.can_edit_summary(user=by, document=document):
        raise NotAllowed(_("Only officers and the secretariat edit a draft summary."))
    correction = _correction_of(document)
    with reversion.create_revision():
        if correction is not None:
            correction.summary_body = clean_blocks(blocks)
            correction.save(update_fields=["summary_body"])
            reversion.set_comment(f"Edited the correction (Rev.{correction.number})")
        else:
            document.title = title
            document.summary_body = clean_blocks(blocks)
            document.save(update_fields=["title", "summary_body", "updated_at"])
            reversion.set_comment("Edited the summary")
        reversion.set_user(by)
    return document


def _correction_of(document: Document) -> DocumentRevision | None:
    """The correction being written of a published summary (its draft revision), if any."""
    if document.status != Document.Status.PUBLISHED:
        return None
    return document.revisions.select_for_update().filter(published_at__isnull=True).first()


def text_version(document: Document) -> str:
    """A short fingerprint of the text being written (the draft's or the correction's): the
    confirmation carries it, and publishing refuses when the text changed after it was shown."""
    correction = None
    if document.status == Document.Status.PUBLISHED:
        correction = document.revisions.filter(published_at__isnull=True).first()
    body = correction.summary_body if correction is not None else document.summary_body
    source = json.dumps([document.title, body], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(source.encode()).hexdigest()[:16]


def publish_summary(*, document: Document, by: User, version: str | None = None) -> Document:
    """Register in the meeting's series, render the DOCX, store it, and publish.

    version: the text_version the chair confirmed; publishing is refused if the text changed since.
    """
    with transaction.atomic():
        document = (
            Document.objects.select_for_update()
            .select_related("meeting__working_group")
            .get(pk=document.pk)
        )
        if not permissions.can_publish_summary(user=by, document=document):
            raise NotAllowed(_("Only the chair of the group publishes the meeting summary."))
        if version is not None and version != text_version(document):
            raise InvalidTransition(
                _(
                    "The summary changed after you asked to publish it: read the text below, "
                    "then publish again."
                )
            )
        correction = _correction_of(document)
        if correction is not None:
            return _publish_correction(document=document, correction=correction, by=by)
        if not document.summary_body:
            raise InvalidTransition(_("The summary is empty: write it before publishing."))
        document.number = allocate_number(document=document)
        now = timezone.now()
        document.status = Document.Status.PUBLISHED
        document.registered_at = document.published_at = now
        with reversion.create_revision():
            document.save(
                update_fields=["number", "status", "registered_at", "published_at", "updated_at"]
            )
            reversion.set_user(by)
            reversion.set_comment(f"Published as {document.symbol}")
        _store_docx(document=document, by=by, published_on=now.date())
        record_published_revision(document=document, when=now)
    return document


def _store_docx(*, document: Document, by: User, published_on) -> None:
    """The Word file of the summary as published, named by its symbol (with its revision)."""
    content = render_summary_docx(document=document, published_on=published_on)
    store_file(
        document=document,
        upload=SimpleUploadedFile("summary.docx", content),
        language=document.summary_language,
        by=by,
        original_name=f"{document.symbol}.docx",
    )


def _publish_correction(*, document: Document, correction: DocumentRevision, by: User) -> Document:
    """Rev.N of the summary: its text becomes the published one, its DOCX the file of Rev.N."""
    if not correction.summary_body:
        raise InvalidTransition(_("The summary is empty: write it before publishing."))
    now = timezone.now()
    document.summary_body = correction.summary_body
    document.revision = correction.number
    correction.published_at = now
    with reversion.create_revision():
        correction.save(update_fields=["published_at"])
        document.save(update_fields=["summary_body", "revision", "updated_at"])
        reversion.set_user(by)
        reversion.set_comment(f"Published the correction as {document.symbol}")
    _store_docx(document=document, by=by, published_on=now.date())
    return document
