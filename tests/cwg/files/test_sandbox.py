"""The extraction sandbox stops what runs too long or too big, and says so readably."""

from pathlib import Path

import pytest

from cwg.files import extract_text
from cwg.files.exceptions import ExtractionFailed
from cwg.files.sandbox import SandboxError, run_job
from tests.services import missing

BIG_PDF = (
    Path(__file__).resolve().parents[3].parent
    / "shared"
    / "testdata"
    / "pdf"
    / "GeoTopo-komprimiert.pdf"
)


def job(path: Path, **limits) -> dict:
    return {
        "job": "extract",
        "path": str(path),
        "kind": "pdf",
        "cpu": 30,
        "memory": 768 * 1024 * 1024,
        "wall": 60,
        "max_pages": 2000,
        "max_characters": 5_000_000,
        **limits,
    }


@pytest.fixture
def big_pdf():
    if not BIG_PDF.exists():
        missing(f"{BIG_PDF} is missing")
    return BIG_PDF


def test_a_cpu_hog_is_stopped_by_the_cpu_limit(big_pdf):
    with pytest.raises(SandboxError) as stopped:
        run_job(job(big_pdf, cpu=1))
    assert stopped.value.reason == "cpu"


def test_a_slow_read_is_stopped_by_the_wall_clock(big_pdf):
    with pytest.raises(SandboxError) as stopped:
        run_job(job(big_pdf, wall=0.3))
    assert stopped.value.reason == "timeout"


def test_a_memory_hog_is_stopped_by_the_memory_limit(big_pdf):
    with pytest.raises(SandboxError) as stopped:
        run_job(job(big_pdf, memory=8 * 1024 * 1024))
    assert stopped.value.reason in {"memory", "crashed"} or "MemoryError" in stopped.value.reason


def test_the_reason_reaches_the_uploader_as_a_sentence(big_pdf, settings):
    settings.EXTRACTION_WALL_SECONDS = 0.3
    with pytest.raises(ExtractionFailed) as failure:
        extract_text(big_pdf, kind="pdf")
    assert "took longer than allowed" in str(failure.value.message)


def test_the_server_survives_a_killed_child(big_pdf):
    with pytest.raises(SandboxError):
        run_job(job(big_pdf, wall=0.2))
    small = big_pdf.parent / "minimal-document.pdf"
    assert run_job(job(small))["text"]


def test_text_is_capped(big_pdf, settings):
    settings.EXTRACTION_MAX_CHARACTERS = 1000
    result = extract_text(big_pdf, kind="pdf")
    assert len(result.text) == 1000
    assert result.truncated is True
