"""Follow-up actions, their progress updates and the record of reminders mailed about them."""

import datetime as dt

import reversion
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from cwg.history import keep_on_restore
from cwg.models import action_line_tags, sdg_tags
from cwg.permissions import group_label
from meetings.models import AgendaItem, Meeting


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
@keep_on_restore("status")
class Action(models.Model):
    """A follow-up item; its owner is exactly one of a user, a Django group or an officer."""

    class Status(models.TextChoices):
        # In a context of their own: the status agrees with "action" (Ouverte, Terminée, Annulée).
        OPEN = "open", pgettext_lazy("status of an action", "Open")
        IN_PROGRESS = "in_progress", pgettext_lazy("status of an action", "In progress")
        DONE = "done", pgettext_lazy("status of an action", "Done")
        CANCELLED = "cancelled", pgettext_lazy("status of an action", "Cancelled")

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
        db_table="meetings_action_documents",
        verbose_name=_("documents"),
        help_text=_("Documents that answer or record this action; shown only to their readers."),
    )
    action_lines = action_line_tags(related_name="actions")
    sdgs = sdg_tags(related_name="actions")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ActionQuerySet.as_manager()

    class Meta:
        db_table = "meetings_action"
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

    def get_absolute_url(self) -> str:
        return reverse("followup:action", kwargs={"pk": self.pk})

    @property
    def owner(self):
        """Who owns the action as shown: a person, an officer, or a group's name translated."""
        if self.owner_group_id:
            return group_label(self.owner_group)
        return self.owner_user or self.owner_officer

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
        db_table = "meetings_actionupdate"
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
        db_table = "meetings_sentreminder"
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
