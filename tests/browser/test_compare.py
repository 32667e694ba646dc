"""A delegate opens "Compare revisions" of a revised contribution, in English then in Arabic."""

import datetime as dt

import pytest
from django.utils import timezone

from documents.demo.revisions import attach_revisions
from documents.services import (
    add_file,
    create_document,
    publish_document,
    register_document,
    submit_document,
)
from tests.browser.conftest import sign_in
from tests.documents.factories import docx_upload
from tests.meetings.factories import MeetingFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def revised_contribution(people):
    opens = timezone.localdate() + dt.timedelta(days=30)
    meeting = MeetingFactory(
        working_group=people.working_group, number=44, start_date=opens, end_date=opens
    )
    delegate, secretariat = people["delegate"], people["secretariat"]
    document = create_document(meeting=meeting, title="Gap analysis structure", by=delegate)
    add_file(document=document, upload=docx_upload("First text."), language="en", by=delegate)
    submit_document(document=document, by=delegate)
    register_document(document=document, by=secretariat)
    publish_document(document=document, by=secretariat)
    return attach_revisions(document=document, by=secretariat)


def test_a_delegate_compares_revisions_in_english_and_arabic(page, people, screenshot_path):
    document = revised_contribution(people)
    sign_in(page, "delegate.eg", "a-test-password-1")
    page.goto(f"/documents/{document.pk}/")
    page.click("text=Compare revisions")
    page.wait_for_selector("main ins")
    main = page.locator("main")
    assert "six" in " ".join(main.locator("ins").all_inner_texts())
    assert "four" in " ".join(main.locator("del").all_inner_texts())
    assert main.locator(".moved").count() >= 2
    page.screenshot(path=screenshot_path("en"), full_page=True)
    page.click("details summary")  # unchanged paragraphs unfold without JavaScript
    page.click("text=Show side by side")
    page.wait_for_selector("table.compare-side")
    page.screenshot(path=screenshot_path("en-side"), full_page=True)

    page.click(".language-switcher a[hreflang=ar]")
    page.wait_for_selector("html[lang=ar]")
    page.goto(f"/documents/{document.pk}/compare/")
    text = page.locator("div[lang=ar][dir=rtl]")
    assert "ستة" in " ".join(text.locator("ins").all_inner_texts())
    assert "أربعة" in " ".join(text.locator("del").all_inner_texts())
    assert page.locator("h1").inner_text() == "مقارنة التنقيحات"
    page.screenshot(path=screenshot_path("ar"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=screenshot_path("ar-390"), full_page=True)
    with page.expect_download() as download:
        page.click("a[href*='/compare/docx/']")
    assert download.value.suggested_filename.endswith("_Rev.0-Rev.1_AR.docx")
