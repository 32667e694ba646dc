import io

import pytest
from django.core.management import call_command

from tests.browser.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_chair_switches_to_arabic_and_the_page_mirrors(page, screenshot_path):
    call_command("load_demo", stdout=io.StringIO())
    sign_in(page, "chair", "demo-chair-2026")
    assert "Cynthia Lesufi" in page.inner_text(".account")
    page.goto("/meetings/44/")
    site_name_ltr = page.locator(".site-name").bounding_box()
    page.click(".language-switcher a[hreflang=ar]")
    page.wait_for_selector("html[dir=rtl]")
    assert page.get_attribute("html", "lang") == "ar"
    assert page.inner_text("#agenda") == "جدول الأعمال"
    site_name_rtl = page.locator(".site-name").bounding_box()
    width = page.viewport_size["width"]
    # Mirrored: the site name moves from the left edge to the right edge.
    assert site_name_ltr["x"] < width / 4
    assert site_name_rtl["x"] + site_name_rtl["width"] > width * 3 / 4
    page.screenshot(path=screenshot_path("arabic"), full_page=True)
    assert screenshot_path("arabic").stat().st_size > 10_000
