from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import defaults
from django.views.decorators.cache import never_cache

from cwg.pagecache import OPEN_DATA_SCOPE, public_page


@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """Liveness probe, and the load benchmark's ceiling (no database, no template)."""
    return HttpResponse("ok", content_type="text/plain")


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """The API answers JSON even where no URL pattern matched (e.g. a negative id)."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "Not found.", "code": "not_found"}, status=404)
    return defaults.page_not_found(request, exception)


@public_page(lambda: [OPEN_DATA_SCOPE])
def open_data(request: HttpRequest) -> HttpResponse:
    """What is published, its descriptor (datapackage.json) and its licence."""
    from django.shortcuts import render

    from cwg.opendata import published_datasets

    context = {"sources": published_datasets(request.user)}
    return render(request, "cwg/open_data.html", context)


@never_cache
def switch_language(request: HttpRequest, code: str) -> HttpResponse:
    """The language switcher: a plain link per language, so pages carry no form and no CSRF token
    (anonymous visitors' pages are shared through the cache). Sets the same cookie as Django's
    set_language and goes back to the page the visitor was reading."""
    if code not in dict(settings.LANGUAGES):
        raise Http404
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = reverse("cwg:home")
    response = HttpResponseRedirect(next_url)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response
