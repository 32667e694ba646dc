import datetime as dt

import pytest
from django.utils import timezone

from followup.models import Action
from tests.followup.factories import ActionFactory
from tests.meetings.factories import MeetingFactory

pytestmark = pytest.mark.django_db
URL = "/api/v1/actions/"


@pytest.fixture
def meeting(working_group):
    return MeetingFactory(working_group=working_group, number=44)


def _results(response) -> list[dict]:
    assert response.status_code == 200, response.content
    return response.json()["results"]


def test_anonymous_is_refused(client, meeting):
    assert client.get(URL).status_code in (401, 403)


def test_secretariat_and_officers_see_all_owners_their_own(meeting, people, as_role):
    ActionFactory(meeting=meeting, owner_user=people["delegate"], title="Egypt's")
    ActionFactory(meeting=meeting, owner_user=people["chair"], title="Chair's")
    assert len(_results(as_role("secretariat").get(URL))) == 2
    assert len(_results(as_role("vice_chair").get(URL))) == 2
    own = _results(as_role("delegate").get(URL))
    assert [row["title"] for row in own] == ["Egypt's"]
    assert _results(as_role("other_delegate").get(URL)) == []


def test_overdue_is_derived_in_the_api(meeting, people, as_role):
    today = timezone.localdate()
    ActionFactory(meeting=meeting, title="today", due_date=today)
    ActionFactory(meeting=meeting, title="late", due_date=today - dt.timedelta(days=1))
    rows = {r["title"]: r["is_overdue"] for r in _results(as_role("secretariat").get(URL))}
    assert rows == {"today": False, "late": True}


def test_list_queries_stay_constant(meeting, people, as_role, django_assert_max_num_queries):
    """Ten queries at most (two of them the tags), whatever the number of actions."""
    client = as_role("secretariat")
    ActionFactory(meeting=meeting)
    client.get(URL)
    with django_assert_max_num_queries(10) as few:
        client.get(URL)
    for action in ActionFactory.create_batch(10, meeting=meeting):
        action.updates.create(author=people["secretariat"], text="progress")
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(_results(client.get(URL))) == 11


def test_owner_completes_through_the_api(meeting, people, as_role):
    action = ActionFactory(meeting=meeting, owner_user=people["delegate"])
    response = as_role("delegate").post(
        f"{URL}{action.pk}/complete/", {"text": "Done."}, content_type="application/json"
    )
    assert response.status_code == 200
    assert response.json()["status"] == "done"
    assert [u["text"] for u in response.json()["updates"]] == ["Done."]


def test_refusals_are_clear_4xx(meeting, people, as_role):
    action = ActionFactory(meeting=meeting, owner_user=people["delegate"])
    officer = as_role("chair")
    assert officer.post(f"{URL}{action.pk}/start/").status_code == 403
    assert as_role("other_delegate").post(f"{URL}{action.pk}/start/").status_code == 404
    Action.objects.filter(pk=action.pk).update(status=Action.Status.DONE)
    response = as_role("secretariat").post(f"{URL}{action.pk}/start/")
    assert response.status_code == 409
    assert response.json()["code"] == "invalid_transition"


def test_the_schema_lists_the_actions_endpoints(client):
    response = client.get("/api/schema/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "/api/v1/actions/" in body
    assert "/api/v1/actions/{id}/complete/" in body
