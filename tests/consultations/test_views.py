import csv
import io

import docx
import pytest
from django.urls import reverse

from consultations.models import ConsultationCall, Submission, SubmissionAttachment
from consultations.services import (
    accept_submissions,
    publish_submissions,
    submit_input,
    withdraw_link_token,
)
from tests.consultations.factories import (
    AnswerFactory,
    CallFactory,
    QuestionFactory,
    SubmissionFactory,
    form_data,
)
from tests.cwg.factories import member_state
from tests.roles import is_refused

pytestmark = pytest.mark.django_db
ALL_ROLES = ["public", "delegate", "other_delegate", "sector_member", "vice_chair", "chair"]
SECRET = "UNPUBLISHED-SECRET-TEXT"


@pytest.fixture
def mixed(call, people):
    """One published input, and one of each unpublished status holding the secret text."""
    question = call.questions.first()
    published = SubmissionFactory(call=call, number=1, status="published")
    AnswerFactory(submission=published, question=question, text="Published words.")
    for number, status in enumerate(["received", "accepted", "rejected", "withdrawn"], start=2):
        hidden = SubmissionFactory(call=call, number=number, status=status, name=SECRET + status)
        AnswerFactory(submission=hidden, question=question, text=SECRET)
    return published


def test_public_submits_in_arabic_and_sees_reference(client, call):
    page = client.get(reverse("consultations:submit", args=[call.code]), HTTP_ACCEPT_LANGUAGE="ar")
    assert page.status_code == 200
    body = page.content.decode()
    assert 'dir="rtl"' in body
    assert "أرسل مساهمتي" in body
    assert "السؤال الرئيسي" in body
    response = client.post(reverse("consultations:submit", args=[call.code]), form_data(call))
    assert response.status_code == 302
    page = client.get(response.url)
    assert "WSIS20-0001" in page.content.decode()
    stored = Submission.objects.get()
    assert stored.answers.get().text == "نريد شبكات أوسع في الأرياف."


def test_validation_error_keeps_every_typed_answer(client, call):
    second = QuestionFactory(call=call, text={"en": "Second"})
    data = form_data(call, email="not-an-email", **{f"question_{second.pk}": "Keep me typed"})
    response = client.post(reverse("consultations:submit", args=[call.code]), data)
    assert response.status_code == 400
    body = response.content.decode()
    assert "Keep me typed" in body
    assert "نريد شبكات أوسع في الأرياف." in body
    assert "Open Net Lab" in body
    assert not Submission.objects.exists()


def test_closed_call_refuses_with_clear_message_and_keeps_text(client, call, people):
    ConsultationCall.objects.filter(pk=call.pk).update(status="closed")
    response = client.post(reverse("consultations:submit", args=[call.code]), form_data(call))
    assert response.status_code == 409
    assert "no longer accepts submissions" in response.content.decode()
    assert "نريد شبكات أوسع في الأرياف." in response.content.decode()
    assert not Submission.objects.exists()


def test_honeypot_refuses_and_stores_nothing(client, call):
    data = form_data(call, website="http://spam.example")
    response = client.post(reverse("consultations:submit", args=[call.code]), data)
    assert response.status_code == 400
    assert "could not be accepted" in response.content.decode()
    assert not Submission.objects.exists()


def test_rate_limit_per_address_refuses_and_stores_nothing(client, call, settings):
    settings.CONSULTATION_SUBMIT_RATE = "2/h"
    url = reverse("consultations:submit", args=[call.code])
    for _ in range(2):
        assert client.post(url, form_data(call)).status_code == 302
    response = client.post(url, form_data(call))
    assert response.status_code == 429
    assert "Too many inputs" in response.content.decode()
    assert Submission.objects.count() == 2
    other = client.post(url, form_data(call), REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302


def test_members_call_is_hidden_from_the_public(client, working_group, as_role):
    call = CallFactory(working_group=working_group, audience="members")
    assert client.get(reverse("consultations:detail", args=[call.code])).status_code == 404
    delegate = as_role("delegate")
    assert delegate.get(reverse("consultations:detail", args=[call.code])).status_code == 200


@pytest.mark.parametrize("role", ALL_ROLES)
def test_unpublished_never_leaks_on_public_pages(call, mixed, as_role, role):
    client = as_role(role)
    for name in ("detail", "published", "statistics"):
        body = client.get(reverse(f"consultations:{name}", args=[call.code])).content.decode()
        assert SECRET not in body
    published = client.get(reverse("consultations:published", args=[call.code])).content.decode()
    assert "Published words." in published


@pytest.mark.parametrize("role", ["public", "delegate", "other_delegate", "sector_member"])
def test_moderation_and_exports_refused_to_non_moderators(call, mixed, as_role, role):
    client = as_role(role)
    for name in ("moderation", "export_csv", "export_docx"):
        response = client.get(reverse(f"consultations:{name}", args=[call.code]))
        assert is_refused(response, role)
        assert SECRET not in response.content.decode(errors="ignore")


def test_author_sees_own_unpublished_input_and_another_submitter_cannot(client, call, mixed):
    hidden = Submission.objects.get(status="received")
    token = withdraw_link_token(submission=hidden)
    own = client.get(reverse("consultations:own", args=[token]))
    assert SECRET in own.content.decode()
    forged = client.get(reverse("consultations:own", args=[token[:-3] + "abc"]))
    assert forged.status_code == 404
    response = client.post(reverse("consultations:own", args=[token]))
    assert response.status_code == 302
    hidden.refresh_from_db()
    assert hidden.status == "withdrawn"


def test_officers_read_the_queue_but_cannot_decide(call, mixed, as_role):
    client = as_role("chair")
    url = reverse("consultations:moderation", args=[call.code])
    page = client.get(url)
    assert page.status_code == 200
    assert SECRET in page.content.decode()
    received = Submission.objects.get(status="received")
    response = client.post(url, {"action": "accept", "selected": [received.pk]})
    assert response.status_code == 403
    received.refresh_from_db()
    assert received.status == "received"


def test_secretariat_bulk_accepts_and_rejection_needs_reason(call, as_role, people):
    items = [SubmissionFactory(call=call, number=n, status="received") for n in (1, 2, 3)]
    client = as_role("secretariat")
    url = reverse("consultations:moderation", args=[call.code])
    chosen = {"action": "accept", "selected": [items[0].pk, items[1].pk]}
    confirm = client.post(url, chosen)
    assert confirm.status_code == 200
    assert Submission.objects.filter(status="accepted").count() == 0  # nothing before confirming
    assert items[0].reference in confirm.content.decode()
    response = client.post(url, {**chosen, "confirmed": "True"})
    assert response.status_code == 302
    response = client.post(url, {"action": "reject", "selected": [items[2].pk], "reason": ""})
    assert response.status_code == 400
    assert "reason" in response.content.decode()
    statuses = sorted(Submission.objects.values_list("status", flat=True))
    assert statuses == ["accepted", "accepted", "received"]


def test_queue_filters(call, mixed, as_role):
    client = as_role("secretariat")
    url = reverse("consultations:moderation", args=[call.code])
    page = client.get(url, {"status": "rejected"}).content.decode()
    assert "WSIS20-0004" in page
    assert "WSIS20-0002" not in page


def _grow(call, count, start):
    question = call.questions.first()
    for number in range(start, start + count):
        item = SubmissionFactory(
            call=call, number=number, status="published", country=member_state("SE")
        )
        AnswerFactory(submission=item, question=question)
        digest = f"{number:064x}"
        SubmissionAttachment.objects.create(
            submission=item,
            file=f"consultations/{digest}.pdf",
            original_name=f"annex-{number}.pdf",
            size=1,
            sha256=digest,
            content_type="application/pdf",
            extension=".pdf",
        )


@pytest.mark.parametrize("name", ["published", "moderation", "statistics"])
def test_query_count_stays_constant_as_rows_grow(call, as_role, django_assert_num_queries, name):
    client = as_role("secretariat")
    url = reverse(f"consultations:{name}", args=[call.code])
    _grow(call, 2, 1)
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(url)
    _grow(call, 20, 100)
    with django_assert_num_queries(len(few)):
        client.get(url)


def test_statistics_are_computed_from_rows(call, mixed, client):
    page = client.get(reverse("consultations:statistics", args=[call.code]))
    body = page.content.decode()
    assert '<td class="received">5</td>' in body
    assert '<td class="published">1</td>' in body
    assert "<svg" in body


def test_csv_export_neutralises_formula_cells(call, as_role):
    question = call.questions.first()
    item = SubmissionFactory(call=call, number=1, name="=HYPERLINK(1)", organization="\tTab")
    AnswerFactory(submission=item, question=question, text="@SUM(A1)")
    SubmissionFactory(call=call, number=2, name="+1", organization="\rCR", email="-x@example.org")
    response = as_role("secretariat").get(reverse("consultations:export_csv", args=[call.code]))
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert len(rows) == 3
    cells = [cell for row in rows[1:] for cell in row]
    assert "'=HYPERLINK(1)" in cells
    assert "'@SUM(A1)" in cells
    assert "'\tTab" in cells
    assert "'+1" in cells
    assert "'\rCR" in cells
    assert "'-x@example.org" in cells
    assert not any(cell[:1] in "=+-@\t\r" and cell for cell in cells)


def test_docx_lists_published_inputs_only(call, mixed, as_role):
    response = as_role("vice_chair").get(reverse("consultations:export_docx", args=[call.code]))
    document = docx.Document(io.BytesIO(response.content))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "Published words." in text
    assert SECRET not in text
    assert document.tables[0].rows[1].cells[1].text == "5"


def test_full_flow_through_services_shows_on_published_page(client, call, people):
    item = submit_input(
        call=call,
        by=people["public"],
        name="Karim",
        email="k@example.invalid",
        stakeholder_type="academia",
        consent_to_publish=True,
        answers={call.questions.first().pk: "Universal access."},
    )
    accept_submissions(ids=[item.pk], by=people["secretariat"])
    page = client.get(reverse("consultations:published", args=[call.code]))
    assert "Universal access." not in page.content.decode()
    publish_submissions(ids=[item.pk], by=people["secretariat"])
    page = client.get(reverse("consultations:published", args=[call.code]))
    assert "Universal access." in page.content.decode()


def test_members_call_inputs_and_statistics_hidden_from_public(client, working_group, as_role):
    call = CallFactory(working_group=working_group, audience="members", code="MEMB")
    item = SubmissionFactory(call=call, number=1, status="published")
    AnswerFactory(submission=item, question=QuestionFactory(call=call), text="Members words")
    for name in ("published", "statistics", "submit"):
        assert client.get(reverse(f"consultations:{name}", args=[call.code])).status_code == 404
    page = as_role("other_delegate").get(reverse("consultations:published", args=[call.code]))
    assert "Members words" in page.content.decode()


def test_one_submitters_link_never_shows_another_submitters_input(client, call, mixed):
    first, second = Submission.objects.filter(status="received").first(), mixed
    page = client.get(reverse("consultations:own", args=[withdraw_link_token(submission=second)]))
    assert SECRET not in page.content.decode()
    assert first.name not in page.content.decode()


def test_published_filters_by_stakeholder_type_and_region(client, call):
    question = call.questions.first()
    for number, (kind, iso) in enumerate([("academia", "SE"), ("government", "EG")], start=1):
        item = SubmissionFactory(
            call=call,
            number=number,
            status="published",
            stakeholder_type=kind,
            country=member_state(iso),
        )
        AnswerFactory(submission=item, question=question, text=f"Text of {iso}")
    url = reverse("consultations:published", args=[call.code])
    by_type = client.get(url, {"stakeholder_type": "academia"}).content.decode()
    assert "Text of SE" in by_type
    assert "Text of EG" not in by_type
    by_region = client.get(url, {"itu_region": "D"}).content.decode()
    assert "Text of EG" in by_region
    assert "Text of SE" not in by_region


@pytest.mark.parametrize("role", ["secretariat", "superuser"])
def test_secretariat_opens_closes_and_archives_from_the_call_page(working_group, as_role, role):
    call = CallFactory(working_group=working_group, status="draft", code="STEPS")
    client = as_role(role)
    assert (
        "Open the call"
        in client.get(reverse("consultations:detail", args=[call.code])).content.decode()
    )
    for action, status in [("open", "open"), ("close", "closed"), ("archive", "archived")]:
        response = client.post(reverse("consultations:change", args=[call.code, action]))
        assert response.status_code == 302
        call.refresh_from_db()
        assert call.status == status
    refused = client.post(reverse("consultations:change", args=[call.code, "open"]), follow=True)
    assert "cannot become" in refused.content.decode()


@pytest.mark.parametrize("role", ["delegate", "sector_member", "vice_chair", "chair"])
def test_others_cannot_change_a_call_from_the_page(working_group, as_role, role):
    call = CallFactory(working_group=working_group, status="open", code="STEPS")
    client = as_role(role)
    assert (
        "Close the call"
        not in client.get(reverse("consultations:detail", args=[call.code])).content.decode()
    )
    response = client.post(reverse("consultations:change", args=[call.code, "close"]))
    assert response.status_code == 403
    call.refresh_from_db()
    assert call.status == "open"


def test_statistics_chart_is_labelled_in_the_page_language(call, mixed, client):
    page = client.get(
        reverse("consultations:statistics", args=[call.code]), HTTP_ACCEPT_LANGUAGE="ar"
    ).content.decode()
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert "المجتمع المدني" in svg
    assert "<script" not in svg


def test_statistics_charts_use_the_sites_typeface_and_colours_with_tables(call, mixed, client):
    page = client.get(reverse("consultations:statistics", args=[call.code])).content.decode()
    assert page.count("<svg") == 2
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert "system-ui" in svg
    assert "#005a9c" in svg
    assert "monospace" not in svg
    assert page.count('<figure class="chart"') == page.count("<table><thead>") == 2


def test_published_inputs_filter_by_action_line_and_sdg(call, client):
    from cwg.models import ActionLine, SustainableDevelopmentGoal
    from tests.consultations.factories import SubmissionFactory

    tagged = SubmissionFactory(call=call, number=1, status="published", name="Tagged Author")
    SubmissionFactory(call=call, number=2, status="published", name="Untagged Author")
    tagged.action_lines.set([ActionLine.objects.get(code="C8")])
    tagged.sdgs.set([SustainableDevelopmentGoal.objects.get(number=4)])
    url = reverse("consultations:published", args=[call.code])
    for query in [{"action_line": "C8"}, {"sdg": "4"}, {"action_line": "c8", "sdg": "4"}]:
        page = client.get(url, query).content.decode()
        assert "Tagged Author" in page
        assert "Untagged Author" not in page
    assert "Untagged Author" in client.get(url, {"sdg": "forty"}).content.decode()
