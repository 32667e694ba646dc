from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _grant_role_permissions(**kwargs) -> None:
    from cwg.permissions import grant_role_permissions

    grant_role_permissions()


def _load_reference_data(sender, **kwargs) -> None:
    """The action lines and SDGs a migration loaded; again after a flush (which empties them and
    then sends post_migrate, as tests that commit do), idempotently."""
    if sender.name != "cwg":
        return
    from cwg.action_lines import sync_action_lines
    from cwg.models import ActionLine, SustainableDevelopmentGoal

    sync_action_lines(ActionLine, SustainableDevelopmentGoal)


def _record_sign_in_language(sender, request, user, **kwargs) -> None:
    from django.utils.translation import get_language

    from cwg.services import record_last_language

    language = getattr(request, "LANGUAGE_CODE", "") or get_language()
    record_last_language(user=user, language=language)


class CwgConfig(AppConfig):
    name = "cwg"
    verbose_name = _("Working group")

    def ready(self) -> None:
        from cwg import rate_limits  # noqa: F401 - registers its deploy check

        # Permissions rows exist only after migrate has created them, hence post_migrate.
        post_migrate.connect(_grant_role_permissions, dispatch_uid="cwg.grant_role_permissions")
        post_migrate.connect(_load_reference_data, dispatch_uid="cwg.load_reference_data")
        user_logged_in.connect(_record_sign_in_language, dispatch_uid="cwg.sign_in_language")
        from cwg.search.registry import register_facet_labels
        from cwg.selectors import action_line_labels, sdg_labels

        register_facet_labels("action_line", action_line_labels)
        register_facet_labels("sdg", sdg_labels)
        from cwg import pagecache

        pagecache.connect()
        from django.db import models
        from rest_framework.serializers import ModelSerializer

        from cwg.api import GenevaDateTimeField

        # API times: ISO 8601 with Geneva's offset and no microseconds, for every serializer.
        ModelSerializer.serializer_field_mapping[models.DateTimeField] = GenevaDateTimeField
