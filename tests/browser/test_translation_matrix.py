"""The six-language matrix of meeting 44: the secretariat requests every missing language of two
documents in one action, delivers the Arabic file from its cell, and publishes it; the matrix
scrolls in its own box on a phone and reads right to left in Arabic."""

import datetime as dt

import pytest
from django.utils import timezone

from documents.models import TranslationRequest
from tests.browser.conftest import sign_in
from tests.documents.factories import docx_bytes, published_document
from tests.meetings.factories import MeetingFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _cell(page, title: str, language: str):
    return page.locator(f"tr:has(a:text-is('{title}')) td[data-language='{language}']")


def test_request_deliver_and_publish_from_the_matrix(page, people, tmp_path, screenshot_path):
    opens = timezone.localdate() + dt.timedelta(days=30)
    meeting = MeetingFactory(
        working_group=people.working_group, number=44, start_date=opens, end_date=opens
    )
    first = published_document(meeting, people, "Broadband for all", languages=("en",))
    second = published_document(meeting, people, "Digital skills", languages=("en", "fr"))
    sign_in(page, "secretariat", "a-test-password-1")
    page.goto(f"/meetings/{meeting.number}/")
    page.click("text=Language versions (six-language matrix)")
    assert "Broadband for all" in page.locator("main").inner_text()
    for document in (first, second):
        page.check(f"input[name=documents][value='{document.pk}']")
    page.fill("input[name=due]", (opens - dt.timedelta(days=10)).isoformat())
    with page.expect_navigation():
        page.click("text=Request all missing languages of the chosen documents")
    assert TranslationRequest.objects.filter(document=first).count() == 5
    assert TranslationRequest.objects.filter(document=second).count() == 4
    arabic = _cell(page, "Broadband for all", "ar")
    assert arabic.get_attribute("data-state") == "requested"
    assert _cell(page, "Digital skills", "en").get_attribute("data-state") == "original"
    assert _cell(page, "Digital skills", "fr").get_attribute("data-state") == "published"

    arabic.locator("summary").click()
    path = tmp_path / "broadband-ar.docx"
    path.write_bytes(docx_bytes("النطاق العريض للجميع"))
    arabic.locator("input[type=file]").set_input_files(str(path))
    with page.expect_navigation():
        arabic.locator("button:text-is('Deliver')").click()
    assert "The translated file is delivered." in page.locator(".messages").inner_text()
    arabic = _cell(page, "Broadband for all", "ar")
    assert arabic.get_attribute("data-state") == "delivered"
    assert first.files.filter(language="ar", state="current").exists()

    arabic.locator("summary").click()
    with page.expect_navigation():
        arabic.locator("button:text-is('Published')").click()
    assert _cell(page, "Broadband for all", "ar").get_attribute("data-state") == "published"
    page.screenshot(path=screenshot_path("secretariat"), full_page=True)

    # On a phone the page does not scroll sideways: the matrix scrolls in its own box.
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"/language/ar/?next=/documents/meeting/{meeting.number}/languages/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    region = page.locator(".translation-matrix[role=region][tabindex='0']")
    assert region.evaluate("box => box.scrollWidth > box.clientWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=screenshot_path("arabic-390"), full_page=True)
