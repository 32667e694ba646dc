"""The gap analysis: requirements of a source text against the mandates that cover them."""

import reversion
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cwg.models import action_line_tags, sdg_tags
from followup.models.actions import Action


@reversion.register(follow=["items"])
class GapAnalysis(models.Model):
    action = models.OneToOneField(Action, on_delete=models.CASCADE, related_name="gap_analysis")
    title = models.CharField(_("title"), max_length=300)

    class Meta:
        db_table = "meetings_gapanalysis"
        verbose_name = _("gap analysis")
        verbose_name_plural = _("gap analyses")

    def __str__(self) -> str:
        return self.title


@reversion.register(follow=["mandates"])
class GapItem(models.Model):
    class Coverage(models.TextChoices):
        COVERED = "covered", _("Covered")
        PARTIAL = "partial", _("Partial")
        GAP = "gap", _("Gap")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")

    analysis = models.ForeignKey(GapAnalysis, on_delete=models.CASCADE, related_name="items")
    source = models.ForeignKey(
        "cwg.Resolution", on_delete=models.PROTECT, related_name="gap_items_sourced"
    )
    paragraph = models.CharField(_("paragraph"), max_length=40)
    requirement = models.TextField(_("requirement"))
    coverage = models.CharField(_("coverage"), max_length=10, choices=Coverage.choices)
    proposed_response = models.TextField(_("proposed response"), blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="gap_items",
        verbose_name=_("owner"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    answered_by_action = models.ForeignKey(
        Action,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="answered_gap_items",
        verbose_name=_("answered by action"),
    )
    answered_by_document = models.ForeignKey(
        "documents.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="answered_gap_items",
        verbose_name=_("answered by document"),
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    action_lines = action_line_tags(related_name="gap_items")
    sdgs = sdg_tags(related_name="gap_items")

    class Meta:
        db_table = "meetings_gapitem"
        verbose_name = _("gap item")
        verbose_name_plural = _("gap items")
        ordering = ["analysis", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["analysis", "source", "paragraph"], name="gap_item_unique_paragraph"
            )
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.paragraph}"


@reversion.register()
class ItemMandate(models.Model):
    item = models.ForeignKey(GapItem, on_delete=models.CASCADE, related_name="mandates")
    resolution = models.ForeignKey(
        "cwg.Resolution", on_delete=models.PROTECT, related_name="gap_item_mandates"
    )
    paragraphs = models.CharField(_("paragraphs"), max_length=100, blank=True)

    class Meta:
        db_table = "meetings_itemmandate"
        verbose_name = _("covering mandate")
        verbose_name_plural = _("covering mandates")
        ordering = ["item", "resolution"]
        constraints = [
            models.UniqueConstraint(fields=["item", "resolution"], name="item_mandate_unique")
        ]

    def __str__(self) -> str:
        return f"{self.resolution} {self.paragraphs}".strip()
