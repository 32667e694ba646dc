"""The chair's meeting summary: edited by officers and the secretariat, published by the chair."""

import io
import re

import pytest
from django.urls import reverse
from django.utils.html import escape
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


def test_markup_is_kept_as_text_and_shown_escaped(summary, people, as_role):
    typed = "<script>alert(1)</script><b>Bold</b> & CWG-WSIS&SDG-44/4 < 5 >"
    edited = update_summary(
        document=summary,
        title="t",
        by=people["chair"],
        blocks=[{"kind": "paragraph", "text": typed}, {"kind": "image", "text": "ignored"}],
    )
    assert edited.summary_body == [{"kind": "paragraph", "text": typed}]
    publish_summary(document=edited, by=people["chair"])
    page = as_role("delegate").get(edited.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in page
    assert escape(typed) in page


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


def published_in_arabic(meeting, people, *, title: str, text: str) -> Document:
    document = create_summary(meeting=meeting, title=title, language="ar", by=people["chair"])
    blocks = [{"kind": "paragraph", "text": text}]
    update_summary(document=document, title=title, by=people["chair"], blocks=blocks)
    return publish_summary(document=document, by=people["chair"])


def test_an_arabic_summary_is_right_to_left(meeting, people):
    published = published_in_arabic(
        meeting, people, title="ملخص الاجتماع", text="افتتحت الرئيسة الاجتماع."
    )
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


def test_the_docx_describes_the_summary(meeting, people):
    text = "نص \u200fCWG-WSIS&SDG-44/4\u200f < 5 >"
    published = published_in_arabic(meeting, people, title="ملخص & <ملاحظات>", text=text)
    word = WordDocument(io.BytesIO(published.files.get().file.read()))
    properties = word.core_properties
    assert properties.title == "ملخص & <ملاحظات>"
    assert properties.author == meeting.working_group.name
    assert properties.language == "ar"
    assert properties.created.date() == meeting.start_date
    body = [p for p in word.paragraphs if p.text.startswith("نص")][0]
    assert body.text == text
    assert body._p.pPr.find(qn("w:bidi")) is not None
    assert body.runs[0]._r.rPr.find(qn("w:rtl")) is not None


def test_the_text_typed_is_the_text_published_through_the_pages(summary, as_role):
    typed = "CWG-WSIS&SDG-44/4 \"quoted\" 'single' < 5 > مرحبا \u202bRTL\u202c &amp;"
    chair = as_role("chair")
    edit = reverse("documents:summary_edit", args=[summary.pk])
    chair.post(edit, {"title": "A & B", "body": typed})
    assert escape(typed) in chair.get(edit).content.decode()  # the editor shows it as typed
    summary.refresh_from_db()
    assert summary.summary_body == [{"kind": "paragraph", "text": typed}]
    assert summary.title == "A & B"


def test_publishing_from_the_editor_saves_the_text_first(summary, as_role):
    chair = as_role("chair")
    publish = reverse("documents:summary_publish", args=[summary.pk])
    page = chair.post(publish, {"title": "Final", "body": "Unsaved & typed."}).content.decode()
    assert "Publish the summary?" in page
    summary.refresh_from_db()
    assert summary.status == "draft"
    assert summary.summary_body == [{"kind": "paragraph", "text": "Unsaved & typed."}]
    version = re.search(r'name="version" value="(\w+)"', page).group(1)
    chair.post(publish, {"confirmed": "1", "version": version})
    summary.refresh_from_db()
    assert summary.status == "published"
    assert summary.title == "Final"
    word = WordDocument(io.BytesIO(summary.files.get().file.read()))
    assert "Unsaved & typed." in [paragraph.text for paragraph in word.paragraphs]


def test_publishing_is_refused_when_the_text_changed_after_the_confirmation(
    summary, as_role, people
):
    chair = as_role("chair")
    publish = reverse("documents:summary_publish", args=[summary.pk])
    page = chair.post(publish, {"title": "Final", "body": "First."}).content.decode()
    version = re.search(r'name="version" value="(\w+)"', page).group(1)
    changed = [{"kind": "paragraph", "text": "Changed meanwhile."}]
    update_summary(document=summary, title="Final", blocks=changed, by=people["vice_chair"])
    response = chair.post(publish, {"confirmed": "1", "version": version}, follow=True)
    assert "The summary changed after you asked to publish it" in response.content.decode()
    summary.refresh_from_db()
    assert summary.status == "draft"


def test_an_invalid_editor_form_is_not_published_and_keeps_the_text(summary, as_role):
    publish = reverse("documents:summary_publish", args=[summary.pk])
    response = as_role("chair").post(publish, {"title": "", "body": "Kept < text"})
    assert response.status_code == 400
    assert escape("Kept < text") in response.content.decode()
    summary.refresh_from_db()
    assert summary.status == "draft"


@pytest.mark.parametrize("role", ["vice_chair", "secretariat", "delegate"])
def test_only_the_chair_publishes_from_the_editor(role, summary, as_role):
    publish = reverse("documents:summary_publish", args=[summary.pk])
    response = as_role(role).post(publish, {"title": "x", "body": "y", "confirmed": "1"})
    assert response.status_code in (403, 404)  # a delegate does not see the draft at all
    summary.refresh_from_db()
    assert summary.status == "draft"
    assert summary.summary_body == BLOCKS


def test_the_migration_unescapes_what_was_stored_escaped():
    from importlib import import_module

    migration = import_module("documents.migrations.0009_unescape_summary_text")
    stored = [{"kind": "paragraph", "text": "CWG-WSIS&amp;SDG &lt; 5 &gt; &amp;lt;"}]
    assert migration.unescaped(stored) == [{"kind": "paragraph", "text": "CWG-WSIS&SDG < 5 > &lt;"}]
