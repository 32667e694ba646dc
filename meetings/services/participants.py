"""Importing a meeting's registration list (CSV), idempotent and line by line."""

import csv
import io
from dataclasses import dataclass, field

import reversion
from django.contrib.auth.models import User
from django.db import transaction
from django.utils.translation import gettext as _

from cwg.characters import clean_text
from cwg.exceptions import NotAllowed
from cwg.models import MemberState, Organization
from meetings.exceptions import InvalidImport
from meetings.models import Meeting, Participant
from meetings.permissions import can_manage_participants

REQUIRED_COLUMNS = ("name", "role", "attendance")
# An officer of the group is listed as an officer whatever their office is called in the file.
ROLE_WORDS = {"chair": "officer", "vice-chair": "officer", "vice chair": "officer"}
ATTENDANCE_WORDS = {
    "in person": Participant.Attendance.IN_PERSON,
    "in_person": Participant.Attendance.IN_PERSON,
    "in-person": Participant.Attendance.IN_PERSON,
    "remote": Participant.Attendance.REMOTE,
    "online": Participant.Attendance.REMOTE,
}


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    refused: list[tuple[int, str]] = field(default_factory=list)


def name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _member_states_by_key() -> dict[str, MemberState]:
    found: dict[str, MemberState] = {}
    for state in MemberState.objects.all():
        found[state.iso_code.casefold()] = state
        for language in ("en", "fr", "es", "ru", "zh", "ar"):
            name = getattr(state, f"name_{language}")
            if name:
                found.setdefault(name_key(name), state)
    return found


def accepted_roles() -> str:
    """What a refusal and the import page list: each role's code and its name."""
    return ", ".join(f"{value} ({label})" for value, label in Participant.Role.choices)


def accepted_attendance() -> str:
    return ", ".join(f"{value} ({label})" for value, label in Participant.Attendance.choices)


def _role_from(text: str) -> str | None:
    key = name_key(text)
    if key in ROLE_WORDS:
        return ROLE_WORDS[key]
    for value, label in Participant.Role.choices:
        if key in (value, name_key(str(label))):
            return value
    return None


class _Lookups:
    def __init__(self) -> None:
        self.states = _member_states_by_key()
        self.organizations = {name_key(o.name): o for o in Organization.objects.all()}


def _parse_row(row: dict[str, str], lookups: _Lookups) -> dict:
    """The participant's fields from one CSV row, or InvalidImport with a reason for a person."""
    name = " ".join((row.get("name") or "").split())
    if not name:
        raise InvalidImport(_("The name is empty."))
    state_text = (row.get("member_state") or "").strip()
    organization_text = (row.get("organization") or "").strip()
    if bool(state_text) == bool(organization_text):
        raise InvalidImport(_("Give either a member state or an organization, not both."))
    member_state = organization = None
    if state_text:
        member_state = lookups.states.get(name_key(state_text))
        if member_state is None:
            raise InvalidImport(_("Unknown member state: %(value)s.") % {"value": state_text})
    else:
        organization = lookups.organizations.get(name_key(organization_text))
        if organization is None:
            raise InvalidImport(
                _("Unknown organization: %(value)s.") % {"value": organization_text}
            )
    role = _role_from(row.get("role") or "")
    if role is None:
        raise InvalidImport(
            _("Unknown role: %(value)s. Accepted roles: %(roles)s.")
            % {"value": row.get("role") or "", "roles": accepted_roles()}
        )
    attendance = ATTENDANCE_WORDS.get(name_key(row.get("attendance") or ""))
    if attendance is None:
        raise InvalidImport(
            _("Attendance must be “in person” or “remote”, not %(value)s. Accepted: %(words)s.")
            % {"value": row.get("attendance") or "", "words": accepted_attendance()}
        )
    return {
        "name": name,
        "member_state": member_state,
        "organization": organization,
        "role": role,
        "attendance": attendance,
    }


def read_csv_rows(csv_text: str, *, required: tuple[str, ...]) -> csv.DictReader:
    """A reader with normalised column names, or InvalidImport naming the missing columns.
    A file's text enters like a form's: cleaned of the characters XML and PostgreSQL refuse."""
    reader = csv.DictReader(io.StringIO(clean_text(csv_text.lstrip("\ufeff"))))
    columns = [name_key(c or "").replace(" ", "_") for c in (reader.fieldnames or [])]
    missing = [c for c in required if c not in columns]
    if missing:
        raise InvalidImport(
            _("The first line must name the columns; missing: %(columns)s. Columns read: %(read)s.")
            % {"columns": ", ".join(missing), "read": ", ".join(required)}
        )
    reader.fieldnames = columns
    return reader


@transaction.atomic
def import_participants(*, meeting: Meeting, csv_text: str, by: User) -> ImportReport:
    if not can_manage_participants(user=by, meeting=meeting):
        raise NotAllowed(_("You may not import the registration list of this meeting."))
    reader = read_csv_rows(csv_text, required=REQUIRED_COLUMNS)
    lookups = _Lookups()
    existing = {p.name_key: p for p in meeting.participants.select_for_update()}
    report = ImportReport()
    with reversion.create_revision():
        for row in reader:
            line = reader.line_num
            try:
                values = _parse_row(row, lookups)
            except InvalidImport as exc:
                report.refused.append((line, str(exc.message)))
                continue
            key = name_key(values["name"])
            participant = existing.get(key)
            if participant is None:
                participant = Participant(meeting=meeting, name_key=key, **values)
                report.created += 1
            elif all(getattr(participant, k) == v for k, v in values.items()):
                report.unchanged += 1
                continue
            else:
                for attribute, value in values.items():
                    setattr(participant, attribute, value)
                report.updated += 1
            participant.save()
            existing[key] = participant
        reversion.set_user(by)
        reversion.set_comment(f"Imported the registration list of meeting {meeting.number}")
    return report
