"""Follow-up's exports as open data: the actions, each gap analysis and the action-line heat
map, each documented by a Data Package (datapackage.json) served next to it.

The tables below are the one definition of each export's columns: the CSV writers take their
header from them, and tests validate real exports against the descriptors with frictionless.
"""

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cwg.models import ActionLine
from cwg.opendata import (
    DataFile,
    Dataset,
    Field,
    Table,
    choice_labels,
    choice_values,
    register_datasets,
    table_package,
)
from followup.models import Action, GapAnalysis, GapItem
from followup.permissions import can_see_actions, can_see_gap_analyses, can_see_heat_map
from followup.selectors.actions import owner_label

TAG_CODES = gettext_lazy(
    "Codes of the WSIS action lines it is tagged with (C1 to C11), separated by spaces."
)
SDG_NUMBERS = gettext_lazy("Numbers of the SDGs it is tagged with, separated by spaces.")

ACTIONS = Table(
    version="1.0.0",
    primary_key=["id"],
    fields=[
        Field("id", "integer", gettext_lazy("The action's number in this system."), required=True),
        Field("meeting", "integer", gettext_lazy("The number of the meeting that decided it.")),
        Field("agenda_item", "string", gettext_lazy("The agenda item's number, if any.")),
        Field("title", "string", gettext_lazy("What is to be done."), required=True),
        Field("owner", "string", gettext_lazy("Who owns it: a person, a group or an officer.")),
        Field("due_date", "date", gettext_lazy("When it is due, ISO 8601.")),
        Field(
            "status",
            "string",
            gettext_lazy("Where it stands, in the language of the request."),
            enum=choice_labels(Action.Status.choices),
        ),
        Field(
            "overdue",
            "boolean",
            gettext_lazy("Still open after its due date on the day of the export."),
        ),
        Field("action_lines", "string", TAG_CODES),
        Field("sdgs", "string", SDG_NUMBERS),
    ],
)

# The gap-analysis CSV is also what its import reads back: codes, not labels, and no BOM.
GAP_ITEMS = Table(
    version="1.0.0",
    fields=[
        Field(
            "source",
            "string",
            gettext_lazy("The number of the source text, e.g. A/RES/80/173."),
            required=True,
        ),
        Field("paragraph", "string", gettext_lazy("The paragraph of the source text.")),
        Field("requirement", "string", gettext_lazy("What the paragraph requires.")),
        Field(
            "mandates",
            "string",
            gettext_lazy(
                "The mandates that cover it, as 'number: paragraphs', separated by semicolons."
            ),
        ),
        Field(
            "coverage",
            "string",
            gettext_lazy("covered, partial or gap: how far the mandates cover it."),
            enum=choice_values(GapItem.Coverage.choices),
        ),
        Field("proposed_response", "string", gettext_lazy("What the secretariat proposes.")),
    ],
)

HEAT_MAP = Table(
    version="1.0.0",
    primary_key=["action_line", "column_kind", "column"],
    fields=[
        Field(
            "action_line",
            "string",
            gettext_lazy("The WSIS action line's code."),
            enum=lambda: list(ActionLine.objects.values_list("code", flat=True)),
            required=True,
        ),
        Field(
            "column_kind",
            "string",
            gettext_lazy("meeting or call: what the column counts."),
            enum=lambda: ["meeting", "call"],
            required=True,
        ),
        Field(
            "column",
            "string",
            gettext_lazy("The meeting's number or the consultation call's code."),
            required=True,
        ),
        Field(
            "contributions",
            "integer",
            gettext_lazy("Registered or published contributions of the meeting tagged with it."),
        ),
        Field(
            "published_inputs",
            "integer",
            gettext_lazy("Published inputs to the call tagged with it."),
        ),
        Field(
            "open_actions",
            "integer",
            gettext_lazy("Open actions of the meeting tagged with it."),
        ),
    ],
)


def action_rows(actions: list[Action], *, today: dt.date) -> list[list]:
    """The rows of the actions export (tags and owners prefetched: no query per action)."""
    return [
        [
            action.pk,
            action.meeting.number,
            action.agenda_item.number if action.agenda_item_id else "",
            action.title,
            owner_label(action),
            action.due_date.isoformat(),
            action.get_status_display(),
            "true" if action.is_overdue_on(today) else "false",
            " ".join(line.code for line in action.action_lines.all()),
            " ".join(str(goal.number) for goal in action.sdgs.all()),
        ]
        for action in actions
    ]


def actions_datapackage(*, base_url: str = "") -> dict:
    return table_package(
        name="cwg-actions",
        title=_("Follow-up actions"),
        description=_("Every follow-up action of the group, one row per action."),
        table=ACTIONS,
        path=base_url.rstrip("/") + reverse("followup:actions_csv"),
        resource="actions",
        about=_("Labels are in the language of the request."),
    )


def gap_datapackage(*, analysis: GapAnalysis, base_url: str = "") -> dict:
    return table_package(
        name=f"gap-analysis-{analysis.pk}",
        title=analysis.title,
        description=_("The requirements of a source text and the mandates that cover each."),
        table=GAP_ITEMS,
        path=base_url.rstrip("/") + reverse("followup:gap_csv", args=[analysis.pk]),
        resource="gap-items",
        about=_("One row per requirement; the import reads the same columns."),
        encoding="utf-8",
    )


def heat_map_datapackage(*, base_url: str = "") -> dict:
    return table_package(
        name="action-line-heat-map",
        title=_("Action-line heat map"),
        description=_("What each WSIS action line received, per meeting and consultation call."),
        table=HEAT_MAP,
        path=base_url.rstrip("/") + reverse("followup:heat_map_csv"),
        resource="heat-map",
        about=_("One row per action line and column of the heat map."),
        encoding="utf-8",  # the same text goes into the meeting's record package
    )


def _dataset(title, description, descriptor: str, export: str, *args, written=False) -> Dataset:
    return Dataset(
        title=str(title),
        written_by_people=written,
        description=description,
        descriptor_url=reverse(f"followup:{descriptor}", args=args),
        files=[DataFile(label="CSV", url=reverse(f"followup:{export}", args=args))],
    )


def follow_up_datasets(user) -> list[Dataset]:
    datasets = []
    if can_see_actions(user=user):
        about = _("Every follow-up action, its owner, due date, status and tags.")
        datasets.append(
            _dataset(_("Follow-up actions"), about, "actions_datapackage", "actions_csv")
        )
    if can_see_heat_map(user=user):
        about = _("Contributions, published inputs and open actions per action line.")
        datasets.append(
            _dataset(_("Action-line heat map"), about, "heat_map_datapackage", "heat_map_csv")
        )
    if can_see_gap_analyses(user=user):
        about = _("Gap analysis: requirements, mandates and coverage.")
        datasets += [
            _dataset(analysis.title, about, "gap_datapackage", "gap_csv", analysis.pk, written=True)
            for analysis in GapAnalysis.objects.order_by("pk")
        ]
    return datasets


def connect() -> None:
    register_datasets("followup", title=gettext_lazy("Follow-up"), datasets=follow_up_datasets)
