from django.db.models import QuerySet
from django.utils import timezone

from cwg.models import ActionLine, Officer, SustainableDevelopmentGoal, WorkingGroup


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


def action_line_labels() -> dict[str, str]:
    """Each action line's code -> "C5 Building confidence ..." in the active language."""
    return {line.code: f"{line.code} {line.title}" for line in ActionLine.objects.all()}


def sdg_labels() -> dict[str, str]:
    """Each SDG's number (as text) -> "SDG 9 Industry, ..." in the active language."""
    return {
        str(goal.number): f"{goal.code} {goal.title}"
        for goal in SustainableDevelopmentGoal.objects.all()
    }
