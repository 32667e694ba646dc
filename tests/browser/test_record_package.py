"""Issue 16: the public and a delegate download the record package of meeting 44 and check it."""

import zipfile

import pytest

from followup.services.record_package import validate_zipped_bag
from tests.browser.conftest import sign_in
from tests.cwg.factories import WorkingGroupFactory
from tests.roles import make_people
from tests.security.world import build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _download_package(page, tmp_path, name: str) -> zipfile.ZipFile:
    page.goto("/meetings/44/")
    page.click("text=Record package")
    page.click("text=Build the record package")
    link = page.locator("a", has_text="Download the record package")
    link.wait_for()
    with page.expect_download() as download:
        link.click()
    target = tmp_path / name
    download.value.save_as(target)
    bag = validate_zipped_bag(target)  # bagit's own validator: every checksum
    assert bag.info["Meeting"].endswith("-44")
    return zipfile.ZipFile(target)


def _documents_csv(archive: zipfile.ZipFile) -> str:
    (name,) = [n for n in archive.namelist() if n.endswith("/data/documents.csv")]
    return archive.read(name).decode("utf-8")


def test_the_public_and_a_delegate_download_valid_packages(page, tmp_path, screenshot_path):
    build_world(make_people(WorkingGroupFactory()))

    public = _documents_csv(_download_package(page, tmp_path, "public.zip"))
    assert "CANARY-PUBLIC" in public
    assert "CANARY-MEMBERS" not in public
    assert "CANARY-DRAFT" not in public

    sign_in(page, "delegate.eg", "a-test-password-1")
    archive = _download_package(page, tmp_path, "delegate.zip")
    page.screenshot(path=screenshot_path("ready"), full_page=True)
    members = _documents_csv(archive)
    assert "CANARY-PUBLIC" in members
    assert "CANARY-MEMBERS" in members
    assert "CANARY-DRAFT" not in members
    assert "CANARY-RESTRICTED" not in members
