import datetime as dt

import pytest
import reversion.models
from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction
from django.utils import timezone

from cwg.exceptions import InvalidTransition, NotAllowed
from cwg.models import Officer
from cwg.permissions import SECRETARIAT
from followup.models import Action
from followup.permissions import can_see_action
from followup.services import (
    add_action_update,
    cancel_action,
    complete_action,
    create_action,
    reopen_action,
    start_action,
)
from tests.followup.factories import ActionFactory
from tests.meetings.factories import AgendaItemFactory, MeetingFactory

pytestmark = pytest.mark.django_db
Status = Action.Status
OUTSIDERS = ["public", "delegate", "other_delegate", "sector_member"]


@pytest.fixture
def meeting(working_group):
    return MeetingFactory(working_group=working_group, number=44)


@pytest.fixture
def owned(meeting, people):
    """An action owned by the Egyptian delegate in person."""
    return ActionFactory(meeting=meeting, owner_user=people["delegate"])


def _status(action: Action) -> str:
    action.refresh_from_db()
    return action.status


# creation


def test_secretariat_creates_an_action_with_a_revision(meeting, people):
    item = AgendaItemFactory(meeting=meeting)
    action = create_action(
        meeting=meeting,
        agenda_item=item,
        title="Prepare the gap analysis",
        due_date=dt.date(2026, 3, 1),
        owner_group=Group.objects.get(name=SECRETARIAT),
        by=people["secretariat"],
    )
    assert action.status == Status.OPEN
    assert reversion.models.Version.objects.get_for_object(action).count() == 1


@pytest.mark.parametrize("role", ["chair", "vice_chair", "delegate"])
def test_others_may_not_create_actions(meeting, people, role):
    with pytest.raises(NotAllowed):
        create_action(
            meeting=meeting,
            title="x",
            due_date=dt.date(2026, 3, 1),
            owner_user=people[role],
            by=people[role],
        )


def test_an_action_needs_exactly_one_owner(meeting, people):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        create_action(
            meeting=meeting,
            title="two owners",
            due_date=dt.date(2026, 3, 1),
            owner_user=people["chair"],
            owner_group=Group.objects.get(name=SECRETARIAT),
            by=people["secretariat"],
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Action.objects.create(meeting=meeting, title="nobody", due_date=dt.date(2026, 3, 1))


def test_agenda_item_must_belong_to_the_meeting(meeting, people):
    with pytest.raises(InvalidTransition):
        create_action(
            meeting=meeting,
            agenda_item=AgendaItemFactory(),
            title="x",
            due_date=dt.date(2026, 3, 1),
            owner_user=people["chair"],
            by=people["secretariat"],
        )


# start, update, complete: secretariat and the owner


@pytest.mark.parametrize("role", ["secretariat", "superuser", "delegate"])
def test_secretariat_and_owner_start_update_and_complete(owned, people, role):
    start_action(action=owned, by=people[role])
    assert _status(owned) == Status.IN_PROGRESS
    update = add_action_update(action=owned, text="Draft circulated.", by=people[role])
    assert update.author == people[role]
    complete_action(action=owned, by=people[role], note="Sent to Council.")
    assert _status(owned) == Status.DONE
    assert [u.text for u in owned.updates.all()] == ["Draft circulated.", "Sent to Council."]


@pytest.mark.parametrize("role", ["chair", "vice_chair", "other_delegate", "sector_member"])
def test_non_owners_may_not_start_update_or_complete(owned, people, role):
    with pytest.raises(NotAllowed):
        start_action(action=owned, by=people[role])
    with pytest.raises(NotAllowed):
        add_action_update(action=owned, text="x", by=people[role])
    with pytest.raises(NotAllowed):
        complete_action(action=owned, by=people[role])
    assert _status(owned) == Status.OPEN
    assert not owned.updates.exists()


def test_group_owner_members_may_update(meeting, people):
    action = ActionFactory(
        meeting=meeting, owner_user=None, owner_group=Group.objects.get(name=SECRETARIAT)
    )
    start_action(action=action, by=people["secretariat"])
    assert _status(action) == Status.IN_PROGRESS


def test_officer_owner_updates_own_action(meeting, people):
    officer = Officer.objects.get(user=people["chair"])
    action = ActionFactory(meeting=meeting, owner_user=None, owner_officer=officer)
    complete_action(action=action, by=people["chair"])
    assert _status(action) == Status.DONE
    other = ActionFactory(meeting=meeting, owner_user=None, owner_officer=officer)
    with pytest.raises(NotAllowed):
        complete_action(action=other, by=people["vice_chair"])


def test_starting_twice_is_refused(owned, people):
    start_action(action=owned, by=people["delegate"])
    with pytest.raises(InvalidTransition):
        start_action(action=owned, by=people["delegate"])


@pytest.mark.parametrize("status", [Status.DONE, Status.CANCELLED])
def test_closed_actions_refuse_start_update_and_complete(owned, people, status):
    Action.objects.filter(pk=owned.pk).update(status=status)
    with pytest.raises(InvalidTransition):
        start_action(action=owned, by=people["secretariat"])
    with pytest.raises(InvalidTransition):
        add_action_update(action=owned, text="late news", by=people["secretariat"])
    with pytest.raises(InvalidTransition):
        complete_action(action=owned, by=people["secretariat"])


def test_an_empty_update_is_refused(owned, people):
    with pytest.raises(InvalidTransition):
        add_action_update(action=owned, text="   ", by=people["delegate"])


# cancel and reopen: the secretariat only


def test_secretariat_cancels_with_a_reason_and_reopens(owned, people):
    cancel_action(action=owned, reason="Overtaken by Council.", by=people["secretariat"])
    assert _status(owned) == Status.CANCELLED
    reopen_action(action=owned, by=people["secretariat"])
    assert _status(owned) == Status.OPEN
    comments = list(
        reversion.models.Version.objects.get_for_object(owned).values_list(
            "revision__comment", flat=True
        )
    )
    assert set(comments) == {"Cancelled", "Reopened"}


def test_cancel_needs_a_reason(owned, people):
    with pytest.raises(InvalidTransition):
        cancel_action(action=owned, reason=" ", by=people["secretariat"])
    assert _status(owned) == Status.OPEN


@pytest.mark.parametrize("role", ["delegate", "chair", "vice_chair", "other_delegate"])
def test_owners_and_officers_may_not_cancel_or_reopen(owned, people, role):
    with pytest.raises(NotAllowed):
        cancel_action(action=owned, reason="no", by=people[role])
    Action.objects.filter(pk=owned.pk).update(status=Status.DONE)
    with pytest.raises(NotAllowed):
        reopen_action(action=owned, by=people[role])


def test_reopening_an_open_action_is_refused(owned, people):
    with pytest.raises(InvalidTransition):
        reopen_action(action=owned, by=people["secretariat"])


@pytest.mark.parametrize(
    ("role", "sees"),
    [
        ("secretariat", True),
        ("chair", True),
        ("vice_chair", True),
        ("delegate", True),  # the owner
        ("other_delegate", False),
        ("sector_member", False),
        ("public", False),
    ],
)
def test_who_sees_an_action(owned, people, role, sees):
    assert can_see_action(user=people[role], action=owned) is sees


# overdue is derived at the boundary day


def test_due_today_is_not_overdue_due_yesterday_is():
    today = timezone.localdate()
    assert not ActionFactory.build(due_date=today).is_overdue
    assert ActionFactory.build(due_date=today - dt.timedelta(days=1)).is_overdue
    assert not ActionFactory.build(
        due_date=today - dt.timedelta(days=1), status=Status.DONE
    ).is_overdue


def test_overdue_follows_geneva_not_utc(settings):
    # 23:30 UTC on 1 March is already 2 March in Geneva (UTC+1 in winter)
    late_evening = dt.datetime(2026, 3, 1, 23, 30, tzinfo=dt.UTC)
    day_in_geneva = timezone.localdate(late_evening)
    assert day_in_geneva == dt.date(2026, 3, 2)
    action = ActionFactory.build(due_date=dt.date(2026, 3, 1))
    assert action.is_overdue_on(day_in_geneva)
    assert not action.is_overdue_on(dt.date(2026, 3, 1))


def test_overdue_queryset_matches_the_property(meeting, people):
    today = timezone.localdate()
    due_today = ActionFactory(meeting=meeting, due_date=today)
    late = ActionFactory(meeting=meeting, due_date=today - dt.timedelta(days=1))
    ActionFactory(meeting=meeting, due_date=today - dt.timedelta(days=5), status=Status.DONE)
    assert list(Action.objects.overdue_on(today)) == [late]
    assert not due_today.is_overdue
