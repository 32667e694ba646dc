"""Breadcrumbs: where a page sits, from the home page down to itself.

    {% load cwg_breadcrumbs %}
    {% url 'documents:meeting_list' meeting.number as documents_url %}
    {% translate "Documents" as documents_label %}
    {% breadcrumbs meeting documents_label|crumb:documents_url document %}

Each step is an object with get_absolute_url (its text is the object's), a section's name
("consultations", "followup"), a label|crumb:url pair, or plain text (the page itself, last).
Home comes first; the last step is the current page (aria-current="page").
"""

from dataclasses import dataclass

from django import template
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

register = template.Library()

SECTIONS = {
    "consultations": (_("Consultations"), "consultations:list"),
    "followup": (_("Follow-up"), "followup:action_dashboard"),
}
HOME = (_("Home"), "cwg:home")


@dataclass(frozen=True)
class Crumb:
    label: str
    url: str = ""


def _step(item) -> Crumb:
    if isinstance(item, Crumb):
        return item
    if isinstance(item, str) and item in SECTIONS:
        label, name = SECTIONS[item]
        return Crumb(str(label), reverse(name))
    if hasattr(item, "get_absolute_url"):
        return Crumb(str(item), item.get_absolute_url())
    return Crumb(str(item))


@register.filter
def crumb(label, url) -> Crumb:
    return Crumb(str(label), str(url))


@register.inclusion_tag("includes/breadcrumbs.html")
def breadcrumbs(*items) -> dict:
    label, name = HOME
    steps = [Crumb(str(label), reverse(name))]
    steps += [_step(item) for item in items if item not in (None, "")]
    return {"trail": steps[:-1], "current": steps[-1]}
