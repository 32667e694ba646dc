"""Tags with WSIS action lines and SDGs: the secretariat tags; lists and the API filter on them."""

import pytest
import reversion.models

from consultations.models import Question
from cwg.exceptions import NotAllowed
from cwg.models import ActionLine, SustainableDevelopmentGoal
from followup.models import Action, GapItem
from followup.services import edit_action
from followup.services.tags import set_tags
from tests.documents.factories import DocumentFactory
from tests.followup.factories import ActionFactory
from tests.meetings.factories import MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(working_group):
    return MeetingFactory(working_group=working_group, number=44)


def _line(code: str) -> ActionLine:
    return ActionLine.objects.get(code=code)


def _goal(number: int) -> SustainableDevelopmentGoal:
    return SustainableDevelopmentGoal.objects.get(number=number)


def test_the_secretariat_tags_a_document_with_a_version(meeting, people):
    document = DocumentFactory(meeting=meeting, number=3)
    assert set_tags(
        target=document, action_lines=[_line("C3")], sdgs=[_goal(4)], by=people["secretariat"]
    )
    assert list(document.action_lines.values_list("code", flat=True)) == ["C3"]
    version = reversion.models.Version.objects.get_for_object(document).first()
    assert version.revision.user == people["secretariat"]
    assert version.field_dict["action_lines"] == [_line("C3").pk]
    again = set_tags(target=document, action_lines=[_line("C3")], by=people["secretariat"])
    assert again is False
    assert reversion.models.Version.objects.get_for_object(document).count() == 1


@pytest.mark.parametrize("role", ["chair", "vice_chair", "delegate", "public"])
def test_others_may_not_tag(meeting, people, role):
    action = ActionFactory(meeting=meeting, owner_user=people["delegate"])
    with pytest.raises(NotAllowed):
        set_tags(target=action, action_lines=[_line("C1")], by=people[role])
    assert not action.action_lines.exists()


def test_questions_and_gap_items_carry_tags(meeting, people, analysis):
    from tests.consultations.factories import QuestionFactory

    question = QuestionFactory()
    item = GapItem.objects.create(
        analysis=analysis, source=analysis_source(), paragraph="para. 1", requirement="x"
    )
    for target in (question, item):
        set_tags(target=target, sdgs=[_goal(16)], by=people["secretariat"])
    assert list(Question.objects.filter(sdgs__number=16)) == [question]
    assert list(GapItem.objects.filter(sdgs__number=16)) == [item]


def analysis_source():
    from cwg.models import Resolution

    return Resolution.objects.get(number="A/RES/80/173")


def test_the_action_form_tags_and_the_history_says_so(meeting, people, as_role):
    action = ActionFactory(meeting=meeting, owner_user=people["delegate"], title="Tag me")
    response = as_role("secretariat").post(
        f"/meetings/actions/{action.pk}/edit/",
        {
            "title": "Tag me",
            "meeting": meeting.pk,
            "owner": f"user:{people['delegate'].pk}",
            "due_date": action.due_date.isoformat(),
            "action_lines": [_line("C5").pk, _line("C11").pk],
            "sdgs": [_goal(16).pk],
        },
    )
    assert response.status_code == 302
    assert sorted(action.action_lines.values_list("code", flat=True)) == ["C11", "C5"]
    version = reversion.models.Version.objects.get_for_object(action).first()
    assert version.revision.comment == "Edited: tags"


def test_editing_without_tags_keeps_them(meeting, people):
    action = ActionFactory(meeting=meeting, owner_user=people["delegate"], title="Kept")
    action.action_lines.set([_line("C2")])
    edit_action(
        action=action,
        by=people["secretariat"],
        meeting=meeting,
        title="Renamed",
        due_date=action.due_date,
        owner_user=people["delegate"],
    )
    assert list(action.action_lines.values_list("code", flat=True)) == ["C2"]


@pytest.fixture
def tagged_actions(meeting, people):
    mine = ActionFactory(meeting=meeting, owner_user=people["delegate"], title="Egypt C3")
    chairs = ActionFactory(meeting=meeting, owner_user=people["chair"], title="Chair C3")
    untagged = ActionFactory(meeting=meeting, owner_user=people["delegate"], title="Untagged")
    for action in (mine, chairs):
        action.action_lines.set([_line("C3")])
        action.sdgs.set([_goal(4)])
    return mine, chairs, untagged


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("secretariat", ["Chair C3", "Egypt C3"]),
        ("vice_chair", ["Chair C3", "Egypt C3"]),
        ("delegate", ["Egypt C3"]),
        ("other_delegate", []),
    ],
)
def test_the_api_filters_by_tag_within_what_each_role_sees(tagged_actions, as_role, role, expected):
    client = as_role(role)
    for query in ("action_line=C3", "action_line=c3", "sdg=4", "action_line=C3&sdg=4"):
        rows = client.get(f"/api/v1/actions/?{query}").json()["results"]
        assert sorted(row["title"] for row in rows) == expected, query
    assert client.get("/api/v1/actions/?action_line=C9").json()["results"] == []
    for row in client.get("/api/v1/actions/?sdg=4").json()["results"]:
        assert (row["action_lines"], row["sdgs"]) == (["C3"], [4])


def test_the_dashboard_filters_by_action_line_and_sdg(tagged_actions, as_role):
    client = as_role("secretariat")
    for query in ("action_line=C3", "sdg=4"):
        response = client.get(f"/meetings/actions/?{query}")
        assert response.status_code == 200
        titles = {a.title for g in response.context["groups"] for a in g.actions}
        assert titles == {"Chair C3", "Egypt C3"}, query
    assert client.get("/meetings/actions/?action_line=C99").status_code == 400
    assert Action.objects.count() == 3
