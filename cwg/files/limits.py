"""Limits on uploads and extraction, read from settings when used (never at import time)."""

from dataclasses import dataclass

from django.conf import settings

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    max_bytes: int
    docx_max_members: int
    docx_max_uncompressed: int
    docx_max_ratio: int
    pdf_max_pages: int
    cpu_seconds: int
    memory_bytes: int
    wall_seconds: int
    max_characters: int
    ocr_enabled: bool
    ocr_max_pages: int
    ocr_cpu_seconds: int
    ocr_wall_seconds: int


def current_limits() -> Limits:
    def setting(name: str, default: int) -> int:
        return int(getattr(settings, name, default))

    return Limits(
        max_bytes=setting("MAX_UPLOAD_MB", 25) * MB,
        docx_max_members=setting("DOCX_MAX_MEMBERS", 2000),
        docx_max_uncompressed=setting("DOCX_MAX_UNCOMPRESSED_MB", 200) * MB,
        docx_max_ratio=setting("DOCX_MAX_COMPRESSION_RATIO", 100),
        pdf_max_pages=setting("PDF_MAX_PAGES", 2000),
        cpu_seconds=setting("EXTRACTION_CPU_SECONDS", 30),
        memory_bytes=setting("EXTRACTION_MEMORY_MB", 768) * MB,
        wall_seconds=setting("EXTRACTION_WALL_SECONDS", 60),
        max_characters=setting("EXTRACTION_MAX_CHARACTERS", 5_000_000),
        ocr_enabled=bool(getattr(settings, "OCR_ENABLED", True)),
        # Scans are read page by page, about 4-10 s a page on one core: a bounded number of
        # pages within a bounded time, what is read before the time is up is kept (marked
        # truncated). The text layer (EXTRACTION_WALL_SECONDS) plus OCR_WALL_SECONDS must stay
        # under the extraction task's soft time limit (documents/tasks.py: 150 s), or the
        # worker stops the task and the sweep starts it again.
        ocr_max_pages=setting("OCR_MAX_PAGES", 100),
        ocr_cpu_seconds=setting("OCR_CPU_SECONDS", 80),
        ocr_wall_seconds=setting("OCR_WALL_SECONDS", 80),
    )
