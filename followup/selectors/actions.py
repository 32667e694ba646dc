"""Reads for the follow-up dashboard: one query for the rows, grouping done in Python."""

import datetime as dt
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.utils.translation import gettext as _

from cwg.models import Officer
from cwg.permissions import AnyUser
from followup.models import Action
from meetings.models import AgendaItem, Meeting


def owner_key(action: Action) -> str:
    if action.owner_user_id:
        return f"user:{action.owner_user_id}"
    if action.owner_group_id:
        return f"group:{action.owner_group_id}"
    return f"officer:{action.owner_officer_id}"


def _owner_filter(key: str) -> Q | None:
    kind, _sep, pk = key.partition(":")
    field_name = {"user": "owner_user", "group": "owner_group", "officer": "owner_officer"}.get(
        kind
    )
    if field_name is None or not pk.isdigit():
        return None
    return Q(**{f"{field_name}_id": int(pk)})


def _with_rows(queryset: QuerySet[Action], *, today: dt.date) -> QuerySet[Action]:
    """Overdue first, then by due date; owners and meeting joined so templates never query."""
    return (
        queryset.select_related(
            "meeting__working_group", "agenda_item", "owner_user", "owner_group", "owner_officer"
        )
        .annotate(
            late_rank=Case(
                When(Q(status__in=Action.OPEN_STATUSES, due_date__lt=today), then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("late_rank", "due_date", "pk")
    )


def dashboard_actions(
    *,
    today: dt.date,
    meeting_number: int | None = None,
    owner: str = "",
    status: str = "",
    overdue_only: bool = False,
) -> list[Action]:
    queryset = Action.objects.filter(status=status) if status else Action.objects.still_open()
    if meeting_number is not None:
        queryset = queryset.filter(meeting__number=meeting_number)
    owner_q = _owner_filter(owner) if owner else None
    if owner_q is not None:
        queryset = queryset.filter(owner_q)
    if overdue_only:
        queryset = queryset.filter(status__in=Action.OPEN_STATUSES, due_date__lt=today)
    return list(_with_rows(queryset, today=today))


def my_actions(*, user: AnyUser, today: dt.date) -> list[Action]:
    return list(_with_rows(Action.objects.owned_by(user).still_open(), today=today))


def action_owner_choices() -> list[tuple[str, str]]:
    """Every owner of an action, as (key, label), in one query."""
    rows = (
        Action.objects.values_list(
            "owner_user_id",
            "owner_user__username",
            "owner_group_id",
            "owner_group__name",
            "owner_officer_id",
            "owner_officer__name",
        )
        .distinct()
        .order_by()
    )
    choices = set()
    for user_id, username, group_id, group, officer_id, officer in rows:
        if user_id:
            choices.add((f"user:{user_id}", username))
        elif group_id:
            choices.add((f"group:{group_id}", group))
        elif officer_id:
            choices.add((f"officer:{officer_id}", officer))
    return sorted(choices, key=lambda choice: choice[1].casefold())


@dataclass
class ActionGroup:
    label: str
    actions: list[Action] = field(default_factory=list)


def group_actions(actions: list[Action], *, by: str) -> list[ActionGroup]:
    """Groups in the order of their first (most urgent) action; rows keep their order."""
    groups: dict[str, ActionGroup] = {}
    for action in actions:
        if by == "meeting":
            key, label = str(action.meeting_id), str(action.meeting)
        else:
            key, label = owner_key(action), str(action.owner)
        groups.setdefault(key, ActionGroup(label=label)).actions.append(action)
    return list(groups.values())


def person_label(user) -> str:
    return user.get_full_name() or user.username


@dataclass
class ActionFormChoices:
    """What the action form offers, read in five queries whatever the numbers."""

    meetings: dict[int, Meeting]
    agenda_items: dict[int, AgendaItem]
    users: dict[int, object]
    groups: dict[int, Group]
    officers: dict[int, Officer]

    def agenda_by_meeting(self) -> list[tuple[Meeting, list[AgendaItem]]]:
        by_meeting: dict[int, list[AgendaItem]] = {}
        for item in self.agenda_items.values():
            by_meeting.setdefault(item.meeting_id, []).append(item)
        return [(m, by_meeting[pk]) for pk, m in self.meetings.items() if pk in by_meeting]

    def owner_groups(self) -> list[tuple[str, list[tuple[str, str]]]]:
        return [
            (_("People"), [(f"user:{pk}", person_label(u)) for pk, u in self.users.items()]),
            (_("Groups"), [(f"group:{pk}", g.name) for pk, g in self.groups.items()]),
            (_("Officers"), [(f"officer:{pk}", str(o)) for pk, o in self.officers.items()]),
        ]

    def owner_arguments(self, kind: str, pk: int) -> dict[str, object]:
        return {
            "owner_user": self.users.get(pk) if kind == "user" else None,
            "owner_group": self.groups.get(pk) if kind == "group" else None,
            "owner_officer": self.officers.get(pk) if kind == "officer" else None,
        }


def action_form_choices() -> ActionFormChoices:
    meetings = Meeting.objects.select_related("working_group").order_by("-start_date")
    items = AgendaItem.objects.order_by("meeting", "order", "number")
    users = get_user_model().objects.filter(is_active=True).order_by("username")
    return ActionFormChoices(
        meetings={m.pk: m for m in meetings},
        agenda_items={i.pk: i for i in items},
        users={u.pk: u for u in users},
        groups={g.pk: g for g in Group.objects.order_by("name")},
        officers={o.pk: o for o in Officer.objects.current().order_by("role", "name")},
    )
