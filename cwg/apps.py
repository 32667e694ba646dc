from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CwgConfig(AppConfig):
    name = "cwg"
    verbose_name = _("Working group")
