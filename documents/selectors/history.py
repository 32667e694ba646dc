"""The version history of a document as people read it: who, when, what changed from what."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from reversion.models import Version

from cwg.models import MemberState, Organization
from documents.models import Document
from meetings.models import AgendaItem

SHOWN_FIELDS = [
    "title",
    "status",
    "access",
    "source_text",
    "number",
    "revision",
    "withdrawn_reason",
    "is_late",
]
YES, NO = _("yes"), _("no")
RELATIONS = {
    "agenda_items": AgendaItem,
    "source_states": MemberState,
    "source_organizations": Organization,
}


@dataclass
class Change:
    label: str
    before: str
    after: str


@dataclass
class HistoryEntry:
    version_id: int
    when: object
    who: str
    comment: str
    changes: list[Change] = field(default_factory=list)


def _labels(fields: list[dict]) -> dict[str, dict[int, str]]:
    """Names of every related object any version mentions: one query per relation."""
    labels = {}
    for name, model in RELATIONS.items():
        ids = {pk for values in fields for pk in values.get(name, [])}
        labels[name] = {obj.pk: str(obj) for obj in model.objects.filter(pk__in=ids)}
    return labels


def _display(name: str, value, labels) -> str:
    if name in RELATIONS:
        return ", ".join(sorted(labels[name].get(pk, f"#{pk}") for pk in value or []))
    if name == "status":
        return str(Document.Status(value).label) if value in Document.Status.values else value
    if name == "access":
        return str(Document.Access(value).label) if value in Document.Access.values else value
    if isinstance(value, bool):
        return str(YES) if value else str(NO)
    return "" if value is None else str(value)


def history_of(*, document: Document) -> list[HistoryEntry]:
    versions = list(
        Version.objects.get_for_object(document).select_related("revision__user").order_by("pk")
    )
    fields = [version.field_dict for version in versions]
    labels = _labels(fields)
    entries = []
    previous: dict = {}
    for version, values in zip(versions, fields, strict=True):
        changes = []
        for name in [*SHOWN_FIELDS, *RELATIONS]:
            before = _display(name, previous.get(name), labels) if previous else ""
            after = _display(name, values.get(name), labels)
            if before != after:
                label = str(Document._meta.get_field(name).verbose_name)
                changes.append(Change(label=label, before=before, after=after))
        user = version.revision.user
        entries.append(
            HistoryEntry(
                version_id=version.pk,
                when=version.revision.date_created,
                who=(user.get_full_name() or user.username) if user else "",
                comment=version.revision.comment,
                changes=changes,
            )
        )
        previous = values
    return list(reversed(entries))
