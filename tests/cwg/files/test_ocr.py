"""Scanned documents: pages without a text layer are read by OCR, in the sandbox, within limits.

Needs Tesseract with the six languages (apt-get install tesseract-ocr tesseract-ocr-ara
tesseract-ocr-fra tesseract-ocr-spa tesseract-ocr-rus tesseract-ocr-chi-sim): missing, the tests
skip with the reason, or fail when CWG_REQUIRE_SERVICES=1 (as CI runs its second pass).
"""

import time
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from cwg.files import extract_text
from cwg.files.exceptions import ExtractionFailed
from cwg.files.ocr import ALL_LANGUAGES, installed_languages, tesseract_path
from cwg.files.sandbox import SandboxError, run_job
from tests.cwg.files import scans
from tests.services import missing

MINIMUM_RECOVERED = 0.9
ARABIC_WORDS = 150


def why_ocr_cannot_run() -> str | None:
    if tesseract_path() is None:
        return "needs Tesseract (apt-get install tesseract-ocr)"
    absent = {*ALL_LANGUAGES.split("+"), "osd"} - installed_languages()
    if absent:
        return f"Tesseract lacks the languages {sorted(absent)} (tesseract-ocr-<lang> packages)"
    return scans.why_scans_cannot_be_made()


@pytest.fixture(scope="module")
def ocr():
    reason = why_ocr_cannot_run()
    if reason:
        missing(reason)


@pytest.fixture(scope="module")
def arabic():
    return scans.arabic_text(ARABIC_WORDS)


@pytest.fixture(scope="module")
def english():
    return scans.english_text()


@pytest.fixture(scope="module")
def scan_path(ocr, arabic, english, tmp_path_factory):
    """One Arabic page and one English page, pictures only."""
    path = tmp_path_factory.mktemp("scans") / "scan.pdf"
    path.write_bytes(scans.image_only_pdf((arabic, True), (english, False)))
    return path


def running_ocr() -> list[str]:
    """Command lines of live processes reading one of our OCR page images."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            command = cmdline.read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:  # the process ended meanwhile
            continue
        if "cwg-ocr-" in command:
            found.append(command)
    return found


def page_text(path, index: int) -> str:
    return PdfReader(path).pages[index].extract_text() or ""


def test_the_scan_has_no_text_layer(scan_path):
    assert len(PdfReader(scan_path).pages) == 2
    assert not page_text(scan_path, 0).strip()
    assert not page_text(scan_path, 1).strip()


def test_arabic_and_english_scans_are_read(scan_path, arabic, english):
    started = time.monotonic()
    extracted = extract_text(scan_path, kind="pdf")
    seconds = time.monotonic() - started
    assert extracted.recognised_by_ocr
    assert extracted.ocr_pages == 2
    assert extracted.truncated is False
    arabic_share = scans.recovered(arabic, extracted.text)
    english_share = scans.recovered(english, extracted.text)
    assert arabic_share >= MINIMUM_RECOVERED, (arabic_share, extracted.text)
    assert english_share >= MINIMUM_RECOVERED, (english_share, extracted.text)
    assert seconds < 120


def test_pages_with_text_are_kept_and_only_the_scanned_page_is_read(scan_path, tmp_path):
    from tests.cwg.files.test_checks import TESTDATA

    typed = TESTDATA / "pdf" / "minimal-document.pdf"
    if not typed.exists():
        missing(f"{typed} is missing")
    writer = PdfWriter()
    writer.append(str(typed))
    writer.append(str(scan_path), pages=[1])
    mixed = tmp_path / "mixed.pdf"
    writer.write(mixed)
    extracted = extract_text(mixed, kind="pdf")
    assert extracted.ocr_pages == 1
    typed_words = page_text(typed, 0).split()
    assert extracted.text.split()[: len(typed_words)] == typed_words
    assert "Secretary-General" in extracted.text


def test_a_scan_without_any_text_tells_the_uploader(ocr, tmp_path):
    path = tmp_path / "blank.pdf"
    path.write_bytes(scans.blank_scan())
    with pytest.raises(ExtractionFailed) as failure:
        extract_text(path, kind="pdf")
    assert "even by text recognition (OCR)" in str(failure.value.message)


def test_without_ocr_the_uploader_is_told_it_is_not_available(settings, tmp_path):
    reason = scans.why_scans_cannot_be_made()
    if reason:
        missing(reason)
    settings.OCR_ENABLED = False
    path = tmp_path / "scan.pdf"
    path.write_bytes(scans.image_only_pdf(("A scanned page", False)))
    with pytest.raises(ExtractionFailed) as failure:
        extract_text(path, kind="pdf")
    assert "text recognition (OCR) is not available" in str(failure.value.message)


def test_the_wall_clock_limit_also_stops_tesseract(scan_path):
    """The child runs Tesseract in its own process group; a kill leaves no Tesseract behind."""
    job = {
        "job": "ocr",
        "path": str(scan_path),
        "kind": "pdf",
        "pages": [0, 1],
        "cpu": 300,
        "memory": 768 * 1024 * 1024,
        "wall": 2,
        "ocr_seconds": 600,
        "max_pages": 10,
        "max_characters": 1000,
    }
    with pytest.raises(SandboxError) as stopped:
        run_job(job)
    assert stopped.value.reason == "timeout"
    time.sleep(0.5)
    assert not running_ocr()


def test_a_time_budget_keeps_what_was_read(scan_path, settings):
    """Past its budget the reader stops between pages and hands back the pages it read."""
    result = run_job(
        {
            "job": "ocr",
            "path": str(scan_path),
            "kind": "pdf",
            "pages": [1, 1, 1, 1, 1, 1, 1, 1],
            "cpu": 300,
            "memory": 768 * 1024 * 1024,
            "wall": 120,
            "ocr_seconds": 12,
            "max_pages": 10,
            "max_characters": 1000,
        }
    )
    assert result["stopped_early"] is True
    assert 1 <= len(result["texts"]) < 8
    assert "Secretary-General" in result["texts"]["1"]


def test_a_text_file_with_no_text_is_refused_readably(tmp_path):
    path = tmp_path / "empty.docx"
    from tests.documents.factories import docx_bytes

    path.write_bytes(docx_bytes(""))
    with pytest.raises(ExtractionFailed, match="No readable text"):
        extract_text(path, kind="docx")


def test_reading_a_scan_fits_in_the_extraction_task_time_limit():
    """Past its soft time limit the worker stops the task and the sweep starts it again: the
    text layer and OCR together must end before, or a long scan is read for ever."""
    from cwg.files.limits import current_limits
    from documents.tasks import extract_file_text

    limits = current_limits()
    assert limits.wall_seconds + limits.ocr_wall_seconds < extract_file_text.soft_time_limit
