from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from followup.models import RecordPackage
from followup.services.record_package import validate_zipped_bag, write_record_package
from meetings.models import Meeting


class Command(BaseCommand):
    help = (
        "Write a meeting's record package (a zipped BagIt bag) for archivists, then check it "
        "with bagit's validator. Example: record_package 44 --access public CWG-44-public.zip"
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("meeting", type=int, help="the meeting's number, e.g. 44")
        parser.add_argument("out", type=Path, help="the zip file to write")
        parser.add_argument("--access", choices=RecordPackage.Access.values, required=True)
        parser.add_argument(
            "--language",
            choices=[code for code, _name in settings.LANGUAGES],
            default="en",
            help="the language of index.html (default en)",
        )

    def handle(self, *args, **options) -> None:
        meeting = Meeting.objects.select_related("working_group").filter(number=options["meeting"])
        meeting = meeting.first()
        if meeting is None:
            raise CommandError(f"There is no meeting {options['meeting']}.")
        out: Path = options["out"]
        if not out.parent.is_dir():
            raise CommandError(f"The folder {out.parent} does not exist.")
        with tqdm(total=100, unit="%", disable=options["verbosity"] < 1) as bar:

            def on_progress(progress: int, step: str) -> None:
                bar.set_description(RecordPackage.Step(step).label)
                bar.update(progress - bar.n)

            count = write_record_package(
                meeting=meeting,
                access=options["access"],
                language=options["language"],
                generated_by="manage.py record_package",
                target=out,
                on_progress=on_progress,
            )
            bar.update(100 - bar.n)
        validate_zipped_bag(out)
        self.stdout.write(f"{out}: {count} files, a valid bag.")
