import datetime as dt
import zoneinfo

import pytest

from tests.meetings.factories import MeetingFactory

pytestmark = pytest.mark.django_db
GENEVA = zoneinfo.ZoneInfo("Europe/Zurich")


def test_contribution_deadline_defaults_to_twelve_calendar_days_before_opening():
    meeting = MeetingFactory(start_date=dt.date(2026, 1, 15), end_date=dt.date(2026, 1, 16))
    assert meeting.contribution_deadline == dt.datetime(2026, 1, 3, 23, 59, 59, tzinfo=GENEVA)
    assert meeting.posting_deadline == dt.datetime(2026, 1, 8, 23, 59, 59, tzinfo=GENEVA)


def test_the_groups_rule_changes_the_default(working_group):
    working_group.contribution_days_before = 30  # translation needed: a longer deadline
    working_group.save()
    meeting = MeetingFactory(working_group=working_group, start_date=dt.date(2026, 1, 15))
    assert meeting.contribution_deadline.date() == dt.date(2025, 12, 16)


def test_a_meeting_may_override_its_deadline():
    override = dt.datetime(2025, 12, 20, 12, 0, tzinfo=dt.UTC)
    meeting = MeetingFactory(contribution_deadline_override=override)
    assert meeting.contribution_deadline == override


def test_upcoming_and_past(working_group):
    from meetings.models import Meeting

    old = MeetingFactory(
        working_group=working_group,
        number=43,
        start_date=dt.date(2025, 9, 9),
        end_date=dt.date(2025, 9, 10),
    )
    new = MeetingFactory(working_group=working_group, number=44)
    today = dt.date(2025, 10, 1)
    assert list(Meeting.objects.upcoming(today=today)) == [new]
    assert list(Meeting.objects.past(today=today)) == [old]


def test_the_group_is_one_so_meeting_numbers_are_unique(working_group, client):
    from django.db import IntegrityError, transaction

    from cwg.models import WorkingGroup

    MeetingFactory(working_group=working_group, number=44)
    other = WorkingGroup.objects.create(code="OTHER", name="Another group")
    with pytest.raises(IntegrityError), transaction.atomic():
        MeetingFactory(working_group=other, number=44)
    assert client.get("/meetings/44/").status_code == 200


def test_the_admin_offers_no_second_working_group(working_group, admin_client):
    assert admin_client.get("/admin/cwg/workinggroup/add/").status_code == 403
    assert admin_client.get("/admin/cwg/workinggroup/").status_code == 200


def test_the_admin_adds_the_first_working_group(admin_client):
    assert admin_client.get("/admin/cwg/workinggroup/add/").status_code == 200
