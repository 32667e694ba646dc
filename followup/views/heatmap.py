"""The action-line heat map: page (SVG and table), CSV, and the list behind each cell."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from consultations.models import ConsultationCall
from cwg.models import ActionLine
from cwg.opendata import descriptor_response
from followup import opendata
from followup.models import Action
from followup.permissions import can_see_heat_map
from followup.selectors.heatmap import (
    CSV_COLUMNS,
    action_line_heat_map,
    heat_map_csv_text,
    tagged_contributions,
    tagged_inputs,
)
from meetings.models import Meeting


def _allowed(request: HttpRequest) -> None:
    if not can_see_heat_map(user=request.user):
        raise PermissionDenied


def heat_map(request: HttpRequest) -> HttpResponse:
    _allowed(request)
    return render(
        request,
        "followup/heat_map.html",
        {"map": action_line_heat_map(user=request.user), "csv_columns": CSV_COLUMNS},
    )


def heat_map_csv(request: HttpRequest) -> HttpResponse:
    """One line per cell; the columns are described by heat_map_datapackage."""
    _allowed(request)
    response = HttpResponse(
        heat_map_csv_text(action_line_heat_map(user=request.user)),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="action-line-heat-map.csv"'
    return response


def heat_map_datapackage(request: HttpRequest) -> HttpResponse:
    _allowed(request)
    base_url = request.build_absolute_uri("/")
    return descriptor_response(opendata.heat_map_datapackage(base_url=base_url))


def heat_map_cell(request: HttpRequest, code: str, kind: str, key: str) -> HttpResponse:
    """What one cell counts, listed: the same querysets as the counts."""
    _allowed(request)
    line = ActionLine.objects.filter(code__iexact=code).first()
    if line is None or kind not in ("meeting", "call"):
        raise Http404
    context = {"line": line, "kind": kind, "documents": [], "inputs": [], "actions": []}
    if kind == "meeting":
        meeting = Meeting.objects.filter(number=key).first() if key.isdigit() else None
        if meeting is None:
            raise Http404
        context["column"] = meeting
        context["documents"] = list(
            tagged_contributions(request.user)
            .filter(meeting=meeting, action_lines=line)
            .select_related("meeting__working_group")
            .order_by("number")
        )
        context["actions"] = list(
            Action.objects.still_open().filter(meeting=meeting, action_lines=line)
        )
    else:
        call = ConsultationCall.objects.visible_to(request.user).filter(code=key).first()
        if call is None:
            raise Http404
        context["column"] = call.display_title
        context["inputs"] = list(
            tagged_inputs().filter(call=call, action_lines=line).order_by("number")
        )
    return render(request, "followup/heat_map_cell.html", context)
