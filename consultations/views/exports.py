"""Downloads of a call's inputs for its moderators: CSV, DOCX."""

from django.http import HttpRequest, HttpResponse

from consultations import exports
from consultations.views.moderation import moderator_call


def export_csv(request: HttpRequest, code: str) -> HttpResponse:
    call = moderator_call(request, code)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{call.code}-submissions.csv"'
    exports.write_csv(call=call, out=response)
    return response


def export_docx(request: HttpRequest, code: str) -> HttpResponse:
    call = moderator_call(request, code)
    response = HttpResponse(
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    response["Content-Disposition"] = f'attachment; filename="{call.code}-published-inputs.docx"'
    exports.write_docx(call=call, out=response)
    return response
