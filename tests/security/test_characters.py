"""Every character: what XML 1.0 and PostgreSQL refuse is cleaned where it enters, and every
writer copes with rows saved before that (issue 20, item 3).

Forms are posted as raw bytes (a lone surrogate arrives as the bytes a broken client sends),
JSON with escapes (the one way a lone surrogate survives parsing). After each write the pages
and exports of what was written are read: never a 500, and nothing stored holds a refused
character. Run on SQLite and, with DATABASE_URL, on PostgreSQL (where NUL was a 500).
"""

import datetime as dt
import io
import json
from urllib.parse import quote

import pytest
from django.core import mail
from django.db import connection
from django.http import HttpResponse, QueryDict
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone
from docx import Document as WordDocument
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from openpyxl import load_workbook

from consultations.models import Submission
from consultations.services import accept_and_publish_submissions
from cwg.characters import REFUSED, clean_text, one_line
from documents.models import Document
from documents.services import create_summary
from tests.consultations.factories import (
    AnswerFactory,
    CallFactory,
    QuestionFactory,
    SubmissionFactory,
    form_data,
)
from tests.meetings.factories import MeetingFactory

pytestmark = pytest.mark.django_db

# Every code point below U+0020, NUL among them, lone surrogates of both halves, the two
# noncharacters at the end of the first plane, and C1 controls (allowed by XML, kept).
REFUSED_PIECES = [chr(point) for point in range(32)] + ["\ud800", "\udbff", "\udc00", "\udfff"]
REFUSED_PIECES += ["\ufffe", "\uffff"]
KEPT_PIECES = ["\t", "\n", "\r\n", "\x85", "\u202e", "عربي", "𝕏", "x"]
refused_text = st.lists(
    st.one_of(st.sampled_from(REFUSED_PIECES), st.sampled_from(KEPT_PIECES)),
    min_size=1,
    max_size=8,
).map("".join)
FEW = settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def old_row() -> str:
    """Text saved before cleaning existed: PostgreSQL never stored a NUL, SQLite did."""
    nul = "\x00" if connection.vendor == "sqlite" else ""
    return f"Old\x01row\x0b with{nul} NUL\x1f and\ufffe\uffff end"


def raw_form(data: dict) -> bytes:
    """The urlencoded body a client sends, lone surrogates as their (ill-formed) UTF-8 bytes."""
    return "&".join(
        f"{quote(key.encode('utf-8', 'surrogatepass'))}="
        f"{quote(value.encode('utf-8', 'surrogatepass'))}"
        for key, values in data.items()
        for value in (values if isinstance(values, list) else [values])
    ).encode("ascii")


def post_form(client, url: str, data: dict, **extra):
    return client.post(
        url, raw_form(data), content_type="application/x-www-form-urlencoded", **extra
    )


def post_json(client, url: str, data: dict):
    """json.dumps writes a lone surrogate as an escape ("\\ud800"): valid JSON text."""
    return client.post(url, json.dumps(data), content_type="application/json")


def body_of(response) -> bytes:
    return b"".join(response) if response.streaming else response.content


def read_safely(client, url: str, status: int = 200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response


def assert_clean(*texts: str) -> None:
    for text in texts:
        assert not REFUSED.search(text), repr(text)


# The cleaning itself


@given(st.text())
def test_cleaning_leaves_only_what_xml_and_postgresql_take(text):
    cleaned = clean_text(text)
    assert_clean(cleaned)
    assert "\x00" not in cleaned
    assert clean_text(cleaned) == cleaned
    assert [ch for ch in text if not REFUSED.match(ch)] == list(cleaned)


def test_cleaning_keeps_tabs_newlines_and_every_script():
    text = "a\tb\r\nc عربي 中文 𝕏 \u202e\x85\x7f"
    assert clean_text(text) == text
    assert clean_text("a\x00b\x01c\x0bd\ud800e\ufffff") == "abcdef"
    assert one_line("Title\r\n\x0bnext\tline\x00") == "Title next line"


def test_every_request_and_api_body_passes_the_cleaning(settings):
    """One door: the middleware before sessions and views, the API's parsers for its bodies."""
    from rest_framework.settings import api_settings

    middleware = settings.MIDDLEWARE
    assert middleware.index("cwg.characters.CleanCharactersMiddleware") < middleware.index(
        "django.contrib.sessions.middleware.SessionMiddleware"
    )
    assert [parser.__module__ for parser in api_settings.DEFAULT_PARSER_CLASSES] == [
        "cwg.characters"
    ] * 3
    for view in every_view(get_resolver()):
        parsers = getattr(getattr(view, "cls", None), "parser_classes", None)
        if parsers is not None:
            assert all(parser.__module__ == "cwg.characters" for parser in parsers), view


@settings(max_examples=60, deadline=None)
@given(
    fields=st.dictionaries(refused_text, st.lists(refused_text, min_size=1, max_size=3), max_size=4)
)
def test_no_view_sees_a_refused_character_whatever_the_form(fields):
    """What every form, filter and session reads after the middleware, for any body."""
    from django.test import RequestFactory

    from cwg.characters import CleanCharactersMiddleware

    seen = {}

    def view(request):
        seen["data"] = [request.GET.lists(), request.POST.lists(), request.COOKIES.items()]
        return HttpResponse()

    body = raw_form(fields)
    request = RequestFactory().post(
        "/?" + body.decode(), body, content_type="application/x-www-form-urlencoded"
    )
    request.COOKIES["sessionid"] = "".join(fields)
    given = QueryDict(mutable=True)  # as it is, lone surrogates included (no decoding between)
    for key, values in fields.items():
        given.setlist(key, values)
    request.GET = given
    CleanCharactersMiddleware(view)(request)
    for pairs in seen["data"]:
        for key, values in pairs:
            assert_clean(key, *(values if isinstance(values, list) else [values]))


def every_view(resolver: URLResolver):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from every_view(entry)
        else:
            yield entry.callback


# Query parameters and paths (L2: a NUL in a filter was a 500 on PostgreSQL)


@pytest.fixture
def call(people):
    call = CallFactory(working_group=people.working_group, code="CHARS")
    QuestionFactory(call=call)
    return call


@pytest.fixture
def published(call, people):
    """An input saved before cleaning existed: control characters in every text."""
    submission = SubmissionFactory(
        call=call,
        name=old_row(),
        organization=old_row(),
        status=Submission.Status.PUBLISHED,
        country=None,
    )
    AnswerFactory(submission=submission, question=call.questions.get(), text=old_row())
    return submission


FILTERED_PAGES = [
    ("consultations:published", "public", ["stakeholder_type", "itu_region", "region"]),
    (
        "consultations:moderation",
        "secretariat",
        ["status", "stakeholder_type", "region", "question", "attachments"],
    ),
    ("consultations:list", "public", ["status", "page"]),
]


@pytest.mark.parametrize(("name", "role", "filters"), FILTERED_PAGES)
def test_nul_in_a_filter_is_ignored(as_role, call, published, name, role, filters):
    url = reverse(name, args=[call.code]) if name != "consultations:list" else reverse(name)
    client = as_role(role)
    for value in ["\x00", "civil_society\x00", "\x00\x01\ud800", "%00"]:
        query = "&".join(
            f"{key}={quote(value.encode('utf-8', 'surrogatepass'))}" for key in filters
        )
        response = client.get(f"{url}?{query}")
        assert response.status_code == 200, (url, value)


@pytest.mark.parametrize(
    "url",
    [
        "/documents/?q=%00",
        "/search/?q=%00&meeting=%00&kind=%00&language=%00&status=%00&year=%00",
        "/api/v1/search/?q=a%00b&meeting=%00",
        "/api/v1/documents/?meeting=%00&kind=%00&status=%00",
        "/api/v1/actions/?status=%00&meeting=%00",
        "/meetings/actions/?meeting=%00&owner=%00&status=%00",
        "/admin/documents/document/?q=%00&status__exact=%00",
    ],
)
def test_nul_in_any_query_answers_without_a_500(as_role, url):
    response = as_role("secretariat").get(url)
    assert response.status_code < 500, (url, response.status_code)


def test_nul_in_a_path_is_a_bad_request(client, call):
    assert client.get("/consultations/CHARS%00/inputs/").status_code == 400
    assert client.get("/consultations/mine/a%00b/").status_code == 400
    assert client.get("/meetings/calendar/x%01y.ics").status_code == 400


def test_a_cookie_with_nul_is_cleaned_before_the_session_is_read(client, people):
    client.force_login(people["secretariat"])
    session_key = client.cookies["sessionid"].value
    client.cookies["sessionid"] = session_key + "\x00"
    assert client.get(reverse("followup:action_dashboard")).status_code == 200


# Writers on rows saved before cleaning (M4)


def test_every_export_of_an_old_input_with_control_characters(as_role, call, published, meeting):
    public = as_role("public")
    for name in ["published", "statistics", "published_csv", "datapackage"]:
        read_safely(public, reverse(f"consultations:{name}", args=[call.code]))
    secretariat = as_role("secretariat")
    docx = read_safely(secretariat, reverse("consultations:export_docx", args=[call.code]))
    text = "\n".join(p.text for p in WordDocument(io.BytesIO(body_of(docx))).paragraphs)
    assert "Oldrow with NUL and end" in text
    xlsx = read_safely(secretariat, reverse("consultations:export_xlsx", args=[call.code]))
    cells = [c.value for row in load_workbook(io.BytesIO(body_of(xlsx))).active for c in row]
    assert "Oldrow with NUL and end" in cells
    for name in ["export_csv", "export_json"]:
        url = reverse(f"consultations:{name}", args=[call.code])
        assert_clean(body_of(read_safely(secretariat, url)).decode())
    read_safely(secretariat, reverse("consultations:moderation", args=[call.code]))
    response = secretariat.post(
        reverse("consultations:register_compilation", args=[call.code]), {"meeting": meeting.pk}
    )
    assert response.status_code == 302, response.status_code
    compiled = Document.objects.get(meeting=meeting)
    read_safely(secretariat, compiled.get_absolute_url())


def test_a_summary_with_control_characters_is_published(as_role, people, meeting):
    summary = create_summary(meeting=meeting, title="S", language="ar", by=people["secretariat"])
    Document.objects.filter(pk=summary.pk).update(
        title=old_row(), summary_body=[{"kind": "paragraph", "text": old_row()}]
    )
    publish = reverse("documents:summary_publish", args=[summary.pk])
    response = as_role("chair").post(publish, {"confirmed": "1"})
    assert response.status_code == 302, response.status_code
    summary.refresh_from_db()
    assert summary.status == Document.Status.PUBLISHED


def test_calendar_and_mail_on_old_rows(as_role, people, action):
    from followup.models import Action
    from followup.services.notices import mail_assignment_notice

    Action.objects.filter(pk=action.pk).update(title="Assigned\x0b\r\nBcc: x@example.invalid\x01")
    people["delegate"].email = "delegate@example.invalid"
    people["delegate"].save(update_fields=["email"])
    mail.outbox.clear()
    assert mail_assignment_notice(action_id=action.pk) == 1
    message = mail.outbox[0].message()
    assert "Assigned Bcc: x@example.invalid" in message["Subject"]
    assert message["Bcc"] is None
    assert_clean(mail.outbox[0].body)
    client = as_role("delegate")
    feed = client.get(reverse("meetings:calendar"))
    assert feed.status_code == 200
    Calendar.from_ical(read_safely(client, reverse("meetings:public_calendar")).content)


# Hypothesis: every form and API write, then the pages and exports of what was written


@pytest.fixture
def many_posts(settings):
    settings.CONSULTATION_SUBMIT_RATE = "100000/h"
    return settings


@FEW
@given(name=refused_text, organization=refused_text, answer=refused_text)
def test_public_input_then_its_pages_and_exports(
    client, call, people, many_posts, name, organization, answer
):
    data = {key: str(value) for key, value in form_data(call).items()}
    data |= {"name": name + "x", "organization": organization}
    data[f"question_{call.questions.get().pk}"] = answer + "x"
    response = post_form(client, reverse("consultations:submit", args=[call.code]), data)
    assert response.status_code < 500
    submission = Submission.objects.filter(call=call).order_by("-pk").first()
    if submission is None or submission.status != Submission.Status.RECEIVED:
        return  # refused with a form error: nothing was written
    assert_clean(submission.name, submission.organization, submission.answers.get().text)
    accept_and_publish_submissions(ids=[submission.pk], by=people["secretariat"])
    for name in ["published", "statistics", "published_csv", "datapackage"]:
        read_safely(client, reverse(f"consultations:{name}", args=[call.code]))
    client.force_login(people["secretariat"])
    for name in ["moderation", "export_csv", "export_xlsx", "export_json", "export_docx"]:
        read_safely(client, reverse(f"consultations:{name}", args=[call.code]))
    client.logout()


@FEW
@given(title=refused_text, body=refused_text)
def test_summary_form_then_publication_and_its_docx(as_role, people, title, body):
    meeting = MeetingFactory(working_group=people.working_group)
    summary = create_summary(meeting=meeting, title="S", language="en", by=people["secretariat"])
    response = post_form(
        as_role("secretariat"),
        reverse("documents:summary_edit", args=[summary.pk]),
        {"title": title + "T", "body": f"## {body}\n\n{body}x"},
    )
    assert response.status_code < 500
    summary.refresh_from_db()
    assert_clean(summary.title, json.dumps(summary.summary_body, ensure_ascii=False))
    chair = as_role("chair")
    response = chair.post(reverse("documents:summary_publish", args=[summary.pk]))
    assert response.status_code < 500
    read_safely(chair, summary.get_absolute_url())


@FEW
@given(text=refused_text, step=st.sampled_from(["progress", "complete", "cancel"]))
def test_api_json_writes_then_the_action_pages(as_role, action, text, step):
    from followup.models import Action, ActionUpdate

    client = as_role("delegate")
    response = post_json(client, f"/api/v1/actions/{action.pk}/{step}/", {"text": text + "x"})
    assert response.status_code < 500, response.status_code
    assert_clean(*ActionUpdate.objects.filter(action=action).values_list("text", flat=True))
    read_safely(client, reverse("followup:action", args=[action.pk]))
    read_safely(client, f"/api/v1/actions/{action.pk}/")
    read_safely(client, reverse("meetings:public_calendar"))
    Action.objects.filter(pk=action.pk).update(status=Action.Status.OPEN)


@FEW
@given(title=refused_text)
def test_api_new_draft_then_its_pages(as_role, people, title):
    meeting = MeetingFactory(
        working_group=people.working_group,
        start_date=timezone.localdate() + dt.timedelta(days=60),
        end_date=timezone.localdate() + dt.timedelta(days=61),
    )
    client = as_role("delegate")
    response = post_json(
        client, "/api/v1/documents/", {"meeting": meeting.number, "title": title + "T"}
    )
    assert response.status_code < 500, response.status_code
    for document in Document.objects.filter(meeting=meeting):
        assert_clean(document.title)
        read_safely(client, document.get_absolute_url())
        read_safely(client, f"/api/v1/documents/{document.pk}/")
    read_safely(client, reverse("documents:meeting_list", args=[meeting.number]))


@FEW
@given(title=refused_text, reason=refused_text)
def test_document_forms_then_the_pages(as_role, people, title, reason):
    from documents.services import create_document

    meeting = MeetingFactory(
        working_group=people.working_group,
        start_date=timezone.localdate() + dt.timedelta(days=60),
        end_date=timezone.localdate() + dt.timedelta(days=61),
    )
    draft = create_document(meeting=meeting, title="Draft", by=people["delegate"])
    client = as_role("delegate")
    post_form(
        client,
        reverse("documents:edit", args=[draft.pk]),
        {"title": title + "T", "access": "public"},
    )
    post_form(client, reverse("documents:withdraw", args=[draft.pk]), {"reason": reason + "r"})
    draft.refresh_from_db()
    assert_clean(draft.title, draft.withdrawn_reason)
    read_safely(client, draft.get_absolute_url())
    read_safely(client, reverse("documents:history", args=[draft.pk]))
    read_safely(client, reverse("documents:meeting_list", args=[meeting.number]))


@FEW
@given(text=refused_text)
def test_action_forms_then_pages_and_calendar(as_role, action, text):
    from followup.models import ActionUpdate

    client = as_role("delegate")
    response = post_form(
        client, reverse("followup:action_transition", args=[action.pk, "update"]), {"text": text}
    )
    assert response.status_code < 500
    assert_clean(*ActionUpdate.objects.filter(action=action).values_list("text", flat=True))
    secretariat = as_role("secretariat")
    response = post_form(
        secretariat,
        reverse("followup:action_edit", args=[action.pk]),
        {
            "title": text + "T",
            "description": text,
            "due_date": (timezone.localdate() + dt.timedelta(days=3)).isoformat(),
            "meeting": str(action.meeting_id),
            "owner": f"user:{action.owner_user_id}",
        },
    )
    assert response.status_code < 500
    action.refresh_from_db()
    assert_clean(action.title, action.description)
    read_safely(secretariat, reverse("followup:action", args=[action.pk]))
    read_safely(secretariat, reverse("followup:action_dashboard"))
    Calendar.from_ical(read_safely(secretariat, reverse("meetings:public_calendar")).content)


@FEW
@given(text=refused_text)
def test_call_writing_forms_then_the_call_pages(as_role, call, text):
    secretariat = as_role("secretariat")
    response = post_form(
        secretariat,
        reverse("consultations:question_new", args=[call.code]),
        {"kind": "text", "order": "5", "text_en": text + "Q", "text_ar": text, "required": "on"},
    )
    assert response.status_code < 500
    for question in call.questions.all():
        assert_clean(*question.text.values())
    for name in ["detail", "call_preview", "moderation", "export_xlsx", "datapackage"]:
        read_safely(secretariat, reverse(f"consultations:{name}", args=[call.code]))


def test_gap_analysis_exports_on_old_rows(as_role, action):
    from cwg.models import Resolution
    from followup.models import GapAnalysis, GapItem

    analysis = GapAnalysis.objects.create(action=action, title=old_row())
    GapItem.objects.create(
        analysis=analysis,
        source=Resolution.objects.get_or_create(
            kind=Resolution.Kind.UN_GENERAL_ASSEMBLY,
            number="A/RES/80/173",
            defaults={"title": "WSIS+20"},
        )[0],
        paragraph="para.\x01 1",
        requirement=old_row(),
        proposed_response="=cmd\x02",
        coverage=GapItem.Coverage.GAP,
    )
    client = as_role("secretariat")
    docx = read_safely(client, reverse("followup:gap_docx", args=[analysis.pk]))
    cells = [c.text for t in WordDocument(io.BytesIO(docx.content)).tables for c in t._cells]
    assert "Oldrow with NUL and end" in cells
    csv_text = read_safely(client, reverse("followup:gap_csv", args=[analysis.pk])).content
    assert_clean(csv_text.decode())
    read_safely(client, reverse("followup:gap_matrix", args=[analysis.pk]))
