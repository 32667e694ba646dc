import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from followup.models import Action

pytestmark = pytest.mark.django_db


def test_demo_actions_are_loaded_once_with_done_and_overdue_ones(demo):
    call_command("load_demo", stdout=io.StringIO())  # the second load, rolled back after
    actions = list(Action.objects.select_related("meeting"))
    assert len(actions) == 8
    assert {a.meeting.number for a in actions} == {43, 44}
    assert sum(a.status == Action.Status.DONE for a in actions) == 2
    today = timezone.localdate()
    assert sum(a.is_overdue_on(today) for a in actions) == 2
    assert all(a.owner is not None for a in actions)
    assert all(a.updates.exists() for a in actions if a.status == Action.Status.DONE)


def test_demo_gap_analysis_has_twenty_mixed_items_once(demo):
    from followup.models import GapItem

    call_command("load_demo", stdout=io.StringIO())  # the second load, rolled back after
    items = list(GapItem.objects.prefetch_related("mandates__resolution"))
    assert len(items) == 20
    assert {i.coverage for i in items} == {"covered", "partial", "gap"}
    assert all(i.requirement.startswith("Demo data") for i in items)
    numbers = {m.resolution.number for i in items for m in i.mandates.all()}
    assert numbers == {"1332", "1334", "140"}
    answered = [i for i in items if i.answered_by_action_id]
    assert len(answered) == 2


def test_demo_tags_leave_empty_lines_and_fill_others_on_the_heat_map(demo):
    from django.contrib.auth.models import User

    from followup.models import GapItem
    from followup.selectors.heatmap import action_line_heat_map

    secretariat = User.objects.get(username="secretariat")
    heat_map = action_line_heat_map(user=secretariat)
    empty = [row.line.code for row in heat_map.empty_rows]
    filled = [row.line.code for row in heat_map.rows if not row.is_empty]
    assert len(empty) >= 3
    assert {"C6", "C8", "C9", "C10"} <= set(empty)
    assert len(filled) >= 5
    assert any(cell.published_inputs for row in heat_map.rows for cell in row.cells)
    assert any(cell.contributions for row in heat_map.rows for cell in row.cells)
    assert any(cell.open_actions for row in heat_map.rows for cell in row.cells)
    assert GapItem.objects.filter(action_lines__isnull=False).distinct().count() == 7
