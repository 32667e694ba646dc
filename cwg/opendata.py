"""What the product publishes as open data: a small registry that apps fill in.

cwg knows no app (it is the bottom layer): each app registers a function that lists the datasets
a given user may see, with their Data Package descriptor and licence, and /open-data/ shows them.
"""

import codecs
import csv
from collections.abc import Callable
from dataclasses import dataclass, field

from django.http import HttpResponse, JsonResponse

# Every dataset the product publishes is under this licence unless it says otherwise.
DEFAULT_LICENCE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}


@dataclass(frozen=True)
class DataFile:
    label: str
    url: str


@dataclass(frozen=True)
class Dataset:
    title: str
    description: str
    descriptor_url: str  # its datapackage.json
    files: list[DataFile] = field(default_factory=list)
    licence: dict = field(default_factory=lambda: dict(DEFAULT_LICENCE))
    written_by_people: bool = False  # the title is what people wrote (a call's, an analysis's)


@dataclass(frozen=True)
class Source:
    title: object  # a lazy translatable title of the kind of data (e.g. "Consultation inputs")
    datasets: Callable[[object], list[Dataset]]  # user -> what that user may download


_sources: dict[str, Source] = {}


def register_datasets(key: str, *, title, datasets: Callable[[object], list[Dataset]]) -> None:
    """Called from an app's ready(); registering the same key again replaces it."""
    _sources[key] = Source(title=title, datasets=datasets)


def published_datasets(user) -> list[tuple[str, list[Dataset]]]:
    """Each registered kind of data, in registration order, with the datasets the user sees."""
    return [(str(source.title), source.datasets(user)) for source in _sources.values()]


# --- Describing an export: its columns once, for the file and for its datapackage.json ---------

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value) -> str:
    """A cell a spreadsheet will not run as a formula: a leading quote before = + - @ tab CR."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


@dataclass(frozen=True)
class Field:
    """One column of an export, as a Frictionless Table Schema field."""

    name: str  # stable, English, snake_case
    type: str  # a Table Schema type: string, integer, date, datetime, boolean
    description: object  # lazy translatable text: what the column means
    enum: Callable[[], list[str]] | None = None  # the allowed values, asked when described
    required: bool = False

    def schema(self) -> dict:
        described = {"name": self.name, "type": self.type, "description": str(self.description)}
        constraints = {}
        if self.required:
            constraints["required"] = True
        if self.enum is not None:
            constraints["enum"] = self.enum()
        return described | ({"constraints": constraints} if constraints else {})


def choice_values(choices) -> Callable[[], list[str]]:
    """The stored values of a TextChoices (e.g. for a column that keeps codes)."""
    return lambda: [str(value) for value, _label in choices]


def choice_labels(choices) -> Callable[[], list[str]]:
    """The labels of a TextChoices in the active language (for a column that shows labels)."""
    return lambda: [str(label) for _value, label in choices]


@dataclass(frozen=True)
class Table:
    """An export's columns and the version of its schema. Bump the version with every change of
    a column's name, type or meaning; tests pin the columns of each version."""

    version: str
    fields: list[Field]
    primary_key: list[str] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        return [column.name for column in self.fields]

    def schema(self) -> dict:
        schema = {"fields": [column.schema() for column in self.fields], "missingValues": [""]}
        return schema | ({"primaryKey": self.primary_key} if self.primary_key else {})


def csv_response(*, table: Table, rows, filename: str) -> HttpResponse:
    """UTF-8 with a byte-order mark (Excel reads Arabic and Chinese right), text cells made
    formula-safe, the header the table's field names."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write(codecs.BOM_UTF8.decode("utf-8"))
    writer = csv.writer(response)
    writer.writerow(table.names)
    for row in rows:
        writer.writerow([neutralise(cell) for cell in row])
    return response


def csv_resource(
    *, name: str, title, description, path: str, table: Table, encoding: str = "utf-8-sig"
) -> dict:
    return {
        "name": name,
        "title": str(title),
        "description": str(description),
        "path": path,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": encoding,
        "schema": table.schema(),
    }


def data_package(*, name: str, title, description, version: str, resources: list[dict]) -> dict:
    return {
        "name": name,
        "title": str(title),
        "description": str(description),
        "version": version,
        "licenses": [DEFAULT_LICENCE],
        "resources": resources,
    }


def descriptor_response(descriptor: dict) -> JsonResponse:
    return JsonResponse(descriptor, json_dumps_params={"ensure_ascii": False, "indent": 1})


def table_package(
    *, name: str, title, description, table: Table, path: str, resource: str, about, **options
) -> dict:
    """A Data Package of one CSV export (``resource`` names it, ``about`` describes its rows)."""
    return data_package(
        name=name,
        title=title,
        description=description,
        version=table.version,
        resources=[
            csv_resource(
                name=resource, title=title, description=about, path=path, table=table, **options
            )
        ],
    )
