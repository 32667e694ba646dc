from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.templatetags.static import static
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from cwg.forms import MailLanguageForm
from cwg.models import UserPreference
from cwg.pagecache import OPEN_DATA_SCOPE, public_page
from cwg.services import record_last_language, set_mail_language


@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """Liveness probe, and the load benchmark's ceiling (no database, no template)."""
    return HttpResponse("ok", content_type="text/plain")


def _anonymous_unless_authenticated(request: HttpRequest) -> None:
    """A request refused before authentication ran (a control character in its path) is
    nobody's: the page around the message still needs a user."""
    if not hasattr(request, "user"):
        request.user = AnonymousUser()


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "Bad request.", "code": "bad_request"}, status=400)
    _anonymous_unless_authenticated(request)
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
    _anonymous_unless_authenticated(request)
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


@public_page(lambda: [OPEN_DATA_SCOPE])
def open_data(request: HttpRequest) -> HttpResponse:
    """What is published, its descriptor (datapackage.json) and its licence."""
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
    if request.user.is_authenticated:
        record_last_language(user=request.user, language=code)
    return response


@login_required
def mail_language(request: HttpRequest) -> HttpResponse:
    """The signed-in person chooses the language of their mails."""
    preference = UserPreference.objects.filter(user=request.user).first()
    initial = {"language": preference.language if preference else ""}
    form = MailLanguageForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            set_mail_language(user=request.user, language=form.cleaned_data["language"])
            messages.success(request, _("The language of your mails is saved."))
            return redirect("cwg:mail_language")
        status = 400
    else:
        status = 200
    context = {
        "form": form,
        "last_language": preference.get_last_language_display() if preference else "",
    }
    return render(request, "cwg/mail_language.html", context, status=status)
