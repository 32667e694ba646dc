import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cwg.models import ActionLine, SustainableDevelopmentGoal
from tests.consultations.factories import (
    AnswerFactory,
    CallFactory,
    QuestionFactory,
    SubmissionFactory,
)

pytestmark = pytest.mark.django_db
SECRET = "UNPUBLISHED-API-SECRET"


@pytest.fixture
def call(working_group):
    call = CallFactory(working_group=working_group, code="API1")
    question = QuestionFactory(call=call)
    hidden = SubmissionFactory(call=call, number=1, status="received", name=SECRET)
    AnswerFactory(submission=hidden, question=question, text=SECRET)
    published = SubmissionFactory(call=call, number=2, status="published")
    AnswerFactory(submission=published, question=question)
    return call


def test_public_reads_public_calls_with_questions_and_statistics(client, call, working_group):
    CallFactory(working_group=working_group, code="MEMBERS", audience="members")
    CallFactory(working_group=working_group, code="DRAFT", status="draft")
    listing = client.get("/api/v1/consultations/").json()
    assert [row["code"] for row in listing["results"]] == ["API1"]
    detail = client.get(f"/api/v1/consultations/{call.pk}/").json()
    assert detail["statistics"]["received"] is None  # 2: too few to tell the public
    assert detail["statistics"]["published"] == 1
    assert len(detail["questions"]) == 1
    assert SECRET not in str(detail)


@pytest.mark.parametrize("role", ["public", "delegate", "other_delegate", "sector_member"])
def test_submissions_endpoint_refused_to_non_moderators(as_role, call, role):
    response = as_role(role).get(f"/api/v1/consultations/{call.pk}/submissions/")
    assert response.status_code in {401, 403}
    assert SECRET not in response.content.decode()


@pytest.mark.parametrize("role", ["secretariat", "chair"])
def test_moderators_read_every_submission(as_role, call, role):
    rows = as_role(role).get(f"/api/v1/consultations/{call.pk}/submissions/").json()["results"]
    assert {row["status"] for row in rows} == {"received", "published"}


def test_members_call_hidden_from_public_api(client, working_group):
    hidden = CallFactory(working_group=working_group, audience="members")
    assert client.get(f"/api/v1/consultations/{hidden.pk}/").status_code == 404


def test_api_query_counts_stay_constant(as_role, call, django_assert_num_queries):
    client = as_role("secretariat")
    urls = ["/api/v1/consultations/", f"/api/v1/consultations/{call.pk}/submissions/"]
    counts = {}
    for url in urls:
        with CaptureQueriesContext(connection) as context:
            client.get(url)
        counts[url] = len(context)
    question = call.questions.get()
    for number in range(10, 30):
        AnswerFactory(submission=SubmissionFactory(call=call, number=number), question=question)
        QuestionFactory(call=CallFactory(working_group=call.working_group))
    for url in urls:
        with django_assert_num_queries(counts[url]):
            client.get(url)


def test_schema_lists_the_endpoints(client):
    schema = client.get("/api/schema/").content.decode()
    assert "/api/v1/consultations/{id}/submissions/" in schema


@pytest.fixture
def tagged_choice(call):
    """A multiple-choice answer to the published input, which is tagged C5 and SDG 9."""
    question = QuestionFactory(
        call=call,
        order=2,
        kind="multiple",
        choices=[
            {"value": "c5", "label": {"en": "Security", "ar": "الأمن"}},
            {"value": "c2", "label": {"en": "Infrastructure", "ar": "البنية التحتية"}},
        ],
    )
    published = call.submissions.get(number=2)
    AnswerFactory(submission=published, question=question, text="", choice="c5,c2")
    published.action_lines.set([ActionLine.objects.get(code="C5")])
    published.sdgs.set([SustainableDevelopmentGoal.objects.get(number=9)])
    question.action_lines.set([ActionLine.objects.get(code="C5")])
    return published


LABELS = {"en": ["Security", "Infrastructure"], "ar": ["الأمن", "البنية التحتية"]}


@pytest.mark.parametrize("language", ["en", "ar"])
def test_answers_carry_labels_beside_their_codes(as_role, call, tagged_choice, language):
    url = f"/api/v1/consultations/{call.pk}/submissions/"
    rows = as_role("secretariat").get(url, HTTP_ACCEPT_LANGUAGE=language).json()["results"]
    row = next(row for row in rows if row["id"] == tagged_choice.pk)
    answer = next(answer for answer in row["answers"] if answer["choice"])
    assert answer["choice"] == "c5,c2"  # the codes stay, for programs
    assert answer["choice_labels"] == LABELS[language]
    assert row["status"] == "published"
    assert row["status_label"] == {"en": "Published", "ar": "منشورة"}[language]
    assert row["stakeholder_type_label"]
    assert (row["action_lines"], row["sdgs"]) == (["C5"], [9])


def test_submissions_filter_by_action_line_and_sdg(as_role, call, tagged_choice):
    url = f"/api/v1/consultations/{call.pk}/submissions/"
    client = as_role("secretariat")
    assert [r["id"] for r in client.get(url, {"action_line": "c5"}).json()["results"]] == [
        tagged_choice.pk
    ]
    assert client.get(url, {"sdg": "4"}).json()["results"] == []
    assert len(client.get(url, {"sdg": "nine"}).json()["results"]) == 2  # meaningless: ignored
    questions = client.get(f"/api/v1/consultations/{call.pk}/").json()["questions"]
    assert sorted(q["action_lines"] for q in questions) == [[], ["C5"]]
