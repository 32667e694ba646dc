"""The compare page, its DOCX and its API endpoint: what they show, and to whom."""

import io

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from docx import Document as WordDocument

from tests.documents.compare_pairs import docx_with_heading, revised_document

pytestmark = pytest.mark.django_db

OLDER = ("Working methods", "The group met twice in Geneva.", "It reviewed ten contributions.")
NEWER = ("Working methods", "It reviewed twelve contributions.", "The group met twice in Geneva.")
ARABIC_OLDER = ("أساليب العمل", "اجتمع الفريق في جنيف مرتين.")
ARABIC_NEWER = ("أساليب العمل", "اجتمع الفريق في القاهرة مرتين.")


@pytest.fixture
def revised(meeting, people, django_capture_on_commit_callbacks):
    def make(older=OLDER, newer=NEWER, language="en", **document):
        with django_capture_on_commit_callbacks(execute=True):
            return revised_document(
                meeting=meeting,
                people=people,
                older=docx_with_heading(*older),
                newer=docx_with_heading(*newer),
                language=language,
                name="methods.docx",
                **document,
            )

    return make


def test_the_page_shows_insertions_deletions_moves_and_counts(revised, as_role):
    document = revised()
    response = as_role("public").get(reverse("documents:compare", args=[document.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "<ins>twelve </ins>" in page
    assert "<del>ten </del>" in page
    assert 'class="moved"' in page
    assert response.context["result"].comparison.counts.inserted == 1
    assert response.context["pair"] == (0, 1)


def test_side_by_side_and_folded_unchanged_paragraphs(revised, as_role):
    same = tuple(f"Unchanged paragraph number {n}." for n in range(6))
    document = revised(older=(*same, "The end is near."), newer=(*same, "The end is here."))
    url = reverse("documents:compare", args=[document.pk])
    page = as_role("public").get(url + "?view=side").content.decode()
    assert "<ins>here</ins>" in page
    assert "<del>near</del>" in page
    # The heading and five paragraphs are unchanged: one stays shown beside the change.
    assert "<details><summary>Show 5 unchanged paragraphs</summary>" in page


def test_the_arabic_comparison_is_right_to_left(revised, as_role):
    document = revised(older=ARABIC_OLDER, newer=ARABIC_NEWER, language="ar")
    response = as_role("delegate").get(
        reverse("documents:compare", args=[document.pk]), HTTP_ACCEPT_LANGUAGE="ar"
    )
    page = response.content.decode()
    assert response.context["language"] == "ar"
    assert 'lang="ar" dir="rtl"' in page
    assert "<ins>القاهرة </ins>" in page


def test_the_docx_download(revised, as_role):
    document = revised()
    url = reverse("documents:compare_docx", args=[document.pk]) + "?language=en&from=0&to=1"
    response = as_role("public").get(url)
    assert response.status_code == 200
    assert "_Rev.0-Rev.1_EN.docx" in response["Content-Disposition"]
    word = WordDocument(io.BytesIO(response.content))
    assert word.paragraphs[0].text == "Working methods"


def test_the_api_gives_counts_and_blocks(revised, client):
    document = revised()
    response = client.get(reverse("document-compare", args=[document.pk]))
    assert response.status_code == 200
    data = response.json()
    assert (data["older_revision"], data["newer_revision"]) == (0, 1)
    assert (data["inserted_words"], data["deleted_words"]) == (1, 1)
    assert data["moved_words"] == len(["It", "reviewed", "ten", "contributions"])


@pytest.mark.parametrize(
    ("query", "status"),
    [("?from=0&to=7", 404), ("?language=fr", 404), ("?from=x&to=1", 400), ("?language=xx", 400)],
)
def test_the_api_refuses_what_is_not_there(revised, client, query, status):
    document = revised()
    response = client.get(reverse("document-compare", args=[document.pk]) + query)
    assert response.status_code == status
    assert response.json()


def test_a_revision_that_does_not_exist_is_not_found(revised, as_role):
    document = revised()
    for name in ["documents:compare", "documents:compare_docx"]:
        url = reverse(name, args=[document.pk]) + "?language=en&from=0&to=5"
        assert as_role("public").get(url).status_code == 404


def test_a_document_with_one_revision_says_so(meeting, people, as_role):
    from documents.services import add_file, create_document
    from tests.documents.factories import docx_upload

    document = create_document(meeting=meeting, title="Only Rev.0", by=people["delegate"])
    add_file(document=document, upload=docx_upload("x"), language="en", by=people["delegate"])
    response = as_role("delegate").get(reverse("documents:compare", args=[document.pk]))
    assert response.status_code == 200
    assert response.context["result"] is None


@pytest.mark.parametrize(
    ("role", "status"),
    [("public", 404), ("other_delegate", 404), ("delegate", 200), ("chair", 200)],
)
def test_only_who_may_open_the_revisions_may_compare_them(revised, as_role, role, status):
    document = revised(access="restricted")
    document.restricted_to.set([Group.objects.get(name="Officers")])
    client = as_role(role)
    for url in [
        reverse("documents:compare", args=[document.pk]),
        reverse("documents:compare_docx", args=[document.pk]) + "?language=en&from=0&to=1",
        reverse("document-compare", args=[document.pk]),
    ]:
        assert client.get(url).status_code == status, url


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("public", 404),
        ("other_delegate", 404),
        ("chair", 404),
        ("delegate", 200),
        ("secretariat", 200),
    ],
)
def test_a_draft_revision_is_compared_only_by_the_secretariat_and_its_delegation(
    revised, as_role, role, status
):
    """Issue 21 point 3: the page, the DOCX and the API, through the download's selector."""
    document = revised(publish=False)
    client = as_role(role)
    query = "?language=en&from=0&to=1"
    for url in [
        reverse("documents:compare", args=[document.pk]) + query,
        reverse("documents:compare_docx", args=[document.pk]) + query,
        reverse("document-compare", args=[document.pk]) + query,
    ]:
        assert client.get(url).status_code == status, url
