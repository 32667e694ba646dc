"""The meeting record package: asked for on a page or by an archivist, built by a worker.

request_record_package() writes the request (the package row, pending) in its transaction and
sends the build after commit; build_record_package() gathers, bags, zips and stores, updating
the row's progress as it goes so the page can show how far it is. A ready package is served
again as long as the meeting's fingerprint has not changed.
"""

import datetime as dt
import hashlib
import logging
import tempfile
from functools import partial
from pathlib import Path

from django.contrib.auth.models import User
from django.core.files import File
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from cwg import outbox
from cwg.dates import iso_datetime
from cwg.permissions import AnyUser
from followup.models import RecordPackage
from followup.selectors.record_package import meeting_fingerprint
from followup.services.record_package.bag import (
    make_bag,
    validate_zipped_bag,
    write_payload,
    zip_bag,
)
from followup.services.record_package.contents import (
    Contents,
    PackageFile,
    gather,
    package_file_name,
    tables,
)
from meetings.models import Meeting

logger = logging.getLogger(__name__)

# A request whose build has not reported for this long is sent again (lost task, dead worker).
STALLED_AFTER = dt.timedelta(minutes=10)

__all__ = [
    "build_record_package",
    "package_file_name",
    "request_record_package",
    "resend_stalled_record_packages",
    "validate_zipped_bag",
    "write_record_package",
]


BUILD_RECORD_PACKAGE = "followup.build_record_package"  # the outbox handler, in followup/tasks.py


def _send_build(package: RecordPackage) -> None:
    """In the caller's transaction: the outbox sends it once that commits."""
    outbox.enqueue(BUILD_RECORD_PACKAGE, package_id=package.pk)


@transaction.atomic
def request_record_package(
    *, meeting: Meeting, access: str, language: str, by: AnyUser
) -> RecordPackage:
    """The cached package when the meeting has not changed since it was built; otherwise a
    pending request, built after commit. Asking again while it is being built changes nothing."""
    package, _created = RecordPackage.objects.get_or_create(
        meeting=meeting, access=access, language=language
    )
    package = RecordPackage.objects.select_for_update().get(pk=package.pk)
    fingerprint = meeting_fingerprint(meeting=meeting)
    if package.fingerprint == fingerprint:
        if package.state == RecordPackage.State.READY:
            return package
        on_its_way = package.state in {RecordPackage.State.PENDING, RecordPackage.State.BUILDING}
        if on_its_way and timezone.now() - package.requested_at < STALLED_AFTER:
            return package
    package.state = RecordPackage.State.PENDING
    package.progress = 0
    package.step = RecordPackage.Step.WAITING
    package.error = ""
    package.fingerprint = fingerprint
    package.requested_by = by if by.is_authenticated else None
    package.requested_at = timezone.now()
    package.save()
    _send_build(package)
    return package


def resend_stalled_record_packages() -> list[int]:
    """The beat sweep: requests whose build never reported back are sent again."""
    stalled = list(
        RecordPackage.objects.filter(
            state__in=[RecordPackage.State.PENDING, RecordPackage.State.BUILDING],
            requested_at__lt=timezone.now() - STALLED_AFTER,
        ).values_list("pk", flat=True)
    )
    for package_id in stalled:
        with transaction.atomic():
            RecordPackage.objects.filter(pk=package_id).update(requested_at=timezone.now())
            _send_build(RecordPackage(pk=package_id))
    return stalled


def _report(package: RecordPackage, *, progress: int, step: str, **fields) -> None:
    """Outside any transaction, so the page sees it while the build goes on."""
    package.progress, package.step = progress, step
    RecordPackage.objects.filter(pk=package.pk).update(progress=progress, step=step, **fields)


def _generated_by(user: User | None) -> str:
    if user is None:
        return "a visitor of the public site"
    return user.get_full_name() or user.get_username()


def bag_info(*, contents: Contents, language: str, by: str, at: dt.datetime) -> dict[str, str]:
    meeting = contents.meeting
    group = meeting.working_group
    return {
        "Source-Organization": "International Telecommunication Union (ITU)",
        "External-Identifier": str(meeting),
        "External-Description": (
            f"Record of meeting {meeting.number} of the {group.name} ({group.code}): agenda, "
            "documents, chair's summary, participants, actions and action-line heat map."
        ),
        "Group": f"{group.name} ({group.code})",
        "Meeting": str(meeting),
        "Meeting-Dates": f"{meeting.start_date.isoformat()}/{meeting.end_date.isoformat()}",
        "Access-Level": contents.access,
        "Index-Language": language,
        "Generated-At": iso_datetime(at),
        "Generated-By": by,
    }


def write_record_package(
    *,
    meeting: Meeting,
    access: str,
    language: str,
    generated_by: str,
    target: Path,
    on_progress=None,
) -> int:
    """Writes the zipped bag to ``target``; returns how many payload files it holds.
    ``on_progress(per_cent, step)`` is told how far it is."""

    def report(progress: int, step: str) -> None:
        if on_progress is not None:
            on_progress(progress, step)

    now = timezone.now()
    report(5, RecordPackage.Step.GATHERING)
    with translation.override(language):
        contents = gather(meeting=meeting, access=access)
        payload = [PackageFile(row.path, stored=row.file.file) for row in contents.files]
        payload += tables(contents)
        payload.append(
            PackageFile(
                "index.html",
                render_to_string(
                    "followup/record_package_index.html",
                    {
                        "contents": contents,
                        "language": language,
                        "direction": "rtl" if translation.get_language_bidi() else "ltr",
                        "generated_at": now,
                        "generated_by": generated_by,
                        "title": _("Record of meeting %(meeting)s") % {"meeting": meeting},
                    },
                ).encode("utf-8"),
            )
        )
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "bag"
        folder.mkdir()
        total = len(payload)
        write_payload(
            files=payload,
            folder=folder,
            on_file=lambda done: report(5 + (75 * done) // total, RecordPackage.Step.COPYING),
        )
        report(85, RecordPackage.Step.CHECKSUMS)
        make_bag(
            folder=folder,
            bag_info=bag_info(contents=contents, language=language, by=generated_by, at=now),
        )
        report(95, RecordPackage.Step.ZIPPING)
        zip_bag(folder=folder, root=f"{meeting}-record-{access}", target=target)
    return total


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def build_record_package(*, package_id: int) -> RecordPackage | None:
    """Idempotent: a package already built from the meeting as it is now is left alone. A build
    that fails (a stored file missing, a full disk) is marked failed with its reason, for the
    page to say so and offer to try again; the sweep does not resend it."""
    package = (
        RecordPackage.objects.select_related("meeting__working_group", "requested_by")
        .filter(pk=package_id)
        .first()
    )
    if package is None:
        return None
    meeting = package.meeting
    fingerprint = meeting_fingerprint(meeting=meeting)
    if package.state == RecordPackage.State.READY and package.fingerprint == fingerprint:
        return package
    _report(package, progress=1, step=RecordPackage.Step.GATHERING, state="building")
    last = {"progress": 1}

    def on_progress(progress: int, step: str) -> None:
        if progress != last["progress"]:
            last["progress"] = progress
            _report(package, progress=progress, step=step)

    with tempfile.TemporaryDirectory() as scratch:
        target = Path(scratch) / "package.zip"
        try:
            count = write_record_package(
                meeting=meeting,
                access=package.access,
                language=package.language,
                generated_by=_generated_by(package.requested_by),
                target=target,
                on_progress=on_progress,
            )
        except Exception as exc:  # any failure is shown on the page, never a 500
            logger.exception("record package %s failed", package.pk)
            RecordPackage.objects.filter(pk=package.pk).update(
                state=RecordPackage.State.FAILED, error=f"{type(exc).__name__}: {exc}"
            )
            package.refresh_from_db()
            return package
        return _store(package_id=package.pk, target=target, fingerprint=fingerprint, count=count)


@transaction.atomic
def _store(*, package_id: int, target: Path, fingerprint: str, count: int) -> RecordPackage:
    package = (
        RecordPackage.objects.select_for_update()
        .select_related("meeting__working_group")
        .get(pk=package_id)
    )
    old_name = package.file.name
    name = f"{package.meeting}-record-{package.access}-{package.language}-{fingerprint[:12]}.zip"
    with target.open("rb") as handle:
        package.file.save(name.replace("&", "and"), File(handle), save=False)
    package.sha256 = _sha256(target)
    package.size = target.stat().st_size
    package.file_count = count
    package.fingerprint = fingerprint
    package.state = RecordPackage.State.READY
    package.progress = 100
    package.step = RecordPackage.Step.DONE
    package.error = ""
    package.built_at = timezone.now()
    package.save()
    if old_name and old_name != package.file.name:
        storage = package.file.storage
        transaction.on_commit(partial(storage.delete, old_name))
    return package
