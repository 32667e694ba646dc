import datetime as dt

import pytest
from django.utils import timezone

from followup.models import Action
from tests.browser.conftest import sign_in
from tests.cwg.factories import WorkingGroupFactory
from tests.followup.factories import ActionFactory
from tests.meetings.factories import MeetingFactory
from tests.roles import make_people

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_secretariat_closes_an_overdue_action_from_the_dashboard(page, screenshot_path):
    people = make_people(WorkingGroupFactory())
    meeting = MeetingFactory(working_group=people.working_group, number=44)
    late = ActionFactory(
        meeting=meeting,
        title="Circulate the draft gap analysis",
        owner_user=people["chair"],
        due_date=timezone.localdate() - dt.timedelta(days=3),
    )
    ActionFactory(meeting=meeting, title="Book the room", due_date=timezone.localdate())

    sign_in(page, "secretariat", "a-test-password-1")
    page.goto("/meetings/actions/")
    assert "Circulate the draft gap analysis" in page.inner_text("#overdue")
    assert "Book the room" not in page.inner_text("#overdue")

    page.click("#overdue >> text=Circulate the draft gap analysis")
    page.fill(".complete-form textarea", "Sent to the officers on Monday.")
    page.click(".complete-form button[type=submit]")
    page.wait_for_url("**/meetings/actions/")

    assert "Circulate the draft gap analysis" not in page.inner_text("#overdue")
    late.refresh_from_db()
    assert late.status == Action.Status.DONE
    assert late.updates.get().text == "Sent to the officers on Monday."
    page.screenshot(path=screenshot_path("dashboard"), full_page=True)


def test_secretariat_creates_an_action_and_links_its_answer(page, screenshot_path):
    from documents.models import Document
    from tests.documents.factories import DocumentFactory
    from tests.meetings.factories import AgendaItemFactory

    people = make_people(WorkingGroupFactory())
    meeting = MeetingFactory(working_group=people.working_group, number=44)
    item = AgendaItemFactory(meeting=meeting, number="4", title="Gap analysis for Council 2026")
    answer = DocumentFactory(
        meeting=meeting, number=12, status=Document.Status.PUBLISHED, title="Draft gap analysis"
    )

    sign_in(page, "secretariat", "a-test-password-1")
    page.goto("/meetings/actions/")
    page.click("text=New action")
    page.fill("#id_title", "Send the gap analysis to Council")
    page.select_option("#id_meeting", str(meeting.pk))
    page.select_option("#id_agenda_item", str(item.pk))
    page.select_option("#id_owner", f"user:{people['chair'].pk}")
    page.fill("#id_due_date", "2026-04-30")
    page.click(".action-form button[type=submit]")
    page.wait_for_selector("h1:has-text('Send the gap analysis to Council')")

    page.fill("#id_symbol", f"{answer.symbol}-E")
    page.click(".link-form button[type=submit]")
    page.wait_for_selector(".linked-documents >> text=Draft gap analysis")
    assert f"{answer.symbol} is linked to this action." in page.inner_text(".messages")
    action = Action.objects.get(title="Send the gap analysis to Council")
    assert (action.owner_user, action.agenda_item) == (people["chair"], item)
    assert list(action.documents.all()) == [answer]
    page.screenshot(path=screenshot_path("action"), full_page=True)


def test_the_secretariat_assigns_and_the_delegate_reports_from_the_digest(page, screenshot_path):
    from django.core import mail

    people = make_people(WorkingGroupFactory())
    meeting = MeetingFactory(
        working_group=people.working_group,
        number=44,
        start_date=timezone.localdate() + dt.timedelta(days=20),
        end_date=timezone.localdate() + dt.timedelta(days=21),
    )
    delegate = people["delegate"]
    delegate.email = "delegate.eg@example.invalid"
    delegate.save()

    sign_in(page, "secretariat", "a-test-password-1")
    page.goto("/meetings/actions/new/")
    page.fill("#id_title", "Send Egypt's comments on the gap analysis")
    page.select_option("#id_meeting", str(meeting.pk))
    page.select_option("#id_owner", f"user:{delegate.pk}")
    page.fill("#id_due_date", (timezone.localdate() + dt.timedelta(days=10)).isoformat())
    page.click(".action-form button[type=submit]")
    page.wait_for_selector("h1:has-text('Send Egypt')")
    assert "The action is created." in page.inner_text(".messages")
    action = Action.objects.get(title="Send Egypt's comments on the gap analysis")
    assert [m.to for m in mail.outbox] == [["delegate.eg@example.invalid"]]
    assert f"/meetings/actions/{action.pk}/" in mail.outbox[0].body
    page.context.clear_cookies()

    sign_in(page, "delegate.eg", "a-test-password-1")
    page.goto("/my/digest/")
    assert "Send Egypt's comments on the gap analysis" in page.inner_text(".digest-actions")
    assert "due in 10 days" in page.inner_text(".digest-actions")
    page.fill(".digest-progress textarea", "Comments drafted; sent on Friday.")
    page.click(".digest-progress button[type=submit]")
    page.wait_for_url("**/my/digest/")
    assert "Your progress report is recorded." in page.inner_text(".messages")
    assert action.updates.get().text == "Comments drafted; sent on Friday."
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=screenshot_path("digest-390"), full_page=True)
