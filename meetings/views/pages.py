from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from cwg.exceptions import NotAllowed
from cwg.pagecache import public_page
from meetings.exceptions import InvalidImport
from meetings.forms import ParticipantImportForm
from meetings.models import Meeting
from meetings.pagecache import meeting_scope
from meetings.permissions import can_manage_participants, can_see_participants
from meetings.selectors import attendance_counts, meeting_with_agenda, participants_of
from meetings.services import import_participants
from meetings.services.participants import accepted_attendance, accepted_roles


def _meeting_or_404(number: int) -> Meeting:
    meeting = meeting_with_agenda(number=number)
    if meeting is None:
        raise Http404
    return meeting


@public_page(lambda number: [meeting_scope(number)])
def meeting_detail(request: HttpRequest, number: int) -> HttpResponse:
    meeting = _meeting_or_404(number)
    return render(
        request,
        "meetings/meeting_detail.html",
        {
            "meeting": meeting,
            "attendance": attendance_counts(meeting=meeting),
            "can_manage_participants": can_manage_participants(user=request.user, meeting=meeting),
            "can_see_participants": can_see_participants(user=request.user, meeting=meeting),
        },
    )


def participant_list(request: HttpRequest, number: int) -> HttpResponse:
    meeting = _meeting_or_404(number)
    if not can_see_participants(user=request.user, meeting=meeting):
        raise PermissionDenied
    return render(
        request,
        "meetings/participant_list.html",
        {
            "meeting": meeting,
            "participants": list(participants_of(meeting=meeting)),
            "attendance": attendance_counts(meeting=meeting),
        },
    )


def run_import(request: HttpRequest, form, importer) -> tuple[object, int]:
    """(report, status) of an upload page: the importer's refusal becomes the file's error."""
    if request.method != "POST":
        return None, 200
    if not form.is_valid():
        return None, 400
    try:
        return importer(form.cleaned_data["file"]), 200
    except NotAllowed as exc:
        raise PermissionDenied from exc
    except InvalidImport as exc:
        form.add_error("file", exc.message)
        return None, 400


def participant_import(request: HttpRequest, number: int) -> HttpResponse:
    meeting = _meeting_or_404(number)
    if not can_manage_participants(user=request.user, meeting=meeting):
        raise PermissionDenied
    form = ParticipantImportForm(request.POST or None, request.FILES or None)
    report, status = run_import(
        request,
        form,
        lambda text: import_participants(meeting=meeting, csv_text=text, by=request.user),
    )
    return render(
        request,
        "meetings/participant_import.html",
        {
            "meeting": meeting,
            "form": form,
            "report": report,
            "roles": accepted_roles(),
            "attendance": accepted_attendance(),
        },
        status=status,
    )
