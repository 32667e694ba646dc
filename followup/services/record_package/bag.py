"""Writing a record package as a BagIt bag (RFC 8493, the Library of Congress `bagit` library),
zipped with the bag's folder at the root, and checking a zipped bag with bagit's own validator."""

import shutil
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path, PurePosixPath

import bagit

from followup.services.record_package.contents import PackageFile

CHUNK = 1024 * 1024


def _safe_relative(path: str) -> Path:
    relative = PurePosixPath(path)
    if relative.is_absolute() or ".." in relative.parts:
        raise ValueError(f"unsafe path in a package: {path!r}")
    return Path(*relative.parts)


def write_payload(
    *, files: list[PackageFile], folder: Path, on_file: Callable[[int], None] | None = None
) -> None:
    """Each file under ``folder``; ``on_file(n)`` after the n-th (for the progress bar)."""
    for done, entry in enumerate(files, start=1):
        target = folder / _safe_relative(entry.path)
        target.parent.mkdir(parents=True, exist_ok=True)
        if entry.stored is not None:
            with entry.stored.open("rb") as source, target.open("wb") as out:
                shutil.copyfileobj(source, out, CHUNK)
        else:
            target.write_bytes(entry.content)
        if on_file is not None:
            on_file(done)


def make_bag(*, folder: Path, bag_info: dict[str, str]) -> bagit.Bag:
    """Moves ``folder``'s files into data/ and writes bagit.txt, bag-info.txt and the
    SHA-256 manifests."""
    return bagit.make_bag(str(folder), bag_info=bag_info, checksums=["sha256"], processes=1)


def zip_bag(*, folder: Path, root: str, target: Path) -> None:
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, f"{root}/{path.relative_to(folder).as_posix()}")


def validate_zipped_bag(path: Path | str) -> bagit.Bag:
    """Unzips into a temporary folder and runs bagit's full validation (every checksum);
    raises bagit.BagValidationError (or BagError) when anything is wrong."""
    with tempfile.TemporaryDirectory() as scratch:
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                _safe_relative(name)
            archive.extractall(scratch)  # noqa: S202 - every member name was checked above
        roots = [p for p in Path(scratch).iterdir() if p.is_dir()]
        if len(roots) != 1:
            raise bagit.BagError("a record package holds exactly one bag folder")
        bag = bagit.Bag(str(roots[0]))
        bag.validate(processes=1)
        return bag
