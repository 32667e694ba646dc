"""The inputs of a call as a table: CSV for Excel, XLSX and JSON, with the same columns."""

import codecs
import csv
import json

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from consultations import selectors
from consultations.exports.columns import SCHEMA_VERSION, Column, columns_of
from consultations.models import ConsultationCall
from cwg.characters import clean_text

DANGEROUS_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value) -> str:
    """A cell a spreadsheet will not run as a formula: a leading quote before = + - @ tab CR.
    Cleaned too, as every cell of CSV, XLSX and JSON passes here: openpyxl refuses a control
    character that a row saved before cleaning may hold."""
    text = "" if value is None else clean_text(str(value))
    return "'" + text if text.startswith(DANGEROUS_STARTS) else text


def _inputs(*, call: ConsultationCall, private: bool):
    if private:
        return selectors.moderation_queue(call=call)
    return selectors.published_inputs(call=call).order_by("number")


def table(*, call: ConsultationCall, private: bool) -> tuple[list[Column], list[list[str]]]:
    """The columns and the rows, each cell formula-safe."""
    columns = columns_of(call=call, private=private)
    rows = [
        [neutralise(column.value(item)) for column in columns]
        for item in _inputs(call=call, private=private)
    ]
    return columns, rows


def write_csv(*, call: ConsultationCall, out, private: bool = True) -> None:
    """UTF-8 with a byte-order mark, so that Excel reads Arabic and Chinese right."""
    columns, rows = table(call=call, private=private)
    out.write(codecs.BOM_UTF8.decode("utf-8"))
    writer = csv.writer(out)
    writer.writerow([column.name for column in columns])
    writer.writerows(rows)


def write_xlsx(*, call: ConsultationCall, out, private: bool = True) -> None:
    """The same columns under the same names, the header row frozen; a second sheet says what
    each column means in the reader's language."""
    columns, rows = table(call=call, private=private)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = call.code[:31]
    sheet.append([column.name for column in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            cell.data_type = "s"  # text as written: never a formula
    sheet.freeze_panes = "A2"
    legend = workbook.create_sheet(str(_("Columns"))[:31])
    legend.append([str(_("Column")), str(_("Title")), str(_("Description"))])
    for column in columns:
        texts = (column.name, column.title, column.description)
        legend.append([clean_text(str(text)) for text in texts])
    workbook.save(out)


def write_json(*, call: ConsultationCall, out, private: bool = True) -> None:
    columns, rows = table(call=call, private=private)
    names = [column.name for column in columns]
    document = {
        "call": call.code,
        "schema_version": SCHEMA_VERSION,
        "inputs": [dict(zip(names, row, strict=True)) for row in rows],
    }
    out.write(json.dumps(document, ensure_ascii=False, indent=1))
