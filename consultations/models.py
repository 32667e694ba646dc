"""Consultation calls, their questions, the inputs received and every moderation decision.

Texts of a call and of its questions are stored as one JSON object per field, keyed by language
code ({"en": ..., "ar": ...}): a call is written in one to six languages, read whole on every
page, never filtered by its wording, and a JSON object keeps it one row with no join.
"""

import secrets

import reversion
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language, gettext_noop, override
from django.utils.translation import gettext_lazy as _

from cwg.history import keep_on_restore
from cwg.models import MemberState, WorkingGroup, action_line_tags, sdg_tags

LANGUAGES = [
    ("ar", _("Arabic")),
    ("zh-hans", _("Chinese")),
    ("en", _("English")),
    ("fr", _("French")),
    ("ru", _("Russian")),
    ("es", _("Spanish")),
]


def in_language(texts: dict, language: str | None = None) -> str:
    """The text in the page language, else English, else the first one written."""
    texts = texts or {}
    code = (language or get_language() or "en").lower()
    for key in (code, code.split("-")[0], "en"):
        if texts.get(key):
            return texts[key]
    return next(iter(texts.values()), "")


# The reason stored, in English, when an author withdraws an input: read in the reader's language.
AUTHOR_WITHDREW = gettext_noop("Withdrawn by its author.")

CHOICE_SEPARATOR = ","  # between the values of a multiple-choice answer (values are slugs)


def new_token() -> str:
    return secrets.token_urlsafe(24)


class ConsultationCallQuerySet(models.QuerySet):
    def visible_to(self, user):
        from consultations.permissions import calls_visible_to

        return calls_visible_to(user, self)


@reversion.register()
@keep_on_restore("status", "last_number")
class ConsultationCall(models.Model):
    class Audience(models.TextChoices):
        PUBLIC = "public", _("Public")
        MEMBERS = "members", _("Members only")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")
        ARCHIVED = "archived", _("Archived")

    working_group = models.ForeignKey(
        WorkingGroup, on_delete=models.PROTECT, related_name="consultation_calls"
    )
    code = models.SlugField(
        _("code"),
        max_length=20,
        unique=True,
        help_text=_("Prefix of reference numbers, e.g. WSIS20"),
    )
    title = models.JSONField(_("title by language"), default=dict)
    description = models.JSONField(_("description by language"), default=dict, blank=True)
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))
    audience = models.CharField(
        _("audience"), max_length=10, choices=Audience.choices, default=Audience.PUBLIC
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    last_number = models.PositiveIntegerField(_("last reference number"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ConsultationCallQuerySet.as_manager()

    class Meta:
        verbose_name = _("consultation call")
        verbose_name_plural = _("consultation calls")
        ordering = ["-opens_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=models.F("opens_at")),
                name="consultation_call_closes_after_opening",
                violation_error_message=_("A call must close after it opens."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.code}: {self.display_title}"

    @property
    def display_title(self) -> str:
        return in_language(self.title)

    @property
    def display_description(self) -> str:
        return in_language(self.description)

    def accepts_input(self, *, now=None) -> bool:
        """Open, and the server clock is inside the window [opens_at, closes_at)."""
        moment = now or timezone.now()
        return self.status == self.Status.OPEN and self.opens_at <= moment < self.closes_at


@reversion.register()
class Question(models.Model):
    class Kind(models.TextChoices):
        TEXT = "text", _("Free text")
        CHOICE = "choice", _("Single choice")
        MULTIPLE = "multiple", _("Multiple choice")

    call = models.ForeignKey(ConsultationCall, on_delete=models.CASCADE, related_name="questions")
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    text = models.JSONField(_("question by language"), default=dict)
    help = models.JSONField(_("help by language"), default=dict, blank=True)
    required = models.BooleanField(_("required"), default=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.TEXT)
    max_length = models.PositiveIntegerField(_("length limit (characters)"), null=True, blank=True)
    choices = models.JSONField(
        _("choices"),
        default=list,
        blank=True,
        help_text=_('For choice questions: [{"value": "yes", "label": {"en": "Yes"}}, ...]'),
    )
    action_lines = action_line_tags(related_name="consultation_questions")
    sdgs = sdg_tags(related_name="consultation_questions")

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["call", "order", "pk"]

    def __str__(self) -> str:
        return self.display_text

    @property
    def display_text(self) -> str:
        return in_language(self.text)

    @property
    def display_help(self) -> str:
        return in_language(self.help)

    @property
    def choice_options(self) -> list[tuple[str, str]]:
        return [(choice["value"], in_language(choice.get("label", {}))) for choice in self.choices]

    @property
    def has_options(self) -> bool:
        return self.kind in {self.Kind.CHOICE, self.Kind.MULTIPLE}

    def labels_of(self, stored: str, language: str | None = None) -> list[str]:
        """The labels of the chosen values, in the page language (a value no longer offered
        is shown as it was stored)."""
        labels = {choice["value"]: choice.get("label", {}) for choice in self.choices}
        values = [value for value in stored.split(CHOICE_SEPARATOR) if value]
        return [
            in_language(labels[value], language) if value in labels else value for value in values
        ]


class SubmissionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Submission.Status.PUBLISHED)


@reversion.register(follow=["answers", "attachments"])
@keep_on_restore("status", "number", "reference", "withdraw_token")
class Submission(models.Model):
    class StakeholderType(models.TextChoices):
        GOVERNMENT = "government", _("Government")
        PRIVATE_SECTOR = "private_sector", _("Private sector")
        CIVIL_SOCIETY = "civil_society", _("Civil society")
        ACADEMIA = "academia", _("Academia")
        TECHNICAL_COMMUNITY = "technical_community", _("Technical community")
        INTERNATIONAL_ORGANIZATION = "international_organization", _("International organization")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        RECEIVED = "received", _("Received")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")
        PUBLISHED = "published", _("Published")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    call = models.ForeignKey(ConsultationCall, on_delete=models.PROTECT, related_name="submissions")
    number = models.PositiveIntegerField(_("number"))
    reference = models.CharField(_("reference number"), max_length=40, unique=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="consultation_submissions",
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    organization = models.CharField(_("organization"), max_length=200, blank=True)
    stakeholder_type = models.CharField(
        _("stakeholder type"), max_length=30, choices=StakeholderType.choices
    )
    country = models.ForeignKey(
        MemberState,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="consultation_submissions",
        verbose_name=_("country"),
        help_text=_("Empty means international / regional."),
    )
    language = models.CharField(_("language"), max_length=10, choices=LANGUAGES, default="en")
    consent_to_publish = models.BooleanField(_("consent to publish"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.RECEIVED
    )
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    withdraw_token = models.CharField(max_length=64, default=new_token, editable=False)
    action_lines = action_line_tags(related_name="consultation_inputs")
    sdgs = sdg_tags(related_name="consultation_inputs")

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["call", "number"]
        constraints = [
            models.UniqueConstraint(fields=["call", "number"], name="submission_unique_number")
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def country_label(self) -> str:
        return self.country.name if self.country_id else str(_("International / regional"))


@reversion.register()
class Answer(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    text = models.TextField(_("answer"), blank=True)
    choice = models.CharField(_("choice"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["submission", "question__order", "question_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "question"], name="answer_one_per_question"
            )
        ]

    def __str__(self) -> str:
        return self.text or self.choice

    def display(self, language: str | None = None) -> str:
        """What the author answered, as they read it: labels, never the stored codes."""
        if self.choice:
            return "; ".join(self.question.labels_of(self.choice, language))
        return self.text


@reversion.register()
@keep_on_restore(
    "submission",
    "decided_by",
    "decided_at",
    "from_status",
    "to_status",
    "reason",
    "standard_reason",
    "author_told_at",
)
class ModerationDecision(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="decisions")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(default=timezone.now)
    from_status = models.CharField(max_length=10, choices=Submission.Status.choices)
    to_status = models.CharField(max_length=10, choices=Submission.Status.choices)
    reason = models.TextField(_("reason"), blank=True)
    standard_reason = models.ForeignKey(
        "RejectionReason",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decisions",
        verbose_name=_("reason from the list"),
    )
    author_told_at = models.DateTimeField(_("author told at"), null=True, blank=True)

    class Meta:
        verbose_name = _("moderation decision")
        verbose_name_plural = _("moderation decisions")
        ordering = ["submission", "decided_at", "pk"]

    def __str__(self) -> str:
        return f"{self.submission_id}: {self.from_status} -> {self.to_status}"

    def display_reason(self, language: str | None = None) -> str:
        """A reason from the list reads in the reader's language, and so does the reason the site
        itself gives (the author withdrew); one a person wrote reads as written."""
        if self.standard_reason_id:
            return in_language(self.standard_reason.text, language)
        if self.reason == AUTHOR_WITHDREW:
            with override(language or get_language()):
                return str(_(AUTHOR_WITHDREW))
        return self.reason


@reversion.register()
class RejectionReason(models.Model):
    """The short list of reasons the secretariat keeps (in the back office) for rejections."""

    text = models.JSONField(_("reason by language"), default=dict)
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    active = models.BooleanField(_("offered"), default=True)

    class Meta:
        verbose_name = _("rejection reason")
        verbose_name_plural = _("rejection reasons")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.display_text

    @property
    def display_text(self) -> str:
        return in_language(self.text)


def attachment_file_name(instance: "SubmissionAttachment", filename: str) -> str:
    """Content-addressed, like document files: the same bytes always live at the same name."""
    digest = instance.sha256
    return f"consultations/{digest[:2]}/{digest[2:4]}/{digest}{instance.extension}"


@reversion.register()
class SubmissionAttachment(models.Model):
    """A file sent with an input, checked like a document upload before it was stored."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to=attachment_file_name, max_length=200)
    original_name = models.CharField(_("original file name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    content_type = models.CharField(_("type"), max_length=120)
    extension = models.CharField(max_length=10)
    page_count = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["submission", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "sha256"], name="attachment_once_per_submission"
            )
        ]

    def __str__(self) -> str:
        return self.original_name
