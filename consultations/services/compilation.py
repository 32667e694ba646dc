"""The compiled DOCX of a call's published inputs, registered as an information document."""

import io

from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from consultations import exports
from consultations.models import ConsultationCall
from consultations.permissions import can_moderate
from cwg.exceptions import NotAllowed
from documents.models import Document
from documents.services import register_secretariat_document
from meetings.models import Meeting


@transaction.atomic
def register_compiled_inputs(*, call: ConsultationCall, meeting: Meeting, by: User) -> Document:
    """Compile, then register through the documents workflow: it gets the next INF symbol.

    The secretariat publishes it from the document's page when it is ready.
    """
    if not can_moderate(user=by):
        raise NotAllowed(_("Only the secretariat registers the compiled inputs."))
    buffer = io.BytesIO()
    exports.write_docx(call=call, out=buffer)
    return register_secretariat_document(
        meeting=meeting,
        by=by,
        title=_("Published inputs to the call %(code)s") % {"code": call.code},
        kind=Document.Kind.INFORMATION,
        source_text=_("Secretariat"),
        file=SimpleUploadedFile(f"{call.code}-published-inputs.docx", buffer.getvalue()),
        language="en",
    )
