"""The meeting record package: what each access level holds, the bag's validity, the cache."""

import datetime as dt
import zipfile

import bagit
import pytest
from django.core.files.base import ContentFile
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from documents.models import Document
from followup.models import RecordPackage
from followup.services.record_package import (
    request_record_package,
    validate_zipped_bag,
    write_record_package,
)
from tests.roles import ROLE_NAMES
from tests.security.world import build_world

pytestmark = pytest.mark.django_db

MEMBERS_ONLY = {"CANARY-MEMBERS"}
NEVER = {
    "CANARY-DRAFT",
    "CANARY-SUBMITTED",
    "CANARY-REGISTERED",
    "CANARY-WITHDRAWN",
    "CANARY-RESTRICTED",
    "CANARY-SUMMARY-DRAFT",
    "CANARY-SUMMARY-TEXT",
    "CANARY-REVISED",
    "CANARY-OPEN_WITHDRAWAL",
    "CANARY-PARTICIPANT",
    "CANARY-ACTION-UPDATE",
}


@pytest.fixture(scope="module")
def world(module_people):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return build_world(module_people)


@pytest.fixture
def people(module_people):
    return module_people


def _package(world, access: str, tmp_path) -> tuple[zipfile.ZipFile, str]:
    target = tmp_path / f"{access}.zip"
    write_record_package(
        meeting=world.meeting,
        access=access,
        language="en",
        generated_by="test",
        target=target,
    )
    archive = zipfile.ZipFile(target)
    text = "\n".join(
        archive.read(name).decode("utf-8")
        for name in archive.namelist()
        if name.endswith((".csv", ".html", ".txt"))
    )
    return archive, text


@pytest.mark.parametrize("access", ["public", "members"])
def test_every_package_is_a_valid_bag(world, access, tmp_path):
    _package(world, access, tmp_path)
    bag = validate_zipped_bag(tmp_path / f"{access}.zip")
    assert bag.info["Access-Level"] == access
    assert bag.info["Meeting"] == str(world.meeting)
    assert bag.info["Generated-By"] == "test"
    assert "sha256" in bag.algorithms


def test_one_changed_byte_fails_the_validation(world, tmp_path):
    _package(world, "public", tmp_path)
    source = zipfile.ZipFile(tmp_path / "public.zip")
    broken = tmp_path / "broken.zip"
    with zipfile.ZipFile(broken, "w") as out:
        for name in source.namelist():
            content = source.read(name)
            if name.endswith("data/documents.csv"):
                content = content[:10] + bytes([content[10] ^ 1]) + content[11:]
            out.writestr(name, content)
    with pytest.raises(bagit.BagValidationError):
        validate_zipped_bag(broken)


def test_the_public_package_holds_public_documents_only(world, tmp_path):
    archive, text = _package(world, "public", tmp_path)
    assert "CANARY-PUBLIC" in text
    for canary in MEMBERS_ONLY | NEVER | {"CANARY-ACTION"}:
        assert canary not in text, canary
    public = Document.objects.get(pk=world.documents["public"].pk)
    files = [name.split("/data/", 1)[1] for name in archive.namelist() if "/data/" in name]
    expected = public.symbol.replace("/", "_") + "_E.docx"
    assert f"documents/{expected}" in files
    assert not any(name.startswith("actions") for name in files)
    # The public document, the retitled one, and Rev.0 and Rev.1 of the redrafted one: never
    # its draft Rev.2, nor the file its Rev.1 replaced.
    documents = [f for f in files if f.startswith("documents/")]
    assert len(documents) == 4, documents
    assert not any("(Rev.2)" in name for name in documents)
    for canary in ["CANARY-UNPUBLISHED-REV", "CANARY-REPLACED"]:
        assert canary not in text, canary


def test_the_members_package_adds_members_only_documents_and_actions(world, tmp_path):
    archive, text = _package(world, "members", tmp_path)
    assert "CANARY-PUBLIC" in text
    assert "CANARY-MEMBERS" in text
    assert "CANARY-ACTION" in text  # decided at the meeting: title, due date and status
    for canary in NEVER:
        assert canary not in text, canary


def test_files_are_named_by_symbol_revision_and_language(world):
    from followup.services.record_package import package_file_name

    document = Document.objects.get(pk=world.documents["public"].pk)
    base = document.symbol.replace("/", "_")
    assert package_file_name(document, revision=1, language="ar", extension=".pdf") == (
        f"{base}(Rev.1)_A.pdf"
    )
    assert package_file_name(document, revision=0, language="zh", extension=".docx") == (
        f"{base}_C.docx"
    )


def test_a_ready_package_is_served_until_the_meeting_changes(world, people):
    from documents.services import add_file
    from tests.documents.factories import docx_upload

    with TestCase.captureOnCommitCallbacks(execute=True):
        first = request_record_package(
            meeting=world.meeting, access="public", language="en", by=people["public"]
        )
    first.refresh_from_db()
    assert first.state == RecordPackage.State.READY
    assert first.progress == 100
    with TestCase.captureOnCommitCallbacks(execute=True) as sent:
        again = request_record_package(
            meeting=world.meeting, access="public", language="en", by=people["public"]
        )
    assert not sent
    assert again.file.name == first.file.name
    add_file(
        document=world.documents["public"],
        upload=docx_upload("the French version"),
        language="fr",
        by=people["secretariat"],
    )
    with TestCase.captureOnCommitCallbacks(execute=True) as sent:
        rebuilt = request_record_package(
            meeting=world.meeting, access="public", language="en", by=people["public"]
        )
    assert sent  # the build, then the old file removed
    rebuilt.refresh_from_db()
    assert rebuilt.state == RecordPackage.State.READY
    assert rebuilt.fingerprint != first.fingerprint
    assert not first.file.storage.exists(first.file.name)
    assert "_F.docx" in " ".join(zipfile.ZipFile(rebuilt.file.open("rb")).namelist())


def test_the_package_is_cached_per_access_level(world, people):
    with TestCase.captureOnCommitCallbacks(execute=True):
        public = request_record_package(
            meeting=world.meeting, access="public", language="en", by=people["public"]
        )
        members = request_record_package(
            meeting=world.meeting, access="members", language="en", by=people["delegate"]
        )
    assert public.pk != members.pk
    assert RecordPackage.objects.filter(meeting=world.meeting).count() == 2


@pytest.mark.parametrize(
    ("role", "access", "members_only_inside"),
    [("public", "public", False), ("delegate", "members", True)],
)
def test_the_page_builds_and_downloads_the_reader_s_package(
    world, as_role, role, access, members_only_inside, tmp_path
):
    client = as_role(role)
    number = world.meeting.number
    page = client.get(reverse("followup:record_package", args=[number]))
    assert page.status_code == 200
    assert b"Build the record package" in page.content
    with TestCase.captureOnCommitCallbacks(execute=True):
        built = client.post(reverse("followup:record_package_build", args=[number]))
    assert built.status_code == 302
    page = client.get(reverse("followup:record_package", args=[number]))
    assert b"Download the record package" in page.content
    download = client.get(reverse("followup:record_package_download", args=[number]))
    assert download.status_code == 200
    assert download["Content-Type"] == "application/zip"
    target = tmp_path / "download.zip"
    target.write_bytes(b"".join(download.streaming_content))
    bag = validate_zipped_bag(target)
    assert bag.info["Access-Level"] == access
    documents = zipfile.ZipFile(target)
    text = "".join(
        documents.read(n).decode() for n in documents.namelist() if n.endswith("documents.csv")
    )
    assert ("CANARY-MEMBERS" in text) is members_only_inside


def test_a_download_before_the_build_goes_to_the_page(world, as_role):
    response = as_role("public").get(
        reverse("followup:record_package_download", args=[world.meeting.number])
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"/meetings/{world.meeting.number}/record-package/")


def test_the_build_shows_its_progress_while_it_runs(world, as_role, people):
    request_record_package(  # not committed: the build never ran
        meeting=world.meeting, access="public", language="en", by=people["public"]
    )
    RecordPackage.objects.update(state=RecordPackage.State.BUILDING, progress=40, step="copying")
    page = as_role("public").get(reverse("followup:record_package", args=[world.meeting.number]))
    assert b'<progress id="package-progress" max="100" value="40">' in page.content
    assert b"Copying the files" in page.content
    assert b'http-equiv="refresh"' in page.content


def test_the_command_writes_a_valid_bag(world, tmp_path):
    from django.core.management import call_command

    target = tmp_path / "out.zip"
    call_command(
        "record_package",
        str(world.meeting.number),
        str(target),
        "--access",
        "members",
        verbosity=0,
    )
    assert validate_zipped_bag(target).info["Access-Level"] == "members"


def test_a_failed_build_is_said_on_the_page_and_can_be_tried_again(world, as_role, people):
    from documents.models import DocumentFile

    stored = DocumentFile.objects.filter(document=world.documents["public"]).first()
    content = stored.file.read()
    stored.file.storage.delete(stored.file.name)
    client = as_role("public")
    number = world.meeting.number
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(reverse("followup:record_package_build", args=[number]))
    assert response.status_code == 302
    package = RecordPackage.objects.get(meeting=world.meeting, access="public")
    assert package.state == RecordPackage.State.FAILED
    assert "FileNotFoundError" in package.error
    page = client.get(reverse("followup:record_package", args=[number]))
    assert b"The last build failed. You may try again." in page.content
    assert b"Build the record package" in page.content
    stored.file.storage.save(stored.file.name, ContentFile(content))
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(reverse("followup:record_package_build", args=[number]))
    package.refresh_from_db()
    assert package.state == RecordPackage.State.READY


def test_the_page_and_the_build_keep_their_query_counts(
    world, as_role, people, django_assert_max_num_queries
):
    from followup.services.record_package.contents import gather

    client = as_role("delegate")
    with django_assert_max_num_queries(20):
        client.get(reverse("followup:record_package", args=[world.meeting.number]))
    with django_assert_max_num_queries(20):
        gather(meeting=world.meeting, access="members")


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_each_role_is_offered_the_package_of_its_level(world, as_role, role):
    page = as_role(role).get(reverse("followup:record_package", args=[world.meeting.number]))
    members = "Your package is the members' one" in page.content.decode()
    assert members is (role != "public")


def test_the_sweep_sends_a_stalled_request_again(world, people):
    from followup.services.record_package import resend_stalled_record_packages

    package = request_record_package(  # not committed: its build was never sent
        meeting=world.meeting, access="public", language="en", by=people["public"]
    )
    assert resend_stalled_record_packages() == []
    RecordPackage.objects.filter(pk=package.pk).update(
        requested_at=timezone.now() - dt.timedelta(minutes=11)
    )
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert resend_stalled_record_packages() == [package.pk]
    package.refresh_from_db()
    assert package.state == RecordPackage.State.READY
