"""Bulk import of existing files: each registered with the next symbol, idempotent by content.

A file's language is given by the secretariat or read from its text (never assumed); when it
was really received can be given too, so old documents are not marked late.
"""

import datetime as dt
import hashlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth.models import User
from django.utils import timezone

from cwg.exceptions import DomainError
from cwg.files import extract_text
from cwg.files.languages import detect_language
from documents.models import Document, DocumentFile, SymbolCounter, series_of
from documents.services.registration import register_secretariat_document
from meetings.models import AgendaItem, Meeting

SUFFIXES = {".pdf", ".docx", ".txt"}


@dataclass
class ImportReport:
    imported: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)
    languages: Counter = field(default_factory=Counter)
    dry_run: bool = False

    def summary(self) -> str:
        verb = "would import" if self.dry_run else "imported"
        by_language = ", ".join(f"{code} {n}" for code, n in sorted(self.languages.items()))
        return (
            f"{verb} {len(self.imported)}{f' ({by_language})' if by_language else ''}, "
            f"skipped {len(self.skipped)} (already imported), refused {len(self.refused)}"
        )


@dataclass(frozen=True)
class ImportOptions:
    meeting: Meeting
    by: User
    kind: str
    access: str
    publish: bool = False
    language: str | None = None  # None: read from the text
    agenda_item: AgendaItem | None = None
    received_on: dt.date | None = None
    received_from_file: bool = False
    dry_run: bool = False


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


def _text_of(path: Path) -> str:
    """Read in the sandbox like any upload (a .txt is plain UTF-8)."""
    suffix = path.suffix.lower()
    if suffix == ".txt":
        return path.read_text(encoding="utf-8", errors="replace")
    return extract_text(path, kind=suffix.lstrip(".")).text


def language_of(path: Path, *, given: str | None) -> str:
    """The language given, or the one read from the text; raises when it cannot be said."""
    if given:
        return given
    detected = detect_language(_text_of(path))
    if detected is None:
        raise DomainError(
            "its language cannot be told with confidence (mixed scripts or too little text): "
            "import it on its own with --language"
        )
    return detected.code


def _received_at(path: Path, options: ImportOptions) -> dt.datetime | None:
    """Midday in Geneva of the day given, or of the file's own date (its last change)."""
    day = options.received_on
    if day is None and options.received_from_file:
        day = dt.datetime.fromtimestamp(path.stat().st_mtime, tz=dt.UTC).date()
    if day is None:
        return None
    return timezone.make_aware(dt.datetime.combine(day, dt.time(12)))


def _next_symbols(options: ImportOptions):
    """The symbols a dry run would give, in order, without taking a number."""
    counter = SymbolCounter.objects.filter(
        meeting=options.meeting, series=series_of(options.kind)
    ).first()
    number = counter.last_number if counter else 0
    while True:
        number += 1
        yield Document(meeting=options.meeting, kind=options.kind, number=number).symbol


def import_files(paths: list[Path], *, options: ImportOptions, progress=iter) -> ImportReport:
    report = ImportReport(dry_run=options.dry_run)
    symbols = _next_symbols(options)
    for path in progress(paths):
        existing = (
            DocumentFile.objects.filter(sha256=_sha256(path))
            .select_related("document__meeting__working_group")
            .first()
        )
        if existing is not None:
            report.skipped.append(f"{path.name}: already imported as {existing.document}")
            continue
        try:
            language = language_of(path, given=options.language)
            symbol = next(symbols) if options.dry_run else _import(path, language, options)
        except DomainError as refusal:
            report.refused.append((path.name, str(refusal.message)))
            continue
        item = f" [{options.agenda_item.number}]" if options.agenda_item else ""
        report.imported.append(f"{path.name}: {symbol} ({language}){item}")
        report.languages[language] += 1
    return report


def _import(path: Path, language: str, options: ImportOptions) -> str:
    with path.open("rb") as handle:
        document = register_secretariat_document(
            meeting=options.meeting,
            by=options.by,
            title=_title_for(path),
            kind=options.kind,
            access=options.access,
            agenda_items=[options.agenda_item] if options.agenda_item else None,
            file=handle,
            language=language,
            original_name=path.name,
            allow_text=True,
            publish=options.publish,
            received_at=_received_at(path, options),
        )
    return document.symbol


def kinds() -> list[str]:
    return [Document.Kind.CONTRIBUTION, Document.Kind.INFORMATION]
