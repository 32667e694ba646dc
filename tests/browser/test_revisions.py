"""The secretariat starts Rev.1 in the dialog, uploads its file, replaces it after the dialog
names the replaced file, and publishes it; meanwhile the public still sees Rev.0."""

import datetime as dt

import pytest
from django.utils import timezone

from documents.models import Document
from documents.services import (
    add_file,
    create_document,
    publish_document,
    register_document,
    submit_document,
)
from tests.browser.conftest import sign_in
from tests.documents.factories import docx_bytes, docx_upload
from tests.meetings.factories import MeetingFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def published_contribution(people) -> Document:
    opens = timezone.localdate() + dt.timedelta(days=30)
    meeting = MeetingFactory(
        working_group=people.working_group, number=44, start_date=opens, end_date=opens
    )
    delegate, secretariat = people["delegate"], people["secretariat"]
    document = create_document(meeting=meeting, title="Views of Egypt", by=delegate)
    add_file(document=document, upload=docx_upload("Rev.0 text."), language="en", by=delegate)
    submit_document(document=document, by=delegate)
    register_document(document=document, by=secretariat)
    return publish_document(document=document, by=secretariat)


def _confirm_in_dialog(page, expected: str) -> None:
    dialog = page.locator("#confirm-dialog")
    dialog.wait_for(state="visible")
    assert expected in dialog.inner_text()
    with page.expect_navigation():  # the confirmed form posts and the page reloads
        page.click("#confirm-dialog-yes")


def _upload(page, tmp_path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_bytes(docx_bytes(text))
    page.select_option("#id_language", "en")
    page.set_input_files("#id_file", str(path))
    page.click("main form button[type=submit]")


def test_a_revision_from_start_to_publication(page, people, tmp_path, screenshot_path):
    document = published_contribution(people)
    sign_in(page, "secretariat", "a-test-password-1")
    page.goto(f"/documents/{document.pk}/")
    page.click("text=Start a revision")
    _confirm_in_dialog(page, "only the secretariat and the owning delegation")
    assert "draft revision" in page.locator("main").inner_text()

    page.click("text=Add or replace a file of Rev.1")
    _upload(page, tmp_path, "rev-1-first.docx", "Rev.1, first try.")
    page.wait_for_selector("text=rev-1-first.docx")
    # The same language again: the dialog names the file it replaces.
    page.click("text=Add or replace a file of Rev.1")
    _upload(page, tmp_path, "rev-1.docx", "Rev.1 text.")
    _confirm_in_dialog(page, "rev-1-first.docx")
    page.wait_for_selector("text=rev-1.docx")
    page.screenshot(path=screenshot_path("secretariat-draft"), full_page=True)

    public = page.context.browser.new_context(base_url=page.url.split("/documents")[0])
    visitor = public.new_page()
    visitor.goto(f"/documents/{document.pk}/")
    seen = visitor.locator("main").inner_text()
    assert "rev-1.docx" not in seen
    assert "CWG-WSIS&SDG-44/1(Rev.1)" not in seen

    page.click("text=Publish Rev.1")
    _confirm_in_dialog(page, "Publish this revision?")
    visitor.goto(f"/documents/{document.pk}/")
    seen = visitor.locator("main").inner_text()
    assert "CWG-WSIS&SDG-44/1(Rev.1)" in seen
    assert "rev-1.docx" in seen
    assert "rev-1-first.docx" not in seen  # the replaced file is the secretariat's alone

    visitor.click(".language-switcher a[hreflang=ar]")
    visitor.wait_for_selector("html[lang=ar][dir=rtl]")
    visitor.set_viewport_size({"width": 390, "height": 844})
    width = visitor.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"sideways scroll at 390 px: {width}"
    visitor.screenshot(path=screenshot_path("public-ar-390"), full_page=True)
    public.close()
