"""Counters and workflow states are not history.

Restoring an earlier version (the admin's history, django-reversion's revert) brings back what a
person wrote: titles, texts, dates. It must not bring back a counter (a call's last reference
number set back to 0 gives the next input a reference already taken), a workflow state (an open
call back to draft, a withdrawn document back to published) or a decision: those move only
through the services, which check the rules.

A model lists such fields with ``@keep_on_restore(...)``. Reversion saves a restored version
"raw" (as loaddata does); for a row that exists, those fields keep their current values. A row
that no longer exists (a deleted object recovered) takes the version's values: there is nothing
current to keep. Normal saves are not touched.
"""

from django.db.models import Model
from django.db.models.signals import pre_save

KEPT_ON_RESTORE: dict[type[Model], tuple[str, ...]] = {}


def keep_on_restore(*field_names: str):
    def register(model: type[Model]) -> type[Model]:
        KEPT_ON_RESTORE[model] = field_names
        pre_save.connect(
            _keep_current_values,
            sender=model,
            weak=False,
            dispatch_uid=f"keep-on-restore-{model.__module__}.{model.__qualname__}",
        )
        return model

    return register


def _keep_current_values(sender: type[Model], instance: Model, raw: bool = False, **kwargs):
    if not raw or instance.pk is None:
        return
    attnames = [sender._meta.get_field(name).attname for name in KEPT_ON_RESTORE[sender]]
    current = sender._base_manager.filter(pk=instance.pk).values(*attnames).first()
    if current is not None:
        for attname, value in current.items():
            setattr(instance, attname, value)
