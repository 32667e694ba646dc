"""Moderation as the secretariat does it: reading, deciding, and the author being told."""

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from consultations.models import ModerationDecision, RejectionReason, Submission
from consultations.services import (
    accept_and_publish_submissions,
    publish_submissions,
    reject_submissions,
    submit_input,
    tell_author_of_decision,
    withdraw_link_token,
)
from cwg.exceptions import InvalidTransition, NotAllowed
from tests.consultations.factories import QuestionFactory
from tests.cwg.factories import member_state
from tests.documents.factories import docx_upload

pytestmark = pytest.mark.django_db

OPTIONS = [
    {
        "value": "c2",
        "label": {"en": "Infrastructure", "ar": "البنية التحتية", "fr": "Infrastructure"},
    },
    {"value": "c5", "label": {"en": "Confidence and security", "ar": "بناء الثقة والأمن"}},
]


@pytest.fixture
def choice(call):
    return QuestionFactory(
        call=call, kind="choice", text={"en": "Action line", "ar": "خط العمل"}, choices=OPTIONS
    )


@pytest.fixture
def reason():
    return RejectionReason.objects.create(
        text={"en": "Advertising unrelated to the call.", "ar": "إعلان لا علاقة له بالدعوة."}
    )


def _submit(call, people, *, choice=None, consent=True, language="ar", country="EG", files=()):
    main = call.questions.order_by("order").first()
    answers = {main.pk: "نريد شبكات أوسع في الأرياف."}
    if choice is not None:
        answers[choice.pk] = "c5"
    return submit_input(
        call=call,
        by=people["public"],
        name="Layla Mansour",
        email="layla@example.invalid",
        stakeholder_type="civil_society",
        country=member_state(country) if country else None,
        language=language,
        consent_to_publish=consent,
        answers=answers,
        attachments=list(files),
    )


def test_accept_and_publish_is_one_step_recorded_as_two_decisions(call, people):
    item = _submit(call, people)
    accept_and_publish_submissions(ids=[item.pk], by=people["secretariat"])
    item.refresh_from_db()
    assert item.status == "published"
    steps = list(item.decisions.values_list("from_status", "to_status"))
    assert steps == [("received", "accepted"), ("accepted", "published")]


def test_accept_and_publish_without_consent_is_refused_and_changes_nothing(call, people):
    item = _submit(call, people, consent=False)
    with pytest.raises(InvalidTransition, match="Accept them without publishing"):
        accept_and_publish_submissions(ids=[item.pk], by=people["secretariat"])
    item.refresh_from_db()
    assert item.status == "received"
    assert not item.decisions.exists()


def test_accept_and_publish_refused_to_officers(call, people):
    item = _submit(call, people)
    with pytest.raises(NotAllowed):
        accept_and_publish_submissions(ids=[item.pk], by=people["chair"])


def test_publishing_a_received_input_says_what_to_do_instead(call, people):
    item = _submit(call, people)
    with pytest.raises(InvalidTransition, match="Accept and publish"):
        publish_submissions(ids=[item.pk], by=people["secretariat"])


def test_rejection_with_a_reason_from_the_list_mails_the_author_in_arabic(
    call, people, reason, django_capture_on_commit_callbacks
):
    item = _submit(call, people)
    with django_capture_on_commit_callbacks(execute=True):
        reject_submissions(ids=[item.pk], by=people["secretariat"], standard_reason=reason)
    decision_mail = mail.outbox[-1]
    assert decision_mail.to == ["layla@example.invalid"]
    assert "إعلان لا علاقة له بالدعوة." in decision_mail.body
    assert decision_mail.subject == f"لم تُقبل مساهمتك {item.reference}"  # in her language
    assert ModerationDecision.objects.get(to_status="rejected").author_told_at is not None
    # A task delivered twice tells the author once.
    assert tell_author_of_decision(submission_id=item.pk) is False
    assert len(mail.outbox) == 1


@override_settings(SITE_URL="https://cwg.example")
def test_publication_mails_the_link_to_the_published_input(
    call, people, django_capture_on_commit_callbacks
):
    item = _submit(call, people, language="en")
    with django_capture_on_commit_callbacks(execute=True):
        accept_and_publish_submissions(
            ids=[item.pk], by=people["secretariat"], site_url="https://cwg.example/"
        )
    body = mail.outbox[-1].body
    assert f"https://cwg.example/consultations/{call.code}/inputs/#{item.reference}" in body


def test_rejection_without_any_reason_is_refused(call, people):
    item = _submit(call, people)
    with pytest.raises(Exception, match="reason"):
        reject_submissions(ids=[item.pk], by=people["secretariat"], reason="  ")


def test_queue_reads_full_answers_as_labels_with_decisions(call, choice, people, as_role):
    item = _submit(call, people, choice=choice, files=[docx_upload("annex", name="annex.docx")])
    reject_submissions(ids=[item.pk], by=people["secretariat"], reason="Off topic, sorry.")
    page = as_role("chair").get(reverse("consultations:moderation", args=[call.code]))
    text = page.content.decode()
    assert "نريد شبكات أوسع في الأرياف." in text
    assert "Confidence and security" in text
    assert ">c5<" not in text
    assert "Off topic, sorry." in text
    assert "annex.docx" in text
    assert "Civil society" in text
    assert 'name="selected"' not in text  # officers read; they do not decide


def test_queue_filters_by_region_question_and_attachments(call, choice, people, as_role):
    with_file = _submit(call, people, choice=choice, files=[docx_upload("x", name="annex.docx")])
    plain = _submit(call, people, choice=choice, country="SE")
    url = reverse("consultations:moderation", args=[call.code])
    client = as_role("secretariat")

    def shown(**query) -> set[str]:
        text = client.get(url, query).content.decode()
        return {ref for ref in (with_file.reference, plain.reference) if f">{ref}</label>" in text}

    assert shown(attachments="yes") == {with_file.reference}
    assert shown(attachments="no") == {plain.reference}
    assert shown(region="B") == {plain.reference}  # Sweden: Western Europe
    assert shown(region="D") == {with_file.reference}  # Egypt: Africa
    assert shown(question=f"{choice.pk}=c5") == {with_file.reference, plain.reference}
    assert shown(question=f"{choice.pk}=c2") == set()
    assert shown(question="nonsense") == {with_file.reference, plain.reference}


def test_input_page_has_previous_and_next_within_the_filter(call, people, as_role):
    first, second, third = (_submit(call, people) for _ in range(3))
    client = as_role("vice_chair")
    page = client.get(reverse("consultations:moderation_input", args=[call.code, second.reference]))
    text = page.content.decode()
    assert page.status_code == 200
    assert f"Previous: {first.reference}" in text
    assert f"Next: {third.reference}" in text
    missing = reverse("consultations:moderation_input", args=[call.code, "NOPE-0001"])
    assert client.get(missing).status_code == 404


def test_bulk_decision_is_confirmed_and_the_message_names_the_inputs(call, people, as_role):
    items = [_submit(call, people) for _ in range(4)]
    client = as_role("secretariat")
    url = reverse("consultations:moderation", args=[call.code])
    chosen = {"action": "accept_publish", "selected": [item.pk for item in items]}
    confirm = client.post(url, chosen).content.decode()
    assert "Accept and publish 4 inputs" in confirm
    assert all(item.reference in confirm for item in items)
    response = client.post(url, {**chosen, "confirmed": "True"}, follow=True)
    assert f"{items[0].reference} and 3 more accepted and published." in response.content.decode()
    assert Submission.objects.filter(status="published").count() == 4


def test_a_refused_decision_keeps_the_typed_reason_and_says_why(call, people, as_role):
    item = _submit(call, people)
    accept_and_publish_submissions(ids=[item.pk], by=people["secretariat"])
    url = reverse("consultations:moderation_input", args=[call.code, item.reference])
    response = as_role("secretariat").post(
        url, {"action": "reject", "reason": "Typed reason", "selected": [item.pk]}
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "Typed reason" in text
    assert "cannot become" in text


def test_authors_private_page_shows_status_reason_and_date(client, call, people, reason):
    item = _submit(call, people)
    reject_submissions(ids=[item.pk], by=people["secretariat"], standard_reason=reason)
    token = withdraw_link_token(submission=item)
    page = client.get(reverse("consultations:own", args=[token]), HTTP_ACCEPT_LANGUAGE="en")
    text = page.content.decode()
    assert "Rejected" in text
    assert "Advertising unrelated to the call." in text


def test_pdf_attachment_opens_inline_and_docx_downloads(call, people, as_role):
    item = _submit(call, people, files=[docx_upload("annex", name="annex.docx")])
    attachment = item.attachments.get()
    url = reverse("consultations:attachment", args=[call.code, attachment.pk]) + "?inline=1"
    response = as_role("secretariat").get(url)
    assert response["Content-Disposition"].startswith("attachment;")  # a DOCX is downloaded
