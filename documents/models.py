import reversion
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from cwg.models import MemberState, Organization, action_line_tags, sdg_tags
from meetings.models import AgendaItem, Meeting


class Language(models.TextChoices):
    ARABIC = "ar", _("Arabic")
    CHINESE = "zh", _("Chinese")
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    RUSSIAN = "ru", _("Russian")
    SPANISH = "es", _("Spanish")


# The symbol's language letters of the group's documents: A C E F R S.
LANGUAGE_LETTERS = {"ar": "A", "zh": "C", "en": "E", "fr": "F", "ru": "R", "es": "S"}


class DocumentQuerySet(models.QuerySet):
    def visible_to(self, user):
        from documents.permissions import visible_documents_filter

        return self.filter(visible_documents_filter(user)).distinct()


@reversion.register(follow=[])
class Document(models.Model):
    class Kind(models.TextChoices):
        CONTRIBUTION = "contribution", _("Contribution")
        INFORMATION = "information", _("Information document")
        SUMMARY = "summary", _("Meeting summary")

    class Status(models.TextChoices):
        # In a context of their own: a document's status agrees with "document" (Publié, not the
        # consultations' "Publiées").
        DRAFT = "draft", pgettext_lazy("status of a document", "Draft")
        SUBMITTED = "submitted", pgettext_lazy("status of a document", "Submitted")
        REGISTERED = "registered", pgettext_lazy("status of a document", "Registered")
        PUBLISHED = "published", pgettext_lazy("status of a document", "Published")
        WITHDRAWN = "withdrawn", pgettext_lazy("status of a document", "Withdrawn")

    class Access(models.TextChoices):
        PUBLIC = "public", _("Public")
        MEMBERS = "members", _("Members only")
        RESTRICTED = "restricted", _("Restricted")

    meeting = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, related_name="documents", verbose_name=_("meeting")
    )
    agenda_items = models.ManyToManyField(
        AgendaItem, blank=True, related_name="documents", verbose_name=_("agenda items")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=500)
    source_states = models.ManyToManyField(
        MemberState, blank=True, related_name="documents", verbose_name=_("source (member states)")
    )
    source_organizations = models.ManyToManyField(
        Organization,
        blank=True,
        related_name="documents",
        verbose_name=_("source (organizations)"),
    )
    source_text = models.CharField(
        _("source (other)"), max_length=200, blank=True, help_text=_("e.g. Secretariat, Chair")
    )
    owner_state = models.ForeignKey(
        MemberState,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="owned_documents",
        verbose_name=_("owning delegation (member state)"),
    )
    owner_organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="owned_documents",
        verbose_name=_("owning delegation (organization)"),
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="documents_submitted",
        verbose_name=_("submitted by"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    access = models.CharField(
        _("access"), max_length=20, choices=Access.choices, default=Access.PUBLIC
    )
    restricted_to = models.ManyToManyField(
        Group, blank=True, related_name="restricted_documents", verbose_name=_("restricted to")
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    is_late = models.BooleanField(_("late"), default=False)
    late_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("late contribution approved by"),
    )
    late_approved_at = models.DateTimeField(
        _("late contribution approved at"), null=True, blank=True
    )
    number = models.PositiveIntegerField(_("number"), null=True, blank=True)
    revision = models.PositiveSmallIntegerField(_("revision"), default=0)
    registered_at = models.DateTimeField(_("registered at"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    withdrawn_reason = models.TextField(_("reason for withdrawal"), blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn on"), null=True, blank=True)
    summary_body = models.JSONField(
        _("summary text"), default=list, blank=True, help_text=_("Headings and paragraphs")
    )
    summary_language = models.CharField(
        _("summary language"), max_length=2, choices=Language.choices, default=Language.ENGLISH
    )
    action_lines = action_line_tags(related_name="documents")
    sdgs = sdg_tags(related_name="documents")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["meeting", "kind", "number", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "kind", "number"],
                condition=Q(number__isnull=False),
                name="document_unique_number_in_series",
            ),
            models.CheckConstraint(
                condition=~(Q(owner_state__isnull=False) & Q(owner_organization__isnull=False)),
                name="document_one_owning_party",
            ),
        ]

    def __str__(self) -> str:
        return self.symbol or self.title

    def get_absolute_url(self) -> str:
        return reverse("documents:detail", kwargs={"pk": self.pk})

    @property
    def series(self) -> str:
        return series_of(self.kind)

    @property
    def symbol(self) -> str:
        """e.g. CWG-WSIS&SDG-44/7(Rev.1) or CWG-WSIS&SDG-44/INF/3; empty until registered."""
        if self.number is None:
            return ""
        prefix = f"{self.meeting.working_group.code}-{self.meeting.number}/"
        series = f"{self.series}/" if self.series else ""
        revision = f"(Rev.{self.revision})" if self.revision else ""
        return f"{prefix}{series}{self.number}{revision}"

    @property
    def awaits_late_approval(self) -> bool:
        """Arrived after the deadline and not approved yet: it cannot be registered."""
        return self.is_late and self.late_approved_at is None

    @property
    def source(self) -> str:
        names = [state.name for state in self.source_states.all()]
        names += [organization.name for organization in self.source_organizations.all()]
        if self.source_text:
            names.append(source_in_language(self.source_text))
        return ", ".join(names)


# Offices a document comes from, stored in English like the names of member states and shown in
# the page's language: "Secretariat, Chair" reads "Secrétariat, Président" in French.
SOURCE_OFFICES = {
    "Secretariat": _("Secretariat"),
    "Chair": _("Chair"),
    "Vice-Chair": _("Vice-Chair"),
    "Vice-chair": _("Vice-Chair"),
}


def source_in_language(source_text: str) -> str:
    """The free-text source with the offices in it translated; anything else as it was typed."""
    parts = [part.strip() for part in source_text.split(",")]
    return ", ".join(str(SOURCE_OFFICES.get(part, part)) for part in parts)


def series_of(kind: str) -> str:
    """Information documents have their own numbering (INF); everything else shares the main."""
    return "INF" if kind == Document.Kind.INFORMATION else ""


class SymbolCounter(models.Model):
    """The last number given in one series of one meeting; locked while a number is allocated."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="+")
    series = models.CharField(max_length=10, blank=True)
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting", "series"], name="symbol_counter_unique")
        ]

    def __str__(self) -> str:
        return f"{self.meeting} {self.series or 'main'}: {self.last_number}"


def stored_file_name(instance: "DocumentFile", filename: str) -> str:
    """Content-addressed: the same bytes always live at the same name, so nothing is overwritten."""
    digest = instance.sha256
    return f"documents/{digest[:2]}/{digest[2:4]}/{digest}{instance.extension}"


@reversion.register()
class DocumentFile(models.Model):
    class Extraction(models.TextChoices):
        PENDING = "pending", _("Waiting for text extraction")
        # The broker did not take the task: the beat sweep sends it again when it is back.
        DELAYED = "delayed", _("Text extraction delayed")
        RUNNING = "running", _("Extracting text")
        DONE = "done", _("Text extracted")
        FAILED = "failed", _("Text extraction failed")

    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="files")
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    revision = models.PositiveSmallIntegerField(_("revision"), default=0)
    file = models.FileField(_("file"), upload_to=stored_file_name, max_length=200)
    original_name = models.CharField(_("original file name"), max_length=255)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    content_type = models.CharField(_("type"), max_length=120)
    kind = models.CharField(_("format"), max_length=10)
    extension = models.CharField(max_length=10)
    page_count = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    text = models.TextField(_("extracted text"), blank=True)
    text_truncated = models.BooleanField(default=False)
    text_from_ocr = models.BooleanField(_("text recognised by OCR"), default=False)
    extraction_state = models.CharField(
        _("text extraction"),
        max_length=10,
        choices=Extraction.choices,
        default=Extraction.PENDING,
    )
    extraction_error = models.TextField(_("why extraction failed"), blank=True)
    extraction_attempts = models.PositiveSmallIntegerField(default=0)
    extraction_started_at = models.DateTimeField(null=True, blank=True)
    extracted_at = models.DateTimeField(null=True, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("document file")
        verbose_name_plural = _("document files")
        ordering = ["document", "language", "-revision", "-uploaded_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "sha256"], name="document_file_unique_content"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document} [{self.language}] rev {self.revision}"
