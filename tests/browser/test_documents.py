"""A delegate uploads a DOCX for meeting 44, the secretariat registers it, the symbol shows."""

import datetime as dt

import pytest
from django.utils import timezone

from tests.browser.conftest import sign_in
from tests.documents.factories import docx_bytes
from tests.meetings.factories import MeetingFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_upload_register_and_see_the_symbol(page, people, tmp_path, screenshot_path):
    opens = timezone.localdate() + dt.timedelta(days=30)
    MeetingFactory(working_group=people.working_group, number=44, start_date=opens, end_date=opens)
    contribution = tmp_path / "contribution.docx"
    contribution.write_bytes(docx_bytes("مساهمة مصر بشأن القمة العالمية لمجتمع المعلومات"))

    sign_in(page, "delegate.eg", "a-test-password-1")
    page.goto("/documents/meeting/44/")
    page.click("text=Upload a contribution")
    page.fill("#id_title", "Egypt on the WSIS+20 follow-up")
    page.select_option("#id_language", "ar")
    page.set_input_files("#id_file", str(contribution))
    page.click("main button[type=submit]")
    page.wait_for_selector("text=Your draft is saved")
    page.click("text=Submit to the secretariat")
    page.wait_for_selector("text=Submitted.")
    page.screenshot(path=screenshot_path("delegate"), full_page=True)
    page.click("button.link-button")  # sign out

    sign_in(page, "secretariat", "a-test-password-1")
    page.click("text=Registration queue")
    page.click("text=Egypt on the WSIS+20 follow-up")
    page.click("text=Register (give it its symbol)")
    page.wait_for_selector("input[name=confirmed]", state="attached")  # a page asks first
    page.click("main form.form button[type=submit]")
    page.wait_for_selector("text=Registered.")
    page.goto("/documents/meeting/44/")
    row = page.locator("tr", has_text="Egypt on the WSIS+20 follow-up")
    assert row.locator(".symbol").inner_text() == "CWG-WSIS&SDG-44/1"
    assert "AR" in row.inner_text()
    page.screenshot(path=screenshot_path("list"), full_page=True)
