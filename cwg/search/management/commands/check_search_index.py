from django.core.management.base import BaseCommand, CommandError

from cwg.search.consistency import check_index


class Command(BaseCommand):
    help = (
        "Compare the search index with the database (ids and versions) and repair what "
        "differs; --dry-run only reports (exit 1 when anything differs)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, dry_run, **options):
        drifts = check_index(repair=not dry_run)
        for drift in drifts:
            self.stdout.write(("differs: " if dry_run else "repaired: ") + str(drift))
        if not drifts:
            self.stdout.write("The search index matches the database.")
        elif dry_run:
            raise CommandError(f"{len(drifts)} kinds of entries differ from the database.")
