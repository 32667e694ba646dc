"""The chair types the summary and publishes it without saving first: the Publish button posts
the editor's text, which is saved, confirmed and published exactly as typed (issue 14, item 7)."""

import pytest
from django.urls import reverse

from documents.models import Document
from documents.services import create_summary
from tests.browser.conftest import sign_in
from tests.meetings.factories import MeetingFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TYPED = 'CWG-WSIS&SDG-44/4 "quoted" < 5 > مرحبا \u200fRTL\u200f &amp;'


@pytest.mark.parametrize("width", [1280, 390])
def test_the_chair_publishes_what_was_typed_and_not_saved(page, people, width, screenshot_path):
    meeting = MeetingFactory(working_group=people.working_group, number=44)
    summary = create_summary(meeting=meeting, title="S", language="ar", by=people["chair"])
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, "chair", "a-test-password-1")
    page.goto(reverse("documents:summary_edit", args=[summary.pk]))
    page.fill("#id_title", "ملخص & <ملاحظات>")
    page.fill("#id_body", f"## القرارات & <الإجراءات>\n{TYPED}")
    page.click("button[formaction]")  # never saved with the Save button
    page.click("main form button[type=submit]")  # the confirmation page: publish
    page.wait_for_url(f"**{summary.get_absolute_url()}")
    page.screenshot(path=screenshot_path(f"published-{width}"), full_page=True)
    section = page.locator("section.summary")
    assert section.get_attribute("dir") == "rtl"
    assert section.locator("p").inner_text() == TYPED
    assert section.locator("h2").inner_text() == "القرارات & <الإجراءات>"
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    summary.refresh_from_db()
    assert summary.status == Document.Status.PUBLISHED
    assert summary.title == "ملخص & <ملاحظات>"
