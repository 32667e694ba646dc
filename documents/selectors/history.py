"""The version history of a document as people read it: who, when, what changed from what.

Who reads what (documents.permissions.can_see_drafting): the owning delegation and the secretariat
read everything; everyone else reads what happened from registration on (a co-sponsor's delegates:
from submission on), with roles ("the secretariat", "the delegation of Egypt") instead of names,
so a draft's title or access level never reaches them. Comments are stored in English with codes
and numbers (services' set_comment) and read here in the reader's language.
"""

import re
from dataclasses import dataclass, field

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Prefetch
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from reversion.models import Version

from cwg.dates import shown_datetime
from cwg.models import MemberState, Organization
from documents import permissions
from documents.models import Document, Language
from meetings.models import AgendaItem

SHOWN_FIELDS = [
    "title",
    "kind",
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
CHOICES = {"status": Document.Status, "access": Document.Access, "kind": Document.Kind}
REGISTERED_ON = {Document.Status.REGISTERED, Document.Status.PUBLISHED, Document.Status.WITHDRAWN}
SUBMITTED_ON = REGISTERED_ON | {Document.Status.SUBMITTED}


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
    if name in CHOICES:
        choices = CHOICES[name]
        return str(choices(value).label) if value in choices.values else (value or "")
    if isinstance(value, bool):
        return str(YES) if value else str(NO)
    return "" if value is None else str(value)


# Each stored comment, as the services write it, and how it reads in the reader's language.
COMMENTS = [
    (re.compile(r"Created the draft"), _("Created the draft")),
    (re.compile(r"Changed the details"), _("Changed the details")),
    (re.compile(r"Submitted"), _("Submitted")),
    (
        re.compile(r"Submitted after the deadline \(late\)"),
        _("Submitted after the deadline (late)"),
    ),
    (re.compile(r"Late contribution approved"), _("Late contribution approved")),
    (re.compile(r"Registered as (?P<symbol>.+)"), _("Registered as %(symbol)s")),
    (re.compile(r"Published"), _("Published")),
    (re.compile(r"Published as (?P<symbol>.+)"), _("Published as %(symbol)s")),
    (re.compile(r"Started the meeting summary"), _("Started the meeting summary")),
    (re.compile(r"Edited the summary"), _("Edited the summary")),
    (
        re.compile(r"Withdrawn \(was (?P<state>[^)]*)\): (?P<reason>.*)", re.DOTALL),
        _("Withdrawn (it was %(state)s): %(reason)s"),
    ),
    (re.compile(r"Revision (?P<revision>\d+) started"), _("Revision %(revision)s started")),
    (
        re.compile(r"Restored the details of version (?P<version>\d+)"),
        _("Restored the details of %(version)s"),
    ),
    (re.compile(r"Co-sponsors named: none"), _("Co-sponsors removed")),
    (re.compile(r"Co-sponsors named: (?P<states>.+)"), _("Co-sponsors named: %(states)s")),
    (
        re.compile(r"Co-sponsorship confirmed by (?P<states>[A-Z]{2})"),
        _("%(states)s confirmed its co-sponsorship"),
    ),
    (
        re.compile(r"Co-sponsorship declined by (?P<states>[A-Z]{2})"),
        _("%(states)s declined to co-sponsor"),
    ),
    (re.compile(r"Corrected: (?P<reason>.*)", re.DOTALL), _("Corrected: %(reason)s")),
    (re.compile(r"Started Rev\.(?P<revision>\d+)"), _("Started Rev.%(revision)s")),
    (re.compile(r"Published Rev\.(?P<revision>\d+)"), _("Published Rev.%(revision)s")),
    (
        re.compile(r"Edited the correction \(Rev\.(?P<revision>\d+)\)"),
        _("Edited the correction (Rev.%(revision)s)"),
    ),
    (
        re.compile(r"Published the correction as (?P<symbol>.+)"),
        _("Published the correction as %(symbol)s"),
    ),
    (re.compile(r"Proposed action lines and SDGs"), _("Proposed action lines and SDGs")),
    (
        re.compile(r"Added the (?P<language>\w+) file (?P<file>.+) \(Rev\.(?P<revision>\d+)\)"),
        _("Added the %(language)s file %(file)s (Rev.%(revision)s)"),
    ),
    (
        re.compile(
            r"Replaced the (?P<language>\w+) file (?P<file>.+) with (?P<new>.+)"
            r" \(Rev\.(?P<revision>\d+)\)"
        ),
        _("Replaced the %(language)s file %(file)s with %(new)s (Rev.%(revision)s)"),
    ),
    (
        re.compile(
            r"Removed the (?P<language>\w+) file (?P<file>.+) \(Rev\.(?P<revision>\d+)\): "
            r"(?P<reason>.*)",
            re.DOTALL,
        ),
        _("Removed the %(language)s file %(file)s (Rev.%(revision)s): %(reason)s"),
    ),
]
STATUS_BY_ENGLISH_LABEL = {str(label): value for value, label in Document.Status.choices}


def _language_name(stored: str) -> str:
    """A file's language as the services stored it (its English name) in the reader's language."""
    with translation.override("en"):
        codes = {str(label): code for code, label in Language.choices}
    if stored not in codes:
        return stored
    name = str(Language(codes[stored]).label)
    # Mid-sentence, only English writes a language's name with a capital.
    return name if translation.get_language().startswith("en") else name.lower()


def readable_comment(comment: str, *, version_dates: dict[int, object]) -> str:
    """The comment in the active language; a comment no pattern knows is shown as stored."""
    for pattern, words in COMMENTS:
        match = pattern.fullmatch(comment)
        if match is None:
            continue
        values = match.groupdict()
        if "states" in values:
            codes = [code.strip() for code in values["states"].split(",")]
            names = {
                state.iso_code: state.name
                for state in MemberState.objects.filter(iso_code__in=codes)
            }
            values["states"] = ", ".join(names.get(code, code) for code in codes)
        if "state" in values:
            status = STATUS_BY_ENGLISH_LABEL.get(values["state"])
            values["state"] = (
                str(Document.Status(status).label).lower() if status else values["state"]
            )
        if "language" in values:
            values["language"] = _language_name(values["language"])
        if "version" in values:
            when = version_dates.get(int(values["version"]))
            values["version"] = shown_datetime(when) if when else values["version"]
        return str(words) % values if values else str(words)
    return comment


def _shown_versions(versions: list, fields: list[dict], *, from_states: set | None) -> int:
    """Index of the first version the reader may see: the first in one of from_states."""
    if from_states is None:
        return 0
    for index, values in enumerate(fields):
        if values.get("status") in from_states:
            return index
    return len(versions)


def history_of(*, document: Document, user: User | AnonymousUser) -> list[HistoryEntry]:
    versions = list(
        Version.objects.get_for_object(document)
        .select_related("revision__user")
        .prefetch_related(
            Prefetch("revision__user__delegations"),
            "revision__user__delegations__member_state",
            "revision__user__delegations__organization",
        )
        .order_by("pk")
    )
    fields = [version.field_dict for version in versions]
    drafting = permissions.can_see_drafting(user=user, document=document)
    from_states = None
    if not drafting:
        cosponsor = permissions.is_cosponsor_delegate(user=user, document=document)
        from_states = SUBMITTED_ON if cosponsor else REGISTERED_ON
    start = _shown_versions(versions, fields, from_states=from_states)
    names = permissions.is_secretariat(user)
    labels = _labels(fields[start:])
    dates = {version.pk: version.revision.date_created for version in versions}
    entries = []
    previous: dict = {}
    for version, values in zip(versions[start:], fields[start:], strict=True):
        changes = []
        for name in [*SHOWN_FIELDS, *RELATIONS]:
            before = _display(name, previous.get(name), labels) if previous else ""
            after = _display(name, values.get(name), labels)
            if before != after:
                label = str(Document._meta.get_field(name).verbose_name)
                changes.append(Change(label=label, before=before, after=after))
        entries.append(
            HistoryEntry(
                version_id=version.pk,
                when=version.revision.date_created,
                who=_who(version.revision.user, with_name=names),
                comment=readable_comment(version.revision.comment, version_dates=dates),
                changes=changes,
            )
        )
        previous = values
    return list(reversed(entries))


def _who(user: User | None, *, with_name: bool) -> str:
    role = permissions.role_in_words(user)
    if with_name and user is not None:
        return f"{role} ({user.get_full_name() or user.username})"
    return str(role)
