"""Reading stored files by chunks, hashing them, and checking each against its row."""

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from django.core.files.storage import default_storage

from cwg.archive.kinds import stored_file_kinds

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

    @property
    def ok(self) -> bool:
        return not (self.missing or self.mismatched)


def verify_storage() -> StorageReport:
    """Every stored file of every registered kind, read whole and hashed against its row."""
    report = StorageReport()
    for kind in stored_file_kinds():
        for row in kind.rows():
            name = kind.stored_name(row)
            where = f"{kind.label} {row.pk} {name}"
            report.checked += 1
            if not default_storage.exists(name):
                report.missing.append(where)
                continue
            with default_storage.open(name, "rb") as handle:
                found = sha256_of(handle)
            if found != kind.sha256(row):
                report.mismatched.append(f"{where}: expected {kind.sha256(row)}, found {found}")
    return report
