"""The secretariat runs the gap analysis from pages: start it, upload items, edit one item."""

import io
import zipfile

import pytest
import reversion.models
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile

from cwg.exceptions import NotAllowed
from documents.models import Document
from followup.models import GapAnalysis, GapItem
from followup.services import edit_gap_item, start_gap_analysis
from followup.services.gaps import import_gap_items_csv
from followup.services.gaps_docx import export_gap_analysis_docx
from meetings.exceptions import InvalidImport
from tests.documents.factories import DocumentFactory
from tests.followup.factories import ActionFactory
from tests.followup.test_gaps import CSV
from tests.roles import is_refused

pytestmark = pytest.mark.django_db


def _upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def test_upload_a_csv_keeps_good_rows_and_reports_refused_lines(analysis, as_role):
    response = as_role("secretariat").post(
        f"/meetings/gap-analyses/{analysis.pk}/import/",
        {"file": _upload("items.csv", CSV.encode())},
    )
    assert response.status_code == 200
    assert [line for line, _reason in response.context["report"].refused] == [4, 5, 6, 7]
    assert "Unknown source text" in response.content.decode()
    assert analysis.items.count() == 3


def test_upload_a_docx_table(analysis, people, as_role):
    import_gap_items_csv(analysis=analysis, csv_text=CSV, by=people["secretariat"])
    copy = GapAnalysis.objects.create(action=ActionFactory(), title="copy")
    docx = export_gap_analysis_docx(analysis=analysis, language="en")
    response = as_role("secretariat").post(
        f"/meetings/gap-analyses/{copy.pk}/import/", {"file": _upload("matrix.docx", docx)}
    )
    assert response.status_code == 200
    assert response.context["report"].created == 3
    assert copy.items.count() == 3


def _zip_with_a_dtd() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(
            "[Content_Types].xml", '<?xml version="1.0"?><!DOCTYPE t [<!ENTITY a "b">]><Types/>'
        )
    return out.getvalue()


@pytest.mark.parametrize(
    "content",
    [b"\xff\xfe\x00binary", b"PK\x03\x04broken zip", b"a,b\n1,2\n", _zip_with_a_dtd()],
    ids=["not-utf8", "broken-zip", "wrong-columns", "xml-entities"],
)
def test_an_unreadable_upload_is_a_clear_400(analysis, as_role, content):
    response = as_role("secretariat").post(
        f"/meetings/gap-analyses/{analysis.pk}/import/", {"file": _upload("x.csv", content)}
    )
    assert response.status_code == 400
    assert 'class="errorlist' in response.content.decode()


@pytest.mark.parametrize("role", ["public", "delegate", "chair", "vice_chair"])
def test_only_the_secretariat_uploads(analysis, as_role, role):
    client = as_role(role)
    url = f"/meetings/gap-analyses/{analysis.pk}/import/"
    assert is_refused(client.get(url), role)
    assert client.post(url, {"file": _upload("items.csv", CSV.encode())}).status_code == 403
    assert not analysis.items.exists()


@pytest.fixture
def item(analysis, people):
    import_gap_items_csv(analysis=analysis, csv_text=CSV, by=people["secretariat"])
    return analysis.items.get(paragraph="para. 11")


def _item_form(**changes) -> dict:
    return {
        "requirement": "Demo: report every year",
        "mandates": "1334: 3; 140: 2",
        "coverage": "covered",
        "proposed_response": "In the annual report",
        "owner": "",
        "status": "in_progress",
        "answered_by_action": "",
        "answered_by_document": "",
        **changes,
    }


def test_secretariat_edits_an_item_with_history(item, analysis, people, as_role):
    published = DocumentFactory(
        meeting=analysis.action.meeting, number=5, status=Document.Status.PUBLISHED, title="Answer"
    )
    client = as_role("secretariat")
    url = f"/meetings/gap-items/{item.pk}/edit/"
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        _item_form(
            owner=str(people["chair"].pk),
            answered_by_action=str(analysis.action_id),
            answered_by_document=published.symbol,
        ),
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.coverage, item.status, item.owner) == ("covered", "in_progress", people["chair"])
    assert (item.answered_by_action, item.answered_by_document) == (analysis.action, published)
    assert [(m.resolution.number, m.paragraphs) for m in item.mandates.all()] == [
        ("1334", "3"),
        ("140", "2"),
    ]
    versions = reversion.models.Version.objects.get_for_object(item)
    assert versions.count() == 2
    assert "mandates" in versions.first().revision.comment
    assert "Edited" in client.get(url).content.decode()  # the history on the page


def test_an_unknown_mandate_keeps_the_typed_input_with_a_400(item, as_role):
    response = as_role("secretariat").post(
        f"/meetings/gap-items/{item.pk}/edit/", _item_form(mandates="9999: 1", requirement="Kept")
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Unknown resolution: 9999." in body
    assert "Kept" in body
    item.refresh_from_db()
    assert item.coverage == GapItem.Coverage.PARTIAL


def test_an_unknown_document_symbol_is_a_400(item, as_role):
    response = as_role("secretariat").post(
        f"/meetings/gap-items/{item.pk}/edit/", _item_form(answered_by_document="NOPE-1/2")
    )
    assert response.status_code == 400


@pytest.mark.parametrize("role", ["public", "delegate", "chair"])
def test_only_the_secretariat_edits_items(item, people, as_role, role):
    assert (
        as_role(role).post(f"/meetings/gap-items/{item.pk}/edit/", _item_form()).status_code == 403
    )
    with pytest.raises(NotAllowed):
        edit_gap_item(item=item, by=people[role], **_service_values())


def _service_values() -> dict:
    return {"requirement": "x", "coverage": "gap", "mandates": "", "status": "open"}


def test_a_draft_cannot_answer_an_item(item, analysis, people):
    draft = DocumentFactory(meeting=analysis.action.meeting, status=Document.Status.DRAFT)
    with pytest.raises(InvalidImport):
        edit_gap_item(
            item=item, by=people["secretariat"], answered_by_document=draft, **_service_values()
        )


def test_start_a_gap_analysis_from_the_action_page(people, as_role):
    action = ActionFactory(owner_user=people["delegate"])
    url = f"/meetings/actions/{action.pk}/gap-analysis/"
    assert as_role("chair").post(url, {"title": "Council 2026"}).status_code == 403
    assert as_role("delegate").post(url, {"title": "Council 2026"}).status_code == 403
    client = as_role("secretariat")
    response = client.post(url, {"title": "Council 2026"})
    analysis = GapAnalysis.objects.get(action=action)
    assert response.url == f"/meetings/gap-analyses/{analysis.pk}/"
    again = client.post(url, {"title": "Again"})
    assert again.status_code == 409
    assert "already has a gap analysis" in again.content.decode()
    assert client.post(url, {"title": ""}).status_code == 400
    assert "Council 2026" in client.get(f"/meetings/actions/{action.pk}/").content.decode()


def test_start_gap_analysis_service_refuses_others(people):
    with pytest.raises(NotAllowed):
        start_gap_analysis(action=ActionFactory(), title="x", by=people["chair"])


def test_matrix_shows_an_answering_document_only_to_its_readers(
    item,
    analysis,
    people,
    as_role,
    django_assert_max_num_queries,
):
    internal = DocumentFactory(
        meeting=analysis.action.meeting,
        number=6,
        status=Document.Status.PUBLISHED,
        access=Document.Access.RESTRICTED,
        title="SECRET-ANSWER",
    )
    internal.restricted_to.set([Group.objects.get(name="Secretariat")])
    edit_gap_item(
        item=item,
        by=people["secretariat"],
        answered_by_document=internal,
        answered_by_action=analysis.action,
        **_service_values(),
    )
    url = f"/meetings/gap-analyses/{analysis.pk}/"
    secretariat = as_role("secretariat").get(url).content.decode()
    assert "SECRET-ANSWER" in secretariat
    for link in ("/import/", "export.csv", "export.docx"):
        assert link in secretariat
    chair = as_role("chair")
    with django_assert_max_num_queries(11) as few:
        body = chair.get(url).content.decode()
    queries = len(few.captured_queries)  # read now: the next request resets the log
    assert "SECRET-ANSWER" not in body
    assert internal.symbol not in body
    assert "/import/" not in body
    assert "export.csv" in body
    api = chair.get("/api/v1/gap-analyses/").json()["results"][0]["items"]
    answered = next(i for i in api if i["id"] == item.pk)
    assert (answered["answered_by_action"], answered["answered_by_document"]) == (
        analysis.action_id,
        None,
    )
    for other in analysis.items.exclude(pk=item.pk):
        edit_gap_item(
            item=other,
            by=people["secretariat"],
            answered_by_document=internal,
            answered_by_action=ActionFactory(),
            **{**_service_values(), "requirement": other.requirement},
        )
    with django_assert_max_num_queries(queries):
        chair.get(url)


def test_the_new_pages_render_right_to_left_in_arabic(item, analysis, as_role):
    client = as_role("secretariat")
    for url in [
        "/meetings/actions/new/",
        f"/meetings/actions/{analysis.action_id}/",
        f"/meetings/actions/{analysis.action_id}/edit/",
        f"/meetings/gap-analyses/{analysis.pk}/import/",
        f"/meetings/gap-items/{item.pk}/edit/",
    ]:
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="ar")
        assert response.status_code == 200, url
        assert 'dir="rtl"' in response.content.decode(), url


def test_the_action_page_links_the_matrix_only_for_its_readers(analysis, people, as_role):
    from followup.models import Action

    Action.objects.filter(pk=analysis.action_id).update(owner_user=people["delegate"])
    url = f"/meetings/actions/{analysis.action_id}/"
    matrix = f"/meetings/gap-analyses/{analysis.pk}/"
    assert matrix in as_role("chair").get(url).content.decode()
    assert matrix not in as_role("delegate").get(url).content.decode()
