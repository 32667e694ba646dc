"""What the chair types is what is published, in the page and in the DOCX (issue 14, item 7).

Random text with &, <, >, quotes, Arabic and Latin and the direction marks goes through the
editor, the publication, the page and the Word file (read back with python-docx). The characters
cwg.characters refuses (controls, surrogates) are removed at the door and are left out here; so
are line breaks, which separate the blocks of the editor.
"""

import io

import pytest
from django.urls import reverse
from django.utils.html import escape
from docx import Document as WordDocument
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from documents.models import Document
from documents.services import create_summary
from tests.meetings.factories import MeetingFactory

pytestmark = pytest.mark.django_db

SPECIAL = list("&<>\"' ") + ["&amp;", "&lt;", "</p>", "<b>", "\u200f", "\u200e", "\u202b", "\u202a"]
SPECIAL += ["\u202c", "\u202e", "\u2067", "\u2069", "\u061c", "م", "ع", "ل", "é", "中", "ж"]
character = st.one_of(
    st.sampled_from(SPECIAL),
    st.characters(
        blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters="\ufffe\uffff"
    ),
)
line = st.lists(character, min_size=1, max_size=30).map("".join)
blocks = st.lists(
    st.tuples(st.sampled_from(["heading", "paragraph"]), line), min_size=1, max_size=3
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(title=line, written=blocks, language=st.sampled_from(["ar", "en", "fr"]))
def test_edit_publish_page_and_docx_keep_the_text_as_typed(
    as_role, people, title, written, language
):
    title = title.strip()
    expected = [{"kind": kind, "text": text.strip()} for kind, text in written]
    assume(title and all(block["text"] for block in expected))
    assume(not any(block["text"].startswith("#") for block in expected))
    meeting = MeetingFactory(working_group=people.working_group)
    summary = create_summary(meeting=meeting, title="S", language=language, by=people["chair"])
    body = "\n\n".join(
        f"## {block['text']}" if block["kind"] == "heading" else block["text"] for block in expected
    )
    chair = as_role("chair")
    edit = reverse("documents:summary_edit", args=[summary.pk])
    assert chair.post(edit, {"title": title, "body": body}).status_code == 302
    summary.refresh_from_db()
    assert summary.title == title
    assert summary.summary_body == expected
    editor = chair.get(edit).content.decode()
    assert escape(body) in editor

    publish = reverse("documents:summary_publish", args=[summary.pk])
    assert chair.post(publish, {"confirmed": "1"}).status_code == 302
    summary.refresh_from_db()
    assert summary.status == Document.Status.PUBLISHED

    page = as_role("delegate").get(summary.get_absolute_url()).content.decode()
    assert escape(title) in page
    for block in expected:
        assert escape(block["text"]) in page

    word = WordDocument(io.BytesIO(summary.files.get().file.read()))
    assert word.core_properties.title == title
    texts = [paragraph.text for paragraph in word.paragraphs]
    assert texts[-len(expected) :] == [block["text"] for block in expected]
    assert title in texts
