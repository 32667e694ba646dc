"""Translation requests: every move allowed and refused, the matrix's states and its constant
query count, its page for each role, its CSV against its datapackage.json, and the history."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from cwg.exceptions import NotAllowed
from cwg.files.exceptions import UploadRefused
from documents.exceptions import TranslationRefused
from documents.models import Document, DocumentFile, TranslationRequest
from documents.opendata import TRANSLATIONS
from documents.selectors.translations import translation_matrix
from documents.services import withdraw_document
from documents.services.files import remove_file
from documents.services.translations import (
    advance,
    deliver,
    mark_not_required,
    request_translations,
)
from tests.documents.factories import docx_upload, published_document
from tests.opendata import pinned, validation_errors

pytestmark = pytest.mark.django_db
State = TranslationRequest.State


@pytest.fixture
def document(meeting, people):
    return published_document(meeting, people, "Broadband for all", languages=("en", "fr"))


@pytest.fixture
def requested(document, people):
    request_translations(documents=[document], by=people["secretariat"])
    return document.translation_requests.get(language="ar")


def _move(cell, state, people):
    return advance(cell=cell, to_state=state, by=people["secretariat"])


def test_one_action_requests_every_missing_language(document, meeting, people):
    other = published_document(meeting, people, "Second", languages=("es",))
    due = timezone.localdate() + dt.timedelta(days=5)
    created = request_translations(documents=[document, other], by=people["secretariat"], due=due)
    assert sorted(request.language for request in created if request.document == document) == [
        "ar",
        "es",
        "ru",
        "zh",
    ]
    assert len([request for request in created if request.document == other]) == 5
    assert {request.due for request in created} == {due}
    # Asked again: nothing is missing any more, nothing is requested twice.
    assert request_translations(documents=[document], by=people["secretariat"]) == []


def test_only_the_secretariat_requests(document, people):
    for role in ("delegate", "chair", "sector_member"):
        with pytest.raises(NotAllowed):
            request_translations(documents=[document], by=people[role])
    assert not TranslationRequest.objects.exists()


def test_a_draft_or_withdrawn_document_is_not_translated(draft, people):
    with pytest.raises(TranslationRefused):
        request_translations(documents=[draft], by=people["secretariat"])


def test_every_allowed_move(requested, people):
    cell = _move(requested, State.IN_TRANSLATION, people)
    assert cell.state == State.IN_TRANSLATION
    assert _move(cell, State.REQUESTED, people).state == State.REQUESTED
    assert _move(cell, State.NOT_REQUIRED, people).state == State.NOT_REQUIRED
    assert _move(cell, State.REQUESTED, people).state == State.REQUESTED
    _move(cell, State.IN_TRANSLATION, people)
    assert _move(cell, State.NOT_REQUIRED, people).state == State.NOT_REQUIRED


@pytest.mark.parametrize(
    ("start", "refused"),
    [
        (State.REQUESTED, State.PUBLISHED),
        (State.REQUESTED, State.DELIVERED),
        (State.IN_TRANSLATION, State.PUBLISHED),
        (State.NOT_REQUIRED, State.IN_TRANSLATION),
        (State.NOT_REQUIRED, State.PUBLISHED),
        (State.REQUESTED, "nonsense"),
    ],
)
def test_refused_moves(requested, people, start, refused):
    TranslationRequest.objects.filter(pk=requested.pk).update(state=start)
    with pytest.raises(TranslationRefused):
        _move(requested, refused, people)
    requested.refresh_from_db()
    assert requested.state == start


def test_delivering_uploads_the_language_version_then_publishing(requested, people):
    cell = deliver(
        cell=requested, upload=docx_upload("نص عربي", name="ar.docx"), by=people["secretariat"]
    )
    assert cell.state == State.DELIVERED
    assert cell.file.language == "ar"
    assert cell.file.state == DocumentFile.State.CURRENT
    for refused in (State.REQUESTED, State.IN_TRANSLATION, State.NOT_REQUIRED):
        with pytest.raises(TranslationRefused):
            _move(cell, refused, people)
    with pytest.raises(TranslationRefused):  # delivered once: no second delivery
        deliver(cell=cell, upload=docx_upload("again"), by=people["secretariat"])
    cell = _move(cell, State.PUBLISHED, people)
    assert cell.state == State.PUBLISHED
    for refused in State.values:
        with pytest.raises(TranslationRefused):
            _move(cell, refused, people)


def test_a_delivery_goes_through_the_upload_checks(requested, people):
    bad = SimpleUploadedFile("ar.docx", b"not a word file")
    with pytest.raises(UploadRefused):
        deliver(cell=requested, upload=bad, by=people["secretariat"])
    requested.refresh_from_db()
    assert requested.state == State.REQUESTED
    assert not DocumentFile.objects.filter(language="ar").exists()


def test_publishing_needs_the_delivered_file(requested, people):
    cell = deliver(cell=requested, upload=docx_upload("نص"), by=people["secretariat"])
    Document.objects.filter(pk=cell.document_id).update(status=Document.Status.REGISTERED)
    remove_file(file=cell.file, by=people["secretariat"], reason="wrong file")
    with pytest.raises(TranslationRefused):
        _move(cell, State.PUBLISHED, people)


def test_a_withdrawn_document_takes_no_delivery(requested, people):
    withdraw_document(document=requested.document, by=people["secretariat"], reason="Replaced")
    with pytest.raises(TranslationRefused):
        deliver(cell=requested, upload=docx_upload("نص"), by=people["secretariat"])
    with pytest.raises(TranslationRefused):
        _move(requested, State.IN_TRANSLATION, people)


def test_only_the_secretariat_moves_and_delivers(requested, people):
    with pytest.raises(NotAllowed):
        advance(cell=requested, to_state=State.IN_TRANSLATION, by=people["chair"])
    with pytest.raises(NotAllowed):
        deliver(cell=requested, upload=docx_upload("x"), by=people["delegate"])


def test_mark_not_required(document, people):
    cell = mark_not_required(document=document, language="ru", by=people["secretariat"])
    assert cell.state == State.NOT_REQUIRED
    with pytest.raises(TranslationRefused):  # the English version exists
        mark_not_required(document=document, language="en", by=people["secretariat"])
    with pytest.raises(NotAllowed):
        mark_not_required(document=document, language="zh", by=people["delegate"])
    # Not required is left alone by the one-action request.
    created = request_translations(documents=[document], by=people["secretariat"])
    assert "ru" not in {request.language for request in created}


def test_every_change_is_in_the_history(requested, people):
    _move(requested, State.IN_TRANSLATION, people)
    versions = Version.objects.get_for_object(requested)
    assert versions.count() == 2
    assert versions.first().revision.user == people["secretariat"]


def test_the_page_shows_the_latest_changes_to_the_secretariat_only(requested, as_role, people):
    _move(requested, State.IN_TRANSLATION, people)
    meeting = requested.document.meeting
    page = as_role("secretariat").get(_url(meeting)).content.decode()
    assert "Latest changes" in page
    assert page.count("Arabic: In translation") == 1
    assert "Latest changes" not in as_role("delegate").get(_url(meeting)).content.decode()


def test_the_matrix_states_and_totals(requested, document, people):
    deliver(cell=requested, upload=docx_upload("نص"), by=people["secretariat"])
    matrix = translation_matrix(user=people["secretariat"], meeting=document.meeting)
    (row,) = matrix.rows
    assert [cell.language for cell in row.cells] == ["ar", "zh", "en", "fr", "ru", "es"]
    assert [cell.state for cell in row.cells] == [
        "delivered",
        "requested",
        "original",
        "published",
        "requested",
        "requested",
    ]
    assert matrix.totals["en"]["available"] == 1
    assert matrix.totals["zh"]["pending"] == 1
    # Everyone else: the Arabic file of a published document is there; the rest is coming.
    public = translation_matrix(user=people["public"], meeting=document.meeting)
    assert [cell.state for cell in public.rows[0].cells] == [
        "published",
        "coming",
        "original",
        "published",
        "coming",
        "coming",
    ]


def test_late_cells_after_the_posting_deadline(requested, document, people):
    meeting = document.meeting
    before = translation_matrix(user=people["secretariat"], meeting=meeting)
    assert not any(cell.late for cell in before.rows[0].cells)
    after = meeting.posting_deadline + dt.timedelta(minutes=1)
    matrix = translation_matrix(user=people["secretariat"], meeting=meeting, now=after)
    late = [cell.language for cell in matrix.rows[0].cells if cell.late]
    assert late == ["ar", "zh", "ru", "es"]
    assert matrix.totals["ar"]["late"] == 1
    # Due after the posting deadline: late already.
    TranslationRequest.objects.filter(pk=requested.pk).update(
        due=meeting.posting_deadline.date() + dt.timedelta(days=1)
    )
    matrix = translation_matrix(user=people["secretariat"], meeting=meeting)
    assert [cell.language for cell in matrix.rows[0].cells if cell.late] == ["ar"]
    only_late = translation_matrix(user=people["secretariat"], meeting=meeting, state="late")
    assert len(only_late.rows) == 1


def test_a_meeting_sets_its_own_posting_deadline(requested, document, people):
    """The group's rule (7 days before the opening) unless the meeting was given its own."""
    meeting = document.meeting
    rule = meeting.posting_deadline
    meeting.posting_deadline_override = rule - dt.timedelta(days=3)
    meeting.save()
    between = rule - dt.timedelta(days=1)  # before the rule's deadline, after the meeting's
    matrix = translation_matrix(user=people["secretariat"], meeting=meeting, now=between)
    assert [cell.language for cell in matrix.rows[0].cells if cell.late] == ["ar", "zh", "ru", "es"]
    meeting.posting_deadline_override = None
    meeting.save()
    matrix = translation_matrix(user=people["secretariat"], meeting=meeting, now=between)
    assert not any(cell.late for cell in matrix.rows[0].cells)


def test_the_matrix_filters(requested, document, meeting, people):
    published_document(meeting, people, "Complete", languages=("ar", "zh", "en", "fr", "ru", "es"))
    secretariat = people["secretariat"]
    assert len(translation_matrix(user=secretariat, meeting=meeting).rows) == 2
    matrix = translation_matrix(user=secretariat, meeting=meeting, state="requested")
    assert [row.document for row in matrix.rows] == [document]
    matrix = translation_matrix(user=secretariat, meeting=meeting, language="ar")
    assert matrix.languages == ["ar"]
    assert all(len(row.cells) == 1 for row in matrix.rows)


def test_the_query_count_does_not_grow_with_documents(meeting, people, django_assert_num_queries):
    def count() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            translation_matrix(user=people["secretariat"], meeting=meeting)
        return len(queries)

    first = published_document(meeting, people, "One", languages=("en",))
    request_translations(documents=[first], by=people["secretariat"])
    small = count()
    for number in range(4):
        extra = published_document(meeting, people, f"More {number}", languages=("fr",))
        request_translations(documents=[extra], by=people["secretariat"])
    assert count() == small
    assert small <= 4


def test_members_only_and_drafts_stay_out_of_the_public_matrix(meeting, people, draft):
    published_document(meeting, people, "For members", access=Document.Access.MEMBERS)
    public = translation_matrix(user=people["public"], meeting=meeting)
    assert public.rows == []
    delegate = translation_matrix(user=people["other_delegate"], meeting=meeting)
    assert [row.document.title for row in delegate.rows] == ["For members"]


# --- The page ---------------------------------------------------------------------------------


def _url(meeting, name="translations"):
    return reverse(f"documents:{name}", args=[meeting.number])


def test_the_page_for_the_secretariat_and_the_public(requested, document, as_role):
    meeting = document.meeting
    page = as_role("secretariat").get(_url(meeting)).content.decode()
    assert 'role="region"' in page
    assert 'tabindex="0"' in page
    assert 'name="documents"' not in page  # nothing is missing any more
    assert reverse("documents:translations_deliver", args=[meeting.number]) in page
    public = as_role("public").get(_url(meeting)).content.decode()
    assert "Broadband for all" in public
    assert "translations_deliver" not in public
    assert 'type="file"' not in public
    assert 'data-state="coming"' in public


def test_the_page_keeps_its_query_count(meeting, people, as_role, django_assert_max_num_queries):
    client = as_role("secretariat")
    first = published_document(meeting, people, "First", languages=("en",))
    request_translations(documents=[first], by=people["secretariat"])
    with django_assert_max_num_queries(12) as few:
        client.get(_url(meeting))
    for number in range(4):
        published_document(meeting, people, f"More {number}", languages=("fr",))
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(_url(meeting)).content.decode()
    assert page.count("<tr>") == 1 + 5 + 1  # the header, the documents, the totals


def test_the_meeting_page_links_the_matrix(meeting, client):
    page = client.get(reverse("meetings:detail", args=[meeting.number])).content.decode()
    assert _url(meeting) in page


def test_requesting_moving_and_delivering_from_the_page(document, as_role):
    meeting = document.meeting
    client = as_role("secretariat")
    response = client.post(_url(meeting, "translations_request"), {"documents": [document.pk]})
    assert response.status_code == 302
    assert document.translation_requests.count() == 4
    response = client.post(
        _url(meeting, "translations_move"),
        {"document": document.pk, "language": "zh", "to": "in_translation"},
    )
    assert response.status_code == 302
    assert document.translation_requests.get(language="zh").state == State.IN_TRANSLATION
    response = client.post(
        _url(meeting, "translations_deliver"),
        {"document": document.pk, "language": "zh", "file": docx_upload("中文", name="zh.docx")},
    )
    assert response.status_code == 302
    assert document.translation_requests.get(language="zh").state == State.DELIVERED


def test_bad_input_is_a_clear_4xx_that_keeps_the_choice(document, as_role):
    meeting = document.meeting
    client = as_role("secretariat")
    response = client.post(
        _url(meeting, "translations_request"), {"documents": [document.pk], "due": "31/02"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Give the due date as a date" in page
    assert 'value="31/02"' in page
    assert "checked" in page
    response = client.post(_url(meeting, "translations_request"), {})
    assert response.status_code == 409
    response = client.post(
        _url(meeting, "translations_move"), {"document": document.pk, "language": "xx", "to": "x"}
    )
    assert response.status_code == 400
    response = client.post(
        _url(meeting, "translations_move"),
        {"document": document.pk, "language": "en", "to": "not_required"},
    )
    assert response.status_code == 409


def test_others_may_not_act_on_the_matrix(requested, as_role):
    meeting = requested.document.meeting
    data = {"document": requested.document_id, "language": "ar", "to": "in_translation"}
    for role in ("delegate", "chair", "sector_member"):
        assert as_role(role).post(_url(meeting, "translations_move"), data).status_code == 403
        assert as_role(role).post(_url(meeting, "translations_request"), {}).status_code == 403
        deliver_data = data | {"file": docx_upload("x")}
        assert (
            as_role(role).post(_url(meeting, "translations_deliver"), deliver_data).status_code
            == 403
        )
    response = as_role("public").post(_url(meeting, "translations_move"), data)
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    requested.refresh_from_db()
    assert requested.state == State.REQUESTED


# --- The CSV ----------------------------------------------------------------------------------

COLUMNS_BY_VERSION = {
    "1.0.0": [
        ("symbol", "string"),
        ("title", "string"),
        ("language", "string"),
        ("state", "string"),
        ("state_label", "string"),
        ("due", "date"),
        ("late", "boolean"),
    ]
}


def test_csv_columns_change_only_with_the_schema_version():
    assert pinned(TRANSLATIONS) == COLUMNS_BY_VERSION[TRANSLATIONS.version]


@pytest.mark.parametrize(("role", "language"), [("secretariat", "en"), ("public", "ar")])
def test_the_csv_validates_against_its_datapackage(requested, as_role, tmp_path, role, language):
    meeting = requested.document.meeting
    TranslationRequest.objects.filter(pk=requested.pk).update(due=dt.date(2026, 3, 1))
    client = as_role(role)
    headers = {"HTTP_ACCEPT_LANGUAGE": language}
    descriptor = client.get(_url(meeting, "translations_datapackage"), **headers).json()
    assert descriptor["version"] == TRANSLATIONS.version
    body = client.get(_url(meeting, "translations_csv"), **headers).content
    assert body.count(b"\n") == 7  # the header and six languages
    assert validation_errors(tmp_path, descriptor, "languages", body) == []
    broken = body.replace(b"2026-03-01", b"1 March")
    assert validation_errors(tmp_path, descriptor, "languages", broken)


def test_open_data_lists_the_matrix(meeting, client):
    text = client.get(reverse("cwg:open_data")).content.decode()
    assert _url(meeting, "translations_datapackage") in text
    assert _url(meeting, "translations_csv") in text
