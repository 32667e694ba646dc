"""Domain errors of the documents app, each with a message a delegate can act on."""

from django.utils.translation import gettext_lazy as _

from cwg.exceptions import InvalidTransition
from cwg.files.exceptions import UploadRefused


class DuplicateFile(UploadRefused):
    code = "duplicate_file"
    http_status = 409
    default_message = _("This exact file was already uploaded to this document.")


class FileWouldReplace(InvalidTransition):
    """An upload in a language and revision that has a current file: it replaces that file only
    when the uploader confirms (the message names the file)."""

    code = "file_would_replace"
    default_message = _(
        "A current file exists in this language: confirm that the new one replaces it."
    )


class TranslationRefused(InvalidTransition):
    """A translation cell asked to move where its state does not lead (the message says why)."""

    code = "translation_refused"
    default_message = _("This language version cannot move to that state.")
