"""Follow-up actions: creation and the transitions open -> in progress -> done | cancelled."""

import datetime as dt
from collections.abc import Callable, Iterable

import reversion
from django.contrib.auth.models import Group, User
from django.db import transaction
from django.db.models import Model
from django.utils.translation import gettext as _

from cwg.exceptions import InvalidTransition, NotAllowed
from cwg.models import ActionLine, Officer, SustainableDevelopmentGoal
from followup.models import Action, ActionUpdate
from followup.permissions import (
    can_cancel_action,
    can_complete_action,
    can_manage_actions,
    can_reopen_action,
    can_report_progress,
    can_start_action,
)
from followup.services.notices import notify_owner_on_commit
from followup.services.tags import apply_tags, tags_differ
from meetings.models import AgendaItem, Meeting

Status = Action.Status
Predicate = Callable[..., bool]


def _locked(action: Action) -> Action:
    return (
        Action.objects.select_for_update(of=("self",))
        .select_related("owner_group", "owner_officer")
        .get(pk=action.pk)
    )


def _save(action: Action, *, by: User, comment: str) -> None:
    action.full_clean()
    action.save()
    reversion.set_user(by)
    reversion.set_comment(comment)


@transaction.atomic
def create_action(
    *,
    meeting: Meeting,
    title: str,
    due_date: dt.date,
    by: User,
    description: str = "",
    agenda_item: AgendaItem | None = None,
    owner_user: User | None = None,
    owner_group: Group | None = None,
    owner_officer: Officer | None = None,
    action_lines: Iterable[ActionLine] | None = None,
    sdgs: Iterable[SustainableDevelopmentGoal] | None = None,
) -> Action:
    if not can_manage_actions(user=by):
        raise NotAllowed(_("Only the secretariat may create actions."))
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        raise InvalidTransition(_("The agenda item belongs to another meeting."))
    action = Action(
        meeting=meeting,
        agenda_item=agenda_item,
        title=title,
        description=description,
        owner_user=owner_user,
        owner_group=owner_group,
        owner_officer=owner_officer,
        due_date=due_date,
    )
    with reversion.create_revision():
        _save(action, by=by, comment="Created")
        apply_tags(action, action_lines=action_lines, sdgs=sdgs)
    notify_owner_on_commit(action)
    return action


def changed_labels(instance: Model, values: dict[str, object], labels: dict[str, str]) -> list[str]:
    """The labels of the fields whose new value differs, read without loading related rows."""
    changed = set()
    for name, label in labels.items():
        new = values[name]
        current = getattr(instance, instance._meta.get_field(name).attname)
        if current != (new.pk if isinstance(new, Model) else new):
            changed.add(label)
    return sorted(changed)


EDITABLE_FIELDS = {
    "meeting": "meeting",
    "agenda_item": "agenda item",
    "title": "title",
    "description": "description",
    "owner_user": "owner",
    "owner_group": "owner",
    "owner_officer": "owner",
    "due_date": "due date",
}


@transaction.atomic
def edit_action(
    *,
    action: Action,
    by: User,
    meeting: Meeting,
    title: str,
    due_date: dt.date,
    description: str = "",
    agenda_item: AgendaItem | None = None,
    owner_user: User | None = None,
    owner_group: Group | None = None,
    owner_officer: Officer | None = None,
    action_lines: Iterable[ActionLine] | None = None,
    sdgs: Iterable[SustainableDevelopmentGoal] | None = None,
) -> Action:
    """Correct what the action says, who owns it or when it is due; the history keeps each step."""
    action = _locked(action)
    if not can_manage_actions(user=by):
        raise NotAllowed(_("Only the secretariat may edit actions."))
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        raise InvalidTransition(_("The agenda item belongs to another meeting."))
    values = {
        "meeting": meeting,
        "agenda_item": agenda_item,
        "title": title.strip(),
        "description": description.strip(),
        "owner_user": owner_user,
        "owner_group": owner_group,
        "owner_officer": owner_officer,
        "due_date": due_date,
    }
    changed = changed_labels(action, values, EDITABLE_FIELDS)
    action_lines = None if action_lines is None else list(action_lines)
    sdgs = None if sdgs is None else list(sdgs)
    if tags_differ(action, action_lines, sdgs):
        changed.append("tags")
    if not changed:
        return action
    for name, value in values.items():
        setattr(action, name, value)
    with reversion.create_revision():
        _save(action, by=by, comment="Edited: " + ", ".join(changed))
        apply_tags(action, action_lines=action_lines, sdgs=sdgs)
    if "owner" in changed:
        notify_owner_on_commit(action)
    return action


def _transition(
    *, action: Action, by: User, allowed_from: tuple[str, ...], to: str, allowed: Predicate
) -> Action:
    action = _locked(action)
    if not allowed(user=by, action=action):
        raise NotAllowed(_("You may not change this action."))
    if action.status not in allowed_from:
        raise InvalidTransition(
            _("This action is %(status)s: the change is not possible.")
            % {"status": action.get_status_display()}
        )
    action.status = to
    return action


@transaction.atomic
def start_action(*, action: Action, by: User) -> Action:
    action = _transition(
        action=action,
        by=by,
        allowed_from=(Status.OPEN,),
        to=Status.IN_PROGRESS,
        allowed=can_start_action,
    )
    with reversion.create_revision():
        _save(action, by=by, comment="Started")
    return action


@transaction.atomic
def add_action_update(*, action: Action, text: str, by: User) -> ActionUpdate:
    action = _locked(action)
    if not can_report_progress(user=by, action=action):
        raise NotAllowed(_("You may not report progress on this action."))
    if not action.is_open:
        raise InvalidTransition(_("Progress can only be reported on an open action."))
    if not text.strip():
        raise InvalidTransition(_("Write what has progressed."))
    with reversion.create_revision():
        update = ActionUpdate.objects.create(action=action, author=by, text=text.strip())
        _save(action, by=by, comment="Progress reported")
    return update


@transaction.atomic
def complete_action(*, action: Action, by: User, note: str = "") -> Action:
    action = _transition(
        action=action,
        by=by,
        allowed_from=Action.OPEN_STATUSES,
        to=Status.DONE,
        allowed=can_complete_action,
    )
    with reversion.create_revision():
        if note.strip():
            ActionUpdate.objects.create(action=action, author=by, text=note.strip())
        _save(action, by=by, comment="Completed")
    return action


@transaction.atomic
def cancel_action(*, action: Action, by: User, reason: str) -> Action:
    action = _transition(
        action=action,
        by=by,
        allowed_from=Action.OPEN_STATUSES,
        to=Status.CANCELLED,
        allowed=can_cancel_action,
    )
    if not reason.strip():
        raise InvalidTransition(_("Say why the action is cancelled."))
    with reversion.create_revision():
        ActionUpdate.objects.create(action=action, author=by, text=reason.strip())
        _save(action, by=by, comment="Cancelled")
    return action


@transaction.atomic
def reopen_action(*, action: Action, by: User) -> Action:
    """Done or cancelled by mistake: the secretariat reopens; the history keeps both steps."""
    action = _transition(
        action=action,
        by=by,
        allowed_from=(Status.DONE, Status.CANCELLED),
        to=Status.OPEN,
        allowed=can_reopen_action,
    )
    with reversion.create_revision():
        _save(action, by=by, comment="Reopened")
    return action
