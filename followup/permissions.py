"""Who may see or do what in follow-up: the single source of truth, keyword-only predicates.

Predicates answer who may act; whether the action's state allows the step is the service's
question (a refused state is a conflict, a refused person is forbidden).
"""

from rest_framework.permissions import BasePermission

from cwg import permissions as cwg_permissions
from cwg.permissions import AnyUser, group_names, is_member, is_officer, is_secretariat
from followup.models import Action, RecordPackage


def owns_action(*, user: AnyUser, action: Action) -> bool:
    if not user.is_authenticated:
        return False
    if action.owner_user_id is not None:
        return action.owner_user_id == user.pk
    if action.owner_group_id is not None:
        return action.owner_group.name in group_names(user)
    return action.owner_officer.user_id == user.pk


def can_manage_actions(*, user: AnyUser) -> bool:
    """Create, edit, cancel and reopen: the secretariat only."""
    return is_secretariat(user)


def can_update_action(*, user: AnyUser, action: Action) -> bool:
    """Start, add progress and complete: the secretariat, or the action's owner."""
    return is_secretariat(user) or owns_action(user=user, action=action)


def can_start_action(*, user: AnyUser, action: Action) -> bool:
    return can_update_action(user=user, action=action)


def can_report_progress(*, user: AnyUser, action: Action) -> bool:
    return can_update_action(user=user, action=action)


def can_complete_action(*, user: AnyUser, action: Action) -> bool:
    return can_update_action(user=user, action=action)


def can_cancel_action(*, user: AnyUser, action: Action) -> bool:
    return can_manage_actions(user=user)


def can_reopen_action(*, user: AnyUser, action: Action) -> bool:
    return can_manage_actions(user=user)


def can_link_document(*, user: AnyUser, action: Action) -> bool:
    """Pointing an action at the documents that answer it: the secretariat and officers."""
    return is_secretariat(user) or is_officer(user)


def can_manage_gap_analyses(*, user: AnyUser) -> bool:
    """Import gap items and edit them: the secretariat."""
    return is_secretariat(user)


def can_start_gap_analysis(*, user: AnyUser, action: Action) -> bool:
    return can_manage_gap_analyses(user=user)


def can_see_actions(*, user: AnyUser) -> bool:
    """Follow-up is internal work: the secretariat and officers read every action.

    Delegates and the public see none: actions name people and unfinished work, and the meeting
    reports already publish what the group decided.
    """
    return is_secretariat(user) or is_officer(user)


def can_see_gap_analyses(*, user: AnyUser) -> bool:
    """The matrix, its downloads and its API: whoever reads every action."""
    return can_see_actions(user=user)


def can_see_action(*, user: AnyUser, action: Action) -> bool:
    return can_see_actions(user=user) or owns_action(user=user, action=action)


def actions_visible_to(user: AnyUser):
    """Every action for the secretariat and officers; their own for other signed-in people."""
    if can_see_actions(user=user):
        return Action.objects.all()
    if user.is_authenticated:
        return Action.objects.owned_by(user)
    return Action.objects.none()


class ActionApiPermission(BasePermission):
    """Signed-in people only; which rows they see is actions_visible_to."""

    def has_permission(self, request, view) -> bool:
        return bool(request.user and request.user.is_authenticated)


class GapAnalysisApiPermission(BasePermission):
    """Gap analyses are read by the secretariat and officers, as on the matrix page."""

    def has_permission(self, request, view) -> bool:
        return can_see_gap_analyses(user=request.user)


can_tag = cwg_permissions.can_tag


def can_see_heat_map(*, user: AnyUser) -> bool:
    """It counts open actions, which are internal: those who read every action."""
    return can_see_actions(user=user)


def record_package_access_for(*, user: AnyUser) -> str:
    """Members (anyone signed in with a role) get the members' package, everyone else the
    public one; restricted documents are in neither (documents_at_access_level)."""
    if is_member(user):
        return RecordPackage.Access.MEMBERS
    return RecordPackage.Access.PUBLIC


def record_package_holds_actions(*, access: str) -> bool:
    """The actions decided at the meeting, with their status and due date (no owner, no
    progress notes: those stay with whoever reads every action), are part of the members' record;
    the public reads what was decided in the chair's summary."""
    return access == RecordPackage.Access.MEMBERS
