"""Fixtures shared by the hostile-input tests: a meeting a month away and an open action."""

import datetime as dt

import pytest
from django.utils import timezone

from tests.meetings.factories import MeetingFactory


@pytest.fixture
def meeting(people):
    opens = timezone.localdate() + dt.timedelta(days=30)
    return MeetingFactory(
        working_group=people.working_group, number=44, start_date=opens, end_date=opens
    )


@pytest.fixture
def action(meeting, people):
    from followup.services.actions import create_action

    return create_action(
        meeting=meeting,
        title="Follow up",
        by=people["secretariat"],
        due_date=timezone.localdate() + dt.timedelta(days=7),
        owner_user=people["delegate"],
    )
