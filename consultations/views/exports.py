"""Downloads of a call's inputs: the moderators' (CSV, XLSX, JSON, DOCX), the published inputs
(CSV, for whoever sees the call) and the Data Package that documents them."""

import io

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404

from consultations import exports, selectors
from consultations.exports.statistics import STATISTICS, statistics_rows
from consultations.exports.statistics import statistics_datapackage as statistics_datapackage_of
from consultations.models import ConsultationCall
from consultations.permissions import can_see_call
from consultations.views.moderation import moderator_call
from cwg.opendata import csv_response, descriptor_response

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _download(content_type: str, file_name: str) -> HttpResponse:
    response = HttpResponse(content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    return response


def _public_call(request: HttpRequest, code: str) -> ConsultationCall:
    call = get_object_or_404(ConsultationCall, code=code)
    if not can_see_call(user=request.user, call=call):
        raise Http404
    return call


def export_csv(request: HttpRequest, code: str) -> HttpResponse:
    call = moderator_call(request, code)
    response = _download("text/csv; charset=utf-8", f"{call.code}-submissions.csv")
    exports.write_csv(call=call, out=response)
    return response


def export_xlsx(request: HttpRequest, code: str) -> HttpResponse:
    call = moderator_call(request, code)
    buffer = io.BytesIO()
    exports.write_xlsx(call=call, out=buffer)
    response = _download(XLSX, f"{call.code}-submissions.xlsx")
    response.write(buffer.getvalue())
    return response


def export_json(request: HttpRequest, code: str) -> HttpResponse:
    call = moderator_call(request, code)
    response = _download("application/json; charset=utf-8", f"{call.code}-submissions.json")
    exports.write_json(call=call, out=response)
    return response


def export_docx(request: HttpRequest, code: str) -> HttpResponse:
    call = moderator_call(request, code)
    response = _download(DOCX, f"{call.code}-published-inputs.docx")
    exports.write_docx(call=call, out=response)
    return response


def published_csv(request: HttpRequest, code: str) -> HttpResponse:
    call = _public_call(request, code)
    response = _download("text/csv; charset=utf-8", f"{call.code}-published-inputs.csv")
    exports.write_csv(call=call, out=response, private=False)
    return response


def datapackage(request: HttpRequest, code: str) -> JsonResponse:
    call = _public_call(request, code)
    descriptor = exports.inputs_datapackage(call=call, base_url=request.build_absolute_uri("/"))
    return JsonResponse(descriptor, json_dumps_params={"ensure_ascii": False, "indent": 1})


def statistics_csv(request: HttpRequest, code: str) -> HttpResponse:
    call = _public_call(request, code)
    # Open data: the public figures for everyone (small totals suppressed, see call_statistics).
    rows = statistics_rows(stats=selectors.call_statistics(call=call, for_moderators=False))
    return csv_response(table=STATISTICS, rows=rows, filename=f"{call.code}-statistics.csv")


def statistics_datapackage(request: HttpRequest, code: str) -> JsonResponse:
    call = _public_call(request, code)
    base_url = request.build_absolute_uri("/")
    return descriptor_response(statistics_datapackage_of(call=call, base_url=base_url))
