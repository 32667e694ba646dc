"""Errors of the file layer, each with a message the uploader can act on."""

from django.utils.translation import gettext_lazy as _

from cwg.exceptions import DomainError


class UploadRefused(DomainError):
    """The file was refused before anything was stored; the message says what to do."""

    code = "upload_refused"
    http_status = 422
    default_message = _("This file cannot be accepted.")


class ExtractionFailed(DomainError):
    """Text could not be extracted; the reason is stored on the file for people to read."""

    code = "extraction_failed"
    http_status = 422
    default_message = _("The text of this file could not be extracted.")
