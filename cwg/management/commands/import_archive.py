from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from cwg.archive import ArchiveError, import_archive


class Command(BaseCommand):
    help = (
        "Load a folder written by export_archive into an empty (freshly migrated) database: "
        "every file is checked against the manifest's sha256 first; all or nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--skip-reindex", action="store_true", help="do not rebuild the search index after"
        )

    def handle(self, *args, path: Path, skip_reindex: bool, **options) -> None:
        try:
            summary = import_archive(path=path)
        except ArchiveError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(f"Imported {summary.rows} rows and {summary.files} files")
        )
        if not skip_reindex:
            call_command("reindex", stdout=self.stdout, stderr=self.stderr)
