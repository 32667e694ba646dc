import pytest

from consultations.models import Submission
from tests.browser.conftest import sign_in
from tests.consultations.factories import CallFactory, QuestionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
ANSWER = "نقترح توسيع الشبكات المجتمعية في المناطق الريفية."


def test_public_input_in_arabic_is_accepted_published_and_shown(
    page, live_server, people, screenshot_path
):
    call = CallFactory(working_group=people.working_group, code="BROWSER")
    question = QuestionFactory(call=call, text={"en": "Your proposal", "ar": "اقتراحك"})
    page.context.add_cookies([{"name": "django_language", "value": "ar", "url": live_server.url}])

    page.goto(f"/consultations/{call.code}/answer/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.fill("#id_name", "سلمى الخطيب")
    page.fill("#id_email", "salma@example.invalid")
    page.select_option("#id_stakeholder_type", "civil_society")
    page.select_option("#id_language", "ar")
    page.check("#id_consent_to_publish")
    page.fill(f"#id_question_{question.pk}", ANSWER)
    page.click("form.consultation-form button[type=submit]")
    reference = page.locator(".reference").inner_text()
    assert reference == "BROWSER-0001"
    page.screenshot(path=screenshot_path("received"))

    page.context.clear_cookies()
    sign_in(page, "secretariat", "a-test-password-1")
    submission = Submission.objects.get(reference=reference)
    page.goto(f"/consultations/{call.code}/moderation/")
    page.check(f"input[name=selected][value='{submission.pk}']")
    page.click("button[name=action][value=accept_publish]")
    page.click("main button[type=submit]")  # the confirmation page
    page.wait_for_selector("p.message")
    submission.refresh_from_db()
    assert submission.status == "published"

    page.context.clear_cookies()
    page.goto(f"/consultations/{call.code}/inputs/")
    assert ANSWER in page.locator("main").inner_text()
