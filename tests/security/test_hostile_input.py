"""Hostile text in every form and API write: never a 500, and what comes back is escaped.

Each example posts text built from the worst pieces (right-to-left override, control
characters, NUL, 10 kB runs, markup, template syntax) and random Unicode, behind a markup
marker. Whatever the answer (a form error, the saved page after the redirect, a JSON body), the
marker must never come back as markup: rendered escaped, or cleaned away.
"""

from urllib.parse import quote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rest_framework.test import APIClient

from documents.models import Document
from documents.services import create_document, create_summary
from tests.consultations.factories import CallFactory, QuestionFactory
from tests.documents.factories import docx_bytes
from tests.integration.faults import public_input

pytestmark = pytest.mark.django_db

MARKER = "<i id=hostile-marker>"  # no quote or slash: it survives a multipart file name
PIECES = [
    "\u202e",  # right-to-left override
    "\u202d\u2066\u2069\u200f",  # other bidi controls
    "\x00",
    "\x07\x08\x1b[31m\x7f",
    "\r\n\t\x0b\x0c",
    "\ufeff\u200b",
    "x" * 10_000,
    "<script>alert(1)</script>",
    "'\"><img src=x onerror=alert(1)>",
    "{{ request }}{% debug %}",
    "%(name)s %s {0}",
    "../../etc/passwd",
    "نص عربي مع تشكيل: مُساهَمة",
    "ﷺ𝕏🏳️‍🌈",
]
hostile_text = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(max_size=40)), min_size=1, max_size=5
).map("".join)
BOUNDED = settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def answered_safely(response) -> None:
    """No 500; a page never carries the marker as markup. JSON carries text as it is (the
    API answers application/json with nosniff, so no browser reads it as HTML)."""
    assert response.status_code < 500, response.status_code
    body = b"".join(response) if response.streaming else response.content
    if response["Content-Type"].startswith("text/html"):
        assert MARKER not in body.decode("utf-8", errors="replace")
    else:
        assert response["Content-Type"].startswith("application/json"), response["Content-Type"]
        assert response["X-Content-Type-Options"] == "nosniff"


def hostile(text: str) -> str:
    return f"{text}{MARKER}"


@pytest.fixture
def draft(meeting, people):
    return create_document(meeting=meeting, title="Draft", by=people["delegate"])


@pytest.fixture
def settings_for_many_posts(settings):
    """Hypothesis posts many times from one address: throttles would answer before the form."""
    settings.CONSULTATION_SUBMIT_RATE = "100000/h"
    settings.AXES_FAILURE_LIMIT = 100_000
    return settings


@BOUNDED
@given(title=hostile_text)
def test_new_contribution(as_role, meeting, title):
    client = as_role("delegate")
    response = client.post(
        reverse("documents:create", args=[meeting.number]),
        {
            "title": hostile(title),
            "access": "public",
            "language": "en",
            "file": SimpleUploadedFile(hostile(title)[-150:] + ".docx", docx_bytes("x")),
        },
        follow=True,
    )
    answered_safely(response)


@BOUNDED
@given(title=hostile_text)
def test_document_details(as_role, draft, title):
    response = as_role("delegate").post(
        reverse("documents:edit", args=[draft.pk]),
        {"title": hostile(title), "access": "public"},
        follow=True,
    )
    answered_safely(response)


@BOUNDED
@given(name=hostile_text, content=st.binary(max_size=200))
def test_file_upload_name_and_content(as_role, draft, name, content):
    client = as_role("delegate")
    url = reverse("documents:add_file", args=[draft.pk])
    for upload in (
        SimpleUploadedFile(hostile(name)[-150:] + ".docx", docx_bytes("x")),
        SimpleUploadedFile(hostile(name)[-150:] + ".pdf", content),
    ):
        answered_safely(client.post(url, {"language": "ar", "file": upload}, follow=True))


@BOUNDED
@given(reason=hostile_text)
def test_withdrawal_reason(as_role, meeting, people, reason):
    document = create_document(meeting=meeting, title="To withdraw", by=people["delegate"])
    response = as_role("delegate").post(
        reverse("documents:withdraw", args=[document.pk]), {"reason": hostile(reason)}, follow=True
    )
    answered_safely(response)


@BOUNDED
@given(title=hostile_text, body=hostile_text)
def test_meeting_summary(as_role, meeting, people, title, body):
    client = as_role("secretariat")
    answered_safely(
        client.post(
            reverse("documents:summary_new", args=[meeting.number]),
            {"title": hostile(title), "language": "ar"},
            follow=True,
        )
    )
    summary = Document.objects.filter(meeting=meeting, kind=Document.Kind.SUMMARY).first()
    if summary is None:  # one summary a meeting: an earlier example may have created it
        summary = create_summary(
            meeting=meeting, title="S", language="en", by=people["secretariat"]
        )
    answered_safely(
        client.post(
            reverse("documents:summary_edit", args=[summary.pk]),
            {"title": hostile(title), "body": f"## {hostile(body)}\n\n{hostile(body)}"},
            follow=True,
        )
    )


@BOUNDED
@given(agenda_item=hostile_text, kind=hostile_text, language=hostile_text)
def test_document_list_filters(client, meeting, agenda_item, kind, language):
    response = client.get(
        reverse("documents:meeting_list", args=[meeting.number]),
        {"agenda_item": hostile(agenda_item), "kind": hostile(kind), "language": language},
    )
    answered_safely(response)


@pytest.fixture
def call(people):
    call = CallFactory(working_group=people.working_group, code="FUZZ")
    QuestionFactory(call=call)
    return call


@BOUNDED
@given(name=hostile_text, organization=hostile_text, answer=hostile_text, email=hostile_text)
def test_public_consultation_answer(
    client, call, settings_for_many_posts, name, organization, answer, email
):
    question = call.questions.get()
    data = {
        "name": hostile(name),
        "email": email if "@" in email else "author@example.invalid",
        "organization": hostile(organization),
        "stakeholder_type": "civil_society",
        "language": "ar",
        "consent_to_publish": "on",
        f"question_{question.pk}": hostile(answer),
    }
    answered_safely(client.post(reverse("consultations:submit", args=[call.code]), data))


@BOUNDED
@given(reason=hostile_text, action=st.sampled_from(["accept", "reject", "publish", "\u202e"]))
def test_moderation_decision(as_role, call, people, reason, action):
    submission = public_input(call, people)
    response = as_role("secretariat").post(
        reverse("consultations:moderation", args=[call.code]),
        {"action": action, "reason": hostile(reason), "selected": [submission.pk]},
        follow=True,
    )
    answered_safely(response)


@BOUNDED
@given(text=hostile_text, step=st.sampled_from(["update", "complete", "cancel", "start"]))
def test_action_steps(as_role, action, text, step):
    response = as_role("delegate").post(
        reverse("followup:action_transition", args=[action.pk, step]),
        {"text": hostile(text)},
        follow=True,
    )
    answered_safely(response)


@BOUNDED
@given(meeting_filter=hostile_text, owner=hostile_text, status=hostile_text)
def test_action_dashboard_filters(as_role, action, meeting_filter, owner, status):
    response = as_role("secretariat").get(
        reverse("followup:action_dashboard"),
        {"meeting": hostile(meeting_filter), "owner": hostile(owner), "status": status},
    )
    answered_safely(response)


@BOUNDED
@given(name=hostile_text, organization=hostile_text)
def test_participant_import(as_role, meeting, name, organization):
    cells = [value.replace('"', '""') for value in (hostile(name), hostile(organization))]
    csv_text = (
        "name,member_state,organization,role,attendance\n"
        f'"{cells[0]}",EG,"{cells[1]}",delegate,remote\n'
    )
    upload = SimpleUploadedFile("participants.csv", csv_text.encode("utf-8", "surrogatepass"))
    response = as_role("secretariat").post(
        reverse("meetings:participant_import", args=[meeting.number]), {"file": upload}, follow=True
    )
    answered_safely(response)


@BOUNDED
@given(username=hostile_text, password=hostile_text)
def test_sign_in(client, people, settings_for_many_posts, username, password):
    response = client.post(reverse("login"), {"username": hostile(username), "password": password})
    answered_safely(response)


@BOUNDED
@given(name=hostile_text, text=hostile_text)
def test_api_writes(people, draft, action, name, text):
    api = APIClient()
    api.force_authenticate(people["delegate"])
    upload = SimpleUploadedFile(hostile(name)[-150:] + ".docx", docx_bytes("api"))
    answered_safely(
        api.post(
            f"/api/v1/documents/{draft.pk}/files/",
            {"language": "en", "file": upload},
            format="multipart",
        )
    )
    answered_safely(
        api.post(f"/api/v1/actions/{action.pk}/progress/", {"text": hostile(text)}, format="json")
    )


def test_the_marker_comes_back_escaped_when_shown(as_role, draft):
    """The check above is not empty: a saved title is shown, escaped."""
    response = as_role("delegate").post(
        reverse("documents:edit", args=[draft.pk]),
        {"title": hostile("\u202eTitle"), "access": "public"},
        follow=True,
    )
    answered_safely(response)
    assert "\u202eTitle&lt;i id=hostile-marker&gt;" in response.content.decode()


@BOUNDED
@given(meeting_field=hostile_text)
def test_compilation_meeting_choice(as_role, call, meeting_field):
    response = as_role("secretariat").post(
        reverse("consultations:register_compilation", args=[call.code]),
        {"meeting": hostile(meeting_field)},
        follow=True,
    )
    answered_safely(response)


@BOUNDED
@given(token=hostile_text)
def test_private_link_token(client, token):
    url = reverse("consultations:own", args=["t"]).replace("/t/", "/{}/")
    answered_safely(client.post(url.format(quote(hostile(token), safe=""))))
