from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views import defaults
from django.views.decorators.cache import never_cache


@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """Liveness probe, and the load benchmark's ceiling (no database, no template)."""
    return HttpResponse("ok", content_type="text/plain")


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """The API answers JSON even where no URL pattern matched (e.g. a negative id)."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "Not found.", "code": "not_found"}, status=404)
    return defaults.page_not_found(request, exception)


def open_data(request: HttpRequest) -> HttpResponse:
    """What is published, its descriptor (datapackage.json) and its licence."""
    from django.shortcuts import render

    from cwg.opendata import published_datasets

    context = {"sources": published_datasets(request.user)}
    return render(request, "cwg/open_data.html", context)
