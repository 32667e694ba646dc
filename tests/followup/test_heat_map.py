"""The heat map: its counts are those computed from the rows; every cell links to its list."""

import csv
import io
import random

import pytest

from consultations.models import Submission
from cwg.models import ActionLine
from documents.models import Document
from followup.models import Action
from followup.selectors.heatmap import BANDS, Cell, Column, HeatMap, Row, action_line_heat_map
from tests.consultations.factories import CallFactory, SubmissionFactory
from tests.documents.factories import DocumentFactory
from tests.followup.factories import ActionFactory
from tests.meetings.factories import MeetingFactory

pytestmark = pytest.mark.django_db
Status = Document.Status


@pytest.fixture
def tagged(working_group, people):
    """A random mix, so the expected counts are computed, never typed in."""
    rng = random.Random(17)
    lines = list(ActionLine.objects.all())
    used = [line for line in lines if line.code in {"C1", "C2", "C3", "C5", "C7"}]
    meetings = [MeetingFactory(working_group=working_group, number=n) for n in (43, 44)]
    call = CallFactory(working_group=working_group, code="WSIS20")
    number = 0
    for meeting in meetings:
        for status in [Status.PUBLISHED, Status.REGISTERED, Status.SUBMITTED] * 3:
            number += 1
            document = DocumentFactory(
                meeting=meeting, number=number, status=status, access=Document.Access.PUBLIC
            )
            document.action_lines.set(rng.sample(used, 2))
        for status in [Action.Status.OPEN, Action.Status.IN_PROGRESS, Action.Status.DONE] * 2:
            action = ActionFactory(meeting=meeting, status=status, owner_user=people["delegate"])
            action.action_lines.set(rng.sample(used, 1))
    for status in [Submission.Status.PUBLISHED, Submission.Status.ACCEPTED] * 3:
        submission = SubmissionFactory(call=call, status=status)
        submission.action_lines.set(rng.sample(used, 2))
    return meetings, call


def _expected(code: str, kind: str, key: str) -> tuple[int, int, int]:
    """Straight from the rows, one by one."""
    line = ActionLine.objects.get(code=code)
    if kind == "meeting":
        documents = [
            d
            for d in Document.objects.filter(meeting__number=int(key), kind="contribution")
            if d.status in (Status.REGISTERED, Status.PUBLISHED) and line in d.action_lines.all()
        ]
        actions = [
            a
            for a in Action.objects.filter(meeting__number=int(key))
            if a.is_open and line in a.action_lines.all()
        ]
        return len(documents), 0, len(actions)
    inputs = [
        s
        for s in Submission.objects.filter(call__code=key)
        if s.status == Submission.Status.PUBLISHED and line in s.action_lines.all()
    ]
    return 0, len(inputs), 0


def test_counts_equal_those_computed_from_the_rows(tagged, people):
    heat_map = action_line_heat_map(user=people["secretariat"])
    assert [c.key for c in heat_map.columns] == ["43", "44", "WSIS20"]
    assert [row.line.code for row in heat_map.rows] == [f"C{n}" for n in range(1, 12)]
    for row in heat_map.rows:
        for cell in row.cells:
            counted = (cell.contributions, cell.published_inputs, cell.open_actions)
            assert counted == _expected(row.line.code, cell.column.kind, cell.column.key)
    assert sum(cell.total for row in heat_map.rows for cell in row.cells) > 0
    empty = [row.line.code for row in heat_map.empty_rows]
    assert empty == ["C4", "C6", "C8", "C9", "C10", "C11"]


def test_the_csv_carries_the_same_counts(tagged, as_role, people):
    response = as_role("chair").get("/meetings/heat-map.csv")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 11 * 3
    for row in rows:
        expected = _expected(row["action_line"], row["column_kind"], row["column"])
        counted = (row["contributions"], row["published_inputs"], row["open_actions"])
        assert tuple(int(n) for n in counted) == expected


def test_the_page_shows_empty_lines_and_links_each_cell(tagged, as_role):
    response = as_role("secretariat").get("/meetings/heat-map/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "<svg" in body
    assert '<table class="heat-map">' in body
    assert body.count('class="heat-empty"') == 6
    assert body.count('href="/meetings/heat-map/C3/meeting/44/"') == 2  # the SVG and the table


def test_a_cell_lists_what_it_counts(tagged, as_role):
    response = as_role("secretariat").get("/meetings/heat-map/C3/meeting/44/")
    assert response.status_code == 200
    contributions, _inputs, actions = _expected("C3", "meeting", "44")
    assert len(response.context["documents"]) == contributions
    assert len(response.context["actions"]) == actions
    assert as_role("secretariat").get("/meetings/heat-map/C99/meeting/44/").status_code == 404
    assert as_role("secretariat").get("/meetings/heat-map/C3/call/NOPE/").status_code == 404


@pytest.mark.parametrize(("role", "status"), [("delegate", 403), ("public", 302), ("chair", 200)])
def test_who_sees_the_heat_map(tagged, as_role, role, status):
    assert as_role(role).get("/meetings/heat-map/").status_code == status


def test_bands_colour_a_table_without_style_attributes():
    line = ActionLine(code="C1")
    column = Column(kind="meeting", key="44", label="44")
    cells = [Cell(line, column, contributions=n) for n in (0, 1, 5, 10)]
    heat_map = HeatMap(columns=[column], rows=[Row(line, cells)])
    assert [heat_map.band(cell) for cell in cells] == [0, 1, 3, BANDS]
    [(row, banded)] = heat_map.banded_rows()
    assert [band for _cell, band in banded] == [0, 1, 3, 5]
