import re
from dataclasses import dataclass

import reversion
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from cwg.history import keep_on_restore
from cwg.models import (
    ActionLine,
    MemberState,
    Organization,
    SustainableDevelopmentGoal,
    action_line_tags,
    sdg_tags,
)
from cwg.multilingual import Shown, all_texts, shown_in
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
@keep_on_restore(
    "status",
    "number",
    "revision",
    "submitted_at",
    "is_late",
    "late_approved_by",
    "late_approved_at",
    "registered_at",
    "published_at",
    "withdrawn_reason",
    "withdrawn_at",
)
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
    # The title as first written, in title_language; translations (entered by the secretariat or
    # taken from a language version's file) in titles, {language: title}.
    title_language = models.CharField(
        _("language of the title"), max_length=2, choices=Language.choices, default=Language.ENGLISH
    )
    titles = models.JSONField(_("translated titles"), default=dict, blank=True)
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
    # The latest published revision: what everyone who may see the document sees. A revision
    # being prepared is a DocumentRevision without published_at, seen only by the secretariat and
    # the owning delegation until it is published.
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
    # What the delegation proposed on upload, until the secretariat confirms its tags.
    proposed_action_lines = models.ManyToManyField(
        ActionLine,
        blank=True,
        related_name="proposed_for_documents",
        verbose_name=_("proposed WSIS action lines"),
    )
    proposed_sdgs = models.ManyToManyField(
        SustainableDevelopmentGoal,
        blank=True,
        related_name="proposed_for_documents",
        verbose_name=_("proposed SDGs"),
    )
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

    def title_in(self, language: str | None) -> Shown:
        """The title in that language (a page's, e.g. "zh-hans"), else as first written."""
        return shown_in(language, self.title, self.title_language, self.titles)

    @property
    def all_titles(self) -> dict[str, str]:
        """The title in every language it exists in, the original included."""
        return all_texts(self.title, self.title_language, self.titles)

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
        """The source line: the submitter, then the co-sponsors who confirmed, in the order given.

        Reads the prefetched relations (source_states, source_organizations, cosponsors)."""
        names = [state.name for state in self.source_states.all()]
        names += [organization.name for organization in self.source_organizations.all()]
        if self.source_text:
            names.append(source_in_language(self.source_text))
        names += [cosponsor.member_state.name for cosponsor in self.confirmed_cosponsors]
        return ", ".join(names)

    @property
    def confirmed_cosponsors(self) -> list["CoSponsor"]:
        return [
            cosponsor
            for cosponsor in self.cosponsors.all()
            if cosponsor.answer == CoSponsor.Answer.CONFIRMED
        ]


def series_of(kind: str) -> str:
    """Information documents have their own numbering (INF); everything else shares the main."""
    return "INF" if kind == Document.Kind.INFORMATION else ""


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


@reversion.register()
class DocumentRevision(models.Model):
    """Rev.N of a registered document: a draft until the secretariat publishes it with its files.

    At most one draft at a time: Rev.N+1 cannot start while Rev.N is being prepared.
    """

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveSmallIntegerField(_("revision"))
    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    # A correction of a published meeting summary is written here while it is a draft: the
    # published text stays on the document, as everyone else sees it, until this is published.
    summary_body = models.JSONField(_("summary text"), default=list, blank=True)

    class Meta:
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        ordering = ["document", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "number"], name="document_revision_unique_number"
            ),
            models.UniqueConstraint(
                fields=["document"],
                condition=Q(published_at__isnull=True),
                name="document_revision_one_draft",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document} Rev.{self.number}"

    @property
    def is_draft(self) -> bool:
        return self.published_at is None


# CWG-WSIS&SDG-44/3, 44/INF/3, 44/3(Rev.1), 44/3(Rev.1)-E: the group, meeting, series, number.
SYMBOL = re.compile(
    r"^(?P<group>.+)-(?P<meeting>\d+)/(?:(?P<series>INF)/)?(?P<number>\d+)"
    r"(?:\(Rev\.(?P<revision>\d+)\))?(?:-(?P<letter>[ACEFRS]))?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ParsedSymbol:
    group: str
    meeting: int
    series: str
    number: int
    revision: int | None


def parse_symbol(text: str) -> ParsedSymbol | None:
    """What a symbol names; its revision and language letter do not change the document. As
    people type it: spaces and letter case do not matter ("cwg-wsis&sdg-44/3 (rev.1) - a")."""
    match = SYMBOL.match("".join(text.split()))
    if match is None:
        return None
    revision = match["revision"]
    return ParsedSymbol(
        group=match["group"],
        meeting=int(match["meeting"]),
        series=(match["series"] or "").upper(),
        number=int(match["number"]),
        revision=int(revision) if revision is not None else None,
    )


class CoSponsor(models.Model):
    """A member state the submitting delegation names as co-sponsor. Its delegates see the
    document from its submission and confirm or decline; only a confirmation makes it a source."""

    class Answer(models.TextChoices):
        PENDING = "pending", _("Not answered yet")
        CONFIRMED = "confirmed", _("Confirmed")
        DECLINED = "declined", _("Declined")

    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="cosponsors", verbose_name=_("document")
    )
    member_state = models.ForeignKey(
        MemberState,
        on_delete=models.PROTECT,
        related_name="cosponsorships",
        verbose_name=_("member state"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    answer = models.CharField(
        _("answer"), max_length=10, choices=Answer.choices, default=Answer.PENDING
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered by"),
    )
    answered_at = models.DateTimeField(_("answered on"), null=True, blank=True)

    class Meta:
        verbose_name = _("co-sponsor")
        verbose_name_plural = _("co-sponsors")
        ordering = ["document", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "member_state"], name="cosponsor_once_per_document"
            )
        ]

    def __str__(self) -> str:
        return f"{self.member_state} ({self.get_answer_display()})"


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
@keep_on_restore("extraction_state")
class DocumentFile(models.Model):
    class Extraction(models.TextChoices):
        PENDING = "pending", _("Waiting for text extraction")
        # The broker did not take the task: the beat sweep sends it again when it is back.
        DELAYED = "delayed", _("Text extraction delayed")
        RUNNING = "running", _("Extracting text")
        DONE = "done", _("Text extracted")
        FAILED = "failed", _("Text extraction failed")

    class State(models.TextChoices):
        CURRENT = "current", _("Current")
        # Kept for the record (history, the secretariat's downloads), never offered as current.
        REPLACED = "replaced", _("Replaced")
        REMOVED = "removed", _("Removed")

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
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.CURRENT
    )
    retired_at = models.DateTimeField(_("replaced or removed at"), null=True, blank=True)
    retired_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    removal_reason = models.TextField(_("reason for removal"), blank=True)

    class Meta:
        verbose_name = _("document file")
        verbose_name_plural = _("document files")
        ordering = ["document", "language", "-revision", "-uploaded_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "sha256"],
                condition=Q(state="current"),
                name="document_file_unique_current_content",
            ),
            # Never two current files for one language of one revision: a new one replaces.
            models.UniqueConstraint(
                fields=["document", "language", "revision"],
                condition=Q(state="current"),
                name="document_file_one_current_per_language",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document} [{self.language}] rev {self.revision}"


@reversion.register()
class TranslationRequest(models.Model):
    """One language version of one document asked of the translators, and how far it got.

    A language with a current file and no request is the original or a published version (the
    matrix derives it); a request follows requested -> in translation -> delivered (the file is
    uploaded from the matrix) -> published, or is marked not required.
    """

    class State(models.TextChoices):
        REQUESTED = "requested", pgettext_lazy("state of a translation", "Requested")
        IN_TRANSLATION = "in_translation", pgettext_lazy("state of a translation", "In translation")
        DELIVERED = "delivered", pgettext_lazy("state of a translation", "Delivered")
        PUBLISHED = "published", pgettext_lazy("state of a translation", "Published")
        NOT_REQUIRED = "not_required", pgettext_lazy("state of a translation", "Not required")

    document = models.ForeignKey(
        Document,
        on_delete=models.CASCADE,
        related_name="translation_requests",
        verbose_name=_("document"),
    )
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.REQUESTED
    )
    due = models.DateField(_("due on"), null=True, blank=True)
    file = models.ForeignKey(
        DocumentFile,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("delivered file"),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("translation request")
        verbose_name_plural = _("translation requests")
        ordering = ["document", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "language"], name="translation_request_once_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.document} [{self.language}] {self.state}"


_T = TranslationRequest.State
# Where the secretariat may move a translation. Delivered is reached only by uploading the file.
TRANSLATION_MOVES = {
    _T.REQUESTED: {_T.IN_TRANSLATION, _T.NOT_REQUIRED},
    _T.IN_TRANSLATION: {_T.REQUESTED, _T.NOT_REQUIRED},
    _T.DELIVERED: {_T.PUBLISHED},
    _T.PUBLISHED: set(),
    _T.NOT_REQUIRED: {_T.REQUESTED},
}
# The states in which the translators' file is awaited: uploading it delivers the translation.
AWAITING_FILE = frozenset({_T.REQUESTED, _T.IN_TRANSLATION})
