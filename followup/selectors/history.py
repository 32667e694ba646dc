"""The version history shown on follow-up pages: who changed what, newest first.

Comments are stored in English (services' set_comment) and read here in the reader's language.
"""

import re
from dataclasses import dataclass

from django.db.models import Model
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from reversion.models import Version

# Each stored comment, as the services write it, and how it reads in the reader's language.
COMMENTS = {
    "Created": pgettext_lazy("history", "Created"),
    "Started": pgettext_lazy("history", "Started"),
    "Progress reported": _("Progress reported"),
    "Completed": pgettext_lazy("history", "Completed"),
    "Cancelled": pgettext_lazy("history", "Cancelled"),
    "Reopened": pgettext_lazy("history", "Reopened"),
    "Linked a document": _("Linked a document"),
    "Removed a document link": _("Removed a document link"),
    "Tagged with action lines and SDGs": _("Tagged with action lines and SDGs"),
    "Imported gap-analysis items": _("Imported gap-analysis items"),
}
# The field names an "Edited: ..." comment lists (services' EDITABLE_FIELDS and ITEM_FIELDS).
FIELDS = {
    "meeting": _("meeting"),
    "agenda item": _("agenda item"),
    "title": _("title"),
    "description": _("description"),
    "owner": _("owner"),
    "due date": _("due date"),
    "requirement": _("requirement"),
    "coverage": _("coverage"),
    "proposed response": _("proposed response"),
    "status": _("status"),
    "answering action": _("answering action"),
    "answering document": _("answering document"),
    "tags": _("tags"),
    "mandates": _("mandates"),
}
EDITED = re.compile(r"Edited: (?P<fields>.+)")


@dataclass(frozen=True)
class HistoryEntry:
    when: object
    who: str
    comment: str


def readable_comment(comment: str) -> str:
    """The comment in the active language; a comment no rule knows is shown as stored."""
    if comment in COMMENTS:
        return str(COMMENTS[comment])
    edited = EDITED.fullmatch(comment)
    if edited:
        names = [name.strip() for name in edited["fields"].split(",")]
        fields = ", ".join(str(FIELDS.get(name, name)) for name in names)
        return str(_("Edited: %(fields)s")) % {"fields": fields}
    return comment


def history_of(obj: Model, *, limit: int = 20) -> list[HistoryEntry]:
    versions = (
        Version.objects.get_for_object(obj)
        .select_related("revision__user")
        .order_by("-revision__date_created", "-pk")[:limit]
    )
    return [
        HistoryEntry(
            when=version.revision.date_created,
            who=str(version.revision.user) if version.revision.user else "—",
            comment=readable_comment(version.revision.comment),
        )
        for version in versions
    ]
