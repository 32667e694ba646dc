"""The Frictionless Data Package that documents a call's inputs exports (datapackage.json)."""

from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from consultations.exports.columns import SCHEMA_VERSION, columns_of
from consultations.models import ConsultationCall
from cwg.opendata import DEFAULT_LICENCE


def _schema(*, call: ConsultationCall, private: bool) -> dict:
    return {
        "fields": [column.schema() for column in columns_of(call=call, private=private)],
        "primaryKey": ["reference"],
        "missingValues": [""],
    }


def _resource(name: str, *, title: str, description: str, path: str, schema: dict) -> dict:
    """A CSV file, or (by the path's extension) the XLSX or JSON with the same columns."""
    described = {"name": name, "title": title, "description": description, "path": path}
    if path.endswith(".xlsx"):
        described |= {"format": "xlsx", "mediatype": XLSX}
    elif path.endswith(".json"):
        described |= {
            "format": "json",
            "mediatype": "application/json",
            "dialect": {"controls": [{"type": "json", "property": "inputs", "keyed": True}]},
        }
    else:
        described |= {"format": "csv", "mediatype": "text/csv", "encoding": "utf-8-sig"}
    return described | {"schema": schema}


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def inputs_datapackage(*, call: ConsultationCall, base_url: str = "") -> dict:
    """Both exports of the call: its published inputs (open to whoever sees the call) and every
    input with its moderation (the moderators'). Labels follow the request's language."""
    base = base_url.rstrip("/")
    code = call.code.lower()
    return {
        "name": f"consultation-{code}",
        "title": call.display_title,
        "description": _(
            "Inputs to the call %(code)s. Values are labels in the language of the request "
            "(%(language)s); times are Geneva's, ISO 8601."
        )
        % {"code": call.code, "language": get_language() or "en"},
        "version": SCHEMA_VERSION,
        "licenses": [DEFAULT_LICENCE],
        "resources": [
            _resource(
                f"{code}-published-inputs",
                title=_("Published inputs"),
                description=_("The inputs published with their authors' consent."),
                path=base + reverse("consultations:published_csv", args=[call.code]),
                schema=_schema(call=call, private=False),
            ),
            *[
                _resource(
                    f"{code}-inputs{suffix}",
                    title=_("All inputs with their moderation"),
                    description=_(
                        "Every input, its status and latest decision (moderators only; the "
                        "CSV, XLSX and JSON exports have the same columns)."
                    ),
                    path=base + reverse(f"consultations:export_{extension}", args=[call.code]),
                    schema=_schema(call=call, private=True),
                )
                for extension, suffix in [("csv", ""), ("xlsx", "-xlsx"), ("json", "-json")]
            ],
        ],
    }
