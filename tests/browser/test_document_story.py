"""The whole life of a contribution, played as newcomers would (issue 13's story).

Egypt's delegate drafts a contribution co-sponsored by Sweden and submits it; Sweden's delegate
confirms; the secretariat registers it as an information document and publishes it, starts
Rev.1 (the public still sees Rev.0), uploads Rev.1's English file, publishes it and finally
withdraws the document with a reason: the public still finds its symbol, marked withdrawn.
"""

import datetime as dt
from urllib.parse import urlparse

import pytest
from django.utils import timezone

from tests.browser.conftest import sign_in
from tests.documents.factories import docx_bytes
from tests.meetings.factories import MeetingFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-test-password-1"
SYMBOL = "CWG-WSIS&SDG-45/INF/1"


def upload(page, path, text: str) -> None:
    path.write_bytes(docx_bytes(text))
    page.select_option("#id_language", "en")
    page.set_input_files("#id_file", str(path))


def confirm(page) -> None:
    """Irreversible steps ask first, in a dialog."""
    page.locator("#confirm-dialog").wait_for(state="visible")
    with page.expect_navigation():  # the confirmed form posts and the page reloads
        page.click("#confirm-dialog-yes")


def sign_out(page) -> None:
    page.click("header form[action$='/logout/'] button")


def test_a_contribution_from_draft_to_withdrawal(page, people, tmp_path, screenshot_path):
    opens = timezone.localdate() + dt.timedelta(days=30)
    MeetingFactory(working_group=people.working_group, number=45, start_date=opens, end_date=opens)

    sign_in(page, "delegate.eg", PASSWORD)
    page.goto("/documents/meeting/45/new/")
    page.fill("#id_title", "Egypt and Sweden on local content")
    page.select_option("#id_cosponsors", label="Sweden")
    upload(page, tmp_path / "rev0.docx", "The original text of the joint contribution.")
    page.click("main form.form button[type=submit]")
    page.wait_for_selector("text=Draft: only the delegation of Egypt.")
    page.click("text=Submit to the secretariat")
    page.wait_for_selector("text=Submitted.")
    document_path = urlparse(page.url).path
    sign_out(page)

    sign_in(page, "delegate.se", PASSWORD)
    page.goto(document_path)
    page.click("text=Confirm or decline the co-sponsorship")
    page.check("input[value=confirm]")
    page.click("main form.form button[type=submit]")
    page.wait_for_selector("text=Your answer is recorded.")
    sign_out(page)

    sign_in(page, "secretariat", PASSWORD)
    page.goto(document_path)
    page.click("text=Register (give it its symbol)")
    page.select_option("#id_series", "information")
    page.click("main form button[type=submit]")
    page.wait_for_selector(f"text={SYMBOL}")
    page.click("main form[action$='/publish/'] button")
    confirm(page)
    assert "Egypt, Sweden" in page.inner_text(".facts")

    public = page.context.browser.new_context(base_url=page.url.split("/documents/")[0])
    visitor = public.new_page()
    visitor.goto(document_path)
    assert SYMBOL in visitor.inner_text("main")

    page.click("text=Start a revision")
    confirm(page)
    page.click("text=Add or replace a file of Rev.1")
    upload(page, tmp_path / "rev1.docx", "The revised text of the joint contribution.")
    page.click("main form button[type=submit]")
    page.wait_for_selector("text=rev1.docx")
    visitor.goto(document_path)
    seen = visitor.inner_text("main")
    assert f"{SYMBOL}(Rev.1)" not in seen  # the public still reads Rev.0
    assert "rev1.docx" not in seen

    page.click("text=Publish Rev.1")
    confirm(page)
    visitor.goto(document_path)
    assert f"{SYMBOL}(Rev.1)" in visitor.inner_text("main")

    page.fill("main form[action$='/withdraw/'] textarea", "Merged into a joint statement.")
    page.click("main form[action$='/withdraw/'] button")
    confirm(page)
    page.screenshot(path=screenshot_path("secretariat-withdrawn"), full_page=True)

    visitor.goto(document_path)
    seen = visitor.inner_text("main")
    assert "withdrawn on" in seen.lower()
    assert "Merged into a joint statement." in seen
    assert "Download" not in seen  # its files are the secretariat's now
    visitor.goto("/documents/meeting/45/")
    listed = visitor.inner_text("main")
    assert SYMBOL in listed
    assert "withdrawn on" in listed.lower()
    visitor.set_viewport_size({"width": 390, "height": 844})
    visitor.screenshot(path=screenshot_path("public-list-390"), full_page=True)
    public.close()
