"""Domain errors of the documents app, each with a message a delegate can act on."""

from django.utils.translation import gettext_lazy as _

from cwg.files.exceptions import UploadRefused


class DuplicateFile(UploadRefused):
    code = "duplicate_file"
    http_status = 409
    default_message = _("This exact file was already uploaded to this document.")
