from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views import defaults
from django.views.decorators.cache import never_cache

from cwg.selectors import current_officers, the_working_group
from meetings.selectors import meetings_of


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


@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """Liveness probe, and the load benchmark's ceiling (no database, no template)."""
    return HttpResponse("ok", content_type="text/plain")


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """The API answers JSON even where no URL pattern matched (e.g. a negative id)."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "Not found.", "code": "not_found"}, status=404)
    return defaults.page_not_found(request, exception)
