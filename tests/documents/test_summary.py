"""The chair's meeting summary: edited by officers and the secretariat, published by the chair."""

import io

import pytest
from django.urls import reverse
from docx import Document as WordDocument
from docx.oxml.ns import qn

from cwg.exceptions import InvalidTransition, NotAllowed
from documents.models import Document
from documents.services import create_summary, publish_summary, update_summary

pytestmark = pytest.mark.django_db
BLOCKS = [
    {"kind": "heading", "text": "Opening"},
    {"kind": "paragraph", "text": "The chair opened the meeting."},
]


@pytest.fixture
def summary(meeting, people):
    document = create_summary(
        meeting=meeting,
        title="Summary of the 44th meeting",
        language="en",
        by=people["secretariat"],
    )
    return update_summary(
        document=document, title=document.title, blocks=BLOCKS, by=people["vice_chair"]
    )


@pytest.mark.parametrize("role", ["vice_chair", "chair", "secretariat"])
def test_officers_and_the_secretariat_edit_a_draft_summary(role, summary, people):
    edited = update_summary(document=summary, title="New title", blocks=BLOCKS, by=people[role])
    assert edited.title == "New title"


@pytest.mark.parametrize("role", ["delegate", "sector_member"])
def test_delegates_do_not_edit_summaries(role, summary, people):
    with pytest.raises(NotAllowed):
        update_summary(document=summary, title="x", blocks=BLOCKS, by=people[role])


def test_markup_is_stripped_from_the_summary(summary, people):
    edited = update_summary(
        document=summary,
        title="t",
        by=people["chair"],
        blocks=[
            {"kind": "paragraph", "text": "<script>alert(1)</script><b>Bold</b> text"},
            {"kind": "image", "text": "ignored"},
        ],
    )
    assert edited.summary_body == [{"kind": "paragraph", "text": "Bold text"}]


def test_the_chair_publishes_and_gets_a_registered_docx(
    summary, people, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        published = publish_summary(document=summary, by=people["chair"])
    assert published.status == Document.Status.PUBLISHED
    assert published.symbol == "CWG-WSIS&SDG-44/1"
    stored = published.files.get()
    assert stored.kind == "docx"
    assert stored.extraction_state == "done"
    assert "The chair opened the meeting." in stored.text
    word = WordDocument(stored.file.path)
    texts = [paragraph.text for paragraph in word.paragraphs]
    assert "CWG-WSIS&SDG-44/1-E" in texts
    assert "Opening" in texts


@pytest.mark.parametrize("role", ["vice_chair", "secretariat", "delegate"])
def test_only_the_chair_publishes(role, summary, people):
    with pytest.raises(NotAllowed):
        publish_summary(document=summary, by=people[role])


def test_an_empty_summary_is_not_published(meeting, people):
    empty = create_summary(meeting=meeting, title="Empty", language="en", by=people["chair"])
    with pytest.raises(InvalidTransition):
        publish_summary(document=empty, by=people["chair"])


def test_a_published_summary_is_no_longer_edited(summary, people):
    publish_summary(document=summary, by=people["chair"])
    with pytest.raises(NotAllowed):
        update_summary(document=summary, title="late edit", blocks=BLOCKS, by=people["chair"])


def test_an_arabic_summary_is_right_to_left(meeting, people):
    document = create_summary(
        meeting=meeting, title="ملخص الاجتماع", language="ar", by=people["chair"]
    )
    update_summary(
        document=document,
        title=document.title,
        by=people["chair"],
        blocks=[{"kind": "paragraph", "text": "افتتحت الرئيسة الاجتماع."}],
    )
    published = publish_summary(document=document, by=people["chair"])
    stored = published.files.get()
    assert stored.language == "ar"
    word = WordDocument(io.BytesIO(stored.file.read()))
    body = [p for p in word.paragraphs if p.text == "افتتحت الرئيسة الاجتماع."][0]
    assert body._p.pPr.find(qn("w:bidi")) is not None
    assert "CWG-WSIS&SDG-44/1-A" in [p.text for p in word.paragraphs]


def test_the_summary_editor_page(summary, as_role):
    client = as_role("chair")
    url = reverse("documents:summary_edit", args=[summary.pk])
    page = client.get(url).content.decode()
    assert "## Opening" in page
    client.post(url, {"title": "Summary", "body": "## Agenda\nAdopted.\n\nSecond paragraph."})
    summary.refresh_from_db()
    assert summary.summary_body == [
        {"kind": "heading", "text": "Agenda"},
        {"kind": "paragraph", "text": "Adopted."},
        {"kind": "paragraph", "text": "Second paragraph."},
    ]
    publish = reverse("documents:summary_publish", args=[summary.pk])
    assert "Publish the summary?" in client.post(publish).content.decode()
    summary.refresh_from_db()
    assert summary.status == "draft"  # nothing happens before the confirmation
    response = client.post(publish, {"confirmed": "1"})
    assert response.status_code == 302
    summary.refresh_from_db()
    assert summary.status == "published"
