"""The secretariat creates and edits actions from pages, through the services."""

import datetime as dt

import pytest
import reversion.models
from django.contrib.auth.models import Group

from cwg.exceptions import InvalidTransition, NotAllowed
from cwg.models import Officer
from cwg.permissions import SECRETARIAT
from followup.models import Action
from followup.services import edit_action
from tests.followup.factories import ActionFactory
from tests.meetings.factories import AgendaItemFactory, MeetingFactory
from tests.roles import is_refused

pytestmark = pytest.mark.django_db
NEW = "/meetings/actions/new/"


@pytest.fixture
def meeting(working_group):
    return MeetingFactory(working_group=working_group, number=44)


@pytest.fixture
def item(meeting):
    return AgendaItemFactory(meeting=meeting, number="3", title="WSIS+20 review")


def _form(meeting, item, owner: str, **changes) -> dict:
    return {
        "title": "Prepare the gap analysis",
        "description": "For Council 2026.",
        "meeting": meeting.pk,
        "agenda_item": item.pk,
        "owner": owner,
        "due_date": "2026-03-01",
        **changes,
    }


def test_secretariat_creates_an_action_from_the_page(meeting, item, as_role):
    group = Group.objects.get(name=SECRETARIAT)
    client = as_role("secretariat")
    assert client.get(NEW).status_code == 200
    response = client.post(NEW, _form(meeting, item, f"group:{group.pk}"))
    assert response.status_code == 302
    action = Action.objects.get()
    assert (action.owner_group, action.agenda_item, action.due_date) == (
        group,
        item,
        dt.date(2026, 3, 1),
    )
    assert response.url == f"/meetings/actions/{action.pk}/"


def test_an_officer_without_a_sign_in_is_an_owner_from_the_page(meeting, item, as_role):
    chair = Officer.objects.get(role=Officer.Role.CHAIR, term_end=None)
    officer = Officer.objects.create(
        working_group=chair.working_group,
        name="Janet Umutesi",
        role=Officer.Role.VICE_CHAIR,
        member_state=chair.member_state,
        term_start=chair.term_start,
    )
    response = as_role("secretariat").post(NEW, _form(meeting, item, f"officer:{officer.pk}"))
    assert response.status_code == 302
    assert Action.objects.get().owner_officer == officer


def test_owners_are_people_or_the_secretariat_each_once(meeting, item, people, as_role):
    chair_officer = Officer.objects.get(user=people["chair"])
    people["chair"].first_name, people["chair"].last_name = "Cynthia", "Lesufi"
    people["chair"].save()
    form = as_role("secretariat").get(NEW).context["form"]
    owners = dict(
        option for _group, options in form.fields["owner"].choices[1:] for option in options
    )
    assert f"officer:{chair_officer.pk}" not in owners  # the chair signs in: offered as a person
    chair_labels = [label for label in owners.values() if "Cynthia Lesufi" in label]
    assert chair_labels == [f"Cynthia Lesufi, Chair ({chair_officer.member_state})"]
    assert list(owners.values()).count("The secretariat") == 1
    assert not [key for key in owners if key.startswith("group:")][1:]


def test_agenda_items_are_grouped_under_their_meeting_number(meeting, item, as_role):
    other = MeetingFactory(working_group=meeting.working_group, number=43)
    AgendaItemFactory(meeting=other, number="1", title="Opening of the meeting")
    AgendaItemFactory(meeting=meeting, number="1", title="Opening of the meeting")
    form = as_role("secretariat").get(NEW).context["form"]
    groups = [label for label, _options in form.fields["agenda_item"].choices[1:]]
    assert [label.split(" (")[0] for label in groups] == ["Meeting 44", "Meeting 43"]


def test_an_agenda_item_of_another_meeting_is_refused_keeping_the_input(meeting, people, as_role):
    other = AgendaItemFactory(meeting=MeetingFactory(working_group=meeting.working_group))
    response = as_role("secretariat").post(
        NEW, _form(meeting, other, f"user:{people['chair'].pk}", title="Typed title kept")
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "The agenda item belongs to another meeting." in body
    assert "Typed title kept" in body
    assert not Action.objects.exists()


def test_missing_fields_are_a_400_not_a_500(meeting, item, as_role):
    response = as_role("secretariat").post(NEW, {"title": "Only a title", "owner": "user:999"})
    assert response.status_code == 400
    assert "Only a title" in response.content.decode()


@pytest.mark.parametrize("role", ["public", "delegate", "chair", "vice_chair"])
def test_only_the_secretariat_creates(meeting, item, people, as_role, role):
    client = as_role(role)
    assert is_refused(client.get(NEW), role)
    response = client.post(NEW, _form(meeting, item, f"user:{people['chair'].pk}"))
    assert response.status_code == 403
    assert not Action.objects.exists()


def test_secretariat_edits_with_a_revision_naming_the_changes(meeting, item, people, as_role):
    action = ActionFactory(meeting=meeting, owner_user=people["delegate"], title="Old title")
    url = f"/meetings/actions/{action.pk}/edit/"
    client = as_role("secretariat")
    assert "Old title" in client.get(url).content.decode()
    response = client.post(url, _form(meeting, item, f"user:{people['chair'].pk}"))
    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.title, action.owner_user) == ("Prepare the gap analysis", people["chair"])
    version = reversion.models.Version.objects.get_for_object(action).first()
    assert version.revision.comment.startswith("Edited: ")
    assert "owner" in version.revision.comment
    assert version.revision.user == people["secretariat"]


@pytest.mark.parametrize(
    ("role", "status"),
    [("delegate", 403), ("chair", 403), ("other_delegate", 404), ("public", 404)],
)
def test_others_may_not_edit(meeting, item, people, as_role, role, status):
    action = ActionFactory(meeting=meeting, owner_user=people["delegate"], title="Unchanged")
    client = as_role(role)
    url = f"/meetings/actions/{action.pk}/edit/"
    assert client.get(url).status_code == status
    assert client.post(url, _form(meeting, item, f"user:{people['chair'].pk}")).status_code == (
        status
    )
    action.refresh_from_db()
    assert action.title == "Unchanged"


@pytest.mark.parametrize("role", ["chair", "delegate"])
def test_edit_service_refuses_others(meeting, people, role):
    action = ActionFactory(meeting=meeting, owner_user=people["delegate"])
    with pytest.raises(NotAllowed):
        edit_action(
            action=action,
            by=people[role],
            meeting=meeting,
            title="x",
            due_date=action.due_date,
            owner_user=people["delegate"],
        )


def test_edit_service_refuses_a_foreign_agenda_item(meeting, people):
    action = ActionFactory(meeting=meeting, owner_user=people["delegate"])
    with pytest.raises(InvalidTransition):
        edit_action(
            action=action,
            by=people["secretariat"],
            meeting=meeting,
            agenda_item=AgendaItemFactory(),
            title="x",
            due_date=action.due_date,
            owner_user=people["delegate"],
        )


def test_saving_without_a_change_records_nothing(meeting, people):
    action = ActionFactory(meeting=meeting, owner_user=people["delegate"], title="Same")
    edit_action(
        action=action,
        by=people["secretariat"],
        meeting=meeting,
        title="Same",
        due_date=action.due_date,
        owner_user=people["delegate"],
    )
    assert not reversion.models.Version.objects.get_for_object(action).exists()


def test_the_dashboard_offers_new_action_to_the_secretariat_only(meeting, as_role):
    assert NEW in as_role("secretariat").get("/meetings/actions/").content.decode()
    assert NEW not in as_role("chair").get("/meetings/actions/").content.decode()


def test_the_edit_page_keeps_the_due_date_in_french(meeting, item, people, as_role):
    action = ActionFactory(meeting=meeting, owner_user=people["delegate"])
    body = (
        as_role("secretariat")
        .get(f"/meetings/actions/{action.pk}/edit/", HTTP_ACCEPT_LANGUAGE="fr")
        .content.decode()
    )
    assert 'value="2026-03-01"' in body
