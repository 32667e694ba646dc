"""Comparing Rev.0 and Rev.1 of stored documents: DOCX and PDF, and the tracked-changes DOCX."""

import io

import pytest
from django.core.cache import cache
from docx import Document as WordDocument
from docx.oxml.ns import qn

from documents.services.compare import compare_revisions, tracked_changes_docx
from tests.documents.compare_pairs import docx_with_heading, pdf_with_lines, revised_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def make_revised(meeting, people, django_capture_on_commit_callbacks):
    """revised_document with its files' text extracted (extraction runs after commit)."""

    def make(**options):
        with django_capture_on_commit_callbacks(execute=True):
            return revised_document(meeting=meeting, people=people, **options)

    return make


ENGLISH_OLD = (
    "Working methods",
    "The group met twice in Geneva.",
    "It reviewed ten contributions.",
    "Members asked for a shorter report.",
)
ENGLISH_NEW = (
    "Working methods",
    "It reviewed twelve contributions.",
    "The group met three times in Geneva.",
    "Members asked for a shorter report.",
)
ARABIC_OLD = ("أساليب العمل", "اجتمع الفريق في جنيف مرتين.", "واستعرض عشر مساهمات.")
ARABIC_NEW = ("أساليب العمل", "اجتمع الفريق في القاهرة مرتين.", "واستعرض اثنتي عشرة مساهمة.")
CHINESE_OLD = ("工作方法", "工作组在日内瓦举行了两次会议。")
CHINESE_NEW = ("工作方法", "工作组在开罗举行了两次会议。")


def compared(document, people, language="en", role="delegate"):
    return compare_revisions(
        document=document, language=language, older=0, newer=1, user=people[role]
    )


def counts_of(make_revised, people, older, newer, language, build=docx_with_heading):
    document = make_revised(
        older=build(*older),
        newer=build(*newer),
        language=language,
        name="methods.pdf" if build is pdf_with_lines else "methods.docx",
    )
    return compared(document, people, language).comparison.counts


@pytest.mark.parametrize("build", [docx_with_heading, pdf_with_lines], ids=["docx", "pdf"])
def test_english_pair(make_revised, people, build):
    counts = counts_of(make_revised, people, ENGLISH_OLD, ENGLISH_NEW, "en", build)
    assert sorted(counts.inserted_words) == ["three", "times", "twelve"]
    assert sorted(counts.deleted_words) == ["ten", "twice"]
    assert counts.moved == len(["The", "group", "met", "twice", "in", "Geneva"])


def test_arabic_docx_pair(make_revised, people):
    counts = counts_of(make_revised, people, ARABIC_OLD, ARABIC_NEW, "ar")
    assert counts.inserted_words == ["القاهرة", "اثنتي"]
    assert counts.deleted_words == ["جنيف"]
    # عشر -> عشرة and مساهمات -> مساهمة keep their stems: only the letters that differ are marked.
    assert counts.within_words == 2


def test_chinese_docx_pair(make_revised, people):
    counts = counts_of(make_revised, people, CHINESE_OLD, CHINESE_NEW, "zh")
    assert counts.inserted_words == ["开", "罗"]
    assert counts.deleted_words == ["日", "内", "瓦"]


def test_a_missing_revision_or_language_compares_nothing(make_revised, people):
    document = make_revised(
        older=docx_with_heading(*ENGLISH_OLD),
        newer=docx_with_heading(*ENGLISH_NEW),
        language="en",
        name="methods.docx",
    )
    user = people["delegate"]
    assert compare_revisions(document=document, language="fr", older=0, newer=1, user=user) is None
    assert compare_revisions(document=document, language="en", older=0, newer=2, user=user) is None
    assert compare_revisions(document=document, language="en", older=1, newer=1, user=user) is None


def test_the_comparison_is_cached_by_the_files_contents(
    make_revised, people, settings, django_capture_on_commit_callbacks
):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    cache.clear()
    document = make_revised(
        older=docx_with_heading(*ENGLISH_OLD),
        newer=docx_with_heading(*ENGLISH_NEW),
        language="en",
        name="methods.docx",
    )
    first = compared(document, people)
    key = f"documents:compare:v1:en:{first.older.sha256}:{first.newer.sha256}"
    assert cache.get(key) is not None
    # A new upload of Rev.1 has another checksum, hence another key: never a stale comparison.
    from django.core.files.uploadedfile import SimpleUploadedFile

    from documents.services import add_file

    with django_capture_on_commit_callbacks(execute=True):
        add_file(
            document=document,
            upload=SimpleUploadedFile("b.docx", docx_with_heading(*ENGLISH_OLD[:2])),
            language="en",
            by=people["secretariat"],
            replace=True,
        )
    again = compared(document, people)
    assert again.newer.sha256 != first.newer.sha256
    assert again.comparison.counts.deleted_words != first.comparison.counts.deleted_words


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def accepted_text(body) -> list[str]:
    """Accept every change: drop w:del and w:moveFrom content and paragraphs, keep the rest."""
    lines = []
    for paragraph in body.iter(qn("w:p")):
        mark = paragraph.find(f"{W}pPr/{W}rPr")
        if mark is not None and (
            mark.find(qn("w:del")) is not None or mark.find(qn("w:moveFrom")) is not None
        ):
            continue
        text = []
        for node in paragraph.iter(qn("w:t")):
            ancestors = {a.tag for a in node.iterancestors()}
            if qn("w:del") in ancestors or qn("w:moveFrom") in ancestors:
                continue
            text.append(node.text or "")
        lines.append("".join(text))
    return lines


@pytest.mark.parametrize(
    ("older", "newer", "language", "inserted", "deleted"),
    [
        (ENGLISH_OLD, ENGLISH_NEW, "en", ["twelve ", "three times "], ["ten ", "twice "]),
        (ARABIC_OLD, ARABIC_NEW, "ar", ["القاهرة ", "اثنتي ", "ة", "ة"], ["جنيف ", "ات"]),
    ],
)
def test_the_docx_has_native_tracked_changes(
    make_revised, people, older, newer, language, inserted, deleted
):
    document = make_revised(
        older=docx_with_heading(*older),
        newer=docx_with_heading(*newer),
        language=language,
        name="methods.docx",
    )
    result = compared(document, people, language)
    word = WordDocument(io.BytesIO(tracked_changes_docx(result, author="Secretariat")))
    body = word.element.body
    insertions = [
        "".join(t.text for t in node.iter(qn("w:t")))
        for node in body.iter(qn("w:ins"))
        if node.getparent().tag == qn("w:p")
    ]
    deletions = [
        "".join(t.text for t in node.iter(qn("w:delText"))) for node in body.iter(qn("w:del"))
    ]
    assert insertions == inserted
    assert [d for d in deletions if d] == deleted
    for node in [*body.iter(qn("w:ins")), *body.iter(qn("w:del")), *body.iter(qn("w:moveTo"))]:
        assert node.get(qn("w:author")) == "Secretariat"
        assert node.get(qn("w:date")).startswith(str(result.newer.uploaded_at.year))
    moved_runs = [node for node in body.iter(qn("w:moveFrom")) if node.getparent().tag == qn("w:p")]
    assert len(moved_runs) == (1 if language == "en" else 0)
    assert accepted_text(body) == list(newer)
    assert word.paragraphs[0].style.name == "Heading 1"
    if language == "ar":
        assert body.find(f"{W}p/{W}pPr/{W}bidi") is not None
        assert body.find(f".//{W}r/{W}rPr/{W}rtl") is not None
