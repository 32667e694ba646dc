"""Every transition of a document, allowed and refused, by role."""

import datetime as dt

import pytest
from django.utils import timezone
from reversion.models import Version

from cwg.exceptions import InvalidTransition, NotAllowed
from documents.models import Document
from documents.services import (
    add_file,
    approve_late_contribution,
    create_document,
    publish_document,
    publish_revision,
    register_document,
    start_revision,
    submit_document,
    update_document,
    withdraw_document,
)
from tests.documents.factories import docx_upload

pytestmark = pytest.mark.django_db
NOT_SECRETARIAT = ["delegate", "other_delegate", "sector_member", "vice_chair", "chair"]


def test_a_delegate_creates_a_draft_owned_by_their_delegation(meeting, people):
    document = create_document(meeting=meeting, title="Egypt's draft", by=people["delegate"])
    assert document.status == Document.Status.DRAFT
    assert document.owner_state.iso_code == "EG"
    assert [s.iso_code for s in document.source_states.all()] == ["EG"]
    assert people["delegate"].has_perm("documents.change_document", document)
    assert not people["other_delegate"].has_perm("documents.change_document", document)


@pytest.mark.parametrize(("role", "office"), [("vice_chair", "Vice-Chair"), ("chair", "Chair")])
def test_officers_file_as_their_office(role, office, meeting, people):
    document = create_document(meeting=meeting, title="x", by=people[role])
    assert (document.source, document.owner_state) == (office, None)
    assert people[role].has_perm("documents.change_document", document)


def test_only_the_secretariat_adds_information_documents(meeting, people):
    with pytest.raises(NotAllowed):
        create_document(meeting=meeting, title="x", kind="information", by=people["delegate"])
    document = create_document(
        meeting=meeting, title="Info", kind="information", by=people["secretariat"]
    )
    assert document.kind == "information"


def test_the_owner_submits_a_draft(draft, people):
    document = submit_document(document=draft, by=people["delegate"])
    assert document.status == Document.Status.SUBMITTED
    assert document.is_late is False


@pytest.mark.parametrize("role", ["other_delegate", "sector_member", "chair"])
def test_others_cannot_submit_someone_elses_draft(role, draft, people):
    with pytest.raises(NotAllowed):
        submit_document(document=draft, by=people[role])


def test_a_draft_without_a_file_cannot_be_submitted(meeting, people):
    document = create_document(meeting=meeting, title="Empty", by=people["delegate"])
    with pytest.raises(InvalidTransition, match="Add the document's file"):
        submit_document(document=document, by=people["delegate"])


def test_submitting_twice_is_refused(submitted, people):
    with pytest.raises(NotAllowed):
        submit_document(document=submitted, by=people["other_delegate"])
    with pytest.raises(InvalidTransition):
        submit_document(document=submitted, by=people["delegate"])


def test_the_owner_edits_until_registration_only(submitted, people):
    update_document(
        document=submitted,
        by=people["delegate"],
        title="Better title",
        access="members",
        agenda_items=[],
        source_states=list(submitted.source_states.all()),
        source_organizations=[],
    )
    registered = register_document(document=submitted, by=people["secretariat"])
    assert not people["delegate"].has_perm("documents.change_document", registered)
    with pytest.raises(NotAllowed):
        update_document(
            document=registered,
            by=people["delegate"],
            title="Too late",
            access="public",
            agenda_items=[],
            source_states=[],
            source_organizations=[],
        )


def test_another_delegation_cannot_edit_a_draft(draft, people):
    with pytest.raises(NotAllowed):
        update_document(
            document=draft,
            by=people["other_delegate"],
            title="Hijack",
            access="public",
            agenda_items=[],
            source_states=[],
            source_organizations=[],
        )


def test_the_secretariat_registers_with_the_next_symbol(submitted, people, meeting, draft):
    document = register_document(document=submitted, by=people["secretariat"])
    assert document.status == Document.Status.REGISTERED
    assert document.symbol == "CWG-WSIS&SDG-44/1"


@pytest.mark.parametrize("role", NOT_SECRETARIAT)
def test_only_the_secretariat_registers(role, submitted, people):
    with pytest.raises(NotAllowed):
        register_document(document=submitted, by=people[role])


def test_a_draft_cannot_be_registered(draft, people):
    with pytest.raises(InvalidTransition):
        register_document(document=draft, by=people["secretariat"])


def test_information_documents_have_their_own_series(meeting, people, registered):
    info = create_document(
        meeting=meeting, title="Info", kind="information", by=people["secretariat"]
    )
    from documents.services import add_file
    from tests.documents.factories import docx_upload

    add_file(document=info, upload=docx_upload("info"), language="en", by=people["secretariat"])
    submit_document(document=info, by=people["secretariat"])
    info = register_document(document=info, by=people["secretariat"])
    assert info.symbol == "CWG-WSIS&SDG-44/INF/1"
    assert registered.symbol == "CWG-WSIS&SDG-44/1"


def test_the_secretariat_publishes_a_registered_document(registered, people):
    document = publish_document(document=registered, by=people["secretariat"])
    assert document.status == Document.Status.PUBLISHED
    assert document.published_at is not None


@pytest.mark.parametrize("role", NOT_SECRETARIAT)
def test_only_the_secretariat_publishes(role, registered, people):
    with pytest.raises(NotAllowed):
        publish_document(document=registered, by=people[role])


def test_a_submitted_document_cannot_be_published(submitted, people):
    with pytest.raises(InvalidTransition):
        publish_document(document=submitted, by=people["secretariat"])


@pytest.mark.parametrize("state", ["submitted", "registered"])
def test_the_secretariat_withdraws_from_any_state_with_a_reason(state, request, people):
    document = request.getfixturevalue(state)
    document = withdraw_document(document=document, by=people["secretariat"], reason="Duplicate")
    assert document.status == Document.Status.WITHDRAWN
    comments = [v.revision.comment for v in Version.objects.get_for_object(document)]
    assert any("Withdrawn" in c and "Duplicate" in c for c in comments)


def test_the_owner_withdraws_a_draft_but_not_a_registered_document(draft, people):
    withdraw_document(document=draft, by=people["delegate"], reason="Sent by mistake")
    assert Document.objects.get(pk=draft.pk).status == Document.Status.WITHDRAWN


def test_the_owner_cannot_withdraw_after_registration(registered, people):
    with pytest.raises(NotAllowed):
        withdraw_document(document=registered, by=people["delegate"], reason="x")


def test_withdrawal_needs_a_reason_and_happens_once(submitted, people):
    with pytest.raises(InvalidTransition):
        withdraw_document(document=submitted, by=people["secretariat"], reason="  ")
    withdraw_document(document=submitted, by=people["secretariat"], reason="Duplicate")
    with pytest.raises(InvalidTransition):
        withdraw_document(document=submitted, by=people["secretariat"], reason="again")


def test_another_delegation_cannot_withdraw_a_draft(draft, people):
    with pytest.raises(NotAllowed):
        withdraw_document(document=draft, by=people["other_delegate"], reason="x")


def test_a_revision_changes_the_symbol_once_published(registered, people):
    document = start_revision(document=registered, by=people["secretariat"])
    assert document.symbol == "CWG-WSIS&SDG-44/1"  # Rev.1 is a draft revision
    add_file(
        document=document, upload=docx_upload("Rev.1"), language="en", by=people["secretariat"]
    )
    document = publish_revision(document=document, by=people["secretariat"])
    assert document.symbol == "CWG-WSIS&SDG-44/1(Rev.1)"
    with pytest.raises(NotAllowed):
        start_revision(document=document, by=people["delegate"])


def test_a_draft_cannot_be_revised(draft, people):
    with pytest.raises(InvalidTransition):
        start_revision(document=draft, by=people["secretariat"])


class TestDeadline:
    @pytest.fixture
    def at(self, monkeypatch):
        def freeze(moment):
            monkeypatch.setattr(timezone, "now", lambda: moment)

        return freeze

    def test_one_second_before_the_deadline_is_on_time(self, draft, people, at):
        at(draft.meeting.contribution_deadline - dt.timedelta(seconds=1))
        assert submit_document(document=draft, by=people["delegate"]).is_late is False

    def test_one_second_after_the_deadline_is_late(self, draft, people, at):
        at(draft.meeting.contribution_deadline + dt.timedelta(seconds=1))
        assert submit_document(document=draft, by=people["delegate"]).is_late is True

    def test_a_late_contribution_needs_approval_before_registration(self, draft, people, at):
        at(draft.meeting.contribution_deadline + dt.timedelta(seconds=1))
        late = submit_document(document=draft, by=people["delegate"])
        with pytest.raises(InvalidTransition, match="approve it"):
            register_document(document=late, by=people["secretariat"])
        with pytest.raises(NotAllowed):
            approve_late_contribution(document=late, by=people["chair"])
        approve_late_contribution(document=late, by=people["secretariat"])
        assert register_document(document=late, by=people["secretariat"]).number == 1

    def test_an_on_time_contribution_needs_no_approval(self, submitted, people):
        with pytest.raises(InvalidTransition):
            approve_late_contribution(document=submitted, by=people["secretariat"])


def test_the_secretariat_records_an_earlier_receipt(meeting, people):
    draft = create_document(meeting=meeting, title="Received by mail", by=people["secretariat"])
    add_file(document=draft, upload=docx_upload(), language="en", by=people["secretariat"])
    earlier = draft.meeting.contribution_deadline - dt.timedelta(days=3)
    document = submit_document(document=draft, by=people["secretariat"], received_at=earlier)
    assert (document.submitted_at, document.is_late) == (earlier, False)


def test_a_delegate_cannot_backdate_a_submission(draft, people):
    with pytest.raises(NotAllowed):
        submit_document(document=draft, by=people["delegate"], received_at=timezone.now())
