"""The rows of an archive: every table of the project's apps, the people and their groups,
object permissions and the version history, serialized the way Django's fixtures are.

Primary keys are kept: version history stores the rows it saw by key, so a restored history
must point at the same keys. Content types and permissions are named by natural key, because a
fresh database numbers them in its own order.
"""

from collections.abc import Iterator
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management.color import no_style
from django.db import connection, models

# Besides the project's own apps: who the people are, their object rights, and the history.
OTHER_MODELS = [
    "auth.Group",
    "auth.User",
    "guardian.UserObjectPermission",
    "guardian.GroupObjectPermission",
    "reversion.Revision",
    "reversion.Version",
]
# Rows a fresh database gets from its migrations; an import replaces them.
SEEDED_BY_MIGRATIONS = {
    "auth.group",
    "cwg.memberstate",
    "cwg.actionline",
    "cwg.sustainabledevelopmentgoal",
}
# Bookkeeping of this installation's side effects (cwg.outbox): a restored copy must not send
# again the mails of the one it was taken from.
NOT_ARCHIVED = {"cwg.outboxmessage"}


def _is_project_app(app_config) -> bool:
    """An app whose top package is a folder of this project (not an installed library)."""
    return (Path(settings.BASE_DIR) / app_config.name.split(".")[0]).is_dir()


def archived_models() -> list[type[models.Model]]:
    """In an order where every row's foreign keys point at rows loaded before it."""
    chosen = [apps.get_model(label) for label in OTHER_MODELS]
    for app_config in apps.get_app_configs():
        if _is_project_app(app_config):
            chosen += [
                model
                for model in app_config.get_models()
                if not model._meta.proxy and model._meta.label_lower not in NOT_ARCHIVED
            ]
    by_app: dict = {}
    for model in chosen:
        by_app.setdefault(model._meta.app_config, []).append(model)
    return serializers.sort_dependencies(by_app.items(), allow_cycles=True)


def model_label(model: type[models.Model]) -> str:
    return model._meta.label_lower


def serialize_rows() -> Iterator[dict]:
    for model in archived_models():
        queryset = model._default_manager.order_by("pk")
        yield from serializers.serialize(
            "python", queryset.iterator(chunk_size=1000), use_natural_foreign_keys=True
        )


def rows_present() -> dict[str, int]:
    """Rows already in this database that an import would collide with."""
    counts = {}
    for model in archived_models():
        label = model_label(model)
        if label in SEEDED_BY_MIGRATIONS:
            continue
        count = model._default_manager.count()
        if count:
            counts[label] = count
    return counts


def load_rows(rows: list[dict]) -> int:
    """Within the caller's transaction: replace the seeded rows, load, check, reset sequences."""
    loaded = archived_models()
    for model in reversed(loaded):
        if model_label(model) in SEEDED_BY_MIGRATIONS:
            model._default_manager.all().delete()
    count = 0
    with connection.constraint_checks_disabled():
        objects = serializers.deserialize("python", rows, handle_forward_references=True)
        deferred = []
        for item in objects:
            item.save()
            count += 1
            if item.deferred_fields:
                deferred.append(item)
        for item in deferred:
            item.save_deferred_fields()
    connection.check_constraints(table_names=[m._meta.db_table for m in loaded])
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), loaded):
            cursor.execute(statement)
    return count
