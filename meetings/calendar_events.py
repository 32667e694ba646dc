"""Apps above meetings add events to the calendar feeds here, without meetings knowing them.

A source is a function ``(user=..., base_url=...)`` that returns the CalendarEvents the person
may see (``user`` is None for the public feed); followup/calendar.py registers the actions.
Sources run in the order they were registered, after the meetings and their deadlines.
"""

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from cwg.permissions import AnyUser


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    summary: str
    start: dt.date | dt.datetime
    end: dt.date | dt.datetime | None = None
    url: str = ""


EventSource = Callable[..., Iterable[CalendarEvent]]

SOURCES: dict[str, EventSource] = {}


def register(name: str, source: EventSource) -> None:
    """Registering the same name again replaces the source (apps.ready may run twice in tests)."""
    SOURCES[name] = source


def extra_events(*, user: AnyUser | None, base_url: str) -> Iterable[CalendarEvent]:
    for source in SOURCES.values():
        yield from source(user=user, base_url=base_url)
