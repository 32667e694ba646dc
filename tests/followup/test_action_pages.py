import datetime as dt

import pytest
from django.utils import timezone

from followup.models import Action
from tests.cwg.factories import UserFactory
from tests.followup.factories import ActionFactory
from tests.meetings.factories import MeetingFactory
from tests.roles import is_refused

pytestmark = pytest.mark.django_db
DASHBOARD = "/meetings/actions/"


@pytest.fixture
def meetings(working_group):
    return (
        MeetingFactory(working_group=working_group, number=43),
        MeetingFactory(working_group=working_group, number=44),
    )


def _actions(meeting, count: int, **fields) -> list[Action]:
    today = timezone.localdate()
    return [
        ActionFactory(meeting=meeting, due_date=today + dt.timedelta(days=i - 2), **fields)
        for i in range(count)
    ]


@pytest.mark.parametrize(("role", "status"), [("secretariat", 200), ("chair", 200)])
def test_dashboard_is_for_secretariat_and_officers(meetings, as_role, role, status):
    assert as_role(role).get(DASHBOARD).status_code == status


@pytest.mark.parametrize("role", ["public", "delegate", "sector_member"])
def test_dashboard_is_refused_to_others(meetings, as_role, role):
    assert is_refused(as_role(role).get(DASHBOARD), role)


def test_dashboard_lists_open_actions_overdue_first(meetings, as_role):
    today = timezone.localdate()
    later = ActionFactory(meeting=meetings[1], title="Later", due_date=today + dt.timedelta(9))
    late = ActionFactory(meeting=meetings[0], title="Late", due_date=today - dt.timedelta(3))
    ActionFactory(meeting=meetings[0], title="Finished", status=Action.Status.DONE)
    response = as_role("secretariat").get(DASHBOARD)
    body = response.content.decode()
    assert "Finished" not in body
    assert [a.pk for a in response.context["overdue"]] == [late.pk]
    rows = [a.pk for group in response.context["groups"] for a in group.actions]
    assert rows.index(late.pk) < rows.index(later.pk)


def test_dashboard_filters(meetings, as_role, people):
    owner = UserFactory(username="owner.one")
    mine = _actions(meetings[1], 3, owner_user=owner)
    _actions(meetings[0], 2)
    client = as_role("secretariat")
    by_owner = client.get(DASHBOARD, {"owner": f"user:{owner.pk}"})
    assert by_owner.context["count"] == 3
    by_meeting = client.get(DASHBOARD, {"meeting": 43})
    assert by_meeting.context["count"] == 2
    overdue = client.get(DASHBOARD, {"overdue": "on"})
    assert overdue.context["count"] == 4  # two per meeting are due before today
    Action.objects.filter(pk=mine[0].pk).update(status=Action.Status.DONE)
    done = client.get(DASHBOARD, {"status": "done"})
    assert [a.pk for g in done.context["groups"] for a in g.actions] == [mine[0].pk]
    by_meeting_groups = client.get(DASHBOARD, {"group_by": "meeting"})
    assert len(by_meeting_groups.context["groups"]) == 2


def test_dashboard_refuses_a_bad_filter_without_crashing(meetings, as_role):
    response = as_role("secretariat").get(DASHBOARD, {"meeting": "abc", "status": "nope"})
    assert response.status_code == 400


def test_dashboard_queries_stay_constant_as_rows_grow(
    meetings, as_role, people, django_assert_max_num_queries
):
    _actions(meetings[0], 2)
    client = as_role("secretariat")
    client.get(DASHBOARD)
    with django_assert_max_num_queries(12) as few:
        client.get(DASHBOARD)
    from django.contrib.auth.models import Group

    from cwg.models import Officer

    _actions(meetings[1], 15)
    _actions(meetings[0], 5, owner_user=None, owner_group=Group.objects.first())
    _actions(meetings[1], 5, owner_user=None, owner_officer=Officer.objects.first())
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(DASHBOARD, {"group_by": "meeting"})
    assert response.context["count"] == 27


def test_my_actions_lists_what_the_user_owns(meetings, as_role, people):
    from django.contrib.auth.models import Group

    from cwg.models import Officer
    from cwg.permissions import SECRETARIAT

    ActionFactory(meeting=meetings[0], title="Mine", owner_user=people["chair"])
    ActionFactory(
        meeting=meetings[0],
        title="As officer",
        owner_user=None,
        owner_officer=Officer.objects.get(user=people["chair"]),
    )
    ActionFactory(
        meeting=meetings[0],
        title="Secretariat's",
        owner_user=None,
        owner_group=Group.objects.get(name=SECRETARIAT),
    )
    body = as_role("chair").get("/meetings/actions/mine/").content.decode()
    assert "Mine" in body
    assert "As officer" in body
    assert "Secretariat&#x27;s" not in body
    assert as_role("public").get("/meetings/actions/mine/").status_code == 302


def test_owner_marks_done_with_a_note_from_the_page(meetings, as_role, people):
    action = ActionFactory(meeting=meetings[0], owner_user=people["delegate"])
    client = as_role("delegate")
    assert client.get(f"/meetings/actions/{action.pk}/").status_code == 200
    response = client.post(
        f"/meetings/actions/{action.pk}/complete/", {"text": "Done.", "back_to": "dashboard"}
    )
    assert response.status_code == 302
    assert response.url == "/meetings/actions/mine/"
    action.refresh_from_db()
    assert action.status == Action.Status.DONE


def test_a_refused_transition_is_a_clear_409(meetings, as_role, people):
    action = ActionFactory(meeting=meetings[0], status=Action.Status.DONE)
    response = as_role("secretariat").post(
        f"/meetings/actions/{action.pk}/update/", {"text": "kept text"}
    )
    assert response.status_code == 409
    assert "kept text" in response.content.decode()


def test_empty_update_keeps_the_page_with_a_400(meetings, as_role, people):
    action = ActionFactory(meeting=meetings[0])
    response = as_role("secretariat").post(f"/meetings/actions/{action.pk}/update/", {})
    assert response.status_code == 400


@pytest.mark.parametrize(("role", "status"), [("other_delegate", 404), ("public", 404)])
def test_others_cannot_see_or_change_an_action(meetings, as_role, people, role, status):
    action = ActionFactory(meeting=meetings[0], owner_user=people["delegate"])
    client = as_role(role)
    assert client.get(f"/meetings/actions/{action.pk}/").status_code == status
    assert client.post(f"/meetings/actions/{action.pk}/start/").status_code == status


def test_officer_reads_but_may_not_change(meetings, as_role, people):
    action = ActionFactory(meeting=meetings[0], owner_user=people["delegate"])
    client = as_role("chair")
    assert client.get(f"/meetings/actions/{action.pk}/").status_code == 200
    assert client.post(f"/meetings/actions/{action.pk}/start/").status_code == 403


def test_my_actions_queries_stay_constant(meetings, as_role, people, django_assert_max_num_queries):
    ActionFactory(meeting=meetings[0], owner_user=people["chair"])
    client = as_role("chair")
    client.get("/meetings/actions/mine/")
    with django_assert_max_num_queries(8) as few:
        client.get("/meetings/actions/mine/")
    queries = len(few.captured_queries)
    _actions(meetings[1], 10, owner_user=people["chair"])
    with django_assert_max_num_queries(queries):
        response = client.get("/meetings/actions/mine/")
    assert len(response.context["actions"]) == 11


def test_action_page_queries_stay_constant_with_links_and_history(
    meetings, as_role, people, django_assert_max_num_queries
):
    from documents.models import Document
    from followup.services import add_action_update, link_document_to_action
    from tests.documents.factories import DocumentFactory

    action = ActionFactory(meeting=meetings[0], owner_user=people["chair"])
    url = f"/meetings/actions/{action.pk}/"
    client = as_role("secretariat")
    client.get(url)
    with django_assert_max_num_queries(20) as few:
        client.get(url)
    queries = len(few.captured_queries)
    for number in range(1, 6):
        document = DocumentFactory(
            meeting=meetings[0], number=number, status=Document.Status.PUBLISHED
        )
        link_document_to_action(action=action, document=document, by=people["secretariat"])
        add_action_update(action=action, text=f"step {number}", by=people["chair"])
    with django_assert_max_num_queries(queries):
        response = client.get(url)
    assert len(response.context["documents"]) == 5
