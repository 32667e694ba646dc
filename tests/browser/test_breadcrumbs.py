"""At 390 px in Arabic the breadcrumbs run right to left and the page does not scroll sideways."""

import pytest

from documents.models import Document
from tests.cwg.factories import WorkingGroupFactory
from tests.documents.factories import DocumentFactory
from tests.meetings.factories import MeetingFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_arabic_breadcrumbs_mirror_on_a_phone(page, screenshot_path):
    meeting = MeetingFactory(working_group=WorkingGroupFactory(), number=44)
    document = DocumentFactory(
        meeting=meeting, number=1, status=Document.Status.PUBLISHED, access="public"
    )
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(f"/language/ar/?next={document.get_absolute_url()}")
    page.wait_for_selector("html[dir=rtl]")
    steps = page.locator(".breadcrumbs li")
    assert steps.count() == 4
    assert page.get_attribute(".breadcrumbs", "aria-label") == "مسار التنقل"
    home, here = steps.nth(0).bounding_box(), steps.nth(3).bounding_box()
    assert home["x"] + home["width"] > 390 * 3 / 4  # Home starts at the right edge
    assert page.locator(".breadcrumbs [aria-current=page]").inner_text() == document.symbol
    assert here is not None
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    page.screenshot(path=screenshot_path("arabic-390"), full_page=True)
