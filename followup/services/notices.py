"""Mails to the people who own an action, each in the language they chose, with the link."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import QuerySet
from django.utils import translation
from django.utils.translation import gettext as _

from cwg import outbox
from cwg.characters import clean_text, one_line
from followup.models import Action
from followup.models.preferences import mail_language

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
    return settings.SITE_URL.rstrip("/") + action.get_absolute_url()


def notify_owner_on_commit(action: Action) -> None:
    """In the assignment's transaction: its owner is told once it commits (see cwg.outbox)."""
    outbox.enqueue(ASSIGNMENT_NOTICE, action_id=action.pk)


def mail_assignment_notice(*, action_id: int) -> int:
    """One mail per owner, in their language; the number sent (0 if the action is gone)."""
    action = Action.objects.select_related("meeting__working_group").filter(pk=action_id).first()
    if action is None or not action.is_open:
        return 0
    sent = 0
    for user in owner_users(action).distinct():
        with translation.override(mail_language(user)):
            values = {
                "title": action.title,
                "meeting": action.meeting,
                "due": action.due_date.isoformat(),
                "link": action_link(action),
            }
            send_mail(
                one_line(_("Action assigned to you: %(title)s") % values),
                clean_text(
                    _(
                        "The secretariat assigned you the action “%(title)s” of meeting "
                        "%(meeting)s, due on %(due)s.\n\nSee it and report progress here:\n"
                        "%(link)s\n"
                    )
                    % values
                ),
                None,
                [user.email],
            )
        sent += 1
    return sent
