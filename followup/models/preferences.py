"""What a person asked of the follow-up mails: the weekly digest (the language of all their
mails is cwg.UserPreference's)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class FollowupPreference(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="followup_preference"
    )
    weekly_digest = models.BooleanField(
        _("send me the weekly digest"),
        default=False,
        help_text=_("One mail a week, only when something is new for you."),
    )

    class Meta:
        verbose_name = _("follow-up preference")
        verbose_name_plural = _("follow-up preferences")

    def __str__(self) -> str:
        return f"follow-up preference of {self.user_id}"


class SentDigest(models.Model):
    """A delegation digest that went out: one row per person and week (Monday), written in the
    transaction that mails it, so a second run of the weekly task finds it and sends nothing."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sent_digests"
    )
    week = models.DateField(_("week of"))
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("sent digest")
        verbose_name_plural = _("sent digests")
        constraints = [
            models.UniqueConstraint(fields=["user", "week"], name="one_digest_per_person_and_week")
        ]

    def __str__(self) -> str:
        return f"digest of {self.user_id} for {self.week}"
