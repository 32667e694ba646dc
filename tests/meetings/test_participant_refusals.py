"""The participants import says what it accepts: in its refusals and on its page."""

import pytest

from meetings.services import import_participants
from tests.meetings.factories import MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(working_group):
    return MeetingFactory(working_group=working_group, number=44)


def test_an_unknown_role_is_refused_listing_the_accepted_ones(meeting, people):
    csv_text = "name,member_state,role,attendance\nA Person,ZA,rapporteur,remote\n"
    report = import_participants(meeting=meeting, csv_text=csv_text, by=people["secretariat"])
    [(line, reason)] = report.refused
    assert line == 2
    assert reason.startswith("Unknown role: rapporteur. Accepted roles: head (Head of delegation)")
    assert "observer (Observer)" in reason


def test_the_chair_is_read_as_an_officer(meeting, people):
    csv_text = "name,member_state,role,attendance\nCynthia Lesufi,ZA,chair,in person\n"
    report = import_participants(meeting=meeting, csv_text=csv_text, by=people["secretariat"])
    assert (report.created, report.refused) == (1, [])
    assert meeting.participants.get().role == "officer"


def test_the_page_lists_the_columns_and_roles(meeting, as_role):
    body = as_role("secretariat").get("/meetings/44/participants/import/").content.decode()
    assert "<code>member_state</code>" in body
    assert "delegate (Delegate)" in body
