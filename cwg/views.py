from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.templatetags.static import static
from django.views.decorators.cache import never_cache


@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """Liveness probe, and the load benchmark's ceiling (no database, no template)."""
    return HttpResponse("ok", content_type="text/plain")


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "Bad request.", "code": "bad_request"}, status=400)
    if not hasattr(request, "user"):  # refused before authentication (a NUL in the path)
        request.user = AnonymousUser()
    return render(request, "400.html", status=400)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    """A visitor who is not signed in is sent to sign in and brought back; others are told why."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "Forbidden.", "code": "permission_denied"}, status=403)
    if not request.user.is_authenticated and request.method in ("GET", "HEAD"):
        return redirect_to_login(request.get_full_path())
    return render(request, "403.html", status=403)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """The API answers JSON even where no URL pattern matched (e.g. a negative id)."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "Not found.", "code": "not_found"}, status=404)
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    """Rendered without the request's context: whatever failed (the database, a context
    processor) must not fail this page too."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "Server error.", "code": "server_error"}, status=500)
    return HttpResponse(loader.get_template("500.html").render(), status=500)


def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico whatever a page links to (the API docs, the admin)."""
    return redirect(static("favicon.svg"))


def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "cwg/accessibility.html")


def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "cwg/privacy.html")


def open_data(request: HttpRequest) -> HttpResponse:
    """What is published, its descriptor (datapackage.json) and its licence."""
    from cwg.opendata import published_datasets

    context = {"sources": published_datasets(request.user)}
    return render(request, "cwg/open_data.html", context)
