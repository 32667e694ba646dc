"""Bulk import of existing files: each registered with the next symbol, idempotent by content."""

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth.models import User

from cwg.exceptions import DomainError
from documents.models import Document, DocumentFile
from documents.services.registration import register_secretariat_document
from meetings.models import Meeting

SUFFIXES = {".pdf", ".docx", ".txt"}


@dataclass
class ImportReport:
    imported: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"imported {len(self.imported)}, skipped {len(self.skipped)} (already imported), "
            f"refused {len(self.refused)}"
        )


def files_under(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES)
        else:
            found.append(path)
    return found


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()


def _title_for(path: Path) -> str:
    if path.suffix.lower() == ".txt":
        with path.open(encoding="utf-8", errors="replace") as handle:
            for line in handle:
                if line.strip():
                    return line.strip()[:200]
    return path.stem.replace("_", " ")[:200]


def import_file(
    path: Path,
    *,
    meeting: Meeting,
    by: User,
    kind: str,
    access: str,
    language: str,
    publish: bool,
    report: ImportReport,
) -> None:
    existing = (
        DocumentFile.objects.filter(sha256=_sha256(path))
        .select_related("document__meeting__working_group")
        .first()
    )
    if existing is not None:
        report.skipped.append(f"{path.name}: already imported as {existing.document}")
        return
    try:
        with path.open("rb") as handle:
            document = register_secretariat_document(
                meeting=meeting,
                by=by,
                title=_title_for(path),
                kind=kind,
                access=access,
                file=handle,
                language=language,
                original_name=path.name,
                allow_text=True,
                publish=publish,
            )
    except DomainError as refusal:
        report.refused.append((path.name, str(refusal.message)))
    else:
        report.imported.append(f"{path.name}: {document.symbol}")


def kinds() -> list[str]:
    return [Document.Kind.CONTRIBUTION, Document.Kind.INFORMATION]
