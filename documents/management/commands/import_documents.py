import datetime as dt
from pathlib import Path

from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from cwg.permissions import SECRETARIAT
from documents.models import Document, Language
from documents.services.importing import ImportOptions, files_under, import_files, kinds
from meetings.models import AgendaItem, Meeting


class Command(BaseCommand):
    help = (
        "Import existing files (.pdf, .docx, .txt) into a meeting: each is checked, registered "
        "with the next symbol and optionally published. Importing the same file again does "
        "nothing. Without --language each file's language is read from its text; a file whose "
        "language cannot be told is refused, named, and must be imported with --language."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("paths", nargs="+", type=Path, help="files or folders")
        parser.add_argument("--meeting", type=int, required=True, help="meeting number, e.g. 44")
        parser.add_argument("--kind", choices=kinds(), default=Document.Kind.CONTRIBUTION)
        parser.add_argument("--access", choices=Document.Access.values, default="public")
        parser.add_argument(
            "--language", choices=Language.values, help="the files' language (default: detected)"
        )
        parser.add_argument("--agenda-item", help="the agenda item the files answer, e.g. 3")
        received = parser.add_mutually_exclusive_group()
        received.add_argument(
            "--received",
            type=dt.date.fromisoformat,
            help="the day the documents were really received (YYYY-MM-DD): never late then",
        )
        received.add_argument(
            "--received-from-file",
            action="store_true",
            help="each file's own date (its last change) is the day it was received",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="list what would be imported; change nothing"
        )
        parser.add_argument("--publish", action="store_true")
        parser.add_argument("--as", dest="username", help="acting secretariat user")

    def handle(self, *args, **options) -> None:
        meeting = (
            Meeting.objects.select_related("working_group")
            .filter(number=options["meeting"])
            .first()
        )
        if meeting is None:
            raise CommandError(f"There is no meeting {options['meeting']}.")
        by = self._acting_user(options["username"])
        paths = files_under(options["paths"])
        missing = [str(path) for path in paths if not path.is_file()]
        if missing:
            raise CommandError(f"Not found: {', '.join(missing)}")
        plan = ImportOptions(
            meeting=meeting,
            by=by,
            kind=options["kind"],
            access=options["access"],
            publish=options["publish"],
            language=options["language"],
            agenda_item=self._agenda_item(meeting, options["agenda_item"]),
            received_on=options["received"],
            received_from_file=options["received_from_file"],
            dry_run=options["dry_run"],
        )
        quiet = not paths or options["verbosity"] == 0

        def progress(items):
            return tqdm(items, desc="import", unit="file", disable=quiet)

        report = import_files(paths, options=plan, progress=progress)
        verb = "would" if plan.dry_run else "imported"
        for line in report.imported:
            self.stdout.write(f"{verb:<9} {line}")
        for line in report.skipped:
            self.stdout.write(f"skipped   {line}")
        for name, reason in report.refused:
            self.stdout.write(f"refused   {name}: {reason}")
        self.stdout.write(self.style.SUCCESS(report.summary()))

    def _agenda_item(self, meeting: Meeting, number: str | None) -> AgendaItem | None:
        if number is None:
            return None
        item = meeting.agenda_items.filter(number=number).first()
        if item is None:
            known = ", ".join(meeting.agenda_items.values_list("number", flat=True))
            raise CommandError(
                f"Meeting {meeting.number} has no agenda item {number!r} (it has: {known})."
            )
        return item

    def _acting_user(self, username: str | None) -> User:
        users = User.objects.filter(is_active=True)
        if username:
            user = users.filter(username=username).first()
            if user is None:
                raise CommandError(f"No active user {username!r}.")
            return user
        user = (
            users.filter(groups__name=SECRETARIAT).order_by("pk").first()
            or users.filter(is_superuser=True).order_by("pk").first()
        )
        if user is None:
            raise CommandError("No secretariat user exists: create one or pass --as USERNAME.")
        return user
