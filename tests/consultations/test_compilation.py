"""The compiled published inputs become an information document of the meeting chosen."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from docx import Document as WordDocument

from consultations import services
from consultations.services import register_compiled_inputs
from cwg.exceptions import NotAllowed
from tests.consultations.factories import CallFactory, QuestionFactory
from tests.meetings.factories import MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def call_with_inputs(people):
    call = CallFactory(working_group=people.working_group, code="WSIS20")
    question = QuestionFactory(call=call)
    for n in range(3):
        submission = services.submit_input(
            call=call,
            by=people["public"],
            name=f"Author {n}",
            email="a@example.invalid",
            stakeholder_type="academia",
            answers={question.pk: f"Published answer {n}"},
            consent_to_publish=True,
        )
        services.accept_submissions(ids=[submission.pk], by=people["secretariat"])
        services.publish_submissions(ids=[submission.pk], by=people["secretariat"])
    return call


@pytest.fixture
def meeting(people):
    opens = timezone.localdate() + dt.timedelta(days=30)
    return MeetingFactory(
        working_group=people.working_group, number=45, start_date=opens, end_date=opens
    )


def test_the_secretariat_registers_the_compilation(call_with_inputs, meeting, people):
    document = register_compiled_inputs(
        call=call_with_inputs, meeting=meeting, by=people["secretariat"]
    )
    assert document.symbol == "CWG-WSIS&SDG-45/INF/1"
    assert document.status == "registered"
    word = WordDocument(document.files.get().file.path)
    text = "\n".join(p.text for p in word.paragraphs)
    assert all(f"Published answer {n}" in text for n in range(3))


@pytest.mark.parametrize("role", ["chair", "delegate"])
def test_others_may_not_register_it(role, call_with_inputs, meeting, people):
    with pytest.raises(NotAllowed):
        register_compiled_inputs(call=call_with_inputs, meeting=meeting, by=people[role])


def test_from_the_moderation_page(call_with_inputs, meeting, as_role):
    client = as_role("secretariat")
    url = reverse("consultations:register_compilation", args=[call_with_inputs.code])
    response = client.post(url, {"meeting": meeting.pk})
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200
    missing = client.post(url, {"meeting": ""}, follow=True)
    assert "Choose the meeting" in missing.content.decode()
    assert as_role("chair").post(url, {"meeting": meeting.pk}).status_code == 403
