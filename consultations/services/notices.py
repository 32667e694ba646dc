"""The author is told of the decisions that concern them: a rejection (why) and a publication."""

from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from consultations.models import ModerationDecision, Submission
from consultations.services.inputs import withdraw_path
from cwg.mail import render_mail, site_link

Status = Submission.Status


def _mail(*, decision: ModerationDecision) -> tuple[str, str]:
    submission = decision.submission
    published = reverse("consultations:published", args=[submission.call.code])
    context = {
        "submission": submission,
        "reason": decision.display_reason(submission.language),
        "link": site_link(f"{published}#{submission.reference}"),
        "call_link": site_link(reverse("consultations:detail", args=[submission.call.code])),
    }
    event = "rejected" if decision.to_status == Status.REJECTED else "published"
    return render_mail(f"consultations/mail/decision_{event}", context, submission.language)


def tell_author_of_receipt(*, submission_id: int) -> bool:
    """Mail the author the reference number and the private withdraw link; False if gone."""
    submission = Submission.objects.select_related("call").filter(pk=submission_id).first()
    if submission is None:
        return False
    context = {"submission": submission, "link": site_link(withdraw_path(submission=submission))}
    subject, body = render_mail("consultations/mail/receipt", context, submission.language)
    EmailMessage(subject=subject, body=body, to=[submission.email]).send()
    return True


@transaction.atomic
def tell_author_of_decision(*, submission_id: int) -> bool:
    """Mail the author once about the latest rejection or publication; False if already told.

    The decision row is locked and marked: a task delivered twice sends one mail."""
    decision = (
        ModerationDecision.objects.select_for_update(of=("self",))
        .select_related("submission__call", "standard_reason")
        .filter(submission_id=submission_id, to_status__in=[Status.REJECTED, Status.PUBLISHED])
        .order_by("-decided_at", "-pk")
        .first()
    )
    if decision is None or decision.author_told_at is not None:
        return False
    subject, body = _mail(decision=decision)
    EmailMessage(subject=subject, body=body, to=[decision.submission.email]).send()
    decision.author_told_at = timezone.now()
    decision.save(update_fields=["author_told_at"])
    return True
