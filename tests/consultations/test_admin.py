"""The secretariat writes a call in the back office; its status moves only through the services."""

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse
from reversion.models import Version

from consultations.models import ConsultationCall, Question
from tests.consultations.factories import CallFactory

pytestmark = pytest.mark.django_db
ADD = "admin:consultations_consultationcall_add"


def new_call_form(working_group, **extra) -> dict:
    data = {
        "working_group": working_group.pk,
        "code": "NEWCALL",
        "title": '{"en": "A new call", "fr": "Un nouvel appel"}',
        "description": '{"en": "Tell us."}',
        "opens_at_0": "2030-01-01",
        "opens_at_1": "09:00:00",
        "closes_at_0": "2030-02-01",
        "closes_at_1": "18:00:00",
        "audience": "public",
        "status": "open",  # read-only: ignored
        "questions-TOTAL_FORMS": "1",
        "questions-INITIAL_FORMS": "0",
        "questions-MIN_NUM_FORMS": "0",
        "questions-MAX_NUM_FORMS": "1000",
        "questions-0-order": "1",
        "questions-0-text": '{"en": "What matters most?"}',
        "questions-0-help": "{}",
        "questions-0-required": "on",
        "questions-0-kind": "text",
        "questions-0-choices": "[]",
    }
    data.update(extra)
    return data


def test_secretariat_writes_a_draft_call_with_its_questions(working_group, as_role):
    client = as_role("secretariat")
    assert "Write a new call" in client.get(reverse("consultations:list")).content.decode()
    response = client.post(reverse(ADD), new_call_form(working_group))
    assert response.status_code == 302, response.content.decode()[:2000]
    call = ConsultationCall.objects.get(code="NEWCALL")
    assert call.status == "draft"
    assert call.questions.get().display_text == "What matters most?"
    assert Version.objects.get_for_object(call).count() == 1
    page = client.get(reverse("consultations:detail", args=[call.code])).content.decode()
    assert "Open the call" in page


def test_a_call_closing_before_it_opens_is_refused_in_the_form(working_group, as_role):
    data = new_call_form(working_group, closes_at_0="2029-12-01")
    response = as_role("secretariat").post(reverse(ADD), data)
    assert response.status_code == 200
    assert "must close after it opens" in response.content.decode()
    assert not ConsultationCall.objects.filter(code="NEWCALL").exists()


@pytest.mark.parametrize("role", ["public", "delegate", "chair"])
def test_others_cannot_write_calls(working_group, as_role, role):
    client = as_role(role)
    assert "Write a new call" not in client.get(reverse("consultations:list")).content.decode()
    response = client.post(reverse(ADD), new_call_form(working_group))
    assert response.status_code in {302, 403}
    assert "/login/" in response.get("Location", "/login/")
    assert not ConsultationCall.objects.filter(code="NEWCALL").exists()


def test_questions_are_frozen_once_the_call_opens(working_group, people):
    request = RequestFactory().get("/")
    request.user = people["secretariat"]
    call_admin = admin.site._registry[ConsultationCall]
    inline = call_admin.get_inline_instances(request)[0]
    draft = CallFactory(working_group=working_group, status="draft")
    opened = CallFactory(working_group=working_group, status="open")
    archived = CallFactory(working_group=working_group, status="archived")
    assert inline.model is Question
    assert inline.has_change_permission(request, draft)
    assert not inline.has_change_permission(request, opened)
    assert not inline.has_add_permission(request, opened)
    assert call_admin.has_change_permission(request, opened)
    assert not call_admin.has_change_permission(request, archived)
    assert not call_admin.has_delete_permission(request, draft)


def test_reverting_a_call_in_the_admin_keeps_its_counter_and_status(
    working_group, as_role, people, client
):
    """Counters are not history: the version saved at opening had last_number 0 (and a later
    edit a new title); restoring it brings the title back, never the counter or the status,
    so the next public input still gets a fresh reference."""
    from consultations.services import open_call
    from tests.consultations.factories import form_data

    secretariat = as_role("secretariat")
    secretariat.post(reverse(ADD), new_call_form(working_group))
    call = ConsultationCall.objects.get(code="NEWCALL")
    ConsultationCall.objects.filter(pk=call.pk).update(
        opens_at=call.opens_at.replace(year=2020)  # open now, so it takes inputs
    )
    call = open_call(call=ConsultationCall.objects.get(pk=call.pk), by=people["secretariat"])
    at_opening = Version.objects.get_for_object(call).first()  # newest first: "Opened"
    submit = reverse("consultations:submit", args=[call.code])
    for _ in range(2):
        client.logout()
        assert client.post(submit, form_data(call)).status_code == 302
    question = call.questions.get()

    secretariat = as_role("secretariat")
    revision_url = reverse(
        "admin:consultations_consultationcall_revision", args=[call.pk, at_opening.pk]
    )
    assert secretariat.get(revision_url).status_code == 200
    data = new_call_form(
        working_group,
        **{
            "opens_at_0": "2020-01-01",
            "questions-INITIAL_FORMS": "1",
            "questions-0-id": str(question.pk),
            "questions-0-call": str(call.pk),
        },
    )
    response = secretariat.post(revision_url, data)
    assert response.status_code == 302, response.content.decode()[:3000]

    call.refresh_from_db()
    assert call.last_number == 2
    assert call.status == ConsultationCall.Status.OPEN
    client.logout()
    assert client.post(submit, form_data(call)).status_code == 302
    assert sorted(call.submissions.values_list("reference", flat=True)) == [
        "NEWCALL-0001",
        "NEWCALL-0002",
        "NEWCALL-0003",
    ]
