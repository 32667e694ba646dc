"""A scanned contribution: its text is read by OCR and its page says so."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from documents.services import add_file
from tests.cwg.files import scans
from tests.cwg.files.test_ocr import why_ocr_cannot_run
from tests.services import missing

pytestmark = pytest.mark.django_db


def test_a_scanned_file_is_read_by_ocr_and_marked_so(
    draft, people, as_role, django_capture_on_commit_callbacks
):
    reason = why_ocr_cannot_run()
    if reason:
        missing(reason)
    english = scans.english_text()
    scan = SimpleUploadedFile("scan.pdf", scans.image_only_pdf((english, False)))
    with django_capture_on_commit_callbacks(execute=True):
        stored = add_file(document=draft, upload=scan, language="fr", by=people["delegate"])
    stored.refresh_from_db()
    assert stored.extraction_state == "done"
    assert stored.text_from_ocr is True
    assert scans.recovered(english, stored.text) >= 0.9
    page = as_role("delegate").get(reverse("documents:detail", args=[draft.pk]))
    assert "text recognised by OCR" in page.content.decode()


def test_a_typed_file_is_not_marked_as_recognised(draft):
    typed = draft.files.get()
    assert typed.extraction_state in {"pending", "done"}
    assert typed.text_from_ocr is False
