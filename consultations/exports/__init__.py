"""Exports of a call's inputs (CSV, XLSX, JSON, the compiled DOCX) and their Data Package."""

from consultations.exports.columns import SCHEMA_VERSION, columns_of
from consultations.exports.compiled import write_docx
from consultations.exports.datapackage import inputs_datapackage
from consultations.exports.tables import neutralise, write_csv, write_json, write_xlsx

__all__ = [
    "SCHEMA_VERSION",
    "columns_of",
    "inputs_datapackage",
    "neutralise",
    "write_csv",
    "write_docx",
    "write_json",
    "write_xlsx",
]
