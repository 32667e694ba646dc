"""Calendar tokens and the iCalendar feeds (public and per person)."""

import datetime as dt
import secrets

from django.contrib.auth.models import User
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from cwg.permissions import AnyUser
from meetings.models import Action, CalendarToken, Meeting
from meetings.permissions import can_see_actions


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
    event.add("summary", summary)
    event.add("dtstart", start)
    if end is not None:
        event.add("dtend", end)
    event.add("dtstamp", dt.datetime(2025, 1, 1, tzinfo=dt.UTC))
    if url:
        event.add("url", url)
    return event


def build_calendar(*, user: AnyUser | None, base_url: str) -> bytes:
    """Meetings and their contribution deadlines for everyone; actions for those who see them."""
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
    if user is not None and user.is_authenticated:
        actions = Action.objects.still_open().select_related("meeting__working_group")
        if not can_see_actions(user=user):
            actions = actions.owned_by(user)
        for action in actions:
            calendar.add_component(
                _event(
                    f"action-{action.pk}@cwg-wsis-sdg",
                    _("Action due: %(title)s") % {"title": action.title},
                    action.due_date,
                    action.due_date + dt.timedelta(days=1),
                    base_url + reverse("meetings:action", kwargs={"pk": action.pk}),
                )
            )
    return calendar.to_ical()
