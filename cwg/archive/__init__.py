"""Data safety: the whole record exported to a folder and back, and stored files checked."""

from cwg.archive.kinds import StoredFiles, path_part, register_stored_files, stored_file_kinds
from cwg.archive.repair import repair_storage
from cwg.archive.storage import StorageReport, verify_storage
from cwg.archive.transfer import ArchiveError, ArchiveSummary, export_archive, import_archive

__all__ = [
    "ArchiveError",
    "ArchiveSummary",
    "StorageReport",
    "StoredFiles",
    "export_archive",
    "import_archive",
    "path_part",
    "register_stored_files",
    "repair_storage",
    "stored_file_kinds",
    "verify_storage",
]
