from django.db.models import Count, Prefetch, Q, QuerySet

from cwg.models import Organization, WorkingGroup
from meetings.models import AgendaItem, Meeting, Participant


def meetings_of(*, working_group: WorkingGroup) -> QuerySet[Meeting]:
    return Meeting.objects.filter(working_group=working_group).select_related("working_group")


def meeting_with_agenda(*, number: int) -> Meeting | None:
    return (
        Meeting.objects.select_related("working_group")
        .prefetch_related(Prefetch("agenda_items", queryset=AgendaItem.objects.order_by("order")))
        .filter(number=number)
        .first()
    )


def attendance_counts(*, meeting: Meeting) -> dict[str, int]:
    """In person, remote, member states and sector members represented, in one query."""
    return meeting.participants.aggregate(
        in_person=Count("pk", filter=Q(attendance=Participant.Attendance.IN_PERSON)),
        remote=Count("pk", filter=Q(attendance=Participant.Attendance.REMOTE)),
        member_states=Count("member_state", distinct=True),
        sector_members=Count(
            "organization",
            distinct=True,
            filter=Q(organization__kind=Organization.Kind.SECTOR_MEMBER),
        ),
    )


def participants_of(*, meeting: Meeting) -> QuerySet:
    return Participant.objects.filter(meeting=meeting).select_related(
        "member_state", "organization"
    )
