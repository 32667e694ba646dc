from django.db.models import Prefetch, QuerySet

from cwg.models import WorkingGroup
from meetings.models import AgendaItem, Meeting


def meetings_of(*, working_group: WorkingGroup) -> QuerySet[Meeting]:
    return Meeting.objects.filter(working_group=working_group).select_related("working_group")


def meeting_with_agenda(*, number: int) -> Meeting | None:
    return (
        Meeting.objects.select_related("working_group")
        .prefetch_related(Prefetch("agenda_items", queryset=AgendaItem.objects.order_by("order")))
        .filter(number=number)
        .first()
    )
