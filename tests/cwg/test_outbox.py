"""The transactional outbox (cwg.outbox): written with the change, run once, swept when lost."""

import datetime as dt

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from consultations.models import Submission
from cwg import outbox
from cwg.models import OutboxMessage
from tests.consultations.factories import CallFactory, QuestionFactory, form_data

pytestmark = pytest.mark.django_db

RAN: list[dict] = []
NAME = "tests.cwg.test_outbox.record"
FAILING = "tests.cwg.test_outbox.refuse"
SLOW = "tests.cwg.test_outbox.slow"


@outbox.handler(NAME)
def record(**arguments) -> None:
    RAN.append(arguments)


@outbox.handler(FAILING)
def refuse(**arguments) -> None:
    raise OSError("the mail server refused")


@outbox.handler(SLOW, run_here_when_broker_down=False)
def slow(**arguments) -> None:
    RAN.append(arguments)


@pytest.fixture(autouse=True)
def _forget_runs():
    RAN.clear()
    yield
    RAN.clear()


def later(minutes: float) -> dt.datetime:
    return timezone.now() + dt.timedelta(minutes=minutes)


def test_a_message_runs_once_its_change_commits_and_is_marked_done(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        message = outbox.enqueue(NAME, submission_id=7)
        assert RAN == []  # nothing before commit

    assert RAN == [{"submission_id": 7}]
    message.refresh_from_db()
    assert message.state == OutboxMessage.State.DONE
    assert message.attempts == 1
    assert message.done_at is not None


def failed_change() -> None:
    with transaction.atomic():
        outbox.enqueue(NAME, submission_id=8)
        raise RuntimeError("the change failed")


def test_a_rolled_back_change_takes_its_message_with_it(django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
    ):
        failed_change()
    assert callbacks == []
    assert not OutboxMessage.objects.exists()
    assert RAN == []


def test_a_message_delivered_twice_runs_once():
    message = outbox.enqueue(NAME, submission_id=9)  # its dispatch is lost (never committed)
    assert outbox.run(message.pk) is True
    assert outbox.run(message.pk) is False
    assert RAN == [{"submission_id": 9}]


def test_a_message_running_elsewhere_is_not_run_again_until_its_lease_ends():
    message = outbox.enqueue(NAME, submission_id=10)
    message_row = OutboxMessage.objects.filter(pk=message.pk)
    message_row.update(claimed_at=later(-5), available_at=later(-1))
    assert outbox.run(message.pk) is False
    assert outbox.sweep() == []  # not sent again while it may still be running
    message_row.update(claimed_at=later(-11))  # its worker died with it
    assert outbox.sweep() == [message.pk]
    assert RAN == [{"submission_id": 10}]


def test_the_sweep_sends_a_lost_message_after_its_grace_period_and_only_once():
    message = outbox.enqueue(NAME, submission_id=11)  # committed, but the queue lost it

    assert outbox.sweep() == []  # within the grace period: maybe still in the queue
    assert outbox.sweep(now=later(3)) == [message.pk]
    assert outbox.sweep(now=later(30)) == []
    assert RAN == [{"submission_id": 11}]


def test_a_failing_handler_is_tried_again_later_then_given_up():
    message = outbox.enqueue(FAILING, submission_id=12)
    assert outbox.run(message.pk) is False
    message.refresh_from_db()
    assert message.state == OutboxMessage.State.PENDING
    assert "the mail server refused" in message.last_error
    assert message.claimed_at is None
    assert message.available_at > timezone.now()

    OutboxMessage.objects.filter(pk=message.pk).update(attempts=outbox.MAX_ATTEMPTS - 1)
    assert outbox.sweep(now=later(60 * 24)) == [message.pk]
    message.refresh_from_db()
    assert message.state == OutboxMessage.State.FAILED
    assert outbox.sweep(now=later(60 * 48)) == []


def test_done_messages_are_forgotten_after_a_week():
    message = outbox.enqueue(NAME, submission_id=13)
    outbox.run(message.pk)
    outbox.sweep(now=later(60 * 24 * 6))
    assert OutboxMessage.objects.filter(pk=message.pk).exists()
    outbox.sweep(now=later(60 * 24 * 8))
    assert not OutboxMessage.objects.filter(pk=message.pk).exists()


def test_an_unknown_handler_is_refused_where_the_message_is_written():
    with pytest.raises(LookupError, match="No outbox handler"):
        outbox.enqueue("cwg.search.no_such_handler", kind="document")


def test_with_the_broker_down_a_quick_message_runs_here_and_a_slow_one_waits(
    monkeypatch, django_capture_on_commit_callbacks
):
    from kombu.exceptions import OperationalError

    def broker_down(*args, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:1. Connection refused.")

    monkeypatch.setattr(outbox.run_outbox_message, "delay", broker_down)
    told = []
    with django_capture_on_commit_callbacks(execute=True):
        quick = outbox.enqueue(NAME, submission_id=14)
        waiting = outbox.enqueue(SLOW, file_id=15, on_broker_down=lambda: told.append("delayed"))

    assert RAN == [{"submission_id": 14}]
    assert told == ["delayed"]
    assert OutboxMessage.objects.get(pk=quick.pk).state == OutboxMessage.State.DONE
    assert OutboxMessage.objects.get(pk=waiting.pk).state == OutboxMessage.State.PENDING


def test_a_receipt_lost_with_the_queue_is_mailed_by_the_sweep_exactly_once(
    working_group, client, mailoutbox, monkeypatch, django_capture_on_commit_callbacks
):
    """The author's private link is in the receipt: a lost queue must not lose it."""
    call = CallFactory(working_group=working_group, code="LOST")
    QuestionFactory(call=call)
    monkeypatch.setattr(outbox.run_outbox_message, "delay", lambda *args: None)  # a lost queue

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("consultations:submit", args=[call.code]), form_data(call))

    assert response.status_code == 302
    assert mailoutbox == []
    submission = Submission.objects.get(call=call)
    monkeypatch.undo()
    outbox.sweep(now=later(3))
    outbox.sweep(now=later(60))
    assert [message.to for message in mailoutbox] == [[submission.email]]
    assert submission.reference in mailoutbox[0].subject


def test_the_admin_lists_messages_and_sends_a_failed_one_again(
    as_role, django_capture_on_commit_callbacks
):
    failed = outbox.enqueue(NAME, submission_id=16)
    OutboxMessage.objects.filter(pk=failed.pk).update(
        state=OutboxMessage.State.FAILED, attempts=outbox.MAX_ATTEMPTS, last_error="OSError: no"
    )
    client = as_role("secretariat")  # who runs the service and sees the inputs' addresses
    changelist = reverse("admin:cwg_outboxmessage_changelist")
    assert "tests.cwg.test_outbox.record" in client.get(changelist).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            changelist, {"action": "send_again", "_selected_action": [failed.pk]}, follow=True
        )
    assert "1 message was sent again." in response.content.decode()
    failed.refresh_from_db()
    assert failed.state == OutboxMessage.State.DONE
    assert RAN == [{"submission_id": 16}]
    assert as_role("delegate").get(changelist).status_code == 302  # to the admin's sign-in
