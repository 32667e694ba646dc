"""Mails to the people who own an action, each in their language (cwg.mail), with the link."""

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from cwg import outbox
from cwg.mail import mail_now, site_link
from followup.models import Action

ASSIGNMENT_NOTICE = "followup.send_assignment_notice"  # the outbox handler, in followup/tasks.py


def owner_users(action: Action) -> QuerySet:
    """The people behind the owner, with an address: the person, the group's members or the
    officer's sign-in."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    if action.owner_user_id:
        return users.filter(pk=action.owner_user_id)
    if action.owner_group_id:
        return users.filter(groups=action.owner_group_id)
    return users.filter(officer_terms=action.owner_officer_id)


def action_link(action: Action) -> str:
    return site_link(action.get_absolute_url())


def notify_owner_on_commit(action: Action) -> None:
    """In the assignment's transaction: its owner is told once it commits (see cwg.outbox)."""
    outbox.enqueue(ASSIGNMENT_NOTICE, action_id=action.pk)


def mail_assignment_notice(*, action_id: int) -> int:
    """One mail per language among the owners; the number of people mailed (0 if the action
    is gone or closed)."""
    action = Action.objects.select_related("meeting__working_group").filter(pk=action_id).first()
    if action is None or not action.is_open:
        return 0
    context = {"action": action, "link": action_link(action)}
    return len(mail_now(owner_users(action).distinct(), "followup/mail/action_assigned", context))
