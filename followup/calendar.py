"""The open actions a person may see, as events of their private calendar feed."""

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext as _

from cwg.permissions import AnyUser
from followup.models import Action
from followup.permissions import can_see_actions
from meetings import calendar_events
from meetings.calendar_events import CalendarEvent


def action_events(*, user: AnyUser | None, base_url: str) -> list[CalendarEvent]:
    """None for the public feed; all open actions for those who see them, else their own."""
    if user is None or not user.is_authenticated:
        return []
    actions = Action.objects.still_open().select_related("meeting__working_group")
    if not can_see_actions(user=user):
        actions = actions.owned_by(user)
    return [
        CalendarEvent(
            uid=f"action-{action.pk}@cwg-wsis-sdg",
            summary=_("Action due: %(title)s") % {"title": action.title},
            start=action.due_date,
            end=action.due_date + dt.timedelta(days=1),
            url=base_url + reverse("followup:action", kwargs={"pk": action.pk}),
        )
        for action in actions
    ]


def connect() -> None:
    calendar_events.register("followup.actions", action_events)
