"""The author is told of the decisions that concern them: a rejection (why) and a publication."""

from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from consultations.models import ModerationDecision, Submission
from cwg.characters import clean_text, one_line

Status = Submission.Status


def _mail_text(*, decision: ModerationDecision, site_url: str) -> tuple[str, str]:
    submission = decision.submission
    values = {
        "reference": submission.reference,
        "call": submission.call.display_title,
        "reason": decision.display_reason(submission.language),
        "link": site_url.rstrip("/")
        + reverse("consultations:published", args=[submission.call.code])
        + f"#{submission.reference}",
    }
    if decision.to_status == Status.REJECTED:
        subject = _("Your input %(reference)s was not accepted") % values
        body = _(
            "Your input %(reference)s to “%(call)s” was not accepted for the following "
            "reason:\n\n%(reason)s\n\nThank you for your interest in the consultation.\n"
        )
    else:
        subject = _("Your input %(reference)s is published") % values
        body = _(
            "Your input %(reference)s to “%(call)s” was accepted and is now published:\n"
            "%(link)s\n\nThank you for your contribution.\n"
        )
    return one_line(subject), clean_text(body % values)


@transaction.atomic
def tell_author_of_decision(*, submission_id: int, site_url: str = "") -> bool:
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
    with translation.override(decision.submission.language):
        subject, body = _mail_text(decision=decision, site_url=site_url)
    EmailMessage(subject=subject, body=body, to=[decision.submission.email]).send()
    decision.author_told_at = timezone.now()
    decision.save(update_fields=["author_told_at"])
    return True
