"""The workflows of several steps: a contribution with its first file, and the secretariat's
own documents registered in one go (the bulk import and the compiled inputs use the latter)."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from reversion.models import Version

from cwg.exceptions import DomainError, NotAllowed
from cwg.files.exceptions import UploadRefused
from documents.models import Document, DocumentFile
from documents.services import (
    create_contribution,
    register_secretariat_document,
    update_document,
)
from tests.documents.factories import docx_upload
from tests.meetings.factories import AgendaItemFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def test_a_contribution_is_created_with_its_first_file(meeting, people):
    document = create_contribution(
        meeting=meeting, by=people["delegate"], title="Egypt", file=docx_upload(), language="ar"
    )
    assert document.status == Document.Status.DRAFT
    assert [f.language for f in document.files.all()] == ["ar"]


def test_a_contribution_can_be_submitted_in_the_same_step(meeting, people):
    document = create_contribution(
        meeting=meeting,
        by=people["delegate"],
        title="Egypt",
        file=docx_upload(),
        language="en",
        submit=True,
    )
    assert document.status == Document.Status.SUBMITTED


def test_a_refused_file_leaves_no_draft_behind(meeting, people):
    with pytest.raises(UploadRefused):
        create_contribution(
            meeting=meeting,
            by=people["delegate"],
            title="Not a document",
            file=SimpleUploadedFile("x.docx", b"plain bytes, not a Word file"),
            language="en",
        )
    assert not Document.objects.exists()


def test_submitting_without_a_file_is_refused_and_leaves_nothing(meeting, people):
    with pytest.raises(DomainError):
        create_contribution(meeting=meeting, by=people["delegate"], title="Empty", submit=True)
    assert not Document.objects.exists()


def test_a_file_needs_its_language(meeting, people):
    with pytest.raises(DomainError):
        create_contribution(meeting=meeting, by=people["delegate"], title="?", file=docx_upload())
    assert not Document.objects.exists()


@pytest.mark.parametrize("role", ["public"])
def test_people_without_a_delegation_create_no_contribution(role, meeting, people):
    with pytest.raises(NotAllowed):
        create_contribution(
            meeting=meeting, by=people[role], title="x", file=docx_upload(), language="en"
        )
    assert not Document.objects.exists()


def test_the_secretariat_registers_its_own_document_in_one_step(meeting, people):
    document = register_secretariat_document(
        meeting=meeting,
        by=people["secretariat"],
        title="List of participants",
        file=docx_upload(),
        language="en",
    )
    assert document.status == Document.Status.REGISTERED
    assert document.symbol == "CWG-WSIS&SDG-44/INF/1"


def test_the_secretariat_may_publish_it_at_once(meeting, people):
    document = register_secretariat_document(
        meeting=meeting,
        by=people["secretariat"],
        title="Report",
        kind=Document.Kind.CONTRIBUTION,
        file=docx_upload(),
        language="en",
        publish=True,
    )
    assert (document.status, document.symbol) == (Document.Status.PUBLISHED, "CWG-WSIS&SDG-44/1")


def test_after_the_deadline_registering_it_is_the_approval(working_group, people):
    soon = timezone.localdate() + dt.timedelta(days=3)
    meeting = MeetingFactory(working_group=working_group, number=44, start_date=soon, end_date=soon)
    document = register_secretariat_document(
        meeting=meeting, by=people["secretariat"], title="Late", file=docx_upload(), language="en"
    )
    assert not document.is_late  # the secretariat's own documents are never late
    assert document.status == Document.Status.REGISTERED


@pytest.mark.parametrize("role", ["delegate", "chair"])
def test_only_the_secretariat_registers_its_own_documents(role, meeting, people):
    with pytest.raises(NotAllowed):
        register_secretariat_document(
            meeting=meeting, by=people[role], title="x", file=docx_upload(), language="en"
        )
    assert not Document.objects.exists()
    assert not DocumentFile.objects.exists()


def test_updating_one_detail_keeps_the_others(meeting, people):
    item = AgendaItemFactory(meeting=meeting)
    document = create_contribution(
        meeting=meeting,
        by=people["delegate"],
        title="First title",
        access=Document.Access.MEMBERS,
        agenda_items=[item],
    )
    update_document(document=document, by=people["delegate"], title="Second title")
    document.refresh_from_db()
    assert document.title == "Second title"
    assert document.access == Document.Access.MEMBERS
    assert list(document.agenda_items.all()) == [item]
    assert [state.iso_code for state in document.source_states.all()] == ["EG"]


def test_updating_nothing_records_no_version(draft, people):
    versions = Version.objects.get_for_object(draft).count()
    update_document(document=draft, by=people["delegate"])
    assert Version.objects.get_for_object(draft).count() == versions
