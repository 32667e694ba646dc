from django.db.models import QuerySet
from django.utils import timezone

from cwg.models import Officer, WorkingGroup


def the_working_group() -> WorkingGroup | None:
    """This installation serves one working group (the first by code)."""
    return WorkingGroup.objects.prefetch_related("mandate_resolutions").first()


def current_officers(*, working_group: WorkingGroup) -> QuerySet[Officer]:
    return (
        Officer.objects.current(on=timezone.localdate())
        .filter(working_group=working_group)
        .select_related("member_state")
        .order_by("role", "name")
    )
