"""Calendar tokens and the iCalendar feeds (public and per person)."""

import datetime as dt
import secrets

from django.contrib.auth.models import User
from django.db import transaction
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from cwg.characters import one_line
from cwg.permissions import AnyUser
from meetings.calendar_events import extra_events
from meetings.models import CalendarToken, Meeting


def _new_token() -> str:
    return secrets.token_urlsafe(32)


@transaction.atomic
def calendar_token_for(*, user: User) -> CalendarToken:
    token, _created = CalendarToken.objects.get_or_create(
        user=user, defaults={"token": _new_token()}
    )
    return token


@transaction.atomic
def rotate_calendar_token(*, by: User) -> CalendarToken:
    token = calendar_token_for(user=by)
    token = CalendarToken.objects.select_for_update().get(pk=token.pk)
    token.token = _new_token()
    token.save(update_fields=["token", "created_at"])
    return token


def user_for_calendar_token(token: str) -> User | None:
    found = CalendarToken.objects.select_related("user").filter(token=token).first()
    if found is None or not found.user.is_active:
        return None
    return found.user


def _event(uid: str, summary: str, start, end=None, url: str = "") -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("summary", one_line(summary))  # RFC 5545 text holds no control character
    event.add("dtstart", start)
    if end is not None:
        event.add("dtend", end)
    event.add("dtstamp", dt.datetime(2025, 1, 1, tzinfo=dt.UTC))
    if url:
        event.add("url", url)
    return event


def build_calendar(*, user: AnyUser | None, base_url: str) -> bytes:
    """Meetings and their contribution deadlines for all, then the registered sources' events."""
    calendar = Calendar()
    calendar.add("prodid", "-//ITU CWG-WSIS&SDG//follow-up//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _("CWG-WSIS&SDG meetings and deadlines"))
    for meeting in Meeting.objects.select_related("working_group").order_by("start_date"):
        url = base_url + meeting.get_absolute_url()
        calendar.add_component(
            _event(
                f"meeting-{meeting.pk}@cwg-wsis-sdg",
                _("Meeting %(meeting)s") % {"meeting": meeting},
                meeting.start_date,
                meeting.end_date + dt.timedelta(days=1),
                url,
            )
        )
        deadline = meeting.contribution_deadline
        calendar.add_component(
            _event(
                f"deadline-{meeting.pk}@cwg-wsis-sdg",
                _("Contributions due for meeting %(meeting)s") % {"meeting": meeting},
                deadline,
                deadline,
                url,
            )
        )
    for event in extra_events(user=user, base_url=base_url):
        calendar.add_component(_event(event.uid, event.summary, event.start, event.end, event.url))
    # Deadlines are times in Geneva (TZID=Europe/Zurich): RFC 5545 wants the zone's VTIMEZONE.
    calendar.add_missing_timezones()
    return calendar.to_ical()
