from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from documents.models import Document, Language, parse_symbol, series_of
from documents.services.compare import (
    RevisionComparison,
    compare_files,
    stored_revision_file,
    tracked_changes_docx,
)


class Command(BaseCommand):
    help = (
        "Compare two revisions of a document in one language: prints the inserted, deleted and "
        "moved words, and writes the DOCX with changes marked if --docx is given. "
        "Example: compare_revisions 'CWG-WSIS&SDG-44/3' --from 0 --to 1 --language en"
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("symbol", help="e.g. CWG-WSIS&SDG-44/3 or CWG-WSIS&SDG-44/INF/2")
        parser.add_argument("--from", dest="older", type=int, required=True)
        parser.add_argument("--to", dest="newer", type=int, required=True)
        parser.add_argument("--language", choices=Language.values, default="en")
        parser.add_argument("--docx", type=Path, help="where to write the DOCX")

    def handle(self, *args, **options) -> None:
        document = self._document(options["symbol"])
        language = options["language"]
        files = {}
        for revision in (options["older"], options["newer"]):
            files[revision] = stored_revision_file(
                document=document, language=language, revision=revision
            )
            if files[revision] is None:
                raise CommandError(f"{document} has no {language} file for revision {revision}.")
        older, newer = files[options["older"]], files[options["newer"]]
        comparison = compare_files(older=older, newer=newer, language=language)
        counts = comparison.counts
        self.stdout.write(
            f"{document} {language} Rev.{older.revision} -> Rev.{newer.revision}: "
            f"inserted {counts.inserted}, deleted {counts.deleted}, moved {counts.moved} words"
            f" ({counts.within_words} changed within a word)"
        )
        if options["docx"]:
            result = RevisionComparison(document, language, older, newer, comparison)
            options["docx"].write_bytes(tracked_changes_docx(result, author="Secretariat"))
            self.stdout.write(f"Written: {options['docx']}")

    def _document(self, symbol: str) -> Document:
        parsed = parse_symbol(symbol)
        if parsed is None:
            raise CommandError(f"Not a document symbol: {symbol} (e.g. CWG-WSIS&SDG-44/3).")
        kinds = [kind for kind in Document.Kind.values if series_of(kind) == parsed.series]
        document = (
            Document.objects.select_related("meeting__working_group")
            .filter(meeting__number=parsed.meeting, kind__in=kinds, number=parsed.number)
            .first()
        )
        if document is None:
            raise CommandError(f"There is no document {symbol}.")
        return document
