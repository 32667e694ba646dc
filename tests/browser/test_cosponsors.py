"""Egypt's delegate names Sweden as co-sponsor and submits; Sweden's delegate confirms; the
secretariat's queue and the public page show "Egypt, Sweden" (issue 13, point 2)."""

import datetime as dt

import pytest
from django.utils import timezone

from tests.browser.conftest import sign_in
from tests.documents.factories import docx_bytes
from tests.meetings.factories import MeetingFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_cosponsor_confirms_and_becomes_a_source(page, people, tmp_path, screenshot_path):
    opens = timezone.localdate() + dt.timedelta(days=30)
    MeetingFactory(working_group=people.working_group, number=45, start_date=opens, end_date=opens)
    contribution = tmp_path / "joint.docx"
    contribution.write_bytes(docx_bytes("A joint contribution of Egypt and Sweden."))

    sign_in(page, "delegate.eg", "a-test-password-1")
    page.goto("/documents/meeting/45/new/")
    page.fill("#id_title", "Egypt and Sweden on digital inclusion")
    page.select_option("#id_cosponsors", label="Sweden")
    page.select_option("#id_language", "en")
    page.set_input_files("#id_file", str(contribution))
    page.click("main form.form button[type=submit]")
    page.wait_for_selector("text=Draft: only the delegation of Egypt.")
    assert "Co-sponsors see it once it is submitted: Sweden." in page.inner_text("main")
    page.click("text=Submit to the secretariat")
    page.wait_for_selector("text=Submitted.")
    document_url = page.url
    page.click("button.link-button")  # sign out

    sign_in(page, "delegate.se", "a-test-password-1")
    page.goto(document_url)
    page.click("text=Confirm or decline the co-sponsorship")
    page.check("input[value=confirm]")
    page.click("main form.form button[type=submit]")
    page.wait_for_selector("text=Your answer is recorded.")
    assert "Egypt, Sweden" in page.inner_text(".facts")
    page.screenshot(path=screenshot_path("sweden"), full_page=True)
    page.click("button.link-button")

    sign_in(page, "secretariat", "a-test-password-1")
    page.click("text=Registration queue")
    queue = page.inner_text("main")
    assert "Egypt, Sweden" in queue
    assert "Co-sponsor Sweden: Confirmed" in queue
