"""One summary per meeting; a correction of a published summary is its next revision (issue 14)."""

import io

import pytest
from django.urls import reverse
from docx import Document as WordDocument

from cwg.exceptions import InvalidTransition, NotAllowed
from documents import selectors
from documents.services import (
    create_summary,
    publish_summary,
    start_revision,
    update_summary,
    withdraw_document,
)

pytestmark = pytest.mark.django_db
BLOCKS = [{"kind": "paragraph", "text": "The chair opened the meeting."}]
CORRECTED = [{"kind": "paragraph", "text": "The chair opened the meeting on 15 January."}]


@pytest.fixture
def published_summary(meeting, people):
    summary = create_summary(meeting=meeting, title="Summary", language="en", by=people["chair"])
    update_summary(document=summary, title="Summary", blocks=BLOCKS, by=people["chair"])
    return publish_summary(document=summary, by=people["chair"])


def test_a_second_summary_of_a_meeting_is_refused(published_summary, meeting, people):
    with pytest.raises(InvalidTransition, match="summary already"):
        create_summary(meeting=meeting, title="Another", language="en", by=people["secretariat"])


def test_a_withdrawn_summary_makes_room_for_a_new_one(published_summary, meeting, people):
    withdraw_document(document=published_summary, by=people["secretariat"], reason="Wrong")
    assert create_summary(meeting=meeting, title="New", language="en", by=people["chair"])


def test_a_correction_is_the_next_revision_with_the_same_symbol(published_summary, people):
    symbol = published_summary.symbol
    start_revision(document=published_summary, by=people["vice_chair"])
    update_summary(document=published_summary, title="x", blocks=CORRECTED, by=people["vice_chair"])
    published_summary.refresh_from_db()
    assert published_summary.summary_body == BLOCKS  # everyone still reads the published text
    assert published_summary.title == "Summary"
    assert selectors.summary_text_in_writing(published_summary) == CORRECTED
    corrected = publish_summary(document=published_summary, by=people["chair"])
    assert corrected.symbol == f"{symbol}(Rev.1)"
    assert corrected.summary_body == CORRECTED
    rev1 = corrected.files.get(revision=1)
    word = WordDocument(io.BytesIO(rev1.file.read()))
    assert "The chair opened the meeting on 15 January." in [p.text for p in word.paragraphs]
    assert corrected.files.get(revision=0).state == "current"  # Rev.0 keeps its file


@pytest.mark.parametrize("role", ["delegate", "other_delegate", "sector_member"])
def test_delegations_do_not_correct_a_summary(published_summary, people, role):
    with pytest.raises(NotAllowed):
        start_revision(document=published_summary, by=people[role])


def test_only_the_chair_publishes_the_correction(published_summary, people):
    start_revision(document=published_summary, by=people["secretariat"])
    update_summary(document=published_summary, title="x", blocks=CORRECTED, by=people["chair"])
    for role in ["vice_chair", "secretariat", "delegate"]:
        with pytest.raises(NotAllowed):
            publish_summary(document=published_summary, by=people[role])


def test_correcting_through_the_pages(published_summary, people, as_role):
    chair = as_role("chair")
    chair.post(reverse("documents:revise", args=[published_summary.pk]), {"confirmed": "1"})
    edit = reverse("documents:summary_edit", args=[published_summary.pk])
    page = chair.get(edit).content.decode()
    assert "You are writing the correction of" in page
    chair.post(edit, {"title": "Ignored", "body": "Corrected text."})
    publish = reverse("documents:summary_publish", args=[published_summary.pk])
    chair.post(publish, {"confirmed": "1"})
    published_summary.refresh_from_db()
    assert published_summary.revision == 1
    assert published_summary.title == "Summary"
    assert published_summary.summary_body == [{"kind": "paragraph", "text": "Corrected text."}]
