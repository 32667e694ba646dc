import datetime as dt

import pytest
import reversion
from django.core import mail
from django.utils import timezone
from reversion.models import Version

from consultations.exceptions import BadWithdrawLink, CallClosed, ReasonRequired, SignInRequired
from consultations.models import ConsultationCall, ModerationDecision, Submission
from consultations.services import (
    accept_submissions,
    archive_call,
    close_call,
    open_call,
    publish_submissions,
    reject_submissions,
    submission_from_token,
    submit_input,
    withdraw_link_token,
    withdraw_submission,
)
from cwg.exceptions import DomainError, InvalidTransition, NotAllowed
from tests.consultations.factories import CallFactory, QuestionFactory, SubmissionFactory
from tests.cwg.factories import member_state

pytestmark = pytest.mark.django_db
NOT_SECRETARIAT = ["public", "delegate", "other_delegate", "sector_member", "vice_chair", "chair"]


def submit(call, by, **extra):
    question = call.questions.first()
    values = {
        "call": call,
        "by": by,
        "name": "Amina Haddad",
        "email": "amina@example.invalid",
        "stakeholder_type": Submission.StakeholderType.ACADEMIA,
        "answers": {question.pk: "More local content."},
        "country": member_state("EG"),
        "language": "ar",
        "consent_to_publish": True,
    }
    values.update(extra)
    return submit_input(**values)


@pytest.fixture
def call(working_group):
    call = CallFactory(working_group=working_group, code="WSIS20")
    QuestionFactory(call=call)
    return call


def test_public_submits_and_gets_sequential_reference_and_mail(
    call, people, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = submit(call, people["public"])
        second = submit(call, people["public"])
    assert (first.reference, second.reference) == ("WSIS20-0001", "WSIS20-0002")
    assert first.status == Submission.Status.RECEIVED
    assert first.answers.get().text == "More local content."
    assert len(mail.outbox) == 2
    assert "WSIS20-0001" in mail.outbox[0].subject
    assert mail.outbox[0].to == ["amina@example.invalid"]
    link = mail.outbox[0].body.split("/consultations/mine/")[1].split("/")[0]
    assert submission_from_token(link) == first
    assert Version.objects.get_for_object(first).count() == 1


def test_submission_refused_after_closing_and_before_opening(call, people):
    call.closes_at = timezone.now() - dt.timedelta(seconds=1)
    call.opens_at = call.closes_at - dt.timedelta(days=3)
    call.save()
    with pytest.raises(CallClosed):
        submit(call, people["public"])
    call.opens_at = timezone.now() + dt.timedelta(days=1)
    call.closes_at = call.opens_at + dt.timedelta(days=3)
    call.save()
    with pytest.raises(CallClosed):
        submit(call, people["public"])
    assert not Submission.objects.exists()


def test_open_window_but_closed_status_refuses(call, people):
    close_call(call=call, by=people["secretariat"])
    with pytest.raises(CallClosed):
        submit(call, people["public"])


def test_members_call_needs_sign_in(call, people):
    call.audience = ConsultationCall.Audience.MEMBERS
    call.save()
    with pytest.raises(SignInRequired):
        submit(call, people["public"])
    assert submit(call, people["delegate"]).submitted_by == people["delegate"]


def test_required_answer_and_unknown_choice_are_refused(call, people):
    with pytest.raises(DomainError):
        submit(call, people["public"], answers={})
    choice = QuestionFactory(
        call=call, kind="choice", required=False, choices=[{"value": "yes", "label": {"en": "Yes"}}]
    )
    first = call.questions.first()
    with pytest.raises(DomainError):
        submit(call, people["public"], answers={first.pk: "x", choice.pk: "maybe"})
    assert not Submission.objects.exists()
    stored = submit(call, people["public"], answers={first.pk: "x", choice.pk: "yes"})
    assert stored.answers.get(question=choice).choice == "yes"


@pytest.mark.parametrize("role", ["secretariat", "superuser"])
def test_secretariat_runs_the_call_lifecycle(working_group, people, role):
    call = CallFactory(working_group=working_group, status=ConsultationCall.Status.DRAFT)
    assert open_call(call=call, by=people[role]).status == "open"
    assert close_call(call=call, by=people[role]).status == "closed"
    assert archive_call(call=call, by=people[role]).status == "archived"
    with pytest.raises(InvalidTransition):
        open_call(call=call, by=people[role])


@pytest.mark.parametrize("role", NOT_SECRETARIAT)
def test_others_cannot_change_a_call(working_group, people, role):
    call = CallFactory(working_group=working_group, status=ConsultationCall.Status.DRAFT)
    for service in (open_call, close_call, archive_call):
        with pytest.raises(NotAllowed):
            service(call=call, by=people[role])
    call.refresh_from_db()
    assert call.status == "draft"


def test_invalid_call_transitions(working_group, people):
    call = CallFactory(working_group=working_group, status=ConsultationCall.Status.DRAFT)
    with pytest.raises(InvalidTransition):
        close_call(call=call, by=people["secretariat"])
    with pytest.raises(InvalidTransition):
        archive_call(call=call, by=people["secretariat"])


def test_accept_reject_publish_many_records_every_decision(call, people):
    one, two, three = (submit(call, people["public"]) for _ in range(3))
    secretariat = people["secretariat"]
    accept_submissions(ids=[one.pk, two.pk], by=secretariat)
    reject_submissions(ids=[three.pk], by=secretariat, reason="Off topic.")
    publish_submissions(ids=[one.pk, two.pk], by=secretariat)
    statuses = dict(Submission.objects.values_list("pk", "status"))
    assert statuses == {one.pk: "published", two.pk: "published", three.pk: "rejected"}
    decisions = ModerationDecision.objects.filter(submission=three).get()
    assert (decisions.decided_by, decisions.reason) == (secretariat, "Off topic.")
    assert ModerationDecision.objects.count() == 5
    history = Version.objects.get_for_object(one)
    assert history.count() == 3
    assert history.first().revision.user == secretariat


def test_reject_needs_a_reason(call, people):
    item = submit(call, people["public"])
    with pytest.raises(ReasonRequired):
        reject_submissions(ids=[item.pk], by=people["secretariat"], reason="  ")
    item.refresh_from_db()
    assert item.status == "received"


def test_publish_refuses_without_consent_and_keeps_it_accepted(call, people):
    item = submit(call, people["public"], consent_to_publish=False)
    accept_submissions(ids=[item.pk], by=people["secretariat"])
    with pytest.raises(InvalidTransition):
        publish_submissions(ids=[item.pk], by=people["secretariat"])
    item.refresh_from_db()
    assert item.status == "accepted"


def test_bulk_is_all_or_nothing(call, people):
    one, two = submit(call, people["public"]), submit(call, people["public"])
    accept_submissions(ids=[one.pk], by=people["secretariat"])
    with pytest.raises(InvalidTransition, match=one.reference):
        accept_submissions(ids=[one.pk, two.pk], by=people["secretariat"])
    two.refresh_from_db()
    assert two.status == "received"


def test_only_received_can_be_decided_and_only_accepted_published(call, people):
    item = submit(call, people["public"])
    with pytest.raises(InvalidTransition):
        publish_submissions(ids=[item.pk], by=people["secretariat"])
    reject_submissions(ids=[item.pk], by=people["secretariat"], reason="Spam.")
    with pytest.raises(InvalidTransition):
        accept_submissions(ids=[item.pk], by=people["secretariat"])


@pytest.mark.parametrize("role", NOT_SECRETARIAT)
def test_only_secretariat_moderates(call, people, role):
    item = submit(call, people["public"])
    with pytest.raises(NotAllowed):
        accept_submissions(ids=[item.pk], by=people[role])
    with pytest.raises(NotAllowed):
        reject_submissions(ids=[item.pk], by=people[role], reason="No.")
    accept_submissions(ids=[item.pk], by=people["secretariat"])
    with pytest.raises(NotAllowed):
        publish_submissions(ids=[item.pk], by=people[role])
    item.refresh_from_db()
    assert item.status == "accepted"


def test_author_withdraws_through_private_link_until_published(call, people):
    item = submit(call, people["public"])
    token = withdraw_link_token(submission=item)
    assert withdraw_submission(token=token).status == "withdrawn"
    assert ModerationDecision.objects.get(submission=item).to_status == "withdrawn"
    with pytest.raises(InvalidTransition):
        withdraw_submission(token=token)
    published = submit(call, people["public"])
    accept_submissions(ids=[published.pk], by=people["secretariat"])
    publish_submissions(ids=[published.pk], by=people["secretariat"])
    with pytest.raises(InvalidTransition):
        withdraw_submission(token=withdraw_link_token(submission=published))


def test_forged_or_stale_withdraw_links_are_refused(call, people):
    item = submit(call, people["public"])
    token = withdraw_link_token(submission=item)
    for bad in (token[:-2] + "xx", "1:abc", ""):
        with pytest.raises(BadWithdrawLink):
            withdraw_submission(token=bad)
    other = SubmissionFactory(call=call, number=50)
    with reversion.create_revision():
        item.withdraw_token = other.withdraw_token
        item.save()
    with pytest.raises(BadWithdrawLink):
        withdraw_submission(token=token)


def test_replayed_decisions_keep_their_past_time_but_never_a_future_one(call, people):
    one, two = submit(call, people["public"]), submit(call, people["public"])
    past = timezone.now() - dt.timedelta(days=300)
    accept_submissions(ids=[one.pk], by=people["secretariat"], decided_at=past)
    accept_submissions(
        ids=[two.pk], by=people["secretariat"], decided_at=timezone.now() + dt.timedelta(days=9)
    )
    assert ModerationDecision.objects.get(submission=one).decided_at == past
    assert ModerationDecision.objects.get(submission=two).decided_at <= timezone.now()


def test_the_authors_withdrawal_reads_in_the_readers_language(call, people):
    from django.utils import translation

    item = submit(call, people["public"])
    with translation.override("fr"):
        withdraw_submission(token=withdraw_link_token(submission=item))
    decision = ModerationDecision.objects.get(submission=item)
    assert decision.reason == "Withdrawn by its author."  # stored in English, whoever withdrew
    with translation.override("es"):
        assert decision.display_reason() == "Retirada por su autor."
    assert decision.display_reason("ru") != decision.reason
