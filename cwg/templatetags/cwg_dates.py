"""Template filters for dates: Geneva time in the page's language, ISO 8601 for machines.

{{ document.submitted_at|geneva_datetime }}            2 December 2026, 14:30
{{ document.withdrawn_at|geneva_date }}                2 December 2026
{{ document.withdrawn_at|geneva_date:"SHORT_DATE_FORMAT" }}
<time datetime="{{ entry.when|iso_datetime }}">        2026-12-02T14:30:00+01:00
"""

from django import template

from cwg import dates

register = template.Library()


@register.filter
def geneva_datetime(value, format_name="DATETIME_FORMAT"):
    return dates.shown_datetime(value or None, format_name)


@register.filter
def geneva_date(value, format_name="DATE_FORMAT"):
    return dates.shown_date(value or None, format_name)


@register.filter
def iso_datetime(value):
    return dates.iso_datetime(value or None)


@register.filter
def iso_date(value):
    return dates.iso_date(value or None)
