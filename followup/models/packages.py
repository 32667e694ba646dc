"""The meeting record package: one built bag per meeting, access level and language.

The row is the cache and the outbox at once: a request writes it as pending in the transaction
that asks for it, the worker builds the bag and marks it ready with the fingerprint of what it
gathered; when the meeting's fingerprint no longer matches, the package is built again.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meetings.models import Meeting


def package_file_name(instance: "RecordPackage", filename: str) -> str:
    return f"record-packages/{instance.meeting_id}/{filename}"


class RecordPackage(models.Model):
    class Access(models.TextChoices):
        PUBLIC = "public", _("Public")
        MEMBERS = "members", _("Members")

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting to be built")
        BUILDING = "building", _("Being built")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    class Step(models.TextChoices):
        WAITING = "", _("Waiting for the builder")
        GATHERING = "gathering", _("Gathering the documents")
        COPYING = "copying", _("Copying the files")
        CHECKSUMS = "checksums", _("Computing the checksums")
        ZIPPING = "zipping", _("Zipping the bag")
        DONE = "done", _("Done")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="record_packages")
    access = models.CharField(_("access"), max_length=10, choices=Access.choices)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.PENDING
    )
    progress = models.PositiveSmallIntegerField(_("progress (per cent)"), default=0)
    step = models.CharField(_("step"), max_length=20, choices=Step.choices, blank=True)
    fingerprint = models.CharField(_("fingerprint of the meeting"), max_length=64, blank=True)
    file = models.FileField(_("file"), upload_to=package_file_name, max_length=300, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0)
    file_count = models.PositiveIntegerField(_("files in the bag"), default=0)
    error = models.TextField(_("why the build failed"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    built_at = models.DateTimeField(_("built at"), null=True, blank=True)

    class Meta:
        verbose_name = _("record package")
        verbose_name_plural = _("record packages")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "access", "language"], name="one_record_package_per_kind"
            )
        ]

    def __str__(self) -> str:
        return f"record package of {self.meeting_id} ({self.access}, {self.language})"
