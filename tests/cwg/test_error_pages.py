"""Error pages in the site's look, translated, saying what to do next; sign-in and back."""

from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.urls import include, path, reverse

from cwg import views

pytestmark = pytest.mark.django_db


def refuse(request):
    raise PermissionDenied


def suspicious(request):
    raise SuspiciousOperation("a forged header")


def broken(request):
    raise RuntimeError("a bug")


urlpatterns = [
    path("", include("cwg.urls")),
    path("test-refuse/", refuse),
    path("test-suspicious/", suspicious),
    path("test-broken/", broken),
    path("api/test-broken/", broken),
]
handler400 = views.bad_request
handler403 = views.permission_denied
handler404 = views.page_not_found
handler500 = views.server_error


def in_arabic(client):
    client.cookies["django_language"] = "ar"
    return client


def test_a_missing_page_has_the_site_around_it_and_says_what_to_do(client):
    response = client.get("/no-such-page/")
    body = response.content.decode()
    assert response.status_code == 404
    assert 'class="site-nav"' in body
    assert 'class="site-footer"' in body
    assert "Page not found" in body
    assert reverse("search:page") in body


def test_a_missing_page_in_arabic_reads_right_to_left(client):
    body = in_arabic(client).get("/no-such-page/").content.decode()
    assert 'dir="rtl"' in body
    assert 'lang="ar"' in body
    assert "الصفحة غير موجودة" in body


def test_an_anonymous_visitor_is_sent_to_sign_in_and_brought_back(client, people):
    dashboard = reverse("followup:action_dashboard")
    response = client.get(dashboard)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={dashboard}"
    people["secretariat"].set_password("pw-for-this-test")
    people["secretariat"].save()
    signed_in = client.post(
        response["Location"],
        {"username": people["secretariat"].username, "password": "pw-for-this-test"},
    )
    assert signed_in.status_code == 302
    assert signed_in["Location"] == dashboard
    assert client.get(dashboard).status_code == 200


def test_a_signed_in_person_refused_is_told_why_in_their_language(client, people):
    client.force_login(people["delegate"])
    response = in_arabic(client).get(reverse("followup:action_dashboard"))
    body = response.content.decode()
    assert response.status_code == 403
    assert 'dir="rtl"' in body
    assert "لا يمكنك فتح هذه الصفحة" in body
    assert 'class="site-nav"' in body


def test_the_api_still_answers_json_to_the_anonymous(client):
    response = client.get(reverse("action-list"))
    assert response.status_code == 403
    assert response["Content-Type"].startswith("application/json")


@pytest.mark.urls(__name__)
def test_a_refused_post_from_an_anonymous_visitor_is_a_403_page(client):
    response = client.post("/test-refuse/")
    assert response.status_code == 403
    assert "You cannot open this page" in response.content.decode()


@pytest.mark.urls(__name__)
def test_a_bad_request_has_its_own_page(client):
    response = client.get("/test-suspicious/")
    assert response.status_code == 400
    assert "The request could not be read" in response.content.decode()


@pytest.mark.urls(__name__)
def test_a_server_error_page_needs_nothing_but_the_template(client):
    client.raise_request_exception = False
    response = in_arabic(client).get("/test-broken/")
    body = response.content.decode()
    assert response.status_code == 500
    assert 'dir="rtl"' in body
    assert "css/site.css" in body
    api = client.get("/api/test-broken/")
    assert api.status_code == 500
    assert api.json()["code"] == "server_error"


def test_every_page_links_the_api_docs_open_data_accessibility_and_privacy(client):
    body = client.get(reverse("cwg:home")).content.decode()
    for name in ("api-docs", "cwg:open_data", "cwg:accessibility", "cwg:privacy"):
        assert f'href="{reverse(name)}"' in body
    assert 'rel="icon"' in body


def test_the_favicon_exists(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"].endswith("favicon.svg")
    assert b"<svg" in Path(finders.find("favicon.svg")).read_bytes()


def test_a_username_longer_than_any_account_is_refused_by_the_form(client):
    response = client.post(reverse("login"), {"username": "x" * 300, "password": "anything"})
    assert response.status_code == 200
    assert response.context["form"].errors["username"]
