"""Decisions on inputs: accept, reject with a reason, publish with consent."""

import datetime as dt
from collections.abc import Iterable

import reversion
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from consultations.exceptions import ReasonRequired
from consultations.models import ModerationDecision, Submission
from consultations.permissions import can_moderate
from cwg.exceptions import InvalidTransition, NotAllowed, NotFound

Status = Submission.Status


def decision_time(at: dt.datetime | None) -> dt.datetime:
    """When a decision is recorded: now, or an earlier time when history is replayed (the demo);
    never later than the server's clock."""
    now = timezone.now()
    return min(at, now) if at else now


def _decide(
    *,
    ids: Iterable[int],
    by,
    allowed_from: set,
    to: str,
    reason: str = "",
    decided_at: dt.datetime | None = None,
) -> list:
    if not can_moderate(user=by):
        raise NotAllowed(_("Only the secretariat may moderate inputs."))
    submissions = list(
        Submission.objects.select_for_update().filter(pk__in=set(ids)).order_by("pk")
    )
    if not submissions:
        raise NotFound(_("No input was selected."))
    refused = [item.reference for item in submissions if item.status not in allowed_from]
    if refused:
        raise InvalidTransition(
            _("These inputs cannot become %(target)s from their current status: %(refs)s")
            % {"target": Status(to).label, "refs": ", ".join(refused)}
        )
    if to == Status.PUBLISHED:
        no_consent = [item.reference for item in submissions if not item.consent_to_publish]
        if no_consent:
            raise InvalidTransition(
                _("These inputs have no consent to publish and stay unpublished: %(refs)s")
                % {"refs": ", ".join(no_consent)}
            )
    now = decision_time(decided_at)
    with reversion.create_revision():
        decisions = []
        for submission in submissions:
            decisions.append(
                ModerationDecision(
                    submission=submission,
                    decided_by=by,
                    decided_at=now,
                    from_status=submission.status,
                    to_status=to,
                    reason=reason,
                )
            )
            submission.status = to
            submission.save(update_fields=["status"])
        ModerationDecision.objects.bulk_create(decisions)
        reversion.set_user(by)
        reversion.set_comment(f"{Status(to).label}: {reason}" if reason else str(Status(to).label))
    return submissions


@transaction.atomic
def accept_submissions(
    *, ids: Iterable[int], by, decided_at: dt.datetime | None = None
) -> list[Submission]:
    return _decide(
        ids=ids,
        by=by,
        allowed_from={Status.RECEIVED},
        to=Status.ACCEPTED,
        decided_at=decided_at,
    )


@transaction.atomic
def reject_submissions(
    *, ids: Iterable[int], by, reason: str, decided_at: dt.datetime | None = None
) -> list[Submission]:
    if not (reason or "").strip():
        raise ReasonRequired()
    return _decide(
        ids=ids,
        by=by,
        allowed_from={Status.RECEIVED},
        to=Status.REJECTED,
        reason=reason.strip(),
        decided_at=decided_at,
    )


@transaction.atomic
def publish_submissions(
    *, ids: Iterable[int], by, decided_at: dt.datetime | None = None
) -> list[Submission]:
    return _decide(
        ids=ids,
        by=by,
        allowed_from={Status.ACCEPTED},
        to=Status.PUBLISHED,
        decided_at=decided_at,
    )
