"""Revisions, replacing and removing files through the pages: confirmation first, then the step."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from documents.models import Document, DocumentFile
from documents.services import add_file, publish_document, start_revision
from tests.documents.factories import docx_bytes, docx_upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(registered, people):
    return publish_document(document=registered, by=people["secretariat"])


def _page(client, document) -> str:
    response = client.get(reverse("documents:detail", args=[document.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_starting_and_publishing_a_revision_through_the_pages(published, people, as_role):
    secretariat = as_role("secretariat")
    revise = reverse("documents:revise", args=[published.pk])
    asked = secretariat.post(revise).content.decode()
    assert "Start a revision?" in asked
    assert not published.revisions.filter(published_at__isnull=True).exists()
    secretariat.post(revise, {"confirmed": "1"})
    assert published.revisions.get(published_at__isnull=True).number == 1
    secretariat.post(
        reverse("documents:add_file", args=[published.pk]),
        {"language": "en", "file": docx_upload("Rev.1 text", name="rev-1.docx")},
    )
    page = _page(secretariat, published)
    assert "rev-1.docx" in page
    assert "draft revision" in page
    # Everyone else still sees Rev.0 and its file only.
    for role in ["public", "other_delegate", "chair"]:
        seen = _page(as_role(role), published)
        assert "rev-1.docx" not in seen, role
        assert "CWG-WSIS&amp;SDG-44/1(Rev.1)" not in seen, role
    assert "rev-1.docx" in _page(as_role("delegate"), published)  # the owning delegation
    publish = reverse("documents:publish_revision", args=[published.pk])
    secretariat = as_role("secretariat")
    assert "Publish this revision?" in secretariat.post(publish).content.decode()
    secretariat.post(publish, {"confirmed": "1"})
    public = _page(as_role("public"), published)
    assert "CWG-WSIS&amp;SDG-44/1(Rev.1)" in public
    assert "rev-1.docx" in public
    assert "contribution.docx" in public  # Rev.0 is still listed, with its file


def test_only_the_secretariat_starts_or_publishes_a_revision(published, people, as_role):
    for role in ["delegate", "other_delegate", "chair"]:
        client = as_role(role)
        for action in ["revise", "publish_revision"]:
            url = reverse(f"documents:{action}", args=[published.pk])
            assert client.post(url, {"confirmed": "1"}).status_code == 403, (role, action)
    assert not published.revisions.filter(published_at__isnull=True).exists()


def test_a_replacing_upload_asks_first_and_names_the_replaced_file(draft, people, as_role):
    client = as_role("delegate")
    url = reverse("documents:add_file", args=[draft.pk])
    asked = client.post(url, {"language": "en", "file": docx_upload("New", name="new.docx")})
    page = asked.content.decode()
    assert asked.status_code == 200
    assert "Replace the current file?" in page
    assert "contribution.docx" in page
    assert draft.files.count() == 1  # nothing is added before the confirmation
    token = asked.context["hidden"]["staged"]
    done = client.post(url, {"confirmed": "1", "staged": token})
    assert done.status_code == 302
    current = draft.files.get(state=DocumentFile.State.CURRENT)
    assert current.original_name == "new.docx"
    assert draft.files.get(state=DocumentFile.State.REPLACED).original_name == "contribution.docx"


def test_a_replacing_upload_confirmed_in_the_dialog_goes_straight_through(draft, as_role):
    client = as_role("delegate")
    url = reverse("documents:add_file", args=[draft.pk])
    upload = SimpleUploadedFile("new.docx", docx_bytes("Confirmed"))
    response = client.post(url, {"language": "en", "file": upload, "confirmed": "1"})
    assert response.status_code == 302
    assert draft.files.filter(state=DocumentFile.State.CURRENT).get().original_name == "new.docx"


def test_a_forged_staged_note_is_refused(draft, as_role):
    client = as_role("delegate")
    url = reverse("documents:add_file", args=[draft.pk])
    response = client.post(url, {"confirmed": "1", "staged": "forged"})
    assert response.status_code == 409
    assert "Upload the file again" in response.content.decode()


def test_a_new_language_is_added_without_a_question(draft, as_role):
    client = as_role("delegate")
    url = reverse("documents:add_file", args=[draft.pk])
    response = client.post(url, {"language": "fr", "file": docx_upload("Texte", name="fr.docx")})
    assert response.status_code == 302
    assert draft.files.count() == 2


def test_the_secretariat_removes_a_file_after_confirming_with_a_reason(registered, as_role):
    stored = registered.files.get()
    client = as_role("secretariat")
    url = reverse("documents:remove_file", args=[stored.pk])
    asked = client.post(url, {"reason": "Wrong document"})
    assert "Remove this file?" in asked.content.decode()
    assert "contribution.docx" in asked.content.decode()
    client.post(url, {"reason": "Wrong document", "confirmed": "1"})
    stored.refresh_from_db()
    assert stored.state == DocumentFile.State.REMOVED
    page = _page(client, registered)
    assert "Wrong document" in page  # the secretariat sees the removed file and why


@pytest.mark.parametrize("role", ["delegate", "other_delegate", "chair"])
def test_no_one_else_removes_a_registered_documents_file(registered, as_role, role):
    stored = registered.files.get()
    url = reverse("documents:remove_file", args=[stored.pk])
    response = as_role(role).post(url, {"reason": "x", "confirmed": "1"})
    assert response.status_code in {403, 404}
    stored.refresh_from_db()
    assert stored.state == DocumentFile.State.CURRENT


def test_a_link_by_symbol_finds_the_latest_published_revision(published, people, client):
    start_revision(document=published, by=people["secretariat"])
    add_file(
        document=published, upload=docx_upload("Rev.1"), language="en", by=people["secretariat"]
    )
    for symbol in ["CWG-WSIS&SDG-44/1", "CWG-WSIS&SDG-44/1(Rev.1)-E"]:
        response = client.get(reverse("documents:by_symbol", args=[symbol]))
        assert response.status_code == 302, symbol
        assert response["Location"] == published.get_absolute_url()
    assert client.get(reverse("documents:by_symbol", args=["CWG-WSIS&SDG-44/9"])).status_code == 404
    assert client.get(reverse("documents:by_symbol", args=["nonsense"])).status_code == 404


def test_a_symbol_of_a_document_one_may_not_see_is_not_found(submitted, client):
    document = Document.objects.get(pk=submitted.pk)
    assert document.number is None
    response = client.get(reverse("documents:by_symbol", args=["CWG-WSIS&SDG-44/1"]))
    assert response.status_code == 404


def test_the_document_page_with_revisions_in_constant_queries(
    published, people, as_role, django_assert_max_num_queries
):
    client = as_role("secretariat")
    with django_assert_max_num_queries(30) as few:
        _page(client, published)
    start_revision(document=published, by=people["secretariat"])
    for language in ["en", "fr", "ar"]:
        add_file(
            document=published,
            upload=docx_upload(f"Rev.1 {language}", name=f"{language}.docx"),
            language=language,
            by=people["secretariat"],
            replace=True,
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        _page(client, published)
