"""Domain errors: every service raises only these; views and the API turn them into 4xx answers."""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class DomainError(Exception):
    code = "domain_error"
    http_status = 400
    default_message: str | Promise = _("The request could not be completed.")

    def __init__(self, message: str | Promise | None = None) -> None:
        self.message = message if message is not None else self.default_message
        super().__init__(str(self.message))


class NotAllowed(DomainError):
    code = "not_allowed"
    http_status = 403
    default_message = _("You may not do this.")


class NotFound(DomainError):
    code = "not_found"
    http_status = 404
    default_message = _("Not found.")


class InvalidTransition(DomainError):
    code = "invalid_transition"
    http_status = 409
    default_message = _("This change is not possible in the current state.")
