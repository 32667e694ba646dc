"""What goes into a meeting's record package: the files and the tables, gathered in a few queries.

Paths are relative to the bag's data/ folder. Documents are named by symbol, revision and
language letter (CWG-WSIS&SDG-44_7(Rev.1)_A.pdf), one file per revision and language: the
latest upload of each.
"""

import csv
import io
from collections import Counter
from dataclasses import dataclass, field

from django.db.models.fields.files import FieldFile
from django.utils.translation import gettext as _

from documents.models import LANGUAGE_LETTERS, Document, DocumentFile
from followup.permissions import record_package_holds_actions
from followup.selectors.heatmap import HeatMap, heat_map_csv_text, meeting_heat_map
from followup.selectors.record_package import (
    record_package_actions,
    record_package_documents,
    record_package_participants,
)
from meetings.models import Meeting, Participant
from meetings.selectors import attendance_counts


@dataclass(frozen=True)
class PackageFile:
    path: str  # inside data/
    content: bytes = b""
    stored: FieldFile | None = None  # copied from storage when set

    @property
    def size(self) -> int:
        return self.stored.size if self.stored is not None else len(self.content)


@dataclass(frozen=True)
class FileRow:
    document: Document
    file: DocumentFile
    path: str
    symbol: str


@dataclass
class Contents:
    meeting: Meeting
    access: str
    documents: list[Document]
    files: list[FileRow]
    summaries: list[tuple[Document, list[str]]]  # (summary, paths of its DOCX and text)
    agenda: list[tuple[object, list[Document]]]
    attendance: dict[str, int]
    delegations: list[dict]
    actions: list | None
    heat_map: HeatMap
    extra: list[PackageFile] = field(default_factory=list)


def symbol_at(document: Document, revision: int) -> str:
    """The document's symbol as it was at ``revision`` (Rev.0 has no suffix)."""
    base = document.symbol.split("(Rev.")[0]
    return f"{base}(Rev.{revision})" if revision else base


def package_file_name(document: Document, *, revision: int, language: str, extension: str) -> str:
    """("CWG-WSIS&SDG-44/7", Rev.1, "ar", ".pdf") -> "CWG-WSIS&SDG-44_7(Rev.1)_A.pdf"."""
    stem = symbol_at(document, revision).replace("/", "_")
    return f"{stem}_{LANGUAGE_LETTERS.get(language, language.upper())}{extension}"


def _latest_files(document: Document) -> list[DocumentFile]:
    """One file per published (revision, language): its current file, neither a draft
    revision's nor one replaced or removed (the prefetch orders them)."""
    seen: dict[tuple[int, str], DocumentFile] = {}
    for stored in document.files.all():
        if stored.revision <= document.revision and stored.state == DocumentFile.State.CURRENT:
            seen.setdefault((stored.revision, stored.language), stored)
    return list(seen.values())


def summary_text(document: Document) -> str:
    lines = [document.meeting.working_group.name, document.symbol, "", document.title, ""]
    for block in document.summary_body:
        text = block.get("text", "")
        lines += (
            [text, "=" * min(len(text), 72), ""]
            if block.get("kind") == "heading"
            else [
                text,
                "",
            ]
        )
    return "\n".join(lines)


def _delegations(participants: list[Participant]) -> list[dict]:
    """Who was represented and how (names of people stay on the secretariat's list)."""
    counts: Counter = Counter()
    for participant in participants:
        party = participant.member_state or participant.organization
        counts[(str(party), participant.attendance)] += 1
    parties = sorted({party for party, _attendance in counts})
    return [
        {
            "name": party,
            "in_person": counts[(party, Participant.Attendance.IN_PERSON)],
            "remote": counts[(party, Participant.Attendance.REMOTE)],
        }
        for party in parties
    ]


def gather(*, meeting: Meeting, access: str) -> Contents:
    documents = list(record_package_documents(meeting=meeting, access=access))
    files, summaries = [], []
    for document in documents:
        folder = "summary" if document.kind == Document.Kind.SUMMARY else "documents"
        rows = [
            FileRow(
                document=document,
                file=stored,
                path=f"{folder}/"
                + package_file_name(
                    document,
                    revision=stored.revision,
                    language=stored.language,
                    extension=stored.extension,
                ),
                symbol=symbol_at(document, stored.revision),
            )
            for stored in _latest_files(document)
        ]
        files += rows
        if document.kind == Document.Kind.SUMMARY:
            letter = LANGUAGE_LETTERS.get(document.summary_language, "E")
            text_path = "summary/" + symbol_at(document, 0).replace("/", "_") + f"_{letter}.txt"
            summaries.append((document, [row.path for row in rows] + [text_path]))
    agenda = [
        (item, [d for d in documents if item in d.agenda_items.all()])
        for item in meeting.agenda_items.order_by("order", "number")
    ]
    with_actions = record_package_holds_actions(access=access)
    document_ids = [document.pk for document in documents]
    return Contents(
        meeting=meeting,
        access=access,
        documents=documents,
        files=files,
        summaries=summaries,
        agenda=agenda,
        attendance=attendance_counts(meeting=meeting),
        delegations=_delegations(list(record_package_participants(meeting=meeting))),
        actions=list(record_package_actions(meeting=meeting)) if with_actions else None,
        heat_map=meeting_heat_map(
            meeting=meeting,
            documents=Document.objects.filter(pk__in=document_ids),
            with_actions=with_actions,
        ),
    )


def _csv(header: list[str], rows: list[list]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def tables(contents: Contents) -> list[PackageFile]:
    """The CSV tables (their header is their schema, in English like the other exports)."""
    by_document: dict[int, list[FileRow]] = {}
    for row in contents.files:
        by_document.setdefault(row.document.pk, []).append(row)
    documents = [
        [
            row.symbol,
            row.file.revision,
            row.file.language,
            document.get_kind_display(),
            document.title,
            document.source,
            document.access,
            row.path,
            row.file.sha256,
        ]
        for document in contents.documents
        for row in by_document.get(document.pk, [])
    ]
    result = [
        PackageFile(
            "documents.csv",
            _csv(
                [
                    "symbol",
                    "revision",
                    "language",
                    "kind",
                    "title",
                    "source",
                    "access",
                    "path",
                    "sha256",
                ],
                documents,
            ),
        ),
        PackageFile(
            "agenda.csv",
            _csv(
                ["number", "title", "documents"],
                [
                    [item.number, item.title, " ".join(d.symbol for d in items)]
                    for item, items in contents.agenda
                ],
            ),
        ),
        PackageFile(
            "participants.csv",
            _csv(
                ["represented", "in_person", "remote"],
                [[d["name"], d["in_person"], d["remote"]] for d in contents.delegations],
            ),
        ),
        PackageFile("action-line-heat-map.csv", heat_map_csv_text(contents.heat_map).encode()),
    ]
    if contents.actions is not None:
        result.append(
            PackageFile(
                "actions.csv",
                _csv(
                    ["agenda_item", "title", "due_date", "status"],
                    [
                        [
                            action.agenda_item.number if action.agenda_item else "",
                            action.title,
                            action.due_date.isoformat() if action.due_date else "",
                            action.status,
                        ]
                        for action in contents.actions
                    ],
                ),
            )
        )
    for document, paths in contents.summaries:
        result.append(PackageFile(paths[-1], summary_text(document).encode("utf-8")))
    return result


def describe_access(access: str) -> str:
    return _("members") if access == "members" else _("public")
