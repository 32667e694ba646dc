from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cwg.archive import ArchiveError, repair_storage, verify_storage


class Command(BaseCommand):
    help = (
        "Read every stored file and compare its sha256 with its row. Exits with 1 and lists "
        "each missing or changed file. With --repair-from ARCHIVE, each missing or changed "
        "file whose bytes the archive (from export_archive) holds is put back first."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--repair-from",
            type=Path,
            metavar="ARCHIVE",
            help="a folder written by export_archive to restore missing or changed files from",
        )

    def handle(self, *args, repair_from: Path | None = None, **options) -> None:
        try:
            report = (
                verify_storage() if repair_from is None else repair_storage(archive=repair_from)
            )
        except ArchiveError as error:
            raise CommandError(str(error)) from error
        for where in report.repaired:
            self.stdout.write(f"repaired: {where}")
        for where in report.missing:
            self.stderr.write(f"missing: {where}")
        for where in report.mismatched:
            self.stderr.write(f"changed: {where}")
        if not report.ok:
            raise CommandError(
                f"{len(report.missing)} missing and {len(report.mismatched)} changed "
                f"of {report.checked} stored files",
                returncode=1,
            )
        repaired = (
            f" ({len(report.repaired)} repaired from {repair_from})" if report.repaired else ""
        )
        self.stdout.write(
            self.style.SUCCESS(f"All {report.checked} stored files match their rows{repaired}")
        )
