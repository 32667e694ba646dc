"""Who may see or do what in consultations: the single source of truth for this app."""

from rest_framework.permissions import BasePermission

from cwg.permissions import AnyUser, is_member, is_officer, is_secretariat


def can_manage_calls(*, user: AnyUser) -> bool:
    return is_secretariat(user)


def can_moderate(*, user: AnyUser) -> bool:
    """Accept, reject and publish inputs: the secretariat only."""
    return is_secretariat(user)


def can_edit_call(*, user: AnyUser, call=None) -> bool:
    """Write a call's texts and dates in the back office: the secretariat, until it is archived.
    Its status changes only through the call page (the services)."""
    if not can_manage_calls(user=user):
        return False
    return call is None or call.status != call.Status.ARCHIVED


def can_edit_questions(*, user: AnyUser, call=None) -> bool:
    """Questions change only while the call is a draft: later, answers refer to them."""
    if not can_manage_calls(user=user):
        return False
    return call is None or call.status == call.Status.DRAFT


def can_read_moderation(*, user: AnyUser) -> bool:
    """See the queue, every input and the exports: the secretariat, and officers read-only."""
    return is_secretariat(user) or is_officer(user)


def can_see_call(*, user: AnyUser, call) -> bool:
    if call.status == call.Status.DRAFT:
        return can_read_moderation(user=user)
    return (
        call.audience == call.Audience.PUBLIC or is_member(user) or can_read_moderation(user=user)
    )


def can_submit_to(*, user: AnyUser, call) -> bool:
    """Who may answer the call (the clock is checked separately by the service)."""
    return call.audience == call.Audience.PUBLIC or is_member(user)


def can_read_submission(*, user: AnyUser, submission) -> bool:
    """An input and its attachments: moderators always; anyone who sees the call once it is
    published with its author's consent; its signed-in author. (The author without an account
    reads it through the private signed link instead.)"""
    if can_read_moderation(user=user):
        return True
    if user.is_authenticated and submission.submitted_by_id == user.pk:
        return True
    return (
        submission.status == submission.Status.PUBLISHED
        and submission.consent_to_publish
        and can_see_call(user=user, call=submission.call)
    )


def can_withdraw_submission(*, submission) -> bool:
    """Its author withdraws an input through the private link (holding the link is the proof of
    authorship), until it is published; a withdrawn input stays withdrawn."""
    return submission.status not in {
        submission.Status.PUBLISHED,
        submission.Status.WITHDRAWN,
    }


def calls_visible_to(user: AnyUser, queryset):
    if can_read_moderation(user=user):
        return queryset
    queryset = queryset.exclude(status="draft")
    if is_member(user):
        return queryset
    return queryset.filter(audience="public")


class ReadsModeration(BasePermission):
    def has_permission(self, request, view) -> bool:
        return can_read_moderation(user=request.user)
