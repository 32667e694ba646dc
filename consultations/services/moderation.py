"""Decisions on inputs: accept, reject with a reason, publish with consent; the author is told."""

import datetime as dt
from collections.abc import Iterable

import reversion
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from consultations.exceptions import ReasonRequired
from consultations.models import ModerationDecision, RejectionReason, Submission
from consultations.permissions import can_moderate
from consultations.tasks import DECISION
from cwg import outbox
from cwg.exceptions import InvalidTransition, NotAllowed, NotFound

Status = Submission.Status


def decision_time(at: dt.datetime | None) -> dt.datetime:
    """When a decision is recorded: now, or an earlier time when history is replayed (the demo);
    never later than the server's clock."""
    now = timezone.now()
    return min(at, now) if at else now


def _what_to_do_instead(*, to: str, refused: list[Submission]) -> str:
    """A refused transition says what would work instead, not only that it failed."""
    references = ", ".join(item.reference for item in refused)
    statuses = {item.status for item in refused}
    if to == Status.PUBLISHED and statuses <= {Status.RECEIVED}:
        return _(
            "%(refs)s must be accepted before publishing: use “Accept and publish” to do both "
            "in one step."
        ) % {"refs": references}
    if to in {Status.ACCEPTED, Status.REJECTED} and statuses <= {Status.ACCEPTED}:
        return _("%(refs)s already accepted: publish them, or leave them accepted.") % {
            "refs": references
        }
    return _(
        "%(refs)s cannot become %(target)s: they are already decided or withdrawn. "
        "Filter the queue by “Received” to see the inputs that wait for a decision."
    ) % {"refs": references, "target": Status(to).label}


def _no_consent(references: Iterable[str]) -> str:
    return _(
        "These inputs have no consent to publish and stay unpublished: %(refs)s. "
        "Accept them without publishing."
    ) % {"refs": ", ".join(references)}


def _decide(
    *,
    ids: Iterable[int],
    by,
    allowed_from: set,
    to: str,
    reason: str = "",
    standard_reason: RejectionReason | None = None,
    decided_at: dt.datetime | None = None,
    site_url: str = "",
) -> list[Submission]:
    if not can_moderate(user=by):
        raise NotAllowed(_("Only the secretariat may moderate inputs."))
    submissions = list(
        Submission.objects.select_for_update().filter(pk__in=set(ids)).order_by("pk")
    )
    if not submissions:
        raise NotFound(_("No input was selected."))
    refused = [item for item in submissions if item.status not in allowed_from]
    if refused:
        raise InvalidTransition(_what_to_do_instead(to=to, refused=refused))
    if to == Status.PUBLISHED:
        no_consent = [item.reference for item in submissions if not item.consent_to_publish]
        if no_consent:
            raise InvalidTransition(_no_consent(no_consent))
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
                    standard_reason=standard_reason,
                )
            )
            submission.status = to
            submission.save(update_fields=["status"])
        ModerationDecision.objects.bulk_create(decisions)
        reversion.set_user(by)
        reversion.set_comment(f"{Status(to).label}: {reason}" if reason else str(Status(to).label))
    if to in {Status.REJECTED, Status.PUBLISHED} and decided_at is None:
        for submission in submissions:
            outbox.enqueue(DECISION, submission_id=submission.pk, site_url=site_url)
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
    *,
    ids: Iterable[int],
    by,
    reason: str = "",
    standard_reason: RejectionReason | None = None,
    decided_at: dt.datetime | None = None,
    site_url: str = "",
) -> list[Submission]:
    """Reject with a reason from the secretariat's list, or a written one (the author reads it)."""
    reason = (reason or "").strip()
    if standard_reason is None and not reason:
        raise ReasonRequired()
    return _decide(
        ids=ids,
        by=by,
        allowed_from={Status.RECEIVED},
        to=Status.REJECTED,
        reason=reason or standard_reason.text.get("en", ""),
        standard_reason=standard_reason,
        decided_at=decided_at,
        site_url=site_url,
    )


@transaction.atomic
def publish_submissions(
    *, ids: Iterable[int], by, decided_at: dt.datetime | None = None, site_url: str = ""
) -> list[Submission]:
    return _decide(
        ids=ids,
        by=by,
        allowed_from={Status.ACCEPTED},
        to=Status.PUBLISHED,
        decided_at=decided_at,
        site_url=site_url,
    )


@transaction.atomic
def accept_and_publish_submissions(
    *, ids: Iterable[int], by, site_url: str = ""
) -> list[Submission]:
    """One step for the moderator, two decisions in the record: accepted, then published.

    Consent is checked before either is written, so an input without it is not left accepted
    by a step that was refused."""
    ids = list(ids)
    without_consent = Submission.objects.filter(pk__in=ids, consent_to_publish=False)
    if can_moderate(user=by) and without_consent.exists():
        raise InvalidTransition(_no_consent(without_consent.values_list("reference", flat=True)))
    accept_submissions(ids=ids, by=by)
    return publish_submissions(ids=ids, by=by, site_url=site_url)
