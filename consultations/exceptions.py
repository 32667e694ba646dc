"""Domain errors of consultations, each with a message for a person."""

from django.utils.translation import gettext_lazy as _

from cwg.exceptions import DomainError, InvalidTransition, NotAllowed


class CallClosed(InvalidTransition):
    code = "call_closed"
    default_message = _("This call for inputs is closed: it no longer accepts submissions.")


class SignInRequired(NotAllowed):
    code = "sign_in_required"
    default_message = _("This call is open to members only: please sign in to answer it.")


class ReasonRequired(DomainError):
    code = "reason_required"
    default_message = _("Please give a reason for rejecting an input.")


class BadWithdrawLink(NotAllowed):
    code = "bad_withdraw_link"
    default_message = _("This link is not valid. Please use the link from your e-mail.")


class AttachmentRefused(DomainError):
    """A file sent with an input was refused before anything was stored."""

    code = "attachment_refused"
    http_status = 422
    default_message = _("This file cannot be accepted.")


class QuestionsLocked(InvalidTransition):
    code = "questions_locked"
    default_message = _(
        "The questions of a call lock once it opens: its answers refer to them. "
        "Write a new call to ask other questions."
    )
