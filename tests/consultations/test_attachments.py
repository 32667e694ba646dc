"""Files sent with an input: checked like document uploads, stored with a row or not at all."""

import datetime as dt
import os

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from consultations.exceptions import AttachmentRefused
from consultations.models import Submission, SubmissionAttachment
from consultations.services import (
    accept_submissions,
    publish_submissions,
    remove_orphan_attachment_files,
    submit_input,
    withdraw_link_token,
)
from consultations.services.attachments import checked_attachments, write_attachment_files
from consultations.tasks import sweep_orphan_attachment_files
from tests.conftest import SHARED
from tests.consultations.factories import CallFactory, form_data
from tests.cwg.files.hostile import rebuilt_docx

pytestmark = pytest.mark.django_db
TESTDATA = SHARED / "testdata"
MB = 1024 * 1024


def real_file(relative: str, name: str | None = None) -> SimpleUploadedFile:
    path = TESTDATA / relative
    return SimpleUploadedFile(name or path.name, path.read_bytes())


def zip_bomb() -> SimpleUploadedFile:
    """A small 'Word document' whose one part expands 20 MB of zeros: far past the ratio."""
    return SimpleUploadedFile(
        "bomb.docx", rebuilt_docx(add={"word/media/bomb.bin": b"\0" * (20 * MB)})
    )


def disguised_program() -> SimpleUploadedFile:
    return SimpleUploadedFile("report.pdf", b"MZ\x90\x00" + b"\x00" * 2000)


def stored_files() -> list[str]:
    if not default_storage.exists("consultations"):
        return []
    found, folders = [], ["consultations"]
    while folders:
        folder = folders.pop()
        subfolders, files = default_storage.listdir(folder)
        folders += [f"{folder}/{name}" for name in subfolders]
        found += [f"{folder}/{name}" for name in files]
    return found


def submit(call, by, **extra):
    values = {
        "call": call,
        "by": by,
        "name": "Amina Haddad",
        "email": "amina@example.invalid",
        "stakeholder_type": "academia",
        "answers": {call.questions.first().pk: "More local content."},
        "consent_to_publish": True,
    }
    values.update(extra)
    return submit_input(**values)


def test_public_form_stores_a_real_docx_and_pdf(client, call):
    files = [real_file("docx/test.docx"), real_file("pdf/minimal-document.pdf")]
    url = reverse("consultations:submit", args=[call.code])
    page = client.get(url).content.decode()
    assert 'enctype="multipart/form-data"' in page
    response = client.post(url, {**form_data(call), "attachments": files})
    assert response.status_code == 302
    stored = {row.original_name: row for row in SubmissionAttachment.objects.all()}
    assert set(stored) == {"test.docx", "minimal-document.pdf"}
    pdf = stored["minimal-document.pdf"]
    assert (pdf.content_type, pdf.size, pdf.extension) == ("application/pdf", 16978, ".pdf")
    assert len(pdf.sha256) == 64
    assert pdf.file.name == f"consultations/{pdf.sha256[:2]}/{pdf.sha256[2:4]}/{pdf.sha256}.pdf"
    assert stored["test.docx"].content_type.endswith("wordprocessingml.document")
    assert sorted(stored_files()) == sorted(row.file.name for row in stored.values())
    submission = Submission.objects.get()
    assert Version.objects.get_for_object(pdf).count() == 1
    assert set(submission.attachments.values_list("original_name", flat=True)) == set(stored)


@pytest.mark.parametrize(
    ("upload", "reason"),
    [
        (zip_bomb, "zip bomb"),
        (disguised_program, "not accepted"),
        (lambda: real_file("pdf/libreoffice-writer-password.pdf"), "password"),
    ],
    ids=["zip-bomb", "wrong-type", "encrypted"],
)
def test_refused_file_keeps_every_answer_and_stores_nothing(client, call, upload, reason):
    url = reverse("consultations:submit", args=[call.code])
    good = real_file("docx/test.docx")
    response = client.post(url, {**form_data(call), "attachments": [good, upload()]})
    assert response.status_code == 422
    body = response.content.decode()
    assert reason in body.lower() or reason in body
    assert "choose your files again" in body
    assert "نريد شبكات أوسع في الأرياف." in body
    assert "Open Net Lab" in body
    assert "layla@example.invalid" in body
    assert not Submission.objects.exists()
    assert not SubmissionAttachment.objects.exists()
    assert stored_files() == []


def test_too_many_files_are_refused_with_the_limit(client, call, settings):
    settings.CONSULTATION_MAX_ATTACHMENTS = 2
    url = reverse("consultations:submit", args=[call.code])
    files = [real_file(f"docx/{name}.docx") for name in ("test", "doc-default", "tbl-props")]
    response = client.post(url, {**form_data(call), "attachments": files})
    assert response.status_code == 422
    assert "at most 2 files" in response.content.decode()
    assert not Submission.objects.exists()
    assert stored_files() == []


def test_another_error_asks_to_choose_the_files_again(client, call):
    url = reverse("consultations:submit", args=[call.code])
    data = {**form_data(call, email="not-an-email"), "attachments": [real_file("docx/test.docx")]}
    response = client.post(url, data)
    assert response.status_code == 400
    body = response.content.decode()
    assert "choose your files again" in body
    assert "Open Net Lab" in body
    assert stored_files() == []


def test_file_name_is_sanitised(call, people):
    upload = real_file("pdf/minimal-document.pdf", name="..\\..\\etc/pass\u202ewd<x>.pdf")
    item = submit(call, people["public"], attachments=[upload])
    assert item.attachments.get().original_name == "passwd_x_.pdf"


def test_the_same_file_twice_is_kept_once(call, people):
    item = submit(
        call,
        people["public"],
        attachments=[real_file("docx/test.docx"), real_file("docx/test.docx", name="copy.docx")],
    )
    assert item.attachments.count() == 1


def test_refused_by_the_service_too(call, people):
    with pytest.raises(AttachmentRefused, match="bomb.docx"):
        submit(call, people["public"], attachments=[zip_bomb()])
    assert not Submission.objects.exists()


def test_no_file_is_left_when_the_rows_roll_back(call, people, monkeypatch):
    kept = submit(call, people["public"], attachments=[real_file("docx/test.docx")])
    kept_name = kept.attachments.get().file.name

    def fail(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(SubmissionAttachment, "save", fail)
    with pytest.raises(RuntimeError):
        submit(
            call,
            people["public"],
            attachments=[real_file("pdf/minimal-document.pdf"), real_file("docx/test.docx")],
        )
    assert Submission.objects.count() == 1
    assert stored_files() == [kept_name]  # the new PDF removed, the shared DOCX kept


@pytest.fixture
def inputs(call, people):
    """A published input and a received one, each with a file."""
    published = submit(call, people["public"], attachments=[real_file("docx/test.docx")])
    accept_submissions(ids=[published.pk], by=people["secretariat"])
    publish_submissions(ids=[published.pk], by=people["secretariat"])
    received = submit(call, people["public"], attachments=[real_file("pdf/minimal-document.pdf")])
    return {"published": published, "received": received}


def download(client, call, item):
    attachment = item.attachments.get()
    return client.get(reverse("consultations:attachment", args=[call.code, attachment.pk]))


@pytest.mark.parametrize(
    "role",
    ["public", "delegate", "other_delegate", "sector_member", "vice_chair", "chair", "secretariat"],
)
def test_download_rights_by_role(call, inputs, as_role, role):
    client = as_role(role)
    published = download(client, call, inputs["published"])
    assert published.status_code == 200
    assert published["Content-Disposition"].startswith('attachment; filename="test.docx"')
    assert published["X-Content-Type-Options"] == "nosniff"
    assert b"".join(published.streaming_content).startswith(b"PK")
    hidden = download(client, call, inputs["received"])
    moderator = role in {"vice_chair", "chair", "secretariat"}
    assert hidden.status_code == (200 if moderator else 404)


def test_published_and_moderation_pages_link_the_files(call, inputs, client, as_role):
    published = client.get(reverse("consultations:published", args=[call.code])).content.decode()
    assert "test.docx" in published
    assert "minimal-document.pdf" not in published
    queue = as_role("chair").get(reverse("consultations:moderation", args=[call.code]))
    assert "minimal-document.pdf" in queue.content.decode()


def test_the_author_downloads_through_the_private_link_only(call, inputs, client):
    received = inputs["received"]
    token = withdraw_link_token(submission=received)
    own = client.get(reverse("consultations:own", args=[token])).content.decode()
    assert "minimal-document.pdf" in own
    attachment = received.attachments.get()
    response = client.get(reverse("consultations:own_attachment", args=[token, attachment.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment;")
    other = inputs["published"].attachments.get()
    assert (
        client.get(reverse("consultations:own_attachment", args=[token, other.pk])).status_code
        == 404
    )
    forged = token[:-3] + "abc"
    assert (
        client.get(
            reverse("consultations:own_attachment", args=[forged, attachment.pk])
        ).status_code
        == 404
    )


def test_a_file_is_found_only_under_its_own_call(call, inputs, client):
    other_call = CallFactory(working_group=call.working_group, code="OTHER")
    attachment = inputs["published"].attachments.get()
    wrong_call = reverse("consultations:attachment", args=[other_call.code, attachment.pk])
    assert client.get(wrong_call).status_code == 404


def test_api_lists_attachments_for_moderators(call, inputs, as_role):
    response = as_role("secretariat").get(reverse("consultations-api-submissions", args=[call.pk]))
    names = [
        attachment["original_name"]
        for item in response.json()["results"]
        for attachment in item["attachments"]
    ]
    assert sorted(names) == ["minimal-document.pdf", "test.docx"]


def test_the_sweep_removes_old_files_without_rows_only(call, people):
    kept = submit(call, people["public"], attachments=[real_file("docx/test.docx")])
    kept_name = kept.attachments.get().file.name
    old_orphan = default_storage.save("consultations/ab/cd/old-orphan.pdf", ContentFile(b"%PDF-"))
    young_orphan = default_storage.save("consultations/ab/cd/young.pdf", ContentFile(b"%PDF-"))
    two_hours_ago = (timezone.now() - dt.timedelta(hours=2)).timestamp()
    for name in (kept_name, old_orphan):
        os.utime(default_storage.path(name), (two_hours_ago, two_hours_ago))
    assert sweep_orphan_attachment_files.delay().get() == 1
    assert sorted(stored_files()) == sorted([kept_name, young_orphan])


def test_an_old_orphan_sent_again_is_young_again_for_the_sweep(call, people):
    """Bytes left by a caller's rolled-back transaction, sent again: the sweep must not take
    them while the new input's rows may still be committing."""
    [(row, upload)] = checked_attachments([real_file("pdf/minimal-document.pdf")])
    assert write_attachment_files([(row, upload)]) == [row.file.name]  # written, no row
    two_hours_ago = (timezone.now() - dt.timedelta(hours=2)).timestamp()
    os.utime(default_storage.path(row.file.name), (two_hours_ago, two_hours_ago))

    assert write_attachment_files([(row, upload)]) == []  # stored already: not written again
    assert remove_orphan_attachment_files() == []  # young again
    assert remove_orphan_attachment_files(older_than=dt.timedelta(0)) == [row.file.name]


def test_a_name_ends_with_the_type_found_in_the_bytes(call, people):
    upload = real_file("pdf/minimal-document.pdf", name="a.pdf\x00.exe")
    disguised = real_file("pdf/minimal-document.pdf", name="report.exe")
    item = submit(call, people["public"], attachments=[upload])
    assert item.attachments.get().original_name == "a.pdf"
    other = submit(call, people["public"], attachments=[disguised])
    assert other.attachments.get().original_name == "report.exe.pdf"


def test_a_missing_attachment_file_answers_410(call, people, client):
    item = submit(call, people["public"], attachments=[real_file("docx/test.docx")])
    stored = item.attachments.get()
    stored.file.storage.delete(stored.file.name)
    token = withdraw_link_token(submission=item)
    response = client.get(reverse("consultations:own_attachment", args=[token, stored.pk]))
    assert response.status_code == 410
