"""Anonymous visitors' pages from the shared cache: who gets them, in which language, what never
goes in (cwg/pagecache.py). The events that refresh each page are tested with their apps."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages import add_message, get_messages
from django.contrib.messages import constants as message_levels
from django.contrib.messages.storage import default_storage
from django.contrib.sessions.backends.cache import SessionStore
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import Client
from django.urls import reverse

from cwg.pagecache import public_page
from tests.meetings.factories import AgendaItemFactory, MeetingFactory

pytestmark = pytest.mark.django_db
PAGE_CACHE = True  # anonymous pages from the cache, as in production (tests/conftest.py)


@pytest.fixture
def meeting(working_group):
    meeting = MeetingFactory(working_group=working_group, number=44, venue="Geneva")
    AgendaItemFactory(meeting=meeting, title="Opening of the meeting")
    return meeting


def test_the_second_anonymous_visitor_gets_the_cached_page(meeting):
    url = reverse("meetings:detail", args=[44])
    first = Client().get(url)
    second = Client().get(url)
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "Opening of the meeting" in second.content.decode()


def test_a_cached_page_costs_no_query(meeting, django_assert_num_queries):
    url = reverse("cwg:home")
    Client().get(url)
    with django_assert_num_queries(0):
        assert Client().get(url)["X-Page-Cache"] == "hit"


def test_each_language_has_its_own_page(meeting):
    url = reverse("meetings:detail", args=[44])
    english = Client().get(url).content.decode()
    arabic_client = Client()
    arabic_client.cookies["django_language"] = "ar"
    arabic = arabic_client.get(url).content.decode()
    by_header = Client(headers={"accept-language": "ar"}).get(url)
    assert 'dir="ltr"' in english
    assert 'dir="rtl"' in arabic
    assert by_header["X-Page-Cache"] == "hit"  # the same Arabic page, chosen by the header
    assert 'dir="rtl"' in by_header.content.decode()


def test_anonymous_pages_carry_no_csrf_token_and_set_no_cookie(meeting):
    for url in (reverse("cwg:home"), reverse("meetings:detail", args=[44])):
        response = Client().get(url)
        assert "csrfmiddlewaretoken" not in response.content.decode()
        assert not response.cookies


def test_signing_in_between_two_anonymous_requests_leaks_nothing(meeting, people):
    url = reverse("meetings:detail", args=[44])
    Client().get(url)  # an anonymous visitor fills the cache
    chair = Client()
    chair.force_login(people["chair"])
    signed_in = chair.get(url)
    assert "X-Page-Cache" not in signed_in  # neither served from nor stored in the cache
    assert "Signed in as" in signed_in.content.decode()
    chair.post(reverse("logout"))
    after = Client().get(url)
    html = after.content.decode()
    assert after["X-Page-Cache"] == "hit"
    assert "Signed in as" not in html
    assert "Sign out" not in html
    assert "Sign in" in html


def test_a_signed_in_page_is_never_stored(meeting, people):
    url = reverse("cwg:home")
    delegate = Client()
    delegate.force_login(people["delegate"])
    delegate.get(url)
    anonymous = Client().get(url)
    assert anonymous["X-Page-Cache"] == "miss"
    assert "Signed in as" not in anonymous.content.decode()


def test_a_visitor_with_pending_messages_gets_a_fresh_page(meeting):
    url = reverse("cwg:home")
    Client().get(url)
    carrying = Client()
    carrying.cookies["messages"] = "anything"
    assert "X-Page-Cache" not in carrying.get(url)


def _anonymous_request(rf, path: str):
    request = rf.get(path)
    request.user = AnonymousUser()
    request.session = SessionStore()
    request._messages = default_storage(request)
    return request


def test_a_page_that_shows_a_message_is_not_stored(rf, settings):
    @public_page(lambda: ["test"])
    def view(request):
        add_message(request, message_levels.INFO, "Your input was received.")
        return HttpResponse(" ".join(str(message) for message in get_messages(request)))

    for _ in range(2):
        response = view(_anonymous_request(rf, "/with-message/"))
        assert "X-Page-Cache" not in response


def test_a_page_that_holds_a_csrf_token_is_not_stored(rf):
    @public_page(lambda: ["test"])
    def view(request):
        return HttpResponse(get_token(request))

    for _ in range(2):
        assert "X-Page-Cache" not in view(_anonymous_request(rf, "/with-form/"))


def test_an_error_page_is_not_stored(working_group):
    url = reverse("meetings:detail", args=[999])
    assert Client().get(url).status_code == 404
    assert "X-Page-Cache" not in Client().get(url)


def test_off_when_the_setting_is_zero(meeting, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    url = reverse("cwg:home")
    Client().get(url)
    assert "X-Page-Cache" not in Client().get(url)


def test_editing_the_meeting_refreshes_its_page_and_the_home_page(meeting, people):
    home, page = reverse("cwg:home"), reverse("meetings:detail", args=[44])
    for url in (home, page):
        Client().get(url)
    meeting.venue = "Kigali"
    meeting.save()
    for url in (home, page):
        response = Client().get(url)
        assert response["X-Page-Cache"] == "miss"
        assert "Kigali" in response.content.decode()


def test_the_page_is_refreshed_again_after_commit(meeting, django_capture_on_commit_callbacks):
    """A page rendered from the old rows by another request between the change and its commit
    (simulated: cached again before the commit) is not served once the change commits."""
    url = reverse("meetings:detail", args=[44])
    with django_capture_on_commit_callbacks() as callbacks:
        AgendaItemFactory(meeting=meeting, title="Any other business")
        Client().get(url)  # cached before the commit
        assert Client().get(url)["X-Page-Cache"] == "hit"
    assert callbacks
    for callback in callbacks:
        callback()
    assert Client().get(url)["X-Page-Cache"] == "miss"


def test_the_language_link_sets_the_language_and_goes_back(meeting):
    client = Client()
    page = reverse("meetings:detail", args=[44])
    response = client.get(reverse("cwg:switch_language", args=["ar"]), {"next": page})
    assert response.status_code == 302
    assert response["Location"] == page
    assert response.cookies["django_language"].value == "ar"
    assert 'dir="rtl"' in client.get(page).content.decode()


def test_the_language_link_refuses_other_sites_and_unknown_languages(working_group):
    response = Client().get(
        reverse("cwg:switch_language", args=["fr"]), {"next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("cwg:home")
    assert Client().get(reverse("cwg:switch_language", args=["xx"])).status_code == 404


def test_every_page_links_to_each_language_without_a_form(meeting):
    html = Client().get(reverse("meetings:detail", args=[44])).content.decode()
    for code in ("ar", "zh-hans", "en", "fr", "ru", "es"):
        assert f'href="/language/{code}/?next=/meetings/44/"' in html
    assert 'lang="en" hreflang="en" rel="nofollow" aria-current="true"' in html


def test_an_api_token_is_never_given_nor_gives_the_shared_copy(working_group, people):
    from rest_framework.authtoken.models import Token

    url = reverse("document-list")
    token = Token.objects.create(user=people["secretariat"])
    with_token = Client(headers={"authorization": f"Token {token.key}"})
    assert "X-Page-Cache" not in with_token.get(url)
    Client().get(url)
    assert "X-Page-Cache" not in with_token.get(url)
    assert Client().get(url)["X-Page-Cache"] == "hit"


def test_json_and_the_browsable_api_are_cached_apart(working_group):
    url = reverse("document-list")
    json = Client(headers={"accept": "application/json"})
    assert json.get(url)["X-Page-Cache"] == "miss"
    browsable = Client(headers={"accept": "text/html"}).get(url)
    assert browsable["Content-Type"].startswith("text/html")
    hit = json.get(url)
    assert hit["X-Page-Cache"] == "hit"
    assert hit["Content-Type"] == "application/json"
