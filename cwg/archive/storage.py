"""Reading stored files by chunks, hashing them, and checking each against its row."""

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from django.core.files.storage import default_storage
from django.db.models import Model

from cwg.archive.kinds import StoredFiles, stored_file_kinds

CHUNK = 1024 * 1024


def chunks_of(handle: BinaryIO) -> Iterator[bytes]:
    while chunk := handle.read(CHUNK):
        yield chunk


def sha256_of(handle: BinaryIO) -> str:
    digest = hashlib.sha256()
    for chunk in chunks_of(handle):
        digest.update(chunk)
    return digest.hexdigest()


@dataclass
class StorageReport:
    checked: int = 0
    missing: list[str] = field(default_factory=list)
    mismatched: list[str] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.missing or self.mismatched)


def stored_sha256(name: str) -> str | None:
    """The sha256 of the stored file, None when storage does not have it."""
    if not default_storage.exists(name):
        return None
    with default_storage.open(name, "rb") as handle:
        return sha256_of(handle)


def verify_storage(repair: Callable[[StoredFiles, Model], bool] | None = None) -> StorageReport:
    """Every stored file of every registered kind, read whole and hashed against its row.

    With `repair`, each missing or changed file is handed to it; a file it puts back (True)
    is listed as repaired instead of missing or changed."""
    report = StorageReport()
    for kind in stored_file_kinds():
        for row in kind.rows():
            name = kind.stored_name(row)
            where = f"{kind.label} {row.pk} {name}"
            report.checked += 1
            found = stored_sha256(name)
            if found == kind.sha256(row):
                continue
            if repair is not None and repair(kind, row):
                report.repaired.append(where)
            elif found is None:
                report.missing.append(where)
            else:
                report.mismatched.append(f"{where}: expected {kind.sha256(row)}, found {found}")
    return report
