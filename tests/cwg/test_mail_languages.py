"""Every notice mail is a template rendered in its reader's language (cwg.mail), with its link
at the site's configured address; the reader's language is their choice, else the one they last
used (recorded on sign-in and on switching), else the site's."""

import datetime as dt
import re

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from cwg.mail import recipients_by_language, render_mail, send_notice
from cwg.models import OutboxMessage, UserPreference
from cwg.permissions import DELEGATES
from cwg.services import enrol_user, record_last_language
from documents.models import Document
from documents.services import create_contribution, withdraw_document
from documents.services.notifications import notice_context
from followup.selectors.digest import Digest, DigestAction, DigestCall
from followup.services.notices import action_link
from tests.consultations.factories import CallFactory, SubmissionFactory
from tests.cwg.factories import member_state
from tests.documents.factories import DocumentFactory, docx_upload
from tests.followup.factories import ActionFactory
from tests.meetings.factories import MeetingFactory

pytestmark = pytest.mark.django_db

SITE = "https://cwg.example.org"
LANGUAGES = [code for code, _name in settings.LANGUAGES]
# Words both languages spell alike: not English left untranslated.
COGNATES = {
    "fr": {"action", "actions", "consultation", "contribution", "documents", "page"},
    "es": {"decline"},
}
TITLE = "Rural connectivity and the Tunis Agenda"  # what people typed: never translated


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = SITE + "/"


@pytest.fixture
def meeting(working_group):
    """A meeting whose contribution deadline is a week away."""
    start = timezone.localdate() + dt.timedelta(days=19)
    return MeetingFactory(working_group=working_group, number=44, start_date=start, end_date=start)


@pytest.fixture
def document(meeting, people):
    return DocumentFactory(
        meeting=meeting,
        number=7,
        title=TITLE,
        status=Document.Status.WITHDRAWN,
        source_text="Egypt",
        withdrawn_reason="Merged into 44/9",
        submitted_by=people["delegate"],
    )


@pytest.fixture
def submission(working_group):
    titles = {code: f"Call {code}" for code in LANGUAGES} | {"en": "WSIS+20 call"}
    call = CallFactory(working_group=working_group, code="WSIS20", title=titles)
    return SubmissionFactory(call=call, number=3)


@pytest.fixture
def action(meeting):
    return ActionFactory(meeting=meeting, title=TITLE, due_date=dt.date(2026, 3, 1))


def document_notices(document) -> dict:
    context = notice_context(document)
    paths = {"cosponsor": reverse("documents:cosponsorship", args=[document.pk])}
    return {
        f"documents/mail/{event}": (context, paths.get(event, document.get_absolute_url()))
        for event in ("submitted", "late", "registered", "published", "withdrawn", "cosponsor")
    }


def consultation_notices(submission) -> dict:
    published = reverse("consultations:published", args=[submission.call.code])
    detail = reverse("consultations:detail", args=[submission.call.code])
    link = f"{SITE}{published}#{submission.reference}"
    return {
        "consultations/mail/receipt": (
            {"submission": submission, "link": f"{SITE}/consultations/own/token/"},
            "/consultations/own/token/",
        ),
        "consultations/mail/decision_published": (
            {"submission": submission, "link": link},
            f"{published}#{submission.reference}",
        ),
        "consultations/mail/decision_rejected": (
            {"submission": submission, "reason": "Off topic.", "call_link": SITE + detail},
            detail,
        ),
    }


def followup_notices(action, document, submission) -> dict:
    path = action.get_absolute_url()
    action.link = action_link(action)
    digest = Digest(
        today=dt.date(2026, 2, 23),
        coming_meeting=action.meeting,
        since=None,
        documents=[document],
        calls=[DigestCall(call=submission.call, days_left=1, opened_this_week=True)],
        actions=[DigestAction(action=action, days_left=-3)],
    )
    week = dt.date(2026, 2, 23)
    return {
        "followup/mail/action_assigned": ({"action": action, "link": action.link}, path),
        "followup/mail/reminder": ({"action": action, "overdue": True, "link": action.link}, path),
        "followup/mail/digest": ({"digest": digest, "week": week}, path),
        "followup/mail/secretariat_digest": (
            {
                "week": week,
                "open_count": 2,
                "overdue": [action],
                "dashboard_link": SITE + reverse("followup:action_dashboard"),
            },
            path,
        ),
    }


@pytest.fixture
def notices(document, submission, action) -> dict:
    return (
        document_notices(document)
        | consultation_notices(submission)
        | followup_notices(action, document, submission)
    )


def interface_words(text: str, user_content: list[str]) -> set[str]:
    """The English words of the template: the text without what people typed, names, links."""
    text = re.sub(r"https?://\S+", " ", text)
    for value in sorted(user_content, key=len, reverse=True):
        text = text.replace(value, " ")
    return {word.lower() for word in re.findall(r"[A-Za-z]{4,}", text)}


def user_content(document, submission, action) -> list[str]:
    return [
        TITLE,
        SITE,
        str(document.meeting),
        document.symbol,
        document.withdrawn_reason,
        "Egypt",
        submission.reference,
        "WSIS+20 call",
        "Off topic.",
        "Call",
        str(action.meeting),
    ]


def test_the_notices_are_all_covered(notices):
    assert len(notices) == 13  # six of documents, three of consultations, four of follow-up


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_notice_renders_in_the_language_with_its_link(
    language, notices, document, submission, action
):
    content = user_content(document, submission, action)
    for prefix, (context, path) in notices.items():
        subject, body = render_mail(prefix, context, language)
        assert subject.strip(), prefix
        assert "\n" not in subject, prefix
        assert body.strip(), prefix
        assert f"{SITE}{path}" in body, (prefix, language)
        if language == "en":
            continue
        english_subject, english_body = render_mail(prefix, context, "en")
        english = interface_words(english_subject + "\n" + english_body, content)
        assert english, prefix
        left = english & interface_words(subject + "\n" + body, content)
        left -= COGNATES.get(language, set())
        assert not left, (prefix, language, left, body)


def test_the_title_is_the_one_people_typed_in_every_language(notices):
    context, _path = notices["documents/mail/registered"]
    for language in LANGUAGES:
        assert TITLE in render_mail("documents/mail/registered", context, language)[1]


def test_plural_forms_follow_the_language(notices):
    context, _path = notices["followup/mail/digest"]
    assert "closes in 1 day " in render_mail("followup/mail/digest", context, "en")[1]
    assert "OVERDUE by 3 days" in render_mail("followup/mail/digest", context, "en")[1]
    russian = render_mail("followup/mail/digest", context, "ru")[1]
    assert "1 день" in russian
    assert "3 дня" in russian


def person(name: str, *, email: bool = True, **preference):
    user = enrol_user(
        username=name,
        password="a-test-password-1",
        role=DELEGATES,
        email=f"{name}@example.invalid" if email else "",
    )
    if preference:
        UserPreference.objects.create(user=user, **preference)
    return user


def test_recipients_are_grouped_by_their_language():
    chose = person("chose.fr", language="fr", last_language="ar")
    used = person("used.fr", last_language="fr")
    nothing = person("nothing")
    arabic = person("chose.ar", language="ar")
    no_address = person("no.address", email=False, language="ru")
    groups = recipients_by_language([chose, used, nothing, arabic, no_address])
    assert groups == {
        "ar": ["chose.ar@example.invalid"],
        "en": ["nothing@example.invalid"],
        "fr": ["chose.fr@example.invalid", "used.fr@example.invalid"],
    }


def test_one_outbox_message_per_language_sent_once_committed(
    document, django_capture_on_commit_callbacks
):
    readers = [person("a", language="es"), person("b", language="es"), person("c")]
    with django_capture_on_commit_callbacks(execute=True):
        assert send_notice(readers, "documents/mail/published", notice_context(document)) == 2
        messages = OutboxMessage.objects.filter(handler="cwg.send_rendered_mail")
        assert sorted(m.arguments["language"] for m in messages) == ["en", "es"]
        assert mail.outbox == []  # nothing leaves before the commit
    assert OutboxMessage.objects.filter(state=OutboxMessage.State.DONE).count() == 2
    by_reader = {tuple(message.to): message for message in mail.outbox}
    spanish = by_reader[("a@example.invalid", "b@example.invalid")]
    assert "Su contribución" in spanish.body
    assert "Your contribution was published" in by_reader[("c@example.invalid",)].subject


def test_a_rolled_back_change_sends_no_notice(document, django_capture_on_commit_callbacks):
    from django.db import transaction

    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                send_notice([person("d")], "documents/mail/published", notice_context(document))
                raise RuntimeError("the change fails")
        except RuntimeError:
            pass
    assert mail.outbox == []
    assert not OutboxMessage.objects.filter(handler="cwg.send_rendered_mail").exists()


def test_a_withdrawal_tells_the_submitter_and_the_cosponsors_each_in_their_language(
    meeting, people, django_capture_on_commit_callbacks
):
    delegate = people["delegate"]
    delegate.email = "delegate.eg@example.invalid"
    delegate.save()
    UserPreference.objects.create(user=delegate, language="fr")
    saudi = enrol_user(
        username="delegate.sa",
        password="a-test-password-1",
        role=DELEGATES,
        member_state=member_state("SA"),
        email="delegate.sa@example.invalid",
    )
    record_last_language(user=saudi, language="ar")
    document = create_contribution(
        meeting=meeting,
        by=delegate,
        title=TITLE,
        cosponsors=[member_state("SA")],
        file=docx_upload("Joint text."),
        language="en",
        submit=True,
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        withdraw_document(document=document, by=people["secretariat"], reason="Merged")
    by_reader = {tuple(message.to): message for message in mail.outbox}
    assert set(by_reader) == {("delegate.eg@example.invalid",), ("delegate.sa@example.invalid",)}
    assert "Contribution retirée" in by_reader[("delegate.eg@example.invalid",)].subject
    assert "سُحبت المساهمة" in by_reader[("delegate.sa@example.invalid",)].subject
    link = f"{SITE}{document.get_absolute_url()}"
    assert all(link in message.body for message in mail.outbox)


def test_withdrawing_ones_own_draft_tells_nobody(
    meeting, people, django_capture_on_commit_callbacks
):
    delegate = people["delegate"]
    delegate.email = "delegate.eg@example.invalid"
    delegate.save()
    draft = create_contribution(
        meeting=meeting, by=delegate, title=TITLE, file=docx_upload("Text."), language="en"
    )
    with django_capture_on_commit_callbacks(execute=True):
        withdraw_document(document=draft, by=delegate, reason="Not ready")
    assert mail.outbox == []


def test_signing_in_records_the_language_used(people, client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    response = client.post(
        reverse("login"), {"username": "delegate.eg", "password": "a-test-password-1"}
    )
    assert response.status_code == 302
    assert UserPreference.objects.get(user=people["delegate"]).last_language == "ru"


def test_switching_language_signed_in_records_it_and_anonymously_records_nothing(
    people, as_role, client
):
    as_role("delegate").get(reverse("cwg:switch_language", args=["zh-hans"]) + "?next=/")
    assert UserPreference.objects.get(user=people["delegate"]).last_language == "zh-hans"
    client.get(reverse("cwg:switch_language", args=["es"]) + "?next=/")
    assert UserPreference.objects.count() == 1


def test_the_chosen_language_wins_over_the_last_used(people, as_role):
    client = as_role("delegate")
    page = reverse("cwg:mail_language")
    assert client.get(page).status_code == 200
    assert client.post(page, {"language": "es"}).status_code == 302
    client.get(reverse("cwg:switch_language", args=["ru"]) + "?next=/")
    preference = UserPreference.objects.get(user=people["delegate"])
    assert (preference.language, preference.last_language) == ("es", "ru")
    people["delegate"].email = "delegate.eg@example.invalid"
    assert list(recipients_by_language([people["delegate"]])) == ["es"]


def test_a_language_the_site_does_not_offer_is_refused_with_the_form(people, as_role):
    client = as_role("delegate")
    response = client.post(reverse("cwg:mail_language"), {"language": "xx"})
    assert response.status_code == 400
    assert "language" in response.context["form"].errors
    assert not UserPreference.objects.filter(user=people["delegate"]).exclude(language="").exists()


def test_an_empty_choice_means_the_last_language_used(people, as_role):
    client = as_role("delegate")
    client.post(reverse("cwg:mail_language"), {"language": "fr"})
    assert client.post(reverse("cwg:mail_language"), {"language": ""}).status_code == 302
    assert UserPreference.objects.get(user=people["delegate"]).language == ""


def test_the_user_menu_links_to_the_choice(as_role):
    page = as_role("delegate").get("/").content.decode()
    assert reverse("cwg:mail_language") in page


def test_a_notice_queued_before_the_templates_is_sent_in_its_readers_language(
    document, django_capture_on_commit_callbacks
):
    """documents.send_document_notice: messages written by the previous code still go out."""
    from cwg import outbox
    from documents.tasks import NOTICE

    reader = person("queued", language="ru")
    with django_capture_on_commit_callbacks(execute=True):
        outbox.enqueue(
            NOTICE, document_id=document.pk, event="published", recipients=[reader.email]
        )
    [message] = mail.outbox
    assert message.to == ["queued@example.invalid"]
    assert "опубликован" in message.body
    assert f"{SITE}{document.get_absolute_url()}" in message.body
