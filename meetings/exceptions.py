"""Domain errors of the meetings app."""

from django.utils.translation import gettext_lazy as _

from cwg.exceptions import DomainError


class InvalidImport(DomainError):
    code = "invalid_import"
    http_status = 400
    default_message = _("The file could not be read as a registration list.")
