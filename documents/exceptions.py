"""Domain errors of the documents app, each with a message a delegate can act on."""

from django.utils.translation import gettext_lazy as _

from cwg.exceptions import DomainError, InvalidTransition


class UploadRefused(DomainError):
    """The file was refused before anything was stored; the message says what to do."""

    code = "upload_refused"
    http_status = 422
    default_message = _("This file cannot be accepted.")


class DuplicateFile(UploadRefused):
    code = "duplicate_file"
    http_status = 409
    default_message = _("This exact file was already uploaded to this document.")


class ExtractionFailed(DomainError):
    """Text could not be extracted; the reason is stored on the file for people to read."""

    code = "extraction_failed"
    http_status = 422
    default_message = _("The text of this file could not be extracted.")


class SubmissionClosed(InvalidTransition):
    code = "submission_closed"
    default_message = _("This document can no longer be changed.")
