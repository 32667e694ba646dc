"""Content-addressed storage shared by every kind of stored file (contributions, consultation
attachments): the same bytes live at one name, are written once, and are swept when no row
names them any more.

A service writes the bytes before its row (save_once), removes them itself when its own row
fails (remove_unless_named), and a beat task removes what a caller's rolled-back transaction
left behind (remove_unnamed_files): Django has no on-rollback hook to do it sooner.
"""

import datetime as dt
import logging
from pathlib import Path

from django.core.files.storage import default_storage
from django.db.models import Model
from django.utils import timezone

logger = logging.getLogger(__name__)
ORPHAN_GRACE = dt.timedelta(hours=1)  # a younger file may belong to a transaction still open


def save_once(name: str, upload) -> bool:
    """Store ``upload`` at ``name`` unless those bytes are stored already; True if written here."""
    if default_storage.exists(name):
        mark_in_use(name)
        return False
    upload.seek(0)
    saved_as = default_storage.save(name, upload)
    if saved_as != name:  # the same bytes arrived concurrently: keep one copy
        default_storage.delete(saved_as)
        return False
    return True


def mark_in_use(name: str) -> None:
    """The bytes are stored already, maybe as an orphan: make them young again, so the orphan
    sweep does not delete them before the new row is committed."""
    try:
        Path(default_storage.path(name)).touch(exist_ok=True)
    except (NotImplementedError, OSError):  # a storage without local paths keeps its time
        logger.info("could not refresh the time of %s", name)


def remove_unless_named(names: list[str], model: type[Model]) -> None:
    """Undo this request's writes: delete each name that no row of ``model`` names."""
    for name in names:
        if not model.objects.filter(file=name).exists():
            default_storage.delete(name)


def stored_names(folder: str) -> list[str]:
    if not default_storage.exists(folder):
        return []
    folders, files = default_storage.listdir(folder)
    names = [f"{folder}/{name}" for name in files]
    for child in folders:
        names += stored_names(f"{folder}/{child}")
    return names


def remove_unnamed_files(
    *, root: str, model: type[Model], older_than: dt.timedelta = ORPHAN_GRACE
) -> list[str]:
    """Delete the files under ``root`` that no row of ``model`` names and that are older than
    ``older_than``; one that a row names is never touched."""
    cutoff = timezone.now() - older_than
    named = set(model.objects.values_list("file", flat=True))
    removed = []
    for name in stored_names(root):
        if name in named or default_storage.get_modified_time(name) >= cutoff:
            continue
        if not model.objects.filter(file=name).exists():  # stored again since
            default_storage.delete(name)
            removed.append(name)
    if removed:
        logger.warning("removed %s stored files without a row: %s", len(removed), removed)
    return removed
