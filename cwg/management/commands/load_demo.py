from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings
from django.utils.module_loading import module_has_submodule

from cwg import demo as cwg_demo

# Order matters: each app's demo may use what the apps before it loaded.
APPS_WITH_DEMO_DATA = ["meetings", "documents", "consultations", "followup"]


class Command(BaseCommand):
    help = "Load the CWG-WSIS&SDG demo data (idempotent: running it twice changes nothing)."

    def handle(self, *args, **options) -> None:
        # The demo replays history: its notifications are not news to anyone, so none is sent.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
            sign_ins = self._load()
        self.stdout.write(self.style.SUCCESS("Demo data loaded. Sign in with:"))
        width = max(len(s.username) for s in sign_ins)
        for sign_in in sign_ins:
            self.stdout.write(
                f"  {sign_in.username.ljust(width)}  {sign_in.password}  ({sign_in.description})"
            )

    @transaction.atomic
    def _load(self):
        sign_ins = cwg_demo.load()
        group = cwg_demo.the_demo_group()
        for label in APPS_WITH_DEMO_DATA:
            app = apps.get_app_config(label)
            if module_has_submodule(app.module, "demo"):
                import_module(f"{label}.demo").load(working_group=group)
        return sign_ins
