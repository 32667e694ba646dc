"""Dates and times as people read them: Geneva time, in each language's own format.

The group meets in Geneva, so every time shown (pages, mails, the record package) is Geneva
time (IANA names it Europe/Zurich), whatever TIME_ZONE the server runs with. Formats are the
named ones of cwg/formats/<language>/formats.py. Exports (CSV, JSON, API, bag-info) use
ISO 8601 with the Geneva offset and no microseconds: 2026-12-02T14:30:00+01:00.
"""

import datetime as dt
from zoneinfo import ZoneInfo

from django.utils import formats

GENEVA = ZoneInfo("Europe/Zurich")


def in_geneva(value: dt.datetime) -> dt.datetime:
    """The same instant on Geneva's clock (a naive value is taken as already Geneva time)."""
    if value.tzinfo is None:
        return value.replace(tzinfo=GENEVA)
    return value.astimezone(GENEVA)


def geneva_date(value: dt.date | dt.datetime) -> dt.date:
    """The calendar day in Geneva: a datetime at 23:30 UTC in summer is the next day there."""
    if isinstance(value, dt.datetime):
        return in_geneva(value).date()
    return value


def shown_date(value: dt.date | dt.datetime | None, format_name: str = "DATE_FORMAT") -> str:
    """The day in the active language's named format ("" for no date)."""
    if value is None:
        return ""
    return formats.date_format(geneva_date(value), format_name)


def shown_datetime(value: dt.datetime | None, format_name: str = "DATETIME_FORMAT") -> str:
    """Day and time in Geneva, in the active language's named format ("" for no time)."""
    if value is None:
        return ""
    if not isinstance(value, dt.datetime):
        return shown_date(value)
    return formats.date_format(in_geneva(value), format_name)


def iso_date(value: dt.date | dt.datetime | None) -> str:
    """YYYY-MM-DD, the Geneva day of a datetime ("" for no date)."""
    if value is None:
        return ""
    return geneva_date(value).isoformat()


def iso_datetime(value: dt.datetime | None) -> str:
    """ISO 8601 in Geneva time with its offset, whole seconds ("" for no time)."""
    if value is None:
        return ""
    if not isinstance(value, dt.datetime):
        return iso_date(value)
    return in_geneva(value).replace(microsecond=0).isoformat()
