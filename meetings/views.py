from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from meetings.selectors import meeting_with_agenda


def meeting_detail(request: HttpRequest, number: int) -> HttpResponse:
    meeting = meeting_with_agenda(number=number)
    if meeting is None:
        raise Http404
    return render(request, "meetings/meeting_detail.html", {"meeting": meeting})
