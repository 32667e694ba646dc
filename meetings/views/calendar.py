from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from meetings.services.calendar import (
    build_calendar,
    calendar_token_for,
    rotate_calendar_token,
    user_for_calendar_token,
)

ICS = "text/calendar; charset=utf-8"


def _base_url(request: HttpRequest) -> str:
    return f"{request.scheme}://{request.get_host()}"


def public_feed(request: HttpRequest) -> HttpResponse:
    return HttpResponse(build_calendar(user=None, base_url=_base_url(request)), content_type=ICS)


def private_feed(request: HttpRequest, token: str) -> HttpResponse:
    user = user_for_calendar_token(token)
    if user is None:
        raise Http404
    response = HttpResponse(
        build_calendar(user=user, base_url=_base_url(request)), content_type=ICS
    )
    response["Cache-Control"] = "private, no-store"
    return response


def calendar_settings(request: HttpRequest) -> HttpResponse:
    """Everyone gets the public feed's address; signed-in people also their private one."""
    private_url = ""
    if request.user.is_authenticated:
        token = calendar_token_for(user=request.user)
        private_url = request.build_absolute_uri(
            reverse("meetings:private_calendar", kwargs={"token": token.token})
        )
    public_url = request.build_absolute_uri(reverse("meetings:public_calendar"))
    return render(
        request,
        "meetings/calendar.html",
        {"private_url": private_url, "public_url": public_url},
    )


@login_required
@require_POST
def rotate_token(request: HttpRequest) -> HttpResponse:
    rotate_calendar_token(by=request.user)
    messages.success(
        request, _("Your private address is reset: add the new one to your calendar application.")
    )
    return redirect("meetings:calendar")
