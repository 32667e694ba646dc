"""What the action form offers: agenda items under their meeting, and owners as people.

An owner is a person (named with their office and delegation) or the secretariat, each once:
an officer who signs in is offered as that person, not a second time as an office.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.translation import gettext as _

from cwg.dates import shown_date
from cwg.models import Delegation, Officer
from cwg.permissions import SECRETARIAT
from followup.models import Action
from followup.selectors.actions import owner_key, person_label
from meetings.models import AgendaItem, Meeting


def meeting_label(meeting: Meeting) -> str:
    return _("Meeting %(number)s (%(symbol)s, %(date)s)") % {
        "number": meeting.number,
        "symbol": meeting,
        "date": shown_date(meeting.start_date),
    }


@dataclass
class ActionFormChoices:
    """Read in six queries whatever the numbers."""

    meetings: dict[int, Meeting]
    agenda_items: dict[int, AgendaItem]
    users: dict[int, object]
    groups: dict[int, Group]
    officers: dict[int, Officer]
    people: list[tuple[str, str]]
    secretariat: list[tuple[str, str]]

    def agenda_by_meeting(self) -> list[tuple[str, list[AgendaItem]]]:
        by_meeting: dict[int, list[AgendaItem]] = {}
        for item in self.agenda_items.values():
            by_meeting.setdefault(item.meeting_id, []).append(item)
        return [
            (meeting_label(m), by_meeting[pk])
            for pk, m in self.meetings.items()
            if pk in by_meeting
        ]

    def owner_groups(self) -> list[tuple[str, list[tuple[str, str]]]]:
        return [(_("The secretariat"), self.secretariat), (_("People"), self.people)]

    def owner_arguments(self, kind: str, pk: int) -> dict[str, object]:
        return {
            "owner_user": self.users.get(pk) if kind == "user" else None,
            "owner_group": self.groups.get(pk) if kind == "group" else None,
            "owner_officer": self.officers.get(pk) if kind == "officer" else None,
        }


def _offices_and_delegations() -> tuple[dict[int, list[str]], list[Officer]]:
    """Per user id, what to say after their name; and the officers who do not sign in."""
    said: dict[int, list[str]] = {}
    without_sign_in = []
    for officer in Officer.objects.current().select_related("member_state"):
        if officer.user_id is None:
            without_sign_in.append(officer)
        else:
            said.setdefault(officer.user_id, []).append(office_label(officer))
    delegations = Delegation.objects.select_related("member_state", "organization")
    for delegation in delegations:
        party = str(delegation.party)
        if not any(party in words for words in said.get(delegation.user_id, [])):
            said.setdefault(delegation.user_id, []).append(party)
    return said, without_sign_in


def office_label(officer: Officer) -> str:
    return f"{officer.get_role_display()} ({officer.member_state})"


def action_form_choices(*, current: Action | None = None) -> ActionFormChoices:
    """current: the action being edited keeps its owner on offer even if it is an old kind
    (another group, an officer who signs in), so saving other fields does not change it."""
    meetings = Meeting.objects.select_related("working_group").order_by("-start_date")
    items = AgendaItem.objects.order_by("meeting", "order", "number")
    users = {u.pk: u for u in get_user_model().objects.filter(is_active=True)}
    officers = {o.pk: o for o in Officer.objects.select_related("member_state", "user")}
    said, without_sign_in = _offices_and_delegations()
    people = [
        (f"user:{pk}", ", ".join([person_label(user), *dict.fromkeys(said.get(pk, []))]))
        for pk, user in users.items()
    ]
    people += [(f"officer:{o.pk}", f"{o.name}, {office_label(o)}") for o in without_sign_in]
    groups = {g.pk: g for g in Group.objects.all()}
    secretariat = [
        (f"group:{g.pk}", _("The secretariat")) for g in groups.values() if g.name == SECRETARIAT
    ]
    if current is not None:
        key = owner_key(current)
        if key not in dict(people + secretariat):
            people.append((key, str(current.owner)))
    people.sort(key=lambda choice: choice[1].casefold())
    return ActionFormChoices(
        meetings={m.pk: m for m in meetings},
        agenda_items={i.pk: i for i in items},
        users=users,
        groups=groups,
        officers=officers,
        people=people,
        secretariat=secretariat,
    )
