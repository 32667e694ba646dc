from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from cwg.files.exceptions import ExtractionFailed
from cwg.files.limits import current_limits
from cwg.files.sandbox import SandboxError, run_job


@dataclass(frozen=True)
class ExtractedText:
    text: str
    page_count: int | None
    truncated: bool


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


def extract_text(path: Path, *, kind: str) -> ExtractedText:
    limits = current_limits()
    job = {
        "job": "extract",
        "path": str(path),
        "kind": kind,
        "cpu": limits.cpu_seconds,
        "memory": limits.memory_bytes,
        "wall": limits.wall_seconds,
        "max_pages": limits.pdf_max_pages,
        "max_characters": limits.max_characters,
    }
    try:
        result = run_job(job)
    except SandboxError as exc:
        raise ExtractionFailed(readable_reason(exc.reason)) from exc
    return ExtractedText(
        text=result["text"], page_count=result["page_count"], truncated=result["truncated"]
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
