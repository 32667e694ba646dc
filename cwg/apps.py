from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _grant_role_permissions(**kwargs) -> None:
    from cwg.permissions import grant_role_permissions

    grant_role_permissions()


class CwgConfig(AppConfig):
    name = "cwg"
    verbose_name = _("Working group")

    def ready(self) -> None:
        from cwg import rate_limits  # noqa: F401 - registers its deploy check

        # Permissions rows exist only after migrate has created them, hence post_migrate.
        post_migrate.connect(_grant_role_permissions, dispatch_uid="cwg.grant_role_permissions")
        from cwg.search.registry import register_facet_labels
        from cwg.selectors import action_line_labels, sdg_labels

        register_facet_labels("action_line", action_line_labels)
        register_facet_labels("sdg", sdg_labels)
