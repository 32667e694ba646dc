"""Checks made before an uploaded file is stored. Each refusal says what to do next."""

import hashlib
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from lxml import etree

from cwg.files.docx_parts import check_parts
from cwg.files.exceptions import UploadRefused
from cwg.files.extraction import inspect_pdf, readable_reason
from cwg.files.limits import MB, current_limits
from cwg.files.sandbox import SandboxError

PDF_TYPE = "application/pdf"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOCM_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"
TEXT_TYPE = "text/plain; charset=utf-8"
ACCEPTED = gettext_lazy("Upload a PDF or a Word document (.docx).")
# Printing to a new PDF keeps what the pages show and drops scripts, actions and attachments.
ACTIVE_CONTENT_MESSAGES = {
    "javascript": gettext_lazy(
        "The PDF contains JavaScript (scripts that run when it is opened or used). Remove the "
        "scripts, or print it to a new PDF, and upload that copy."
    ),
    "launch": gettext_lazy(
        "The PDF contains an action that starts another program. Remove the action, or print "
        "it to a new PDF, and upload that copy."
    ),
    "embedded_file": gettext_lazy(
        "The PDF carries attached or embedded files. Remove the attachments, or print it to a "
        "new PDF, and upload that copy."
    ),
}


@dataclass(frozen=True)
class InspectedFile:
    sha256: str
    size: int
    kind: str
    content_type: str
    extension: str
    page_count: int | None


def _copy_to_temporary_file(fileobj, destination, max_bytes: int) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    fileobj.seek(0)
    while chunk := fileobj.read(1024 * 1024):
        size += len(chunk)
        if size > max_bytes:
            raise UploadRefused(
                _("The file is larger than %(limit)s MB. Reduce its size and upload it again.")
                % {"limit": max_bytes // MB}
            )
        digest.update(chunk)
        destination.write(chunk)
    destination.flush()
    fileobj.seek(0)
    return digest.hexdigest(), size


def inspect_upload(fileobj, *, allow_text: bool = False, max_bytes: int | None = None):
    """Decide what the file is from its content and whether it is safe to store and read."""
    limits = current_limits()
    max_bytes = max_bytes or limits.max_bytes
    with tempfile.NamedTemporaryFile(prefix="cwg-upload-") as copy:
        sha256, size = _copy_to_temporary_file(fileobj, copy, max_bytes)
        if size == 0:
            raise UploadRefused(_("The file is empty. Choose the right file and upload it again."))
        path = Path(copy.name)
        with path.open("rb") as handle:
            head = handle.read(8)
        if head.startswith(b"%PDF-"):
            return InspectedFile(sha256, size, "pdf", PDF_TYPE, ".pdf", _pdf_pages(path, limits))
        if head.startswith(b"PK\x03\x04"):
            _check_docx(path, limits)
            return InspectedFile(sha256, size, "docx", DOCX_TYPE, ".docx", None)
        if allow_text and _is_utf8_text(path):
            return InspectedFile(sha256, size, "txt", TEXT_TYPE, ".txt", None)
    raise UploadRefused(
        _("This type of file is not accepted. %(accepted)s") % {"accepted": ACCEPTED}
    )


def _pdf_pages(path: Path, limits) -> int:
    try:
        facts = inspect_pdf(path)
    except SandboxError as exc:
        if exc.reason == "encrypted":
            raise UploadRefused(readable_reason("encrypted")) from exc
        raise UploadRefused(
            _("The PDF is damaged or incomplete. Export it again from your editor and upload it.")
        ) from exc
    pages = facts["page_count"]
    if pages == 0:
        raise UploadRefused(_("The PDF has no pages. Export it again and upload it."))
    if pages > limits.pdf_max_pages:
        raise UploadRefused(
            _("The PDF has %(pages)s pages; the limit is %(limit)s. Split it and upload the parts.")
            % {"pages": pages, "limit": limits.pdf_max_pages}
        )
    for kind in facts["active_content"]:
        raise UploadRefused(ACTIVE_CONTENT_MESSAGES[kind])
    return pages


def _check_docx(path: Path, limits) -> None:
    damaged = _("The Word document is damaged or incomplete. Save it again and upload it.")
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UploadRefused(damaged) from exc
    with archive:
        members = archive.infolist()
        _check_zip_bounds(members, limits)
        names = {member.filename for member in members}
        if "[Content_Types].xml" not in names:
            raise UploadRefused(
                _("This file is not a Word document. %(accepted)s") % {"accepted": ACCEPTED}
            )
        try:
            check_parts(archive, members)
            main_type = _main_part_type(archive.read("[Content_Types].xml"))
        except (zipfile.BadZipFile, OSError, EOFError, etree.XMLSyntaxError) as exc:
            raise UploadRefused(damaged) from exc
    if main_type == DOCM_MAIN or any(name.endswith("vbaProject.bin") for name in names):
        raise UploadRefused(
            _(
                "Documents with macros (.docm) are not accepted. Save it as a Word document "
                "(.docx) without macros and upload it again."
            )
        )
    if main_type != DOCX_MAIN:
        raise UploadRefused(
            _("This file is not a Word document. %(accepted)s") % {"accepted": ACCEPTED}
        )


def _check_zip_bounds(members, limits) -> None:
    too_big = _(
        "The Word document expands to more than its size suggests (a possible 'zip bomb'). "
        "Save it again normally and upload it."
    )
    if len(members) > limits.docx_max_members:
        raise UploadRefused(
            _("The Word document has too many parts (%(count)s). Save it again and upload it.")
            % {"count": len(members)}
        )
    if any(member.flag_bits & 0x1 for member in members):
        raise UploadRefused(
            _("This Word document is protected by a password. Remove it and upload it again.")
        )
    uncompressed = sum(member.file_size for member in members)
    compressed = sum(member.compress_size for member in members) or 1
    if uncompressed > limits.docx_max_uncompressed:
        raise UploadRefused(too_big)
    for member in members:
        if (
            member.file_size > MB
            and member.file_size / max(member.compress_size, 1) > limits.docx_max_ratio
        ):
            raise UploadRefused(too_big)
    if uncompressed > 10 * MB and uncompressed / compressed > limits.docx_max_ratio:
        raise UploadRefused(too_big)


def _main_part_type(content_types: bytes) -> str | None:
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    root = etree.fromstring(content_types, parser=parser)  # noqa: S320 - no DTD (check_parts)
    for override in root:
        if override.get("PartName") == "/word/document.xml":
            return override.get("ContentType")
    return None


def _is_utf8_text(path: Path) -> bool:
    with path.open("rb") as handle:
        data = handle.read()
    if b"\x00" in data:
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
