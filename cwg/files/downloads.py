"""Serving a stored file: safe headers, and a file missing from storage answered 410, not 500."""

import logging

from django.http import FileResponse, HttpResponse, HttpResponseGone
from django.utils.translation import gettext as _

from cwg.files.names import content_disposition

logger = logging.getLogger(__name__)


def stored_file_response(stored, *, filename: str, content_type: str) -> HttpResponse:
    """``stored`` is a FileField's file. The browser saves it as ``filename`` and never sniffs
    another type; if the bytes are gone from storage, the reader is told and it is logged."""
    try:
        handle = stored.open("rb")
    except OSError:  # FileNotFoundError, or a storage that cannot reach the bytes
        logger.error("stored file %s is missing from storage", stored.name)
        return HttpResponseGone(
            _(
                "This file is missing from storage. Please tell the secretariat, who can restore "
                "it from a backup."
            ),
            content_type="text/plain; charset=utf-8",
        )
    response = FileResponse(handle, content_type=content_type)
    response["Content-Disposition"] = content_disposition(filename)
    response["X-Content-Type-Options"] = "nosniff"
    return response
