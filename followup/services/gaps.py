"""Gap-analysis items: CSV import (line by line) and CSV export (safe in spreadsheets)."""

import csv
import io

import reversion
from django.contrib.auth.models import User
from django.db import transaction
from django.utils.translation import gettext as _

from cwg.characters import clean_text
from cwg.exceptions import NotAllowed
from cwg.models import Resolution
from followup.models import GapAnalysis, GapItem, ItemMandate
from followup.permissions import can_manage_gap_analyses
from meetings.exceptions import InvalidImport
from meetings.services.participants import ImportReport, read_csv_rows

COLUMNS = ["source", "paragraph", "requirement", "mandates", "coverage", "proposed_response"]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def resolutions_by_number() -> dict[str, Resolution]:
    return {r.number.casefold(): r for r in Resolution.objects.all()}


def parse_mandates(text: str, resolutions: dict[str, Resolution]) -> list[tuple[Resolution, str]]:
    """'1332: 3, 5; 140: 2' -> [(Res. 1332, '3, 5'), (Res. 140, '2')]."""
    found = []
    for part in filter(None, (p.strip() for p in text.split(";"))):
        number, _sep, paragraphs = part.partition(":")
        resolution = resolutions.get(number.strip().casefold())
        if resolution is None:
            raise InvalidImport(_("Unknown resolution: %(value)s.") % {"value": number.strip()})
        found.append((resolution, paragraphs.strip()))
    return found


def _parse_row(row: dict[str, str], resolutions: dict[str, Resolution]) -> dict:
    source = resolutions.get((row.get("source") or "").strip().casefold())
    if source is None:
        raise InvalidImport(
            _("Unknown source text: %(value)s.") % {"value": row.get("source") or ""}
        )
    paragraph = (row.get("paragraph") or "").strip()
    requirement = (row.get("requirement") or "").strip()
    if not paragraph or not requirement:
        raise InvalidImport(_("The paragraph and the requirement are both needed."))
    coverage = (row.get("coverage") or "").strip().casefold()
    if coverage not in GapItem.Coverage.values:
        raise InvalidImport(
            _("Coverage must be covered, partial or gap, not %(value)s.")
            % {"value": row.get("coverage") or ""}
        )
    return {
        "source": source,
        "paragraph": paragraph,
        "requirement": requirement,
        "coverage": coverage,
        "proposed_response": (row.get("proposed_response") or "").strip(),
        "mandates": parse_mandates(row.get("mandates") or "", resolutions),
    }


def _unchanged(item: GapItem, values: dict, mandates: list[tuple[Resolution, str]]) -> bool:
    stored = sorted((m.resolution_id, m.paragraphs) for m in item.mandates.all())
    read = sorted((resolution.pk, paragraphs) for resolution, paragraphs in mandates)
    return stored == read and all(getattr(item, k) == v for k, v in values.items())


def save_gap_rows(
    *, analysis: GapAnalysis, rows: list[tuple[int, dict[str, str]]], by: User
) -> ImportReport:
    """Create or update items keyed by (source, paragraph); refused rows keep their line."""
    if not can_manage_gap_analyses(user=by):
        raise NotAllowed(_("Only the secretariat may change a gap analysis."))
    resolutions = resolutions_by_number()
    report = ImportReport()
    order = analysis.items.count()
    with transaction.atomic(), reversion.create_revision():
        for line, row in rows:
            try:
                values = _parse_row(row, resolutions)
            except InvalidImport as exc:
                report.refused.append((line, str(exc.message)))
                continue
            mandates = values.pop("mandates")
            key = {"source": values.pop("source"), "paragraph": values.pop("paragraph")}
            item = analysis.items.filter(**key).prefetch_related("mandates").first()
            if item is None:
                order += 1
                item = GapItem.objects.create(analysis=analysis, order=order, **key, **values)
                report.created += 1
            elif _unchanged(item, values, mandates):
                report.unchanged += 1  # no save: no history entry for a row that says the same
                continue
            else:
                for name, value in values.items():
                    setattr(item, name, value)
                item.save()
                report.updated += 1
            item.mandates.all().delete()
            ItemMandate.objects.bulk_create(
                ItemMandate(item=item, resolution=resolution, paragraphs=paragraphs)
                for resolution, paragraphs in mandates
            )
        reversion.set_user(by)
        reversion.set_comment("Imported gap-analysis items")
    return report


def import_gap_items_csv(*, analysis: GapAnalysis, csv_text: str, by: User) -> ImportReport:
    reader = read_csv_rows(csv_text, required=tuple(COLUMNS))
    rows = []
    for row in reader:
        rows.append((reader.line_num, {k: restore(v or "") for k, v in row.items() if k}))
    return save_gap_rows(analysis=analysis, rows=rows, by=by)


def neutralise(cell: str) -> str:
    """A leading quote keeps spreadsheets from reading the cell as a formula."""
    cell = clean_text(cell)  # a row saved before cleaning may hold a control character
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def restore(cell: str) -> str:
    """Undo neutralise() so an exported file re-imports to the same items."""
    return cell[1:] if cell.startswith("'") and cell[1:2] in FORMULA_STARTS else cell


def gap_items_for_export(*, analysis: GapAnalysis) -> list[GapItem]:
    return list(analysis.items.select_related("source").prefetch_related("mandates__resolution"))


def mandates_text(item: GapItem) -> str:
    return "; ".join(
        f"{m.resolution.number}: {m.paragraphs}" if m.paragraphs else m.resolution.number
        for m in item.mandates.all()
    )


def export_gap_items_csv(*, analysis: GapAnalysis) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for item in gap_items_for_export(analysis=analysis):
        cells = [
            item.source.number,
            item.paragraph,
            item.requirement,
            mandates_text(item),
            item.coverage,
            item.proposed_response,
        ]
        writer.writerow([neutralise(cell) for cell in cells])
    return out.getvalue()
