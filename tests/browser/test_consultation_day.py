"""The secretariat's day with a consultation, played in Chromium from the pages alone."""

import codecs
import csv
import datetime as dt
import io
import re

import docx
import openpyxl
import pytest
from django.core import mail
from django.utils import timezone

from consultations.models import Submission
from tests.browser.conftest import sign_in
from tests.consultations.test_exports import validation_errors
from tests.documents.factories import docx_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
GENEVA = dt.timezone(dt.timedelta(hours=1))  # the form is in Geneva time; CET is near enough
PROPOSAL = "نقترح توسيع الشبكات المجتمعية في المناطق الريفية."


def _write_and_open_the_call(page) -> None:
    page.goto("/consultations/")
    page.click("text=Write a new call")
    page.fill("#id_code", "DAY26")
    page.fill("#id_title_en", "Call for inputs of the day")
    page.fill("#id_title_ar", "دعوة اليوم لتقديم المساهمات")
    opens = (timezone.now().astimezone(GENEVA) - dt.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M")
    closes = (timezone.now() + dt.timedelta(days=10)).strftime("%Y-%m-%dT%H:%M")
    page.fill("#id_opens_at", opens)
    page.fill("#id_closes_at", closes)
    page.click("main button[type=submit]")
    for kind, english, arabic, options in [
        ("text", "Your proposal", "اقتراحك", None),
        (
            "choice",
            "Which action line?",
            "أي خط عمل؟",
            ("Infrastructure\nCapacity building", "البنية التحتية\nبناء القدرات"),
        ),
    ]:
        page.click("text=Add a question")
        page.select_option("#id_kind", kind)
        page.fill("#id_text_en", english)
        page.fill("#id_text_ar", arabic)
        if options:
            page.fill("#id_options_en", options[0])
            page.fill("#id_options_ar", options[1])
        page.click("main button[type=submit]")
    page.click("text=Open the call")
    page.wait_for_selector("p.message")


def _answer_in_arabic(page, live_server, tmp_path, *, name: str, with_file: bool) -> str:
    page.context.clear_cookies()
    page.context.add_cookies([{"name": "django_language", "value": "ar", "url": live_server.url}])
    page.goto("/consultations/DAY26/answer/")
    page.fill("#id_name", name)
    page.fill("#id_email", "author@example.invalid")
    page.select_option("#id_stakeholder_type", "civil_society")
    page.select_option("#id_language", "ar")
    page.check("#id_consent_to_publish")
    page.get_by_label("اقتراحك").fill(PROPOSAL)
    page.get_by_label("أي خط عمل؟").select_option(label="بناء القدرات")
    if with_file:
        annex = tmp_path / "annex.docx"
        annex.write_bytes(docx_bytes("Annex to the proposal"))
        page.set_input_files("#id_attachments", str(annex))
    page.click("form.consultation-form button[type=submit]")
    return page.locator(".reference").inner_text()


def _download(page, link_text: str, tmp_path):
    with page.expect_download() as download:
        page.click(f"a:text-is('{link_text}')")
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    return path.read_bytes()


def test_the_secretariats_day(page, live_server, people, tmp_path, screenshot_path):
    sign_in(page, "secretariat", "a-test-password-1")
    _write_and_open_the_call(page)
    page.screenshot(path=screenshot_path("call"), full_page=True)

    advert = _answer_in_arabic(page, live_server, tmp_path, name="Spam Inc", with_file=False)
    proposal = _answer_in_arabic(page, live_server, tmp_path, name="سلمى الخطيب", with_file=True)
    assert (advert, proposal) == ("DAY26-0001", "DAY26-0002")

    page.context.clear_cookies()
    sign_in(page, "secretariat", "a-test-password-1")
    page.goto("/consultations/DAY26/moderation/")
    queue = page.locator("main").inner_text()
    assert PROPOSAL in queue
    assert "Capacity building" in queue  # the label, in the moderator's language
    assert "annex.docx" in queue
    page.screenshot(path=screenshot_path("queue"), full_page=True)

    page.click(f"text=Open {advert}")
    page.fill("#id_reason", "Advertising unrelated to the call.")
    page.click("button[name=action][value=reject]")
    assert f"{advert} rejected." in page.locator("p.message").inner_text()

    page.goto("/consultations/DAY26/moderation/?status=received")
    page.check(f"label:text-is('{proposal}')")
    page.click("button[name=action][value=accept_publish]")
    assert proposal in page.locator("main ul.references").inner_text()
    page.click("main button:text-is('Confirm')")
    assert f"{proposal} accepted and published." in page.locator("p.message").inner_text()
    published = Submission.objects.get(reference=proposal)
    steps = list(published.decisions.values_list("to_status", flat=True))
    assert steps == ["accepted", "published"]

    rejection = next(m for m in mail.outbox if advert in m.subject and "mine" not in m.body)
    assert "Advertising unrelated to the call." in rejection.body
    receipt = next(m for m in mail.outbox if advert in m.subject and "/mine/" in m.body)
    private_link = re.search(r"/consultations/mine/\S+", receipt.body).group(0)
    page.goto(private_link)
    private = page.locator("main").inner_text()
    assert "Advertising unrelated to the call." in private
    assert "Rejected" in private

    page.goto("/consultations/DAY26/moderation/")
    descriptor = page.request.get("/consultations/DAY26/datapackage.json").json()
    exported = _download(page, "CSV", tmp_path)
    assert exported.startswith(codecs.BOM_UTF8)
    rows = list(csv.DictReader(io.StringIO(exported.decode("utf-8-sig"))))
    assert [row["reason"] for row in rows] == ["Advertising unrelated to the call.", ""]
    assert rows[1]["question_2"] == "Capacity building"
    assert validation_errors(tmp_path, descriptor, "day26-inputs", exported) == []
    workbook = _download(page, "XLSX", tmp_path)
    assert openpyxl.load_workbook(io.BytesIO(workbook)).worksheets[0].freeze_panes == "A2"
    assert validation_errors(tmp_path, descriptor, "day26-inputs-xlsx", workbook) == []
    document = _download(page, "JSON", tmp_path)
    assert validation_errors(tmp_path, descriptor, "day26-inputs-json", document) == []
    compiled = docx.Document(io.BytesIO(_download(page, "Published inputs (DOCX)", tmp_path)))
    text = "\n".join(paragraph.text for paragraph in compiled.paragraphs)
    assert "Capacity building" in text
    assert "Spam Inc" not in text
