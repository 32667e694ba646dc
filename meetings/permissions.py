"""Who may see or do what in the meetings app: the single source of truth."""

from cwg.permissions import AnyUser, is_officer, is_secretariat
from meetings.models import Meeting


def can_manage_participants(*, user: AnyUser, meeting: Meeting) -> bool:
    return is_secretariat(user)


def can_see_participants(*, user: AnyUser, meeting: Meeting) -> bool:
    """Attendance counts are public; the list of names is for the secretariat and officers."""
    return is_secretariat(user) or is_officer(user)


def can_see_deadline_countdowns(*, user: AnyUser, meeting: Meeting) -> bool:
    """The secretariat prepares the meeting: its page counts down to each deadline for it."""
    return is_secretariat(user)
