import pytest

from documents.models import Document
from tests.documents.factories import DocumentFactory
from tests.meetings.factories import MeetingFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_delegate_searches_in_arabic_narrows_by_kind_and_opens_a_result(
    page, live_server, working_group, screenshot_path
):
    meeting = MeetingFactory(working_group=working_group, number=44)
    published = {"status": Document.Status.PUBLISHED, "access": Document.Access.PUBLIC}
    report = "تقرير الأمانة عن التنمية الرقمية"
    DocumentFactory(meeting=meeting, title=report, number=7, **published)
    DocumentFactory(
        meeting=meeting,
        kind=Document.Kind.INFORMATION,
        title="مذكرة إعلامية من الأمانة",
        number=2,
        **published,
    )
    DocumentFactory(meeting=meeting, title="مسودة الأمانة السرية")  # a draft: never found
    page.context.add_cookies([{"name": "django_language", "value": "ar", "url": live_server.url}])

    page.goto("/")
    page.fill("#header-q", "الامانه")  # without hamza or ta marbuta
    page.press("#header-q", "Enter")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator(".result").count() == 2
    assert page.locator(".result mark").first.inner_text() == "الأمانة"
    assert "السرية" not in page.content()
    page.screenshot(path=screenshot_path("results"))

    page.locator(".facets a", has_text="وثيقة معلومات").click()
    assert page.locator(".result").count() == 1
    page.locator(".result h3 a").click()
    assert page.locator("h1").inner_text() == "مذكرة إعلامية من الأمانة"
