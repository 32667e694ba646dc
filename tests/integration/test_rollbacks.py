"""The database rolls back mid-transition: no half-written state is left.

Each failure is a real exception raised inside the transaction by a step AFTER the one under
test (a signal receiver, or a later step of the service), never by the step under test.
"""

import datetime as dt
import os
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError, transaction
from django.db.models.signals import post_save
from django.utils import timezone
from reversion.models import Version

from consultations.models import Answer, ConsultationCall, Submission
from documents.models import Document, DocumentFile, SymbolCounter
from documents.services import (
    add_file,
    create_document,
    create_summary,
    publish_summary,
    register_document,
    remove_orphan_files,
    submit_document,
    update_summary,
)
from tests.consultations.factories import CallFactory, QuestionFactory
from tests.documents.factories import docx_bytes, docx_upload
from tests.integration.faults import public_input
from tests.integration.test_documents_worker import on_time_meeting

__all__ = ["on_time_meeting"]  # a fixture shared with the worker tests
pytestmark = pytest.mark.django_db(transaction=True)


class ConnectionLost(DatabaseError):
    pass


@contextmanager
def failing_after_save_of(model):
    """Inside it, saving a `model` row raises, inside the service's transaction."""

    def receiver(sender, instance, **kwargs):
        raise ConnectionLost("the database went away mid-transition")

    post_save.connect(receiver, sender=model, weak=False)
    try:
        yield
    finally:
        post_save.disconnect(receiver, sender=model)


def fail_at(monkeypatch, target: str) -> None:
    """Make a later step of a service raise, as a connection lost at that moment would."""

    def later_step_fails(**kwargs):
        raise ConnectionLost(f"the database went away at {target}")

    monkeypatch.setattr(target, later_step_fails)


def files_on_disk(settings) -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return sorted(path for path in root.rglob("*") if path.is_file()) if root.exists() else []


def submitted(meeting, people, text: str) -> Document:
    document = create_document(meeting=meeting, title=text, by=people["delegate"])
    add_file(document=document, upload=docx_upload(text), language="en", by=people["delegate"])
    return submit_document(document=document, by=people["delegate"])


def test_a_registration_rolled_back_after_numbering_gives_the_number_back(
    on_time_meeting, people, monkeypatch
):
    document = submitted(on_time_meeting, people, "Rolled back")
    versions = Version.objects.count()

    # revoke_draft_rights runs after allocate_number, inside register_document's transaction.
    fail_at(monkeypatch, "documents.permissions.revoke_draft_rights")
    with pytest.raises(ConnectionLost):
        register_document(document=document, by=people["secretariat"])
    monkeypatch.undo()

    document.refresh_from_db()
    assert (document.status, document.number) == (Document.Status.SUBMITTED, None)
    assert not SymbolCounter.objects.filter(meeting=on_time_meeting, last_number__gt=0).exists()
    assert Version.objects.count() == versions
    # The next registration gets number 1: nothing was skipped.
    assert register_document(document=document, by=people["secretariat"]).number == 1


def test_an_input_rolled_back_after_numbering_gives_the_reference_back(people, mailoutbox):
    call = CallFactory(working_group=people.working_group, code="ROLL")
    QuestionFactory(call=call)

    def submit():
        return public_input(call, people)

    with failing_after_save_of(Submission), pytest.raises(ConnectionLost):
        submit()  # the Submission row is saved after the call's counter moved on

    assert ConsultationCall.objects.get(pk=call.pk).last_number == 0
    assert not Submission.objects.exists()
    assert not Answer.objects.exists()
    assert not Version.objects.get_for_model(Submission).exists()
    assert not mailoutbox  # no receipt for an input that does not exist
    assert submit().reference == "ROLL-0001"


def test_a_file_whose_row_fails_is_removed_from_disk(on_time_meeting, people, settings):
    document = create_document(meeting=on_time_meeting, title="No row", by=people["delegate"])
    # The bytes are written before the row is saved; saving the row then fails.
    with failing_after_save_of(DocumentFile), pytest.raises(ConnectionLost):
        add_file(document=document, upload=docx_upload("x"), language="en", by=people["delegate"])
    assert not DocumentFile.objects.exists()
    assert files_on_disk(settings) == []


def test_a_summary_rolled_back_after_numbering_leaves_no_number_and_no_file(
    on_time_meeting, people, monkeypatch, settings
):
    summary = create_summary(
        meeting=on_time_meeting, title="Summary", language="en", by=people["secretariat"]
    )
    blocks = [{"kind": "paragraph", "text": "Agreed."}]
    update_summary(document=summary, title="Summary", blocks=blocks, by=people["secretariat"])

    # The DOCX is rendered after the number is allocated, in publish_summary's transaction.
    fail_at(monkeypatch, "documents.services.summary.render_summary_docx")
    with pytest.raises(ConnectionLost):
        publish_summary(document=summary, by=people["chair"])
    monkeypatch.undo()

    summary.refresh_from_db()
    assert (summary.status, summary.number) == (Document.Status.DRAFT, None)
    assert not SymbolCounter.objects.filter(last_number__gt=0).exists()
    assert files_on_disk(settings) == []
    assert publish_summary(document=summary, by=people["chair"]).number == 1


def test_files_left_by_a_larger_transaction_that_rolled_back_are_swept(
    on_time_meeting, people, settings
):
    """A caller's transaction (the bulk import, say) stores a file, then fails later."""
    kept = submitted(on_time_meeting, people, "Kept")

    @transaction.atomic
    def import_that_fails():
        document = create_document(meeting=on_time_meeting, title="Lost", by=people["delegate"])
        upload = docx_upload("lost")
        add_file(document=document, upload=upload, language="en", by=people["delegate"])
        raise ConnectionLost("the import failed on its next step")

    with pytest.raises(ConnectionLost):
        import_that_fails()
    kept_file = DocumentFile.objects.get(document=kept)
    assert len(files_on_disk(settings)) == 2  # the lost upload's bytes are still there

    assert remove_orphan_files() == []  # too young: its transaction might still be open
    removed = remove_orphan_files(older_than=dt.timedelta(0))

    assert len(removed) == 1
    assert files_on_disk(settings) == [Path(kept_file.file.path)]
    assert not Document.objects.filter(title="Lost").exists()


def test_an_old_orphan_uploaded_again_is_young_again(on_time_meeting, people, settings):
    """The same bytes as an orphan: the upload refreshes the file's time, so the sweep cannot
    delete it in the moment before the new row commits."""
    content = docx_bytes("again")

    @transaction.atomic
    def upload_then_fail(title: str):
        document = create_document(meeting=on_time_meeting, title=title, by=people["delegate"])
        upload = SimpleUploadedFile("again.docx", content)
        add_file(document=document, upload=upload, language="en", by=people["delegate"])
        raise ConnectionLost("a later step failed")

    with pytest.raises(ConnectionLost):
        upload_then_fail("First")
    [orphan] = files_on_disk(settings)
    two_hours_ago = (timezone.now() - dt.timedelta(hours=2)).timestamp()
    os.utime(orphan, (two_hours_ago, two_hours_ago))

    with pytest.raises(ConnectionLost):
        upload_then_fail("Second")

    assert remove_orphan_files() == []  # young again: its upload might still be committing
    assert remove_orphan_files(older_than=dt.timedelta(0)) == [
        str(orphan.relative_to(settings.MEDIA_ROOT))
    ]
