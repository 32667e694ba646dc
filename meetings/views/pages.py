import datetime as dt

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy

from cwg.exceptions import NotAllowed
from meetings.exceptions import InvalidImport
from meetings.forms import ParticipantImportForm
from meetings.models import Meeting
from meetings.page_sections import sections_for
from meetings.permissions import (
    can_manage_participants,
    can_see_deadline_countdowns,
    can_see_participants,
)
from meetings.selectors import attendance_counts, meeting_with_agenda, participants_of
from meetings.services import import_participants
from meetings.services.participants import accepted_attendance, accepted_roles


def _meeting_or_404(number: int) -> Meeting:
    meeting = meeting_with_agenda(number=number)
    if meeting is None:
        raise Http404
    return meeting


CONTRIBUTIONS_DUE = gettext_lazy("Contributions due")
POSTED_BY = gettext_lazy("Documents posted by")


def days_left(deadline: dt.datetime) -> int:
    """Calendar days from today to the deadline's day in Geneva; negative once it is past."""
    return (timezone.localtime(deadline).date() - timezone.localdate()).days


def _deadlines(meeting: Meeting) -> list[dict]:
    now = timezone.now()
    deadlines = []
    for label, deadline in [
        (CONTRIBUTIONS_DUE, meeting.contribution_deadline),
        (POSTED_BY, meeting.posting_deadline),
    ]:
        days = days_left(deadline)
        deadlines.append(
            {"label": label, "at": deadline, "days": days, "ago": -days, "passed": deadline < now}
        )
    return deadlines


def meeting_detail(request: HttpRequest, number: int) -> HttpResponse:
    meeting = _meeting_or_404(number)
    sections = sections_for(request=request, meeting=meeting)
    countdowns = can_see_deadline_countdowns(user=request.user, meeting=meeting)
    return render(
        request,
        "meetings/meeting_detail.html",
        {
            "meeting": meeting,
            "sections": sections,
            "agenda_listed": any(section.lists_agenda for section in sections),
            "deadlines": _deadlines(meeting),
            "countdowns": countdowns,
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
