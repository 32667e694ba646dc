"""The home page: the group, its officers and its meetings, upcoming and past."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from cwg.pagecache import HOME_SCOPE, public_page
from cwg.selectors import current_officers, the_working_group
from meetings.selectors import meetings_of


@public_page(lambda: [HOME_SCOPE])
def home(request: HttpRequest) -> HttpResponse:
    group = the_working_group()
    context = {"group": group}
    if group is not None:
        today = timezone.localdate()
        meetings = meetings_of(working_group=group)
        context |= {
            "officers": current_officers(working_group=group),
            "upcoming_meetings": meetings.upcoming(today=today),
            "past_meetings": meetings.past(today=today),
        }
    return render(request, "cwg/home.html", context)
