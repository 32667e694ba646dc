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


def _csv(name: str, *, title: str, description: str, path: str, schema: dict) -> dict:
    return {
        "name": name,
        "title": title,
        "description": description,
        "path": path,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8-sig",
        "schema": schema,
    }


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
            _csv(
                f"{code}-published-inputs",
                title=_("Published inputs"),
                description=_("The inputs published with their authors' consent."),
                path=base + reverse("consultations:published_csv", args=[call.code]),
                schema=_schema(call=call, private=False),
            ),
            _csv(
                f"{code}-inputs",
                title=_("All inputs with their moderation"),
                description=_(
                    "Every input, its status and latest decision (moderators only; the XLSX "
                    "and JSON exports have the same columns)."
                ),
                path=base + reverse("consultations:export_csv", args=[call.code]),
                schema=_schema(call=call, private=True),
            ),
        ],
    }
