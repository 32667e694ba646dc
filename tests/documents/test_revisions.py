"""Draft revisions and file replacement/removal (issue 13 items 4 and 5), allowed and refused."""

import pytest
from django.db import IntegrityError, transaction

from cwg.exceptions import InvalidTransition, NotAllowed
from documents import selectors
from documents.exceptions import FileWouldReplace
from documents.models import Document, DocumentFile
from documents.services import (
    add_file,
    add_staged_file,
    publish_document,
    publish_revision,
    remove_file,
    stage_file,
    start_revision,
)
from tests.documents.factories import docx_upload

pytestmark = pytest.mark.django_db
NOT_SECRETARIAT = ["delegate", "other_delegate", "sector_member", "vice_chair", "chair"]
EVERYONE_ELSE = ["public", "other_delegate", "sector_member", "vice_chair", "chair"]


@pytest.fixture
def published(registered, people):
    return publish_document(document=registered, by=people["secretariat"])


@pytest.fixture
def drafting(published, people):
    """Published Rev.0 with Rev.1 opened and given an English file."""
    start_revision(document=published, by=people["secretariat"])
    add_file(
        document=published,
        upload=docx_upload("Rev.1 text", name="rev1.docx"),
        language="en",
        by=people["secretariat"],
        replace=False,
    )
    return Document.objects.get(pk=published.pk)


def _seen_revisions(document, user) -> set[int]:
    files = DocumentFile.objects.filter(document=document)
    return {
        file.revision
        for file in files
        if selectors.file_for_download(user=user, pk=file.pk) is not None
    }


def test_the_secretariat_starts_a_draft_revision(published, people):
    start_revision(document=published, by=people["secretariat"])
    draft = selectors.draft_revision_of(published)
    assert draft.number == 1
    assert draft.is_draft
    assert Document.objects.get(pk=published.pk).symbol == "CWG-WSIS&SDG-44/1"


@pytest.mark.parametrize("role", NOT_SECRETARIAT)
def test_no_one_else_starts_a_revision(published, people, role):
    with pytest.raises(NotAllowed):
        start_revision(document=published, by=people[role])
    assert selectors.draft_revision_of(published) is None


def test_no_second_revision_while_one_is_a_draft(published, people):
    start_revision(document=published, by=people["secretariat"])
    with pytest.raises(InvalidTransition, match="Rev.1"):
        start_revision(document=published, by=people["secretariat"])


def test_a_draft_revision_is_seen_by_the_secretariat_and_the_owner_only(drafting, people):
    for role in ["secretariat", "delegate"]:
        assert _seen_revisions(drafting, people[role]) == {0, 1}, role
    for role in EVERYONE_ELSE:
        assert _seen_revisions(drafting, people[role]) == {0}, role


def test_publishing_a_revision_shows_it_to_everyone(drafting, people):
    document = publish_revision(document=drafting, by=people["secretariat"])
    assert document.symbol == "CWG-WSIS&SDG-44/1(Rev.1)"
    assert _seen_revisions(document, people["public"]) == {0, 1}
    assert [r.number for r in document.revisions.filter(published_at__isnull=False)] == [0, 1]
    start_revision(document=document, by=people["secretariat"])  # Rev.2 may start now
    assert selectors.draft_revision_of(document).number == 2


@pytest.mark.parametrize("role", NOT_SECRETARIAT)
def test_no_one_else_publishes_a_revision(drafting, people, role):
    with pytest.raises(NotAllowed):
        publish_revision(document=drafting, by=people[role])


def test_a_revision_without_a_file_is_not_published(published, people):
    start_revision(document=published, by=people["secretariat"])
    with pytest.raises(InvalidTransition, match="no file"):
        publish_revision(document=published, by=people["secretariat"])
    assert Document.objects.get(pk=published.pk).revision == 0


def test_there_is_nothing_to_publish_without_a_draft_revision(published, people):
    with pytest.raises(InvalidTransition):
        publish_revision(document=published, by=people["secretariat"])


def test_a_second_file_in_a_language_waits_for_confirmation(draft, people):
    with pytest.raises(FileWouldReplace, match="contribution.docx"):
        add_file(
            document=draft,
            upload=docx_upload("Corrected", name="corrected.docx"),
            language="en",
            by=people["delegate"],
        )
    assert draft.files.count() == 1


def test_a_confirmed_upload_replaces_the_current_file_and_keeps_it(draft, people):
    old = draft.files.get()
    new = add_file(
        document=draft,
        upload=docx_upload("Corrected", name="corrected.docx"),
        language="en",
        by=people["delegate"],
        replace=True,
    )
    old.refresh_from_db()
    assert old.state == DocumentFile.State.REPLACED
    assert old.retired_by == people["delegate"]
    assert new.state == DocumentFile.State.CURRENT
    assert selectors.file_for_download(user=people["delegate"], pk=old.pk) is None
    assert selectors.file_for_download(user=people["delegate"], pk=new.pk) is not None


def test_the_secretariat_still_downloads_a_replaced_file(registered, people):
    old = registered.files.get()
    add_file(
        document=registered,
        upload=docx_upload("Corrected", name="corrected.docx"),
        language="en",
        by=people["secretariat"],
        replace=True,
    )
    assert selectors.file_for_download(user=people["secretariat"], pk=old.pk) is not None


def test_never_two_current_files_for_one_language_and_revision(draft):
    old = draft.files.get()
    twin = DocumentFile(
        document=draft,
        language="en",
        revision=0,
        file=old.file.name,
        original_name="twin.docx",
        sha256="0" * 64,
        size=1,
        content_type=old.content_type,
        kind="docx",
        extension=".docx",
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        twin.save()


def test_a_staged_upload_is_added_once_confirmed(draft, people):
    token = stage_file(
        document=draft,
        upload=docx_upload("Staged", name="staged.docx"),
        language="en",
        by=people["delegate"],
    )
    assert draft.files.count() == 1  # nothing added before the confirmation
    new = add_staged_file(document=draft, token=token, by=people["delegate"])
    assert new.original_name == "staged.docx"
    assert new.state == DocumentFile.State.CURRENT
    assert draft.files.filter(state=DocumentFile.State.CURRENT).get() == new


def test_a_staged_upload_is_refused_to_someone_else(draft, people):
    token = stage_file(
        document=draft, upload=docx_upload("Staged"), language="en", by=people["delegate"]
    )
    with pytest.raises(NotAllowed):
        add_staged_file(document=draft, token=token, by=people["other_delegate"])
    with pytest.raises(InvalidTransition):
        add_staged_file(document=draft, token=token + "x", by=people["delegate"])


def test_the_secretariat_removes_a_wrong_file_with_a_reason(registered, people):
    stored = registered.files.get()
    with pytest.raises(InvalidTransition):
        remove_file(file=stored, by=people["secretariat"], reason=" ")
    removed = remove_file(file=stored, by=people["secretariat"], reason="Wrong meeting")
    assert removed.state == DocumentFile.State.REMOVED
    assert removed.removal_reason == "Wrong meeting"
    assert selectors.file_for_download(user=people["delegate"], pk=stored.pk) is None


@pytest.mark.parametrize("role", NOT_SECRETARIAT)
def test_no_one_else_removes_a_registered_documents_file(registered, people, role):
    with pytest.raises(NotAllowed):
        remove_file(file=registered.files.get(), by=people[role], reason="Wrong")


def test_a_published_revisions_file_is_not_removed(published, people):
    with pytest.raises(NotAllowed):
        remove_file(file=published.files.get(), by=people["secretariat"], reason="Wrong")


def test_a_draft_revisions_file_may_be_removed(drafting, people):
    stored = drafting.files.get(revision=1)
    remove_file(file=stored, by=people["secretariat"], reason="Wrong language")
    with pytest.raises(InvalidTransition, match="no file"):
        publish_revision(document=drafting, by=people["secretariat"])
