"""export_archive and import_archive: the whole record as a folder, and back into an empty database.

The folder holds each stored file under a readable path (documents by symbol and language) and
manifest.json: the format, the sha256 and size of each file, and every row. The manifest is
written last, so a folder without one is an export that did not finish.

Every row means password hashes, API and calendar tokens and the private links' secrets too:
the folder and everything in it are created readable by their owner only (0700 and 0600),
whatever the umask, and must be kept like a database backup.
"""

import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from django.core.files import File
from django.core.files.storage import default_storage
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.utils import timezone

from cwg.archive.kinds import stored_file_kinds
from cwg.archive.rows import load_rows, rows_present, serialize_rows
from cwg.archive.storage import chunks_of, sha256_of

FORMAT = "cwg-archive"
VERSION = 1
MANIFEST = "manifest.json"


class ArchiveJSONEncoder(DjangoJSONEncoder):
    """Django's encoder cuts times to milliseconds (as JavaScript does); an archive keeps all."""

    def default(self, o):
        if isinstance(o, dt.datetime | dt.time):
            return o.isoformat()
        return super().default(o)


class ArchiveError(Exception):
    """The archive cannot be written or read; the message says what to do."""


@dataclass
class ArchiveSummary:
    files: int = 0
    rows: int = 0
    problems: list[str] = field(default_factory=list)


def export_archive(*, path: Path) -> ArchiveSummary:
    path = Path(path)
    if path.exists() and any(path.iterdir()):
        raise ArchiveError(f"{path} is not empty: export into a new folder.")
    path.mkdir(parents=True, exist_ok=True, mode=OWNER_ONLY_FOLDER)
    path.chmod(OWNER_ONLY_FOLDER)  # an empty folder given by the caller keeps its own mode
    summary = ArchiveSummary()
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            # One snapshot for every query below: rows and files of one moment.
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        files = [
            _export_file(kind, row, path, summary)
            for kind in stored_file_kinds()
            for row in kind.rows()
        ]
        rows = list(serialize_rows())
    if summary.problems:
        raise ArchiveError(
            "Some stored files are missing or differ from their rows (run verify_storage):\n"
            + "\n".join(summary.problems)
        )
    summary.files, summary.rows = len(files), len(rows)
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "created_at": timezone.now(),
        "database": connection.vendor,
        "files": [entry for entry in files if entry],
        "rows": rows,
    }
    partial = path / f"{MANIFEST}.partial"
    with open_owner_only(partial, "w", encoding="utf-8") as out:
        json.dump(manifest, out, cls=ArchiveJSONEncoder, ensure_ascii=False, indent=1)
    partial.rename(path / MANIFEST)
    return summary


OWNER_ONLY_FOLDER = 0o700
OWNER_ONLY_FILE = 0o600


def open_owner_only(path: Path, mode: str, **kwargs):
    """A new file readable by its owner only from its first byte (no window after a chmod)."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_ONLY_FILE)
    return os.fdopen(descriptor, mode, **kwargs)


def _owner_only_folders(root: Path, folder: Path) -> None:
    """Each folder from root down to `folder`, created 0700 (mkdir's mode obeys the umask)."""
    current = root
    for name in folder.relative_to(root).parts:
        current = current / name
        current.mkdir(exist_ok=True, mode=OWNER_ONLY_FOLDER)
        current.chmod(OWNER_ONLY_FOLDER)


def _export_file(kind, row, root: Path, summary: ArchiveSummary) -> dict | None:
    name = kind.stored_name(row)
    relative = kind.archive_path(row)
    target = root / relative
    if not target.resolve().is_relative_to(root.resolve()):
        summary.problems.append(f"{kind.label} {row.pk}: unsafe archive path {relative!r}")
        return None
    if not default_storage.exists(name):
        summary.problems.append(f"{kind.label} {row.pk} {name}: missing")
        return None
    _owner_only_folders(root, target.parent)
    digest = hashlib.sha256()
    with default_storage.open(name, "rb") as source, open_owner_only(target, "wb") as out:
        for chunk in chunks_of(source):
            digest.update(chunk)
            out.write(chunk)
    if digest.hexdigest() != kind.sha256(row):
        summary.problems.append(f"{kind.label} {row.pk} {name}: sha256 differs from its row")
    return {
        "kind": kind.label,
        "pk": row.pk,
        "path": relative,
        "stored_name": name,
        "sha256": digest.hexdigest(),
        "size": target.stat().st_size,
    }


def read_manifest(path: Path) -> dict:
    manifest_path = Path(path) / MANIFEST
    if not manifest_path.is_file():
        raise ArchiveError(f"{manifest_path} is missing: this is not a finished archive.")
    with manifest_path.open(encoding="utf-8") as handle:
        manifest = json.load(handle)
    if manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
        raise ArchiveError(f"{manifest_path} is not a {FORMAT} version {VERSION} manifest.")
    return manifest


def import_archive(*, path: Path) -> ArchiveSummary:
    """Into an empty database only (migrated, nothing else): rows and files, or nothing."""
    path = Path(path)
    manifest = read_manifest(path)
    problems = _check_archive_files(path, manifest["files"])
    if problems:
        raise ArchiveError("The archive is damaged:\n" + "\n".join(problems))
    present = rows_present()
    if present:
        listed = ", ".join(f"{label} ({count})" for label, count in sorted(present.items()))
        raise ArchiveError(f"The database is not empty: {listed}. Import into a new database.")
    written: list[str] = []
    try:
        with transaction.atomic():
            rows = load_rows(manifest["rows"])
            for entry in manifest["files"]:
                if _restore_file(path / entry["path"], entry["stored_name"]):
                    written.append(entry["stored_name"])
    except Exception:
        for name in written:  # no file is left behind without its row
            default_storage.delete(name)
        raise
    return ArchiveSummary(files=len(manifest["files"]), rows=rows)


def _check_archive_files(root: Path, entries: list[dict]) -> list[str]:
    problems = []
    for entry in entries:
        source = root / entry["path"]
        if not source.resolve().is_relative_to(root.resolve()):
            problems.append(f"{entry['path']}: outside the archive")
        elif not source.is_file():
            problems.append(f"{entry['path']}: missing")
        else:
            with source.open("rb") as handle:
                if sha256_of(handle) != entry["sha256"]:
                    problems.append(f"{entry['path']}: sha256 differs from the manifest")
    return problems


def _restore_file(source: Path, stored_name: str) -> bool:
    """Copy into storage under the row's name; False when the same bytes are there already."""
    if default_storage.exists(stored_name):
        return False
    with source.open("rb") as handle:
        saved_as = default_storage.save(stored_name, File(handle, name=source.name))
    if saved_as != stored_name:
        default_storage.delete(saved_as)
        raise ArchiveError(f"{stored_name} could not be restored under its own name.")
    return True
