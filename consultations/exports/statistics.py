"""A call's statistics as a table (CSV) and the Data Package that documents it.

One row per count: received, accepted, ... then by stakeholder type, ITU region and country,
each with a stable code for programs and a label in the request's language for people.
"""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from consultations.models import ConsultationCall, Submission
from cwg.models import MemberState
from cwg.opendata import Field, Table, table_package

DIMENSIONS = ["status", "stakeholder_type", "itu_region", "country"]
TOTALS = [
    ("received", gettext_lazy("Received")),
    ("accepted", gettext_lazy("Accepted")),
    ("rejected", gettext_lazy("Rejected")),
    ("published", gettext_lazy("Published")),
    ("withdrawn", gettext_lazy("Withdrawn")),
    ("accepted_without_consent", gettext_lazy("Accepted without consent to publish")),
]

STATISTICS = Table(
    version="1.0.0",
    primary_key=["dimension", "code"],
    fields=[
        Field(
            "dimension",
            "string",
            gettext_lazy(
                "What the row counts by: status (the totals), stakeholder_type, itu_region or "
                "country."
            ),
            enum=lambda: list(DIMENSIONS),
            required=True,
        ),
        Field(
            "code",
            "string",
            gettext_lazy(
                "A stable code: the total's name, the stakeholder type, the ITU region's letter "
                "or the country's ISO code; empty for inputs from no country."
            ),
        ),
        Field("label", "string", gettext_lazy("The same in the language of the request.")),
        Field("inputs", "integer", gettext_lazy("How many inputs."), required=True),
    ],
)


def statistics_rows(*, stats: dict) -> list[list]:
    """From selectors.call_statistics: the rows of the CSV (no further query); a total that is
    suppressed for the public has no row."""
    totals = stats["totals"]
    rows = [
        ["status", code, str(label), totals[code]]
        for code, label in TOTALS
        if totals[code] is not None  # a small total the public does not see
    ]
    by_type = stats["by_stakeholder_type"]
    rows += [
        ["stakeholder_type", value, str(label), count]
        for (value, _label), (label, count) in zip(
            Submission.StakeholderType.choices, by_type, strict=True
        )
    ]
    regions = [value for value, _label in MemberState.ItuRegion.choices] + [""]
    rows += [
        ["itu_region", code, str(label), count]
        for code, (label, count) in zip(regions, stats["by_itu_region"], strict=True)
    ]
    rows += [["country", iso, str(name), count] for iso, name, count in stats["by_country_code"]]
    return rows


def statistics_datapackage(*, call: ConsultationCall, base_url: str = "") -> dict:
    path = reverse("consultations:statistics_csv", args=[call.code])
    return table_package(
        name=f"consultation-{call.code.lower()}-statistics",
        title=call.display_title,
        description=_(
            "The statistics of the call %(code)s, computed from its inputs when downloaded."
        )
        % {"code": call.code},
        table=STATISTICS,
        path=base_url.rstrip("/") + path,
        resource="statistics",
        about=_("One row per count; labels are in the language of the request."),
    )
