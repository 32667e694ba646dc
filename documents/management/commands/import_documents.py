from pathlib import Path

from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from cwg.permissions import SECRETARIAT
from documents.models import Document, Language
from documents.services.importing import ImportReport, files_under, import_file, kinds
from meetings.models import Meeting


class Command(BaseCommand):
    help = (
        "Import existing files (.pdf, .docx, .txt) into a meeting: each is checked, registered "
        "with the next symbol and optionally published. Importing the same file again does nothing."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("paths", nargs="+", type=Path, help="files or folders")
        parser.add_argument("--meeting", type=int, required=True, help="meeting number, e.g. 44")
        parser.add_argument("--kind", choices=kinds(), default=Document.Kind.CONTRIBUTION)
        parser.add_argument("--access", choices=Document.Access.values, default="public")
        parser.add_argument("--language", choices=Language.values, default="ar")
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
        report = ImportReport()
        for path in tqdm(
            paths, desc="import", unit="file", disable=not paths or options["verbosity"] == 0
        ):
            import_file(
                path,
                meeting=meeting,
                by=by,
                kind=options["kind"],
                access=options["access"],
                language=options["language"],
                publish=options["publish"],
                report=report,
            )
        for line in report.imported:
            self.stdout.write(f"imported  {line}")
        for line in report.skipped:
            self.stdout.write(f"skipped   {line}")
        for name, reason in report.refused:
            self.stdout.write(f"refused   {name}: {reason}")
        self.stdout.write(self.style.SUCCESS(report.summary()))

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
