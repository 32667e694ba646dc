from django.core.management.base import BaseCommand, CommandError

from cwg.archive import verify_storage


class Command(BaseCommand):
    help = (
        "Read every stored file and compare its sha256 with its row. Exits with 1 and lists "
        "each missing or changed file."
    )

    def handle(self, *args, **options) -> None:
        report = verify_storage()
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
        self.stdout.write(self.style.SUCCESS(f"All {report.checked} stored files match their rows"))
