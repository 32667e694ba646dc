"""The version history shown on follow-up pages: who changed what, newest first."""

from django.db.models import Model
from reversion.models import Version


def history_of(obj: Model, *, limit: int = 20) -> list[Version]:
    return list(
        Version.objects.get_for_object(obj)
        .select_related("revision__user")
        .order_by("-revision__date_created", "-pk")[:limit]
    )
