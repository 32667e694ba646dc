from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cwg.archive import ArchiveError, export_archive


class Command(BaseCommand):
    help = (
        "Write every document, file, consultation input and version history to a new folder: "
        "files by symbol, and manifest.json with each file's sha256 and every row."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="a folder that does not exist or is empty")

    def handle(self, *args, path: Path, **options) -> None:
        try:
            summary = export_archive(path=path)
        except ArchiveError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(f"Exported {summary.rows} rows and {summary.files} files to {path}")
        )
