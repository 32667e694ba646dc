import datetime as dt
import zoneinfo

import reversion
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cwg.models import WorkingGroup


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

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["working_group", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["working_group", "number"], name="meeting_unique_number"
            ),
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
        return self._end_of_day_before_opening(self.working_group.posting_days_before)


@reversion.register()
class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    number = models.CharField(_("number"), max_length=10)
    title = models.CharField(_("title"), max_length=300)
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


class ActionQuerySet(models.QuerySet):
    def still_open(self):
        return self.filter(status__in=Action.OPEN_STATUSES)

    def overdue_on(self, day: dt.date):
        return self.still_open().filter(due_date__lt=day)

    def owned_by(self, user):
        """Actions the user owns: in person, through one of their groups, or as an officer."""
        return self.filter(
            Q(owner_user=user) | Q(owner_group__in=user.groups.all()) | Q(owner_officer__user=user)
        )


@reversion.register(follow=["updates"])
class Action(models.Model):
    """A follow-up item; its owner is exactly one of a user, a Django group or an officer."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        CANCELLED = "cancelled", _("Cancelled")

    OPEN_STATUSES = (Status.OPEN, Status.IN_PROGRESS)

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="actions")
    agenda_item = models.ForeignKey(
        AgendaItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("agenda item"),
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="owned_actions",
        verbose_name=_("owner (person)"),
    )
    owner_group = models.ForeignKey(
        "auth.Group",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="owned_actions",
        verbose_name=_("owner (group)"),
    )
    owner_officer = models.ForeignKey(
        "cwg.Officer",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="owned_actions",
        verbose_name=_("owner (officer)"),
    )
    due_date = models.DateField(_("due date"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    documents = models.ManyToManyField(
        "documents.Document",
        blank=True,
        related_name="follow_up_actions",
        verbose_name=_("documents"),
        help_text=_("Documents that answer or record this action; shown only to their readers."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ActionQuerySet.as_manager()

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        ordering = ["due_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(
                        owner_user__isnull=False,
                        owner_group__isnull=True,
                        owner_officer__isnull=True,
                    )
                    | Q(
                        owner_user__isnull=True,
                        owner_group__isnull=False,
                        owner_officer__isnull=True,
                    )
                    | Q(
                        owner_user__isnull=True,
                        owner_group__isnull=True,
                        owner_officer__isnull=False,
                    )
                ),
                name="action_has_exactly_one_owner",
                violation_error_message=_(
                    "An action has exactly one owner: a person, a group or an officer."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def owner(self):
        return self.owner_user or self.owner_group or self.owner_officer

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    def is_overdue_on(self, day: dt.date) -> bool:
        """Due today is not overdue; the day after, it is."""
        return self.is_open and self.due_date < day

    @property
    def is_overdue(self) -> bool:
        return self.is_overdue_on(timezone.localdate())


@reversion.register()
class ActionUpdate(models.Model):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="action_updates"
    )
    text = models.TextField(_("progress"))
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)

    class Meta:
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:60]


class SentReminder(models.Model):
    """What was mailed: a row exists only once the mail went out, so failures stay pending."""

    class Kind(models.TextChoices):
        BEFORE_DUE = "before_due", _("Reminder before the due date")
        OVERDUE = "overdue", _("Overdue reminder")
        DIGEST = "digest", _("Weekly digest")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    action = models.ForeignKey(
        Action, on_delete=models.CASCADE, null=True, blank=True, related_name="reminders"
    )
    period = models.DateField(
        _("period"), help_text=_("The due date reminded of, or the Monday of the digest's week.")
    )
    recipients = models.TextField(_("recipients"), blank=True)
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("sent reminder")
        verbose_name_plural = _("sent reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["action", "kind", "period"],
                condition=Q(action__isnull=False),
                name="reminder_once_per_action_kind_period",
            ),
            models.UniqueConstraint(
                fields=["kind", "period"],
                condition=Q(action__isnull=True),
                name="digest_once_per_period",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.period}"


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


from meetings.models_gaps import GapAnalysis, GapItem, ItemMandate  # noqa: E402  (one app registry)

__all__ = [
    "Action",
    "ActionUpdate",
    "AgendaItem",
    "CalendarToken",
    "GapAnalysis",
    "GapItem",
    "ItemMandate",
    "Meeting",
    "Participant",
    "SentReminder",
]
