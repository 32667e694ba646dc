"""verify_storage --repair-from ARCHIVE: a missing or damaged stored file put back from an
archive written by export_archive, when the archive holds the very bytes its row names."""

from pathlib import Path

from django.core.files import File
from django.core.files.storage import default_storage
from django.db.models import Model

from cwg.archive.kinds import StoredFiles
from cwg.archive.storage import StorageReport, sha256_of, verify_storage
from cwg.archive.transfer import ArchiveError, read_manifest


def repair_storage(*, archive: Path) -> StorageReport:
    """Check every stored file; replace each bad one whose row's sha256 the archive holds.

    A file is taken from the archive only if its manifest entry is for the same row and the
    bytes in the archive hash to the row's sha256: an older archive, or one damaged itself,
    repairs nothing it cannot prove, and that file stays listed as missing or changed."""
    root = Path(archive)
    entries = {(entry["kind"], entry["pk"]): entry for entry in read_manifest(root)["files"]}

    def put_back(kind: StoredFiles, row: Model) -> bool:
        entry = entries.get((kind.label, row.pk))
        if entry is None or entry["sha256"] != kind.sha256(row):
            return False
        source = root / entry["path"]
        if not source.resolve().is_relative_to(root.resolve()) or not source.is_file():
            return False
        with source.open("rb") as handle:
            if sha256_of(handle) != kind.sha256(row):
                return False
            handle.seek(0)
            name = kind.stored_name(row)
            if default_storage.exists(name):
                default_storage.delete(name)
            saved_as = default_storage.save(name, File(handle, name=source.name))
        if saved_as != name:
            default_storage.delete(saved_as)
            raise ArchiveError(f"{name} could not be restored under its own name.")
        return True

    return verify_storage(repair=put_back)
