"""Counters and workflow states are not history (cwg.history): restoring a version brings back
what a person wrote, never a number, a state or a decision."""

import pytest
import reversion
from reversion.models import Version

from cwg.history import KEPT_ON_RESTORE
from documents.models import Document
from followup.models import Action
from tests.documents.factories import DocumentFactory
from tests.followup.factories import ActionFactory

pytestmark = pytest.mark.django_db


def saved_version(row):
    with reversion.create_revision():
        row.save()
    return Version.objects.get_for_object(row).first()


def test_restoring_a_draft_version_keeps_the_documents_symbol_and_state():
    document = DocumentFactory(title="Confidential draft position", status=Document.Status.DRAFT)
    draft = saved_version(document)
    document.title = "Position of Egypt"
    document.status = Document.Status.PUBLISHED
    document.number = 7
    saved_version(document)

    draft.revision.revert()

    document.refresh_from_db()
    assert document.title == "Confidential draft position"  # what a person wrote: restored
    assert (document.status, document.number) == (Document.Status.PUBLISHED, 7)


def test_restoring_an_open_actions_version_keeps_it_done():
    action = ActionFactory(title="Prepare the gap analysis", status=Action.Status.OPEN)
    opened = saved_version(action)
    action.status = Action.Status.DONE
    saved_version(action)

    opened.revision.revert()

    action.refresh_from_db()
    assert action.status == Action.Status.DONE


def test_a_normal_save_still_changes_the_kept_fields():
    action = ActionFactory(status=Action.Status.OPEN)
    action.status = Action.Status.CANCELLED
    action.save()
    action.refresh_from_db()
    assert action.status == Action.Status.CANCELLED


def test_every_kept_field_exists_on_its_model():
    for model, names in KEPT_ON_RESTORE.items():
        for name in names:
            assert model._meta.get_field(name)
    labels = {model._meta.label for model in KEPT_ON_RESTORE}
    assert {"consultations.ConsultationCall", "consultations.Submission"} <= labels
    assert {"consultations.ModerationDecision", "documents.Document", "followup.Action"} <= labels
