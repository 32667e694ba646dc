"""Domain errors of the meetings app."""

from django.utils.translation import gettext_lazy as _

from cwg.exceptions import DomainError


class InvalidImport(DomainError):
    code = "invalid_import"
    http_status = 400
    default_message = _("The file could not be read as a registration list.")


class RemindersPending(DomainError):
    """Some reminder mails failed; they stay pending and the task is retried."""

    code = "reminders_pending"
    http_status = 503
    default_message = _("Some reminders could not be sent and will be retried.")
