"""Text extraction, run in the sandbox: the text layer first, then OCR for pages without one."""

import logging
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from cwg.files.exceptions import ExtractionFailed
from cwg.files.limits import Limits, current_limits
from cwg.files.ocr import tesseract_path
from cwg.files.parsers import joined_pages
from cwg.files.sandbox import SandboxError, run_job

logger = logging.getLogger(__name__)
# What the OCR child keeps of its wall-clock limit to hand back what it read before the kill.
OCR_MARGIN_SECONDS = 15


@dataclass(frozen=True)
class ExtractedText:
    text: str
    page_count: int | None
    truncated: bool
    ocr_pages: int = 0  # pages whose text was recognised by OCR
    title: str = ""  # the file's own title (PDF metadata; DOCX core title or first heading)

    @property
    def recognised_by_ocr(self) -> bool:
        return self.ocr_pages > 0


def readable_reason(reason: str) -> str:
    """Turn the sandbox's short reason into a sentence for the person who uploaded the file."""
    messages = {
        "cpu": _(
            "Reading this file took more processing time than allowed; it may be damaged or "
            "unusually complex. Save it again (for example as PDF) and upload the new copy."
        ),
        "timeout": _(
            "Reading this file took longer than allowed; it may be damaged or unusually "
            "complex. Save it again (for example as PDF) and upload the new copy."
        ),
        "memory": _(
            "Reading this file needed more memory than allowed. Save it again with smaller "
            "images, or split it, and upload the new copy."
        ),
        "encrypted": _(
            "This PDF is protected by a password. Remove the password and upload it again."
        ),
        "crashed": _("The text reader stopped on this file. Save it again and upload the copy."),
        "killed": _("The text reader was stopped on this file. It will be tried again."),
        "server": _("The text reader did not answer. It will be tried again."),
    }
    if reason in messages:
        return messages[reason]
    return _("The text could not be read from this file (%(detail)s).") % {"detail": reason}


def no_text_reason(*, kind: str, ocr_tried: bool) -> str:
    if kind != "pdf":
        return _(
            "No readable text was found in this file, so its content cannot be searched. Check "
            "that this is the right file, or upload it as a PDF with text."
        )
    if ocr_tried:
        return _(
            "No readable text was found in this file, even by text recognition (OCR), so its "
            "content cannot be searched. If it is a scan, scan it again more clearly (300 dpi) "
            "or upload the original document."
        )
    return _(
        "This PDF has no text layer (it looks like a scan) and text recognition (OCR) is not "
        "available, so its content cannot be searched. Upload a version with text, for "
        "example exported from the original document."
    )


def _job(path: Path, kind: str, limits: Limits, **changes) -> dict:
    return {
        "job": "extract",
        "path": str(path),
        "kind": kind,
        "cpu": limits.cpu_seconds,
        "memory": limits.memory_bytes,
        "wall": limits.wall_seconds,
        "max_pages": limits.pdf_max_pages,
        "max_characters": limits.max_characters,
        **changes,
    }


def _recognise(path: Path, layer: dict, limits: Limits) -> tuple[str, bool, int] | None:
    """(text, truncated, pages recognised) with OCR over the pages without text, or None
    when OCR cannot run; the text layer's own text is kept either way."""
    if not limits.ocr_enabled or tesseract_path() is None:
        logger.warning("%s has pages without text and OCR is not available", path.name)
        return None
    pages = layer["textless_pages"][: limits.ocr_max_pages]
    job = _job(
        path,
        "pdf",
        limits,
        job="ocr",
        pages=pages,
        cpu=limits.ocr_cpu_seconds,
        wall=limits.ocr_wall_seconds,
        ocr_seconds=max(limits.ocr_wall_seconds - OCR_MARGIN_SECONDS, 1),
    )
    try:
        recognised = run_job(job)
    except SandboxError as exc:
        logger.warning("OCR of %s stopped: %s", path.name, exc.reason)
        return None
    parts = list(layer["page_texts"])
    read = 0
    for index, text in recognised["texts"].items():  # JSON made the page numbers strings
        parts[int(index)] = text
        read += bool(text.strip())
    text, cut = joined_pages(parts, limits.max_characters)
    unread = recognised["stopped_early"] or len(layer["textless_pages"]) > len(pages)
    return text, layer["truncated"] or cut or unread, read


def extract_text(path: Path, *, kind: str) -> ExtractedText:
    """The file's text; a PDF's pages without a text layer are read by OCR.

    Raises ExtractionFailed with a sentence for the uploader, also when no text is found.
    """
    limits = current_limits()
    try:
        layer = run_job(_job(path, kind, limits))
    except SandboxError as exc:
        raise ExtractionFailed(readable_reason(exc.reason)) from exc
    text, truncated, ocr_pages = layer["text"], layer["truncated"], 0
    recognised = None
    if layer.get("textless_pages"):
        recognised = _recognise(path, layer, limits)
        if recognised is not None:
            text, truncated, ocr_pages = recognised
    if not text.strip():
        raise ExtractionFailed(no_text_reason(kind=kind, ocr_tried=recognised is not None))
    return ExtractedText(
        text=text,
        page_count=layer["page_count"],
        truncated=truncated,
        ocr_pages=ocr_pages,
        title=layer.get("title") or "",
    )


def inspect_pdf(path: Path) -> dict:
    """Page count and active content, read in the sandbox: a hostile PDF must not hang the web
    process. {"page_count": int, "active_content": ["javascript", "launch", "embedded_file"]}"""
    limits = current_limits()
    job = {
        "job": "inspect_pdf",
        "path": str(path),
        "kind": "pdf",
        "cpu": min(limits.cpu_seconds, 15),
        "memory": limits.memory_bytes,
        "wall": min(limits.wall_seconds, 20),
        "max_pages": limits.pdf_max_pages,
        "max_characters": limits.max_characters,
    }
    result = run_job(job)
    return {"page_count": result["page_count"], "active_content": result["active_content"]}
