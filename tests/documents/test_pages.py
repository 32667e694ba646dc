"""The documents pages: what each person sees and can do, in constant queries, never a 500."""

import pytest
from django.urls import reverse

from documents.models import Document
from documents.services import (
    add_file,
    create_document,
    publish_document,
    register_document,
    submit_document,
)
from tests.documents.factories import docx_upload

pytestmark = pytest.mark.django_db


def published(meeting, people, n: int, title: str = "Published contribution") -> list[Document]:
    documents = []
    for i in range(n):
        document = create_document(meeting=meeting, title=f"{title} {i}", by=people["delegate"])
        add_file(
            document=document, upload=docx_upload(f"text {i}"), language="en", by=people["delegate"]
        )
        add_file(
            document=document, upload=docx_upload(f"نص {i}"), language="ar", by=people["delegate"]
        )
        submit_document(document=document, by=people["delegate"])
        register_document(document=document, by=people["secretariat"])
        documents.append(publish_document(document=document, by=people["secretariat"]))
    return documents


@pytest.mark.parametrize("language", ["en", "ar"])
def test_meeting_list_in_constant_queries(
    language, meeting, people, client, django_assert_max_num_queries
):
    client.cookies["django_language"] = language
    published(meeting, people, 2)
    url = reverse("documents:meeting_list", args=[meeting.number])
    with django_assert_max_num_queries(13) as few:  # 13th: the languages coming, for all rows
        assert client.get(url).status_code == 200
    published(meeting, people, 6, title="More")
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    html = response.content.decode()
    assert html.count("CWG-WSIS&amp;SDG-44/") == 8
    assert 'dir="rtl"' in html if language == "ar" else 'dir="ltr"' in html


def test_the_list_filters_by_language_and_kind(meeting, people, client):
    [document] = published(meeting, people, 1)
    url = reverse("documents:meeting_list", args=[meeting.number])
    assert document.title in client.get(url, {"language": "ar"}).content.decode()
    assert document.title not in client.get(url, {"kind": "information"}).content.decode()
    assert client.get(url, {"agenda_item": "not-a-number", "kind": "<x>"}).status_code == 200


def test_drafts_never_show_to_other_delegations_or_the_public(meeting, people, as_role, draft):
    url = reverse("documents:meeting_list", args=[meeting.number])
    detail = reverse("documents:detail", args=[draft.pk])
    for role in ["public", "other_delegate", "sector_member", "chair"]:
        client = as_role(role)
        assert draft.title not in client.get(url).content.decode()
        assert client.get(detail).status_code == 404
        file_id = draft.files.get().pk
        assert client.get(reverse("documents:download", args=[file_id])).status_code == 404
    owner = as_role("delegate")
    assert owner.get(detail).status_code == 200


def test_a_delegate_uploads_a_contribution(
    meeting, people, as_role, django_capture_on_commit_callbacks
):
    client = as_role("delegate")
    url = reverse("documents:create", args=[meeting.number])
    assert client.get(url).status_code == 200
    form = {"title": "Egypt on WSIS+20", "access": "public", "language": "ar"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {**form, "file": docx_upload("نص المساهمة")})
    document = Document.objects.get(title="Egypt on WSIS+20")
    assert response.status_code == 302
    assert response["Location"] == document.get_absolute_url()
    stored = document.files.get()
    assert stored.extraction_state == "done"
    assert "نص المساهمة" in stored.text


def test_a_refused_file_keeps_the_form_and_creates_nothing(meeting, people, as_role):
    client = as_role("delegate")
    url = reverse("documents:create", args=[meeting.number])
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(
        url,
        {
            "title": "Kept title",
            "access": "members",
            "language": "en",
            "file": SimpleUploadedFile("evil.docx", b"MZ\x90\x00 not a document"),
        },
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert "This type of file is not accepted" in html
    assert 'value="Kept title"' in html
    assert not Document.objects.filter(title="Kept title").exists()


def test_the_same_file_twice_is_refused_with_a_message(draft, people, as_role):
    client = as_role("delegate")
    same = draft.files.get().file.read()
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(
        reverse("documents:add_file", args=[draft.pk]),
        {
            "language": "fr",
            "file": SimpleUploadedFile("again.docx", same),
        },
    )
    assert response.status_code == 409
    assert "already uploaded" in response.content.decode()
    assert draft.files.count() == 1


def test_workflow_through_the_pages(draft, people, as_role):
    owner = as_role("delegate")
    assert owner.post(reverse("documents:submit", args=[draft.pk])).status_code == 302
    other = as_role("other_delegate")
    assert other.post(reverse("documents:register", args=[draft.pk])).status_code == 404
    chair = as_role("chair")
    assert chair.post(reverse("documents:register", args=[draft.pk])).status_code == 404
    secretariat = as_role("secretariat")
    queue = secretariat.get(reverse("documents:queue")).content.decode()
    assert draft.title in queue
    asked = secretariat.post(reverse("documents:register", args=[draft.pk]))
    assert "Register this document?" in asked.content.decode()
    draft.refresh_from_db()
    assert draft.status == "submitted"  # nothing happens before the confirmation
    confirm = {"confirmed": "1", "series": "contribution"}
    secretariat.post(reverse("documents:register", args=[draft.pk]), confirm)
    secretariat.post(reverse("documents:publish", args=[draft.pk]), {"confirmed": "1"})
    draft.refresh_from_db()
    assert draft.status == "published"
    public = as_role("public")
    page = public.get(reverse("documents:meeting_list", args=[draft.meeting.number]))
    assert "CWG-WSIS&amp;SDG-44/1" in page.content.decode()


def test_only_the_secretariat_sees_the_queue(as_role, people):
    for role in ["delegate", "chair", "vice_chair"]:
        assert as_role(role).get(reverse("documents:queue")).status_code == 403


def test_downloads_are_attachments_named_by_symbol(meeting, people, client):
    [document] = published(meeting, people, 1)
    arabic = document.files.get(language="ar")
    response = client.get(reverse("documents:download", args=[arabic.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith(
        'attachment; filename="CWG-WSIS&SDG-44_1_A.docx"'
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    arabic.file.open("rb")
    assert b"".join(response.streaming_content) == arabic.file.read()


def test_withdraw_needs_a_reason_on_the_page(draft, people, as_role):
    client = as_role("delegate")
    client.post(reverse("documents:withdraw", args=[draft.pk]), {"reason": ""})
    draft.refresh_from_db()
    assert draft.status == "draft"
    asked = client.post(reverse("documents:withdraw", args=[draft.pk]), {"reason": "Sent twice"})
    assert "Withdraw this document?" in asked.content.decode()
    assert "Sent twice" in asked.content.decode()  # the reason typed is kept
    draft.refresh_from_db()
    assert draft.status == "draft"
    confirmed = {"reason": "Sent twice", "confirmed": "1"}
    client.post(reverse("documents:withdraw", args=[draft.pk]), confirmed)
    draft.refresh_from_db()
    assert draft.status == "withdrawn"


def test_history_shows_changes_and_restores(draft, people, as_role):
    from documents.services import update_document

    update_document(
        document=draft,
        by=people["delegate"],
        title="Second title",
        access="members",
        agenda_items=[],
    )
    client = as_role("delegate")
    page = client.get(reverse("documents:history", args=[draft.pk]))
    html = page.content.decode()
    assert "Draft of Egypt" in html
    assert "Second title" in html
    from reversion.models import Version

    first = Version.objects.get_for_object(draft).order_by("pk").first()
    client.post(reverse("documents:restore", args=[draft.pk, first.pk]), {"confirmed": "1"})
    draft.refresh_from_db()
    assert draft.title == "Draft of Egypt"
    assert Version.objects.get_for_object(draft).count() >= 3


def test_another_delegation_cannot_restore(draft, people, as_role):
    from reversion.models import Version

    version = Version.objects.get_for_object(draft).first()
    response = as_role("other_delegate").post(
        reverse("documents:restore", args=[draft.pk, version.pk])
    )
    assert response.status_code == 404


def test_the_queue_is_constant_in_queries(meeting, people, as_role, django_assert_max_num_queries):
    def submit(n: int) -> None:
        for i in range(n):
            document = create_document(meeting=meeting, title=f"Queued {i}", by=people["delegate"])
            add_file(
                document=document,
                upload=docx_upload(f"q {i} {n}"),
                language="en",
                by=people["delegate"],
            )
            submit_document(document=document, by=people["delegate"])

    client = as_role("secretariat")
    submit(2)
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("documents:queue"))
    submit(6)
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get(reverse("documents:queue")).content.decode()
    assert html.count("Queued ") == 8


def test_the_document_page_in_arabic(meeting, people, client):
    [document] = published(meeting, people, 1)
    client.cookies["django_language"] = "ar"
    html = client.get(document.get_absolute_url()).content.decode()
    assert 'dir="rtl"' in html
    assert "الملفات" in html  # Files
    assert "تنزيل" in html  # Download


def test_a_file_missing_from_storage_answers_410_not_500(meeting, people, client, caplog):
    [document] = published(meeting, people, 1)
    arabic = document.files.get(language="ar")
    arabic.file.storage.delete(arabic.file.name)
    response = client.get(reverse("documents:download", args=[arabic.pk]))
    assert response.status_code == 410
    assert "missing from storage" in response.content.decode()
    assert arabic.file.name in caplog.text
