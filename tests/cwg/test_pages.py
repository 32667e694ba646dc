"""Each foundation page renders for every role, in English and Arabic, in constant queries."""

import pytest
from django.urls import reverse

from tests.meetings.factories import AgendaItemFactory, MeetingFactory
from tests.roles import ROLE_NAMES

pytestmark = pytest.mark.django_db

PAGES = {
    "home": lambda: reverse("cwg:home"),
    "meeting": lambda: reverse("meetings:detail", kwargs={"number": 44}),
    "login": lambda: reverse("login"),
}
# The meeting page lists its documents: the person's delegations and the documents are read too
# (their prefetches run only when there are documents; tests/meetings/test_cockpit.py counts them).
MAX_QUERIES = {"home": 9, "meeting": 8, "login": 4}


@pytest.fixture
def meetings(working_group):
    meeting = MeetingFactory(working_group=working_group, number=44)
    AgendaItemFactory.create_batch(3, meeting=meeting)
    return meeting


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("role", ROLE_NAMES)
@pytest.mark.parametrize("page", PAGES)
def test_page_renders_for_role_and_language(
    page, role, language, as_role, meetings, django_assert_max_num_queries
):
    client = as_role(role)
    client.cookies["django_language"] = language
    with django_assert_max_num_queries(MAX_QUERIES[page]):
        response = client.get(PAGES[page]())
    assert response.status_code == 200
    html = response.content.decode()
    expected_dir = 'dir="rtl"' if language == "ar" else 'dir="ltr"'
    assert f'<html lang="{language}" {expected_dir}>' in html


def test_meeting_page_shows_agenda_and_deadline(client, meetings):
    response = client.get(meetings.get_absolute_url())
    html = response.content.decode()
    for item in meetings.agenda_items.all():
        assert item.title in html
    assert "3 January 2026, 23:59" in html


def test_home_query_count_does_not_grow_with_meetings(
    client, working_group, django_assert_max_num_queries
):
    for number in range(1, 30):
        AgendaItemFactory(meeting=MeetingFactory(working_group=working_group, number=number))
    with django_assert_max_num_queries(MAX_QUERIES["home"]):
        assert client.get(reverse("cwg:home")).status_code == 200


def test_unknown_meeting_is_404(client, working_group):
    assert client.get(reverse("meetings:detail", kwargs={"number": 999})).status_code == 404


def test_arabic_page_is_translated(client, meetings):
    client.cookies["django_language"] = "ar"
    html = client.get(meetings.get_absolute_url()).content.decode()
    assert '<h2 id="agenda">جدول الأعمال</h2>' in html
    assert "تسجيل الدخول" in html  # "Sign in"


def test_language_switch_sets_the_language(client, meetings):
    response = client.post(
        reverse("set_language"), {"language": "ar", "next": meetings.get_absolute_url()}
    )
    assert response.status_code == 302
    assert 'dir="rtl"' in client.get(meetings.get_absolute_url()).content.decode()


def test_sign_in_and_out(client, people):
    response = client.post(reverse("login"), {"username": "chair", "password": "a-test-password-1"})
    assert response.status_code == 302
    assert "Signed in as" in client.get(reverse("cwg:home")).content.decode()
    client.post(reverse("logout"))
    assert "Sign in" in client.get(reverse("cwg:home")).content.decode()


def test_wrong_password_gives_a_message_and_keeps_the_user_name(client, people):
    response = client.post(reverse("login"), {"username": "chair", "password": "wrong"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "correct username and password" in html
    assert 'value="chair"' in html
