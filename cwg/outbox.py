"""The transactional outbox: nothing is lost between the database and the broker.

Every side effect of a change (a mail, a search refresh, a text extraction, a package build) is
an OutboxMessage row written in the change's own transaction: if the change rolls back, so does
the side effect; if it commits, so does the promise to carry it out. Once committed, the message
is sent to the worker; the worker runs its handler and marks it done. The beat sweep sends again
every message that is not done after a grace period, so a broker that loses its queue (restarted
without persistence, a queue key deleted) delays work but never drops it.

Apps register their handlers with ``@handler("<package>.<name>")`` in ``<package>/tasks.py``
(``"consultations.send_receipt"`` lives in consultations/tasks.py); this module imports that
module by name when a message arrives, so cwg, the bottom layer, imports no app. A handler takes
keyword arguments that JSON can hold (ids, never rows) and must be idempotent: a message can run
twice (a worker killed after the work and before the mark). Two deliveries of the same message
never run at once: a run claims the row for LEASE, and a second delivery inside it does nothing.
"""

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from importlib import import_module

from celery import shared_task
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerUnavailable

from cwg.models import OutboxMessage

logger = logging.getLogger(__name__)

GRACE = dt.timedelta(minutes=2)  # a message not done this long after it was sent goes again
LEASE = dt.timedelta(minutes=10)  # longer than the longest handler's time limit
MAX_ATTEMPTS = 12  # then the message is failed: logged as an error, shown in the admin
FIRST_BACKOFF = dt.timedelta(seconds=5)  # doubled at each failure: 5 s, 10 s, ... about 3 h
LONGEST_BACKOFF = dt.timedelta(hours=6)
KEEP_DONE = dt.timedelta(days=7)
SWEEP_BATCH = 500


@dataclass(frozen=True)
class Handler:
    function: Callable[..., object]
    run_here_when_broker_down: bool


HANDLERS: dict[str, Handler] = {}


def handler(name: str, *, run_here_when_broker_down: bool = True):
    """Register the decorated function (a Celery task or a plain function) under ``name``.

    run_here_when_broker_down: when no broker answers at commit, run it in the request that
    caused it (a mail, an index refresh: quick, and late is worse than slow); False leaves it
    to the sweep (a text extraction: too slow for a request).
    """

    def register(function):
        HANDLERS[name] = Handler(function, run_here_when_broker_down)
        return function

    return register


def handler_named(name: str) -> Handler:
    if name not in HANDLERS:
        import_module(name.rsplit(".", 1)[0] + ".tasks")
    try:
        return HANDLERS[name]
    except KeyError:
        raise LookupError(f"No outbox handler is registered as {name!r}.") from None


def enqueue(
    name: str, *, on_broker_down: Callable[[], None] | None = None, **arguments
) -> OutboxMessage:
    """Write the message in the current transaction and send it once that commits.

    Call it inside the service's atomic block, next to the write it belongs to. on_broker_down
    is called (after commit) when the message could not be sent and is left to the sweep.
    """
    handler_named(name)  # an unknown name fails here, in the service, not in the worker
    message = OutboxMessage.objects.create(
        handler=name, arguments=arguments, available_at=timezone.now() + GRACE
    )
    transaction.on_commit(partial(dispatch, message.pk, on_broker_down=on_broker_down))
    return message


def dispatch(message_id: int, *, on_broker_down: Callable[[], None] | None = None) -> bool:
    """Send the message to the worker; True if the broker took it (eagerly: if it ran)."""
    try:
        run_outbox_message.delay(message_id)
        return True
    except BrokerUnavailable:
        message = OutboxMessage.objects.filter(pk=message_id).first()
        if message is None:
            return False
        if handler_named(message.handler).run_here_when_broker_down:
            logger.warning("broker unavailable: running %s here", message)
            return run(message_id)
        logger.warning("broker unavailable: %s left to the sweep", message)
        if on_broker_down is not None:
            on_broker_down()
        return False


def run(message_id: int) -> bool:
    """The worker's side: claim the message, run its handler, mark it done.

    True when it ran to the end now; False when it was done already, is running elsewhere, is
    gone, or failed (then the error and the time of the next try are on the row, and nothing
    is raised: a request that ran it here never fails for it; see retry_in).
    """
    now = timezone.now()
    with transaction.atomic():
        # Locked so that two deliveries of one message (the first send and a sweep's, or a
        # redelivery after a lost acknowledgement) cannot both claim it.
        message = OutboxMessage.objects.select_for_update().filter(pk=message_id).first()
        if message is None or message.state != OutboxMessage.State.PENDING:
            return False
        if message.claimed_at is not None and message.claimed_at > now - LEASE:
            return False
        message.claimed_at = now
        message.attempts += 1
        message.save(update_fields=["claimed_at", "attempts"])
    try:
        handler_named(message.handler).function(**message.arguments)
    except Exception as error:  # noqa: BLE001 - any failure is recorded and tried again
        _record_failure(message, error)
        return False
    OutboxMessage.objects.filter(pk=message.pk).update(
        state=OutboxMessage.State.DONE, done_at=timezone.now(), claimed_at=None, last_error=""
    )
    return True


def _record_failure(message: OutboxMessage, error: Exception) -> None:
    given_up = message.attempts >= MAX_ATTEMPTS
    backoff = min(FIRST_BACKOFF * 2 ** (message.attempts - 1), LONGEST_BACKOFF)
    OutboxMessage.objects.filter(pk=message.pk).update(
        state=OutboxMessage.State.FAILED if given_up else OutboxMessage.State.PENDING,
        claimed_at=None,
        available_at=timezone.now() + backoff,
        last_error=f"{type(error).__name__}: {error}"[:2000],
    )
    if given_up:
        logger.error(
            "outbox: %s failed %s times; given up", message, message.attempts, exc_info=error
        )
    else:
        logger.warning("outbox: %s failed (%s); tried again after %s", message, error, backoff)


def retry_in(message_id: int) -> float | None:
    """Seconds until a message that just failed may be tried again; None if it is not waiting
    for another try (done, given up, running elsewhere)."""
    available_at = (
        OutboxMessage.objects.filter(
            pk=message_id, state=OutboxMessage.State.PENDING, claimed_at__isnull=True
        )
        .exclude(last_error="")
        .values_list("available_at", flat=True)
        .first()
    )
    if available_at is None:
        return None
    return max((available_at - timezone.now()).total_seconds(), 0.0)


def send_again(message_ids: list[int]) -> int:
    """Failed or waiting messages sent again now, from the start of their backoff (the admin's
    action, once what made them fail is fixed). Done messages are left alone."""
    ids = list(
        OutboxMessage.objects.filter(pk__in=message_ids)
        .exclude(state=OutboxMessage.State.DONE)
        .values_list("pk", flat=True)
    )
    OutboxMessage.objects.filter(pk__in=ids).update(
        state=OutboxMessage.State.PENDING,
        attempts=0,
        claimed_at=None,
        available_at=timezone.now() + GRACE,
    )
    for message_id in ids:
        transaction.on_commit(partial(dispatch, message_id))
    return len(ids)


def due_messages(*, now: dt.datetime):
    """Pending messages whose time has come and that nobody is running."""
    return OutboxMessage.objects.filter(
        state=OutboxMessage.State.PENDING, available_at__lte=now
    ).filter(Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - LEASE))


def sweep(*, now: dt.datetime | None = None) -> list[int]:
    """Beat: send again what is not done after its grace period; forget what was done a week
    ago. Returns the ids sent again."""
    now = now or timezone.now()
    ids = list(due_messages(now=now).values_list("pk", flat=True)[:SWEEP_BATCH])
    OutboxMessage.objects.filter(pk__in=ids).update(available_at=now + GRACE)
    for message_id in ids:
        dispatch(message_id)
    OutboxMessage.objects.filter(
        state=OutboxMessage.State.DONE, done_at__lt=now - KEEP_DONE
    ).delete()
    if ids:
        logger.warning("outbox: sent %s messages again: %s", len(ids), ids)
    return ids


# Shorter than LEASE, so a second delivery never finds a message still running.
@shared_task(bind=True, acks_late=True, soft_time_limit=480, time_limit=540)
def run_outbox_message(self, message_id: int) -> bool:
    """The worker runs one side effect of a committed change. A failure is tried again by the
    worker after its backoff (the sweep would too, later); run eagerly in a request (no
    broker), it is left to the sweep, so the request never fails for it."""
    if run(message_id):
        return True
    wait = None if self.request.is_eager else retry_in(message_id)
    if wait is not None:
        raise self.retry(countdown=wait, max_retries=None)
    return False


@shared_task
def sweep_outbox() -> int:
    """Beat, every minute: send again what a lost queue or a killed worker left undone."""
    return len(sweep())
