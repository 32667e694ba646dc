"""The secretariat writes a call in the app: no JSON, Geneva time, questions locked once open."""

import datetime as dt

import pytest
from django.urls import reverse

from consultations.exceptions import QuestionsLocked
from consultations.models import ConsultationCall
from consultations.services import open_call, save_question, submit_input
from cwg.exceptions import DomainError, NotAllowed
from tests.consultations.factories import CallFactory

pytestmark = pytest.mark.django_db


def call_form(**extra) -> dict:
    data = {
        "code": "WSIS26",
        "audience": "public",
        "opens_at": "2026-03-01T09:00",
        "closes_at": "2026-03-31T18:00",
        "title_en": "Call for inputs 2026",
        "title_ar": "دعوة لتقديم المساهمات 2026",
        "description_en": "Your views.",
    }
    data.update(extra)
    return data


def question_form(**extra) -> dict:
    data = {
        "kind": "choice",
        "required": "on",
        "order": "1",
        "text_en": "Which action line?",
        "text_ar": "أي خط عمل؟",
        "options_en": "Infrastructure\nCapacity building",
        "options_ar": "البنية التحتية\nبناء القدرات",
    }
    data.update(extra)
    return data


def test_secretariat_writes_a_call_in_geneva_time_and_a_choice_question(as_role):
    client = as_role("secretariat")
    response = client.post(reverse("consultations:call_new"), call_form())
    assert response.status_code == 302
    call = ConsultationCall.objects.get(code="WSIS26")
    assert call.status == "draft"
    assert call.title == {"en": "Call for inputs 2026", "ar": "دعوة لتقديم المساهمات 2026"}
    assert call.opens_at == dt.datetime(2026, 3, 1, 8, 0, tzinfo=dt.UTC)  # 09:00 CET
    response = client.post(reverse("consultations:question_new", args=["WSIS26"]), question_form())
    assert response.status_code == 302
    question = call.questions.get()
    assert question.choices == [
        {"value": "o1", "label": {"en": "Infrastructure", "ar": "البنية التحتية"}},
        {"value": "o2", "label": {"en": "Capacity building", "ar": "بناء القدرات"}},
    ]
    preview = client.get(
        reverse("consultations:call_preview", args=["WSIS26"]), HTTP_ACCEPT_LANGUAGE="ar"
    )
    assert "بناء القدرات" in preview.content.decode()


def test_edit_keeps_option_values_that_answers_refer_to(as_role):
    client = as_role("secretariat")
    client.post(reverse("consultations:call_new"), call_form())
    client.post(reverse("consultations:question_new", args=["WSIS26"]), question_form())
    question = ConsultationCall.objects.get(code="WSIS26").questions.get()
    edited = question_form(
        options_en="Infrastructure\nCapacity building\nSecurity",
        options_ar="البنية التحتية\nبناء القدرات\nالأمن",
    )
    url = reverse("consultations:question_edit", args=["WSIS26", question.pk])
    assert client.post(url, edited).status_code == 302
    question.refresh_from_db()
    assert [choice["value"] for choice in question.choices] == ["o1", "o2", "o3"]


def test_options_in_unequal_numbers_are_refused_and_the_text_kept(as_role):
    client = as_role("secretariat")
    client.post(reverse("consultations:call_new"), call_form())
    response = client.post(
        reverse("consultations:question_new", args=["WSIS26"]),
        question_form(options_ar="البنية التحتية"),
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "same number of options" in text
    assert "Which action line?" in text


def test_a_call_closing_before_it_opens_is_refused_with_the_form_kept(as_role):
    response = as_role("secretariat").post(
        reverse("consultations:call_new"), call_form(closes_at="2026-02-01T09:00")
    )
    assert response.status_code == 400
    assert "close after it opens" in response.content.decode()
    assert "Call for inputs 2026" in response.content.decode()


@pytest.mark.parametrize("code", ["new", "mine"])
def test_codes_that_name_pages_are_refused(as_role, code):
    response = as_role("secretariat").post(reverse("consultations:call_new"), call_form(code=code))
    assert response.status_code == 400
    assert not ConsultationCall.objects.filter(code=code).exists()


@pytest.mark.parametrize("role", ["chair", "delegate", "public"])
def test_only_the_secretariat_writes_calls(as_role, role):
    client = as_role(role)
    assert client.post(reverse("consultations:call_new"), call_form()).status_code == 403
    assert not ConsultationCall.objects.exists()


def test_questions_lock_once_the_call_opens(working_group, people):
    call = CallFactory(working_group=working_group, code="LOCK", status="draft")
    secretariat = people["secretariat"]
    values = {"kind": "text", "text": {"en": "Why?"}, "choices": [], "required": True, "order": 1}
    question = save_question(call=call, by=secretariat, **values)
    open_call(call=call, by=secretariat)
    with pytest.raises(QuestionsLocked):
        save_question(call=call, by=secretariat, question=question, **values)
    with pytest.raises(NotAllowed):
        save_question(call=call, by=people["chair"], **values)


def test_locked_question_page_sends_back_with_the_reason(working_group, as_role):
    call = CallFactory(working_group=working_group, code="OPEN1")
    response = as_role("secretariat").get(
        reverse("consultations:question_new", args=[call.code]), follow=True
    )
    assert "lock once it opens" in response.content.decode()


def test_multiple_choice_and_length_limit_when_answering(working_group, people):
    call = CallFactory(working_group=working_group, code="MULTI", status="draft")
    secretariat = people["secretariat"]
    options = [
        {"value": "o1", "label": {"en": "Access"}},
        {"value": "o2", "label": {"en": "Skills"}},
        {"value": "o3", "label": {"en": "Trust"}},
    ]
    several = save_question(
        call=call,
        by=secretariat,
        kind="multiple",
        text={"en": "Which?"},
        choices=options,
        required=True,
        order=1,
    )
    short = save_question(
        call=call,
        by=secretariat,
        kind="text",
        text={"en": "Why?"},
        choices=[],
        required=False,
        order=2,
        max_length=10,
    )
    open_call(call=call, by=secretariat)
    author = {
        "call": call,
        "by": people["public"],
        "name": "A",
        "email": "a@example.invalid",
        "stakeholder_type": "academia",
    }
    with pytest.raises(DomainError, match="at most 10 characters"):
        submit_input(answers={several.pk: ["o1"], short.pk: "x" * 11}, **author)
    item = submit_input(answers={several.pk: ["o3", "o1"], short.pk: "Because."}, **author)
    answer = item.answers.get(question=several)
    assert answer.choice == "o1,o3"
    assert answer.display() == "Access; Trust"
