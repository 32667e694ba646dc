"""A delegation proposes action lines on upload; the secretariat confirms them from the page;
the list then filters by them. In Arabic, at a phone's width, without sideways scroll."""

import datetime as dt

import pytest
from django.utils import timezone

from cwg.action_lines import sync_action_lines
from cwg.models import ActionLine, SustainableDevelopmentGoal
from documents.models import Document
from documents.services import submit_document
from tests.browser.conftest import sign_in
from tests.cwg.factories import WorkingGroupFactory
from tests.documents.factories import docx_bytes
from tests.meetings.factories import MeetingFactory
from tests.roles import make_people

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sideways(page) -> int:
    return page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


def test_a_proposal_is_confirmed_and_filters_the_list(page, screenshot_path, tmp_path):
    sync_action_lines(ActionLine, SustainableDevelopmentGoal)  # a flushed database has none
    people = make_people(WorkingGroupFactory())
    start = timezone.localdate() + dt.timedelta(days=30)
    MeetingFactory(working_group=people.working_group, number=45, start_date=start, end_date=start)
    c5 = ActionLine.objects.get(code="C5")
    upload = tmp_path / "egypt.docx"
    upload.write_bytes(docx_bytes("Building confidence and security."))

    sign_in(page, "delegate.eg", "a-test-password-1")
    page.goto("/documents/meeting/45/new/")
    page.fill("#id_title", "Egypt on confidence and security")
    page.select_option("#id_language", "en")
    page.set_input_files("#id_file", str(upload))
    page.check(f"input[name=proposed_action_lines][value='{c5.pk}']")
    page.click("form.form button[type=submit]")
    page.wait_for_url("**/documents/*/")
    assert "Tags proposed by the delegation" in page.inner_text("main")
    document = Document.objects.get(title="Egypt on confidence and security")
    submit_document(document=document, by=people["delegate"])

    page.context.clear_cookies()
    page.set_extra_http_headers({"Accept-Language": "ar"})
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, "secretariat", "a-test-password-1")
    page.goto(f"/documents/{document.pk}/")
    page.click(f"a[href='/meetings/tags/document/{document.pk}/']")
    assert page.is_checked(f"input[name=action_lines][value='{c5.pk}']")  # the proposal
    assert _sideways(page) == 0
    page.screenshot(path=screenshot_path("tag-page-ar-390"), full_page=True)
    page.click("form.tags button[type=submit]")
    page.wait_for_url(f"**/documents/{document.pk}/")
    assert "C5" in page.inner_text("dl.facts")
    assert not document.proposed_action_lines.exists()

    page.goto("/documents/meeting/45/?action_line=C5")
    assert "Egypt on confidence and security" in page.inner_text("main")
    assert _sideways(page) == 0
    page.goto("/documents/meeting/45/?action_line=C4")
    assert "Egypt on confidence and security" not in page.inner_text("main")
