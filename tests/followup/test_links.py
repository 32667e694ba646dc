"""Links from actions and gap items to documents: only readers of a document ever see it."""

import pytest
import reversion.models
from django.contrib.auth.models import Group

from cwg.exceptions import InvalidTransition, NotAllowed, NotFound
from documents.models import Document
from followup.services import link_document_to_action, unlink_document_from_action
from tests.documents.factories import DocumentFactory
from tests.followup.factories import ActionFactory
from tests.meetings.factories import MeetingFactory

pytestmark = pytest.mark.django_db
Status, Access = Document.Status, Document.Access


@pytest.fixture
def meeting(working_group):
    return MeetingFactory(working_group=working_group, number=44)


@pytest.fixture
def action(meeting, people):
    return ActionFactory(meeting=meeting, owner_user=people["delegate"], title="Gap analysis")


def _document(meeting, number: int, *, title: str, status=Status.PUBLISHED, access=Access.PUBLIC):
    return DocumentFactory(
        meeting=meeting, number=number, title=title, status=status, access=access
    )


@pytest.fixture
def published(meeting):
    return _document(meeting, 7, title="Published answer")


@pytest.fixture
def registered(meeting):
    """Registered, not yet published: officers and the secretariat read it, delegates do not."""
    return _document(meeting, 8, title="SECRET-REGISTERED", status=Status.REGISTERED)


@pytest.mark.parametrize("role", ["secretariat", "chair", "vice_chair"])
def test_secretariat_and_officers_link_with_a_revision(action, published, people, role):
    link_document_to_action(action=action, document=published, by=people[role])
    assert list(action.documents.all()) == [published]
    version = reversion.models.Version.objects.get_for_object(action).first()
    assert version.revision.user == people[role]
    assert published.pk in version.field_dict["documents"]
    unlink_document_from_action(action=action, document=published, by=people[role])
    assert not action.documents.exists()


@pytest.mark.parametrize(
    ("role", "error"),
    [("delegate", NotAllowed), ("other_delegate", NotFound), ("public", NotFound)],
)
def test_others_may_not_link(action, published, people, role, error):
    with pytest.raises(error):
        link_document_to_action(action=action, document=published, by=people[role])
    assert not action.documents.exists()


def test_only_registered_or_published_documents_are_linked(action, meeting, people):
    draft = _document(meeting, 9, title="Draft", status=Status.DRAFT)
    with pytest.raises(InvalidTransition):
        link_document_to_action(action=action, document=draft, by=people["secretariat"])


def test_a_document_the_linker_may_not_open_is_not_found(action, meeting, people):
    secretariat_only = _document(meeting, 10, title="Internal", access=Access.RESTRICTED)
    secretariat_only.restricted_to.set([Group.objects.get(name="Secretariat")])
    with pytest.raises(NotFound):
        link_document_to_action(action=action, document=secretariat_only, by=people["chair"])


def test_linking_twice_is_refused(action, published, people):
    link_document_to_action(action=action, document=published, by=people["secretariat"])
    with pytest.raises(InvalidTransition):
        link_document_to_action(action=action, document=published, by=people["secretariat"])


def test_the_page_links_by_symbol_with_a_language_letter(action, published, as_role):
    client = as_role("secretariat")
    response = client.post(
        f"/meetings/actions/{action.pk}/documents/", {"symbol": f"{published.symbol}-E"}
    )
    assert response.status_code == 302
    assert list(action.documents.all()) == [published]
    page = client.get(f"/meetings/actions/{action.pk}/").content.decode()
    assert "Published answer" in page
    assert "Linked a document" in page  # the history


def test_an_unknown_symbol_keeps_the_typed_text_with_a_400(action, as_role):
    response = as_role("chair").post(
        f"/meetings/actions/{action.pk}/documents/", {"symbol": "CWG-NOPE-44/99"}
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "CWG-NOPE-44/99" in body
    assert "No registered or published document" in body


def test_a_symbol_the_linker_may_not_open_is_unknown(action, meeting, as_role):
    internal = _document(meeting, 11, title="Internal", access=Access.RESTRICTED)
    internal.restricted_to.set([Group.objects.get(name="Secretariat")])
    response = as_role("chair").post(
        f"/meetings/actions/{action.pk}/documents/", {"symbol": internal.symbol}
    )
    assert response.status_code == 400
    assert "No registered or published document" in response.content.decode()
    assert not action.documents.exists()


def test_the_owner_may_not_link_from_the_page(action, published, as_role):
    response = as_role("delegate").post(
        f"/meetings/actions/{action.pk}/documents/", {"symbol": published.symbol}
    )
    assert response.status_code == 403


def test_unlink_from_the_page(action, published, people, as_role):
    link_document_to_action(action=action, document=published, by=people["secretariat"])
    url = f"/meetings/actions/{action.pk}/documents/{published.pk}/remove/"
    assert as_role("delegate").post(url).status_code == 403
    assert as_role("vice_chair").post(url).status_code == 302
    assert not action.documents.exists()


def test_the_owner_never_sees_a_linked_document_it_may_not_open(
    action, published, registered, people, as_role
):
    """The leak test: title and symbol of the registered document stay with its readers."""
    for document in (published, registered):
        link_document_to_action(action=action, document=document, by=people["secretariat"])
    owner = as_role("delegate")
    page = owner.get(f"/meetings/actions/{action.pk}/").content.decode()
    api = owner.get("/api/v1/actions/").content.decode()
    detail = owner.get(f"/api/v1/actions/{action.pk}/").json()
    for body in (page, api):
        assert "Published answer" in body
        assert "SECRET-REGISTERED" not in body
        assert registered.symbol not in body
    assert [d["id"] for d in detail["documents"]] == [published.pk]
    officer = as_role("chair").get(f"/api/v1/actions/{action.pk}/").json()
    assert {d["symbol"] for d in officer["documents"]} == {published.symbol, registered.symbol}
    assert (
        "SECRET-REGISTERED"
        in as_role("chair").get(f"/meetings/actions/{action.pk}/").content.decode()
    )


def test_actions_api_with_documents_in_constant_queries(
    meeting, people, as_role, django_assert_max_num_queries
):
    client = as_role("chair")
    first = ActionFactory(meeting=meeting)
    link_document_to_action(
        action=first, document=_document(meeting, 1, title="one"), by=people["secretariat"]
    )
    with django_assert_max_num_queries(11) as few:
        client.get("/api/v1/actions/")
    for number in range(2, 8):
        other = ActionFactory(meeting=meeting)
        link_document_to_action(
            action=other, document=_document(meeting, number, title="x"), by=people["secretariat"]
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        rows = client.get("/api/v1/actions/").json()["results"]
    assert all(len(row["documents"]) == 1 for row in rows)
