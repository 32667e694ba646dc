"""Domain errors of the follow-up app."""

from django.utils.translation import gettext_lazy as _

from cwg.exceptions import DomainError


class RemindersPending(DomainError):
    """Some reminder mails failed; they stay pending and the task is retried."""

    code = "reminders_pending"
    http_status = 503
    default_message = _("Some reminders could not be sent and will be retried.")
