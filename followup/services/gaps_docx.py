"""The gap-analysis matrix as a DOCX table, and back; right-to-left when written in Arabic."""

import io

from django.contrib.auth.models import User
from django.utils import translation
from django.utils.translation import gettext as _
from docx import Document
from docx.oxml import OxmlElement

from cwg.characters import clean_text
from followup.models import GapAnalysis
from followup.services.gaps import COLUMNS, gap_items_for_export, mandates_text, save_gap_rows
from meetings.exceptions import InvalidImport
from meetings.services.participants import ImportReport


def _headers() -> list[str]:
    return [
        _("Source"),
        _("Paragraph"),
        _("Requirement"),
        _("Covering mandates"),
        _("Coverage"),
        _("Proposed response"),
    ]


def _right_to_left(document) -> None:
    for paragraph in _all_paragraphs(document):
        paragraph._p.get_or_add_pPr().append(OxmlElement("w:bidi"))
    for table in document.tables:
        table._tbl.tblPr.append(OxmlElement("w:bidiVisual"))


def _all_paragraphs(document):
    yield from document.paragraphs
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


def export_gap_analysis_docx(*, analysis: GapAnalysis, language: str) -> bytes:
    document = Document()
    with translation.override(language):
        document.add_heading(clean_text(analysis.title), level=1)
        items = gap_items_for_export(analysis=analysis)
        table = document.add_table(rows=1, cols=len(COLUMNS))
        table.style = "Table Grid"
        for cell, label in zip(table.rows[0].cells, _headers(), strict=True):
            cell.text = label
        for item in items:
            cells = table.add_row().cells
            values = [
                item.source.number,
                item.paragraph,
                item.requirement,
                mandates_text(item),
                item.coverage,
                item.proposed_response,
            ]
            for cell, value in zip(cells, values, strict=True):
                cell.text = clean_text(value)
    if language.startswith("ar"):
        _right_to_left(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def import_gap_items_docx(*, analysis: GapAnalysis, file: bytes, by: User) -> ImportReport:
    """The first table with six columns; its first row is the header, its rows the items."""
    try:
        document = Document(io.BytesIO(file))
    except Exception as exc:  # python-docx raises several unrelated types for a bad file
        raise InvalidImport(_("The file is not a readable DOCX document.")) from exc
    table = next((t for t in document.tables if len(t.columns) == len(COLUMNS)), None)
    if table is None:
        raise InvalidImport(_("The document has no table with six columns."))
    rows = [
        (number, dict(zip(COLUMNS, (cell.text for cell in row.cells), strict=True)))
        for number, row in enumerate(table.rows, start=1)
        if number > 1
    ]
    return save_gap_rows(analysis=analysis, rows=rows, by=by)
