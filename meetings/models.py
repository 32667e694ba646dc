import datetime as dt
import zoneinfo

import reversion
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cwg.models import WorkingGroup
from cwg.multilingual import LANGUAGE_CHOICES, Shown, shown_in


class MeetingQuerySet(models.QuerySet):
    def upcoming(self, *, today: dt.date):
        return self.filter(end_date__gte=today).order_by("start_date")

    def past(self, *, today: dt.date):
        return self.filter(end_date__lt=today).order_by("-start_date")


@reversion.register(follow=["agenda_items"])
class Meeting(models.Model):
    class Format(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        HYBRID = "hybrid", _("Hybrid")
        VIRTUAL = "virtual", _("Virtual")

    working_group = models.ForeignKey(
        WorkingGroup, on_delete=models.PROTECT, related_name="meetings"
    )
    number = models.PositiveIntegerField(_("number"))
    start_date = models.DateField(_("opens on"))
    end_date = models.DateField(_("closes on"))
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    format = models.CharField(
        _("format"), max_length=20, choices=Format.choices, default=Format.HYBRID
    )
    contribution_deadline_override = models.DateTimeField(
        _("contribution deadline (override)"),
        null=True,
        blank=True,
        help_text=_("Leave empty to use the group's rule (N calendar days before the opening)."),
    )
    posting_deadline_override = models.DateTimeField(
        _("posting deadline (override)"),
        null=True,
        blank=True,
        help_text=_(
            "When every language version should be online; leave empty to use the group's rule "
            "(7 calendar days before the opening by default)."
        ),
    )
    demo_dates = models.BooleanField(
        _("demo dates"),
        default=False,
        help_text=_("Set by the demo, relative to the day it was loaded: not a real meeting's."),
    )

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["working_group", "-number"]
        constraints = [
            # One working group per installation (cwg.selectors.the_working_group): meeting
            # numbers are unique outright, so a page found by number finds one meeting.
            models.UniqueConstraint(fields=["number"], name="meeting_number_unique"),
            models.CheckConstraint(
                condition=Q(end_date__gte=models.F("start_date")),
                name="meeting_ends_after_it_starts",
                violation_error_message=_("A meeting cannot close before it opens."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.working_group.code}-{self.number}"

    def get_absolute_url(self) -> str:
        return reverse("meetings:detail", kwargs={"number": self.number})

    def _end_of_day_before_opening(self, days: int) -> dt.datetime:
        day = self.start_date - dt.timedelta(days=days)
        geneva = zoneinfo.ZoneInfo(settings.TIME_ZONE)
        return dt.datetime.combine(day, dt.time(23, 59, 59), tzinfo=geneva)

    @property
    def contribution_deadline(self) -> dt.datetime:
        """The end of the day N calendar days before the opening (Council Decision 556)."""
        if self.contribution_deadline_override is not None:
            return self.contribution_deadline_override
        return self._end_of_day_before_opening(self.working_group.contribution_days_before)

    @property
    def posting_deadline(self) -> dt.datetime:
        """The end of the day N calendar days before the opening, unless the meeting has its own."""
        if self.posting_deadline_override is not None:
            return self.posting_deadline_override
        return self._end_of_day_before_opening(self.working_group.posting_days_before)


@reversion.register()
class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    number = models.CharField(_("number"), max_length=10)
    title = models.CharField(_("title"), max_length=300)
    title_language = models.CharField(
        _("language of the title"), max_length=2, choices=LANGUAGE_CHOICES, default="en"
    )
    titles = models.JSONField(_("translated titles"), default=dict, blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["meeting", "order", "number"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="agenda_item_unique_number")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    def title_in(self, language: str | None) -> Shown:
        """The title in that language, else as first written."""
        return shown_in(language, self.title, self.title_language, self.titles)


@reversion.register()
class Participant(models.Model):
    """One line of a meeting's registration list; the name key makes re-imports idempotent."""

    class Role(models.TextChoices):
        HEAD_OF_DELEGATION = "head", _("Head of delegation")
        DELEGATE = "delegate", _("Delegate")
        OBSERVER = "observer", _("Observer")
        OFFICER = "officer", _("Officer")
        SECRETARIAT = "secretariat", _("Secretariat")

    class Attendance(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        REMOTE = "remote", _("Remote")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="participants")
    name = models.CharField(_("name"), max_length=200)
    name_key = models.CharField(max_length=200, editable=False)
    member_state = models.ForeignKey(
        "cwg.MemberState",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="participants",
        verbose_name=_("member state"),
    )
    organization = models.ForeignKey(
        "cwg.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="participants",
        verbose_name=_("organization"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    attendance = models.CharField(_("attendance"), max_length=20, choices=Attendance.choices)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["meeting", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "name_key"], name="participant_unique_per_meeting"
            ),
            models.CheckConstraint(
                condition=Q(member_state__isnull=False, organization__isnull=True)
                | Q(member_state__isnull=True, organization__isnull=False),
                name="participant_represents_exactly_one",
                violation_error_message=_(
                    "A participant represents either a member state or an organization."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.name


class CalendarToken(models.Model):
    """The secret in a person's private calendar address; rotating it revokes the old one."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_token"
    )
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("calendar token")
        verbose_name_plural = _("calendar tokens")

    def __str__(self) -> str:
        return f"calendar token of {self.user_id}"


__all__ = ["AgendaItem", "CalendarToken", "Meeting", "Participant"]
