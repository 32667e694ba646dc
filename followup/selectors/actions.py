"""Reads for the follow-up dashboard: one query for the rows, grouping done in Python."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When

from cwg.permissions import AnyUser
from followup.models import Action


def owner_key(action: Action) -> str:
    """What the form stores: user:1, group:2 or officer:3."""
    if action.owner_user_id:
        return f"user:{action.owner_user_id}"
    if action.owner_group_id:
        return f"group:{action.owner_group_id}"
    return f"officer:{action.owner_officer_id}"


def person_key(action: Action) -> str:
    """Who owns it, once: an officer with a sign-in is the same person as that user."""
    officer = action.owner_officer
    if officer is not None and officer.user_id:
        return f"user:{officer.user_id}"
    return owner_key(action)


def person_label(user) -> str:
    return user.get_full_name() or user.username


def owner_label(action: Action) -> str:
    officer = action.owner_officer
    if officer is not None and officer.user_id:
        return person_label(officer.user)
    if action.owner_user_id:
        return person_label(action.owner_user)
    return str(action.owner)


def _owner_filter(key: str) -> Q | None:
    kind, _sep, pk = key.partition(":")
    if not pk.isdigit():
        return None
    if kind == "user":  # the person, whether assigned by name or through their office
        return Q(owner_user_id=int(pk)) | Q(owner_officer__user_id=int(pk))
    field_name = {"group": "owner_group", "officer": "owner_officer"}.get(kind)
    return Q(**{f"{field_name}_id": int(pk)}) if field_name else None


def _with_rows(queryset: QuerySet[Action], *, today: dt.date) -> QuerySet[Action]:
    """Overdue first, then by due date; owners and meeting joined so templates never query."""
    return (
        queryset.select_related(
            "meeting__working_group",
            "agenda_item",
            "owner_user",
            "owner_group",
            "owner_officer__user",
        )
        .prefetch_related("action_lines", "sdgs")
        .annotate(
            late_rank=Case(
                When(Q(status__in=Action.OPEN_STATUSES, due_date__lt=today), then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("late_rank", "due_date", "pk")
    )


def tagged(queryset: QuerySet, *, action_line: str = "", sdg: int | None = None) -> QuerySet:
    """Rows tagged with this action line (code, e.g. C3) and/or this SDG (number)."""
    if action_line:
        queryset = queryset.filter(action_lines__code__iexact=action_line)
    if sdg:
        queryset = queryset.filter(sdgs__number=sdg)
    return queryset


def dashboard_actions(
    *,
    today: dt.date,
    meeting_number: int | None = None,
    owner: str = "",
    status: str = "",
    overdue_only: bool = False,
    action_line: str = "",
    sdg: int | None = None,
) -> list[Action]:
    queryset = Action.objects.filter(status=status) if status else Action.objects.still_open()
    queryset = tagged(queryset, action_line=action_line, sdg=sdg)
    if meeting_number is not None:
        queryset = queryset.filter(meeting__number=meeting_number)
    owner_q = _owner_filter(owner) if owner else None
    if owner_q is not None:
        queryset = queryset.filter(owner_q)
    if overdue_only:
        queryset = queryset.filter(status__in=Action.OPEN_STATUSES, due_date__lt=today)
    return list(_with_rows(queryset, today=today))


def all_actions() -> list[Action]:
    """Every action, by meeting and due date, with what the export shows joined."""
    return list(
        Action.objects.select_related(
            "meeting", "agenda_item", "owner_user", "owner_group", "owner_officer__user"
        )
        .prefetch_related("action_lines", "sdgs")
        .order_by("meeting__number", "due_date", "pk")
    )


def my_actions(*, user: AnyUser, today: dt.date) -> list[Action]:
    return list(_with_rows(Action.objects.owned_by(user).still_open(), today=today))


def action_owner_choices() -> list[tuple[str, str]]:
    """Every owner of an action, as (key, label), each person once, in one query."""
    actions = Action.objects.select_related(
        "owner_user", "owner_group", "owner_officer__user"
    ).distinct()
    choices = {person_key(action): owner_label(action) for action in actions}
    return sorted(choices.items(), key=lambda choice: choice[1].casefold())


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
            key, label = person_key(action), owner_label(action)
        groups.setdefault(key, ActionGroup(label=label)).actions.append(action)
    return list(groups.values())
