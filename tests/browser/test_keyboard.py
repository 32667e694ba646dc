"""Without the mouse (issue 18, point 5): a delegate uploads and submits a contribution, and a
member of the public answers a consultation call, with Tab, Shift+Tab, Space, Enter and typing
only. The file chooser is the operating system's, so the focused file input is given its file."""

import datetime as dt

import pytest
from django.utils import timezone

from consultations.models import Submission
from documents.models import Document
from tests.consultations.factories import CallFactory, QuestionFactory
from tests.documents.factories import docx_bytes
from tests.meetings.factories import MeetingFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
MAX_TABS = 120


def tab_to(page, selector: str, backwards: bool = False) -> None:
    """Press Tab (or Shift+Tab) until the focused element matches the selector, then check that
    the focus is visible: an outline or a shadow a sighted keyboard user can see."""
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(MAX_TABS):
        page.keyboard.press(key)
        if page.evaluate("s => document.activeElement?.matches(s) ?? false", selector):
            break
    else:
        raise AssertionError(f"{selector} is not reachable with {key}")
    style = page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, s.outlineWidth, s.boxShadow]; }"
    )
    outline_style, outline_width, shadow = style
    visible_outline = outline_style != "none" and outline_width not in ("0px", "")
    assert visible_outline or shadow != "none", f"no visible focus on {selector}: {style}"


def choose(page, selector: str, label: str) -> None:
    """A closed <select> takes the first letters of an option's label, as with a keyboard."""
    tab_to(page, selector)
    page.keyboard.type(label)
    chosen = page.evaluate("s => document.querySelector(s).selectedOptions[0].label", selector)
    assert chosen == label, chosen


def keyboard_sign_in(page, username: str, password: str) -> None:
    page.goto("/accounts/login/")
    tab_to(page, "#id_username")
    page.keyboard.type(username)
    tab_to(page, "#id_password")
    page.keyboard.type(password)
    page.keyboard.press("Enter")
    page.wait_for_selector("header form[action$='/logout/']")


def test_a_delegate_uploads_and_submits_with_the_keyboard(page, people, tmp_path, screenshot_path):
    opens = timezone.localdate() + dt.timedelta(days=30)
    MeetingFactory(working_group=people.working_group, number=45, start_date=opens, end_date=opens)
    contribution = tmp_path / "keyboard.docx"
    contribution.write_bytes(docx_bytes("A contribution written and sent without a mouse."))

    keyboard_sign_in(page, "delegate.eg", "a-test-password-1")
    page.goto("/documents/meeting/45/new/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.matches('.skip-link')")
    page.keyboard.press("Enter")  # skip the header to the main content
    tab_to(page, "#id_title")
    page.keyboard.type("Egypt on keyboard access")
    choose(page, "#id_language", "English")
    tab_to(page, "#id_file")
    page.locator("#id_file").set_input_files(str(contribution))
    tab_to(page, "#id_title", backwards=True)  # back to correct the title
    page.keyboard.press("End")
    page.keyboard.type(" to documents")
    tab_to(page, "main form.form button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_selector("text=Draft: only the delegation of Egypt.")

    tab_to(page, "main form[action$='/submit/'] button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_selector("text=Submitted.")
    page.screenshot(path=screenshot_path("submitted"))
    document = Document.objects.get(title="Egypt on keyboard access to documents")
    assert document.status == "submitted"


def test_the_public_answers_a_call_with_the_keyboard(page, people, screenshot_path):
    call = CallFactory(working_group=people.working_group, code="KEYS")
    question = QuestionFactory(call=call, text={"en": "Your proposal", "ar": "اقتراحك"})

    page.goto(f"/consultations/{call.code}/answer/")
    tab_to(page, "#id_name")
    page.keyboard.type("Keyboard User")
    tab_to(page, "#id_email")
    page.keyboard.type("keys@example.invalid")
    choose(page, "#id_stakeholder_type", "Civil society")
    tab_to(page, "#id_consent_to_publish")
    page.keyboard.press("Space")
    assert page.locator("#id_consent_to_publish").is_checked()
    tab_to(page, f"#id_question_{question.pk}")
    page.keyboard.type("Captions on every recorded session.")
    tab_to(page, "form.consultation-form button[type=submit]")
    page.keyboard.press("Enter")
    reference = page.locator(".reference").inner_text()
    assert reference == "KEYS-0001"
    page.screenshot(path=screenshot_path("received"))
    submission = Submission.objects.get(reference=reference)
    assert submission.name == "Keyboard User"
    assert submission.consent_to_publish


def test_the_upload_shows_its_progress_and_lands_on_the_document(page, people, tmp_path):
    """The file goes with XMLHttpRequest: while it is sent a <progress> is shown (seen here when
    the request reaches the server, before it answers), then the document page replaces the form."""
    opens = timezone.localdate() + dt.timedelta(days=30)
    MeetingFactory(working_group=people.working_group, number=45, start_date=opens, end_date=opens)
    contribution = tmp_path / "progress.docx"
    contribution.write_bytes(docx_bytes("A contribution sent with a progress bar. " * 2000))
    seen = {}

    def while_sent(route):
        seen.update(
            page.evaluate(
                "() => { const box = document.querySelector('.upload-progress');"
                " return {hidden: box.hidden, value: box.querySelector('progress').value,"
                " disabled: document.querySelector('main form.form button').disabled}; }"
            )
        )
        route.continue_()

    keyboard_sign_in(page, "delegate.eg", "a-test-password-1")
    page.goto("/documents/meeting/45/new/")
    assert page.locator(".upload-progress").is_hidden()
    page.route(
        "**/documents/meeting/45/new/",
        lambda route: while_sent(route) if route.request.method == "POST" else route.continue_(),
    )
    tab_to(page, "#id_title")
    page.keyboard.type("Egypt on progress")
    choose(page, "#id_language", "English")
    tab_to(page, "#id_file")
    page.locator("#id_file").set_input_files(str(contribution))
    tab_to(page, "main form.form button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_selector("text=Draft: only the delegation of Egypt.")
    # Playwright's interception holds the body, so the bar's value is not measured here.
    assert seen["hidden"] is False, seen
    assert seen["disabled"] is True, seen
    document = Document.objects.get(title="Egypt on progress")
    assert page.url.endswith(f"/documents/{document.pk}/")
    page.reload()  # the address is the document's own
    assert "Egypt on progress" in page.inner_text("h1")
