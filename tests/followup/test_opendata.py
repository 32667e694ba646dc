"""Follow-up's exports as open data: the actions, a gap analysis and the heat map, each
validated against its datapackage.json; listed on /open-data/ for those who may read them."""

import codecs
import csv
import datetime as dt
import io

import pytest
from django.urls import reverse

from cwg.models import ActionLine, SustainableDevelopmentGoal
from followup.models import Action
from followup.opendata import ACTIONS, GAP_ITEMS, HEAT_MAP
from followup.services.gaps import COLUMNS, import_gap_items_csv
from tests.followup.factories import ActionFactory
from tests.followup.test_gaps import CSV
from tests.opendata import pinned, validation_errors

pytestmark = pytest.mark.django_db

# The columns of each schema version: change a column, bump the table's version, add it here.
COLUMNS_BY_VERSION = {
    "actions 1.0.0": [
        ("id", "integer"),
        ("meeting", "integer"),
        ("agenda_item", "string"),
        ("title", "string"),
        ("owner", "string"),
        ("due_date", "date"),
        ("status", "string"),
        ("overdue", "boolean"),
        ("action_lines", "string"),
        ("sdgs", "string"),
    ],
    "gap items 1.0.0": [(name, "string") for name in COLUMNS],
    "heat map 1.0.0": [
        ("action_line", "string"),
        ("column_kind", "string"),
        ("column", "string"),
        ("contributions", "integer"),
        ("published_inputs", "integer"),
        ("open_actions", "integer"),
    ],
}


def test_columns_change_only_with_the_schema_version():
    assert pinned(ACTIONS) == COLUMNS_BY_VERSION[f"actions {ACTIONS.version}"]
    assert pinned(GAP_ITEMS) == COLUMNS_BY_VERSION[f"gap items {GAP_ITEMS.version}"]
    assert pinned(HEAT_MAP) == COLUMNS_BY_VERSION[f"heat map {HEAT_MAP.version}"]


@pytest.fixture
def actions(analysis, people):
    """The analysis's action and two more: one overdue tagged C3 and SDG 4, one done."""
    meeting = analysis.action.meeting
    overdue = ActionFactory(meeting=meeting, title="@Report", due_date=dt.date(2020, 1, 1))
    overdue.action_lines.set([ActionLine.objects.get(code="C3")])
    overdue.sdgs.set([SustainableDevelopmentGoal.objects.get(number=4)])
    ActionFactory(meeting=meeting, title="Done", status=Action.Status.DONE)
    import_gap_items_csv(analysis=analysis, csv_text=CSV, by=people["secretariat"])
    return overdue


def _get(client, name: str, *args, **headers):
    return client.get(reverse(f"followup:{name}", args=args), **headers)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_follow_up_export_validates(actions, analysis, as_role, tmp_path, language):
    client = as_role("chair")
    headers = {"HTTP_ACCEPT_LANGUAGE": language}
    exports = [
        ("actions_datapackage", "actions_csv", (), "actions"),
        ("heat_map_datapackage", "heat_map_csv", (), "heat-map"),
        ("gap_datapackage", "gap_csv", (analysis.pk,), "gap-items"),
    ]
    for descriptor_name, export_name, args, resource in exports:
        descriptor = _get(client, descriptor_name, *args, **headers).json()
        assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"
        body = _get(client, export_name, *args, **headers).content
        assert validation_errors(tmp_path, descriptor, resource, body) == [], export_name


def test_the_actions_csv_reads_in_excel(actions, as_role):
    body = _get(as_role("secretariat"), "actions_csv").content
    assert body.startswith(codecs.BOM_UTF8)
    rows = {row["title"]: row for row in csv.DictReader(io.StringIO(body.decode("utf-8-sig")))}
    assert len(rows) == 3
    overdue = rows["'@Report"]  # formula-safe
    assert (overdue["overdue"], overdue["status"]) == ("true", "Open")
    assert (overdue["action_lines"], overdue["sdgs"]) == ("C3", "4")
    assert rows["Done"]["overdue"] == "false"


def test_a_changed_column_fails_validation(actions, analysis, as_role, tmp_path):
    client = as_role("secretariat")
    descriptor = _get(client, "gap_datapackage", analysis.pk).json()
    body = _get(client, "gap_csv", analysis.pk).content.replace(b"covered", b"fully covered")
    assert validation_errors(tmp_path, descriptor, "gap-items", body)
    descriptor = _get(client, "actions_datapackage").json()
    body = _get(client, "actions_csv").content.replace(b"overdue", b"late", 1)
    assert validation_errors(tmp_path, descriptor, "actions", body)


def test_open_data_lists_follow_up_only_for_its_readers(actions, analysis, as_role):
    url = reverse("cwg:open_data")
    chair = as_role("chair").get(url).content.decode()
    for name, args in [
        ("actions_datapackage", ()),
        ("heat_map_datapackage", ()),
        ("gap_datapackage", (analysis.pk,)),
    ]:
        assert reverse(f"followup:{name}", args=args) in chair
    delegate = as_role("delegate").get(url).content.decode()
    assert reverse("followup:actions_datapackage") not in delegate
    assert analysis.title not in delegate


def test_the_pages_link_their_descriptors(analysis, as_role):
    client = as_role("secretariat")
    pages = [
        ("action_dashboard", (), "actions_datapackage"),
        ("heat_map", (), "heat_map_datapackage"),
        ("gap_matrix", (analysis.pk,), "gap_datapackage"),
    ]
    for page, args, descriptor in pages:
        body = _get(client, page, *args).content.decode()
        assert reverse(f"followup:{descriptor}", args=args) in body
