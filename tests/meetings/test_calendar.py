import datetime as dt

import pytest
from icalendar import Calendar

from meetings.models import CalendarToken
from meetings.services.calendar import calendar_token_for, rotate_calendar_token
from tests.followup.factories import ActionFactory
from tests.meetings.factories import MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(working_group, people):
    meeting = MeetingFactory(
        working_group=working_group,
        number=44,
        start_date=dt.date(2026, 1, 15),
        end_date=dt.date(2026, 1, 16),
    )
    mine = ActionFactory(meeting=meeting, title="Chair's task", owner_user=people["chair"])
    other = ActionFactory(meeting=meeting, title="Delegate's task", owner_user=people["delegate"])
    return meeting, mine, other


def _events(response) -> dict[str, object]:
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    return {str(e["uid"]): e for e in calendar.walk("VEVENT")}


def test_public_feed_has_meetings_and_deadlines_but_no_actions(client, data):
    meeting, _mine, _other = data
    events = _events(client.get("/meetings/calendar.ics"))
    assert set(events) == {
        f"meeting-{meeting.pk}@cwg-wsis-sdg",
        f"deadline-{meeting.pk}@cwg-wsis-sdg",
    }
    session = events[f"meeting-{meeting.pk}@cwg-wsis-sdg"]
    assert session.decoded("dtstart") == dt.date(2026, 1, 15)
    assert session.decoded("dtend") == dt.date(2026, 1, 17)
    deadline = events[f"deadline-{meeting.pk}@cwg-wsis-sdg"].decoded("dtstart")
    assert deadline == meeting.contribution_deadline


def test_private_feed_of_an_owner_holds_their_actions_only(client, data, people):
    _meeting, _mine, other = data
    token = calendar_token_for(user=people["delegate"])
    events = _events(client.get(f"/meetings/calendar/{token.token}.ics"))
    actions = [e for uid, e in events.items() if uid.startswith("action-")]
    assert [str(e["summary"]) for e in actions] == ["Action due: Delegate's task"]
    assert actions[0].decoded("dtstart") == other.due_date


def test_private_feed_of_the_secretariat_holds_every_open_action(client, data, people):
    token = calendar_token_for(user=people["secretariat"])
    events = _events(client.get(f"/meetings/calendar/{token.token}.ics"))
    assert len([uid for uid in events if uid.startswith("action-")]) == 2


def test_a_wrong_token_is_refused(client, data, people):
    calendar_token_for(user=people["delegate"])
    assert client.get("/meetings/calendar/not-the-token.ics").status_code == 404


def test_rotating_revokes_the_old_address(client, data, people):
    old = calendar_token_for(user=people["delegate"]).token
    new = rotate_calendar_token(by=people["delegate"]).token
    assert new != old
    assert len(new) >= 40
    assert client.get(f"/meetings/calendar/{old}.ics").status_code == 404
    assert client.get(f"/meetings/calendar/{new}.ics").status_code == 200


def test_the_calendar_page_shows_and_rotates_the_address(data, as_role, people):
    client = as_role("delegate")
    page = client.get("/meetings/calendar/")
    token = CalendarToken.objects.get(user=people["delegate"]).token
    assert token in page.content.decode()
    assert client.post("/meetings/calendar/rotate/").status_code == 302
    assert CalendarToken.objects.get(user=people["delegate"]).token != token
    assert "Your private address is reset" in client.get("/meetings/calendar/").content.decode()


def test_the_calendar_page_gives_the_public_its_feed_as_a_link_to_copy(data, as_role):
    page = as_role("public").get("/meetings/calendar/").content.decode()
    assert '<a href="http://testserver/meetings/calendar.ics"' in page
    assert 'data-copy="public-url"' in page
    assert "private-url" not in page
    assert not CalendarToken.objects.exists()


def test_the_feed_declares_the_time_zone_of_its_deadlines(client, data):
    meeting, _mine, _other = data
    calendar = Calendar.from_ical(client.get("/meetings/calendar.ics").content)
    zones = calendar.walk("VTIMEZONE")
    assert [str(zone["tzid"]) for zone in zones] == ["Europe/Zurich"]
    assert zones[0].walk("STANDARD")
    assert zones[0].walk("DAYLIGHT")
    deadline = next(e for e in calendar.walk("VEVENT") if str(e["uid"]).startswith("deadline-"))
    assert deadline["dtstart"].params["TZID"] == "Europe/Zurich"
    assert deadline.decoded("dtstart") == meeting.contribution_deadline
    # Every TZID an event names has its block, as RFC 5545 requires.
    named = {
        event[key].params.get("TZID")
        for event in calendar.walk("VEVENT")
        for key in ("dtstart", "dtend")
        if key in event
    } - {None}
    assert named <= {str(zone["tzid"]) for zone in zones}
