import reversion
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from cwg.multilingual import LANGUAGE_CHOICES, Shown, shown_in

UN_LANGUAGES = ["ar", "zh", "en", "fr", "ru", "es"]


@reversion.register()
class Resolution(models.Model):
    """A text that gives the group or ITU a mandate, e.g. Council Resolution 1332."""

    class Kind(models.TextChoices):
        COUNCIL = "council", _("Council Resolution")
        PLENIPOTENTIARY = "plenipotentiary", _("Plenipotentiary Resolution")
        UN_GENERAL_ASSEMBLY = "unga", _("UN General Assembly resolution")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    number = models.CharField(_("number"), max_length=40)
    title = models.CharField(_("title"), max_length=300)
    revision = models.CharField(
        _("revision"), max_length=80, blank=True, help_text=_("e.g. modified 2024")
    )
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)

    class Meta:
        verbose_name = _("resolution")
        verbose_name_plural = _("resolutions")
        ordering = ["kind", "number"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "number"], name="resolution_unique_number")
        ]

    def __str__(self) -> str:
        if self.kind == self.Kind.UN_GENERAL_ASSEMBLY:
            return self.number
        label = f"{self.get_kind_display()} {self.number}"
        return f"{label} ({self.revision})" if self.revision else label


@reversion.register()
class WorkingGroup(models.Model):
    code = models.CharField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=200)
    name_language = models.CharField(
        _("language of the name"), max_length=2, choices=LANGUAGE_CHOICES, default="en"
    )
    names = models.JSONField(_("translated names"), default=dict, blank=True)
    mandate = models.TextField(_("mandate"), blank=True)
    mandate_resolutions = models.ManyToManyField(
        Resolution, blank=True, related_name="working_groups", verbose_name=_("mandates")
    )
    contribution_days_before = models.PositiveSmallIntegerField(
        _("contributions due (calendar days before the opening)"),
        default=12,
        help_text=_("Council Decision 556: 12 days when no translation is needed."),
    )
    posting_days_before = models.PositiveSmallIntegerField(
        _("documents posted (calendar days before the opening)"), default=7
    )

    class Meta:
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.code

    def name_in(self, language: str | None) -> Shown:
        """The group's name in that language, else as first written."""
        return shown_in(language, self.name, self.name_language, self.names)


@reversion.register()
class MemberState(models.Model):
    """An ITU member state. Names come from CLDR (Babel), never typed by hand."""

    class ItuRegion(models.TextChoices):
        A = "A", _("Region A (Americas)")
        B = "B", _("Region B (Western Europe)")
        C = "C", _("Region C (Eastern Europe and Northern Asia)")
        D = "D", _("Region D (Africa)")
        E = "E", _("Region E (Asia and Australasia)")

    class DevelopmentRegion(models.TextChoices):
        AFRICA = "africa", _("Africa")
        AMERICAS = "americas", _("Americas")
        ARAB_STATES = "arab_states", _("Arab States")
        ASIA_PACIFIC = "asia_pacific", _("Asia-Pacific")
        CIS = "cis", _("CIS")
        EUROPE = "europe", _("Europe")

    iso_code = models.CharField(_("ISO 3166 code"), max_length=2, unique=True)
    itu_region = models.CharField(_("ITU region"), max_length=1, choices=ItuRegion.choices)
    development_region = models.CharField(
        _("development region"), max_length=20, choices=DevelopmentRegion.choices
    )
    name_ar = models.CharField(_("name (Arabic)"), max_length=120)
    name_zh = models.CharField(_("name (Chinese)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120)
    name_fr = models.CharField(_("name (French)"), max_length=120)
    name_ru = models.CharField(_("name (Russian)"), max_length=120)
    name_es = models.CharField(_("name (Spanish)"), max_length=120)

    class Meta:
        verbose_name = _("member state")
        verbose_name_plural = _("member states")
        ordering = ["name_en"]

    def __str__(self) -> str:
        return self.name

    def name_in(self, language: str) -> str:
        code = (language or "en").split("-")[0].lower()
        return getattr(self, f"name_{code}", "") or self.name_en

    @property
    def name(self) -> str:
        return self.name_in(get_language() or "en")


@reversion.register()
class Organization(models.Model):
    class Kind(models.TextChoices):
        SECTOR_MEMBER = "sector_member", _("Sector member")
        INTERNATIONAL = "international", _("International organization")
        CIVIL_SOCIETY = "civil_society", _("Civil society")
        ACADEMIA = "academia", _("Academia")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    country = models.ForeignKey(
        MemberState,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organizations",
        verbose_name=_("country"),
    )

    class Meta:
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class OfficerQuerySet(models.QuerySet):
    def current(self, *, on=None):
        day = on or timezone.localdate()
        return self.filter(Q(term_start__lte=day), Q(term_end__isnull=True) | Q(term_end__gte=day))


@reversion.register()
class Officer(models.Model):
    """A chair or vice-chair term. A term without an end date is a sitting officer."""

    class Role(models.TextChoices):
        CHAIR = "chair", _("Chair")
        VICE_CHAIR = "vice_chair", _("Vice-chair")

    class FormOfAddress(models.TextChoices):
        MS = "ms", _("Ms")
        MR = "mr", _("Mr")

    # The title of office agrees with the officer's form of address where a language marks it
    # (Présidente, Presidenta, الرئيسة); without a recorded form, the role's own name is shown.
    OFFICES = {
        ("chair", "ms"): pgettext_lazy("office held by a woman", "Chair"),
        ("chair", "mr"): pgettext_lazy("office held by a man", "Chair"),
        ("vice_chair", "ms"): pgettext_lazy("office held by a woman", "Vice-chair"),
        ("vice_chair", "mr"): pgettext_lazy("office held by a man", "Vice-chair"),
    }

    working_group = models.ForeignKey(
        WorkingGroup, on_delete=models.CASCADE, related_name="officers"
    )
    name = models.CharField(_("name"), max_length=200)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="officer_terms",
        verbose_name=_("sign-in"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    form_of_address = models.CharField(
        _("form of address"), max_length=2, choices=FormOfAddress.choices, blank=True
    )
    member_state = models.ForeignKey(
        MemberState, on_delete=models.PROTECT, related_name="officers", verbose_name=_("country")
    )
    term_start = models.DateField(_("term starts"))
    term_end = models.DateField(_("term ends"), null=True, blank=True)
    attends_remotely = models.BooleanField(_("attends remotely"), default=False)

    objects = OfficerQuerySet.as_manager()

    class Meta:
        verbose_name = _("officer")
        verbose_name_plural = _("officers")
        ordering = ["working_group", "role", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["working_group"],
                condition=Q(role="chair", term_end__isnull=True),
                name="officer_one_sitting_chair",
                violation_error_message=_("This working group already has a sitting chair."),
            ),
            models.CheckConstraint(
                condition=Q(term_end__isnull=True) | Q(term_end__gte=models.F("term_start")),
                name="officer_term_ends_after_start",
                violation_error_message=_("A term cannot end before it starts."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.office})"

    @property
    def office(self) -> str:
        """The title of office in the active language, agreeing with the form of address."""
        return str(self.OFFICES.get((self.role, self.form_of_address), self.get_role_display()))


@reversion.register()
class Delegation(models.Model):
    """A user acting for a member state or for an organization (never both)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="delegations"
    )
    member_state = models.ForeignKey(
        MemberState,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="delegations",
        verbose_name=_("member state"),
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="delegations",
        verbose_name=_("organization"),
    )

    class Meta:
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")
        constraints = [
            models.CheckConstraint(
                condition=(Q(member_state__isnull=False) & Q(organization__isnull=True))
                | (Q(member_state__isnull=True) & Q(organization__isnull=False)),
                name="delegation_for_exactly_one_party",
                violation_error_message=_(
                    "A delegation acts for one member state or one organization."
                ),
            ),
            models.UniqueConstraint(
                fields=["user", "member_state"], name="delegation_unique_state"
            ),
            models.UniqueConstraint(
                fields=["user", "organization"], name="delegation_unique_organization"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} for {self.member_state or self.organization}"

    @property
    def party(self) -> MemberState | Organization:
        return self.member_state or self.organization


class TitledInSixLanguages(models.Model):
    """Reference data named in the six UN languages; the page's language picks the title."""

    title_ar = models.CharField(_("title (Arabic)"), max_length=300)
    title_zh = models.CharField(_("title (Chinese)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300)
    title_fr = models.CharField(_("title (French)"), max_length=300)
    title_ru = models.CharField(_("title (Russian)"), max_length=300)
    title_es = models.CharField(_("title (Spanish)"), max_length=300)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    def title_in(self, language: str) -> str:
        code = (language or "en").split("-")[0].lower()
        return getattr(self, f"title_{code}", "") or self.title_en

    @property
    def title(self) -> str:
        return self.title_in(get_language() or "en")


class SustainableDevelopmentGoal(TitledInSixLanguages):
    """One of the 17 SDGs of the 2030 Agenda (A/RES/70/1), loaded from cwg/data."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)

    class Meta:
        verbose_name = _("Sustainable Development Goal")
        verbose_name_plural = _("Sustainable Development Goals")
        ordering = ["number"]

    @property
    def code(self) -> str:
        """ "SDG 4" in the page's language: ODD 4, ODS 4, ЦУР 4."""
        return _("SDG %(number)s") % {"number": self.number}


class ActionLine(TitledInSixLanguages):
    """A WSIS action line of the Geneva Plan of Action (C1 to C11), loaded from cwg/data, with
    the SDGs the WSIS-SDG matrix links it to."""

    code = models.CharField(_("code"), max_length=4, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), unique=True)
    sdgs = models.ManyToManyField(
        SustainableDevelopmentGoal,
        blank=True,
        related_name="action_lines",
        verbose_name=_("SDGs (WSIS-SDG matrix)"),
    )

    class Meta:
        verbose_name = _("WSIS action line")
        verbose_name_plural = _("WSIS action lines")
        ordering = ["order"]


def action_line_tags(*, related_name: str) -> models.ManyToManyField:
    """The tag fields every app's taggable model declares, alike (verbose names from here)."""
    return models.ManyToManyField(
        ActionLine, blank=True, related_name=related_name, verbose_name=_("WSIS action lines")
    )


def sdg_tags(*, related_name: str) -> models.ManyToManyField:
    return models.ManyToManyField(
        SustainableDevelopmentGoal, blank=True, related_name=related_name, verbose_name=_("SDGs")
    )


class OutboxMessage(models.Model):
    """A side effect (a mail, a search refresh, a text extraction) written in the transaction of
    the change that causes it, so a broker that loses its queue loses nothing (see cwg.outbox).
    Not versioned: it is bookkeeping, never restored."""

    class State(models.TextChoices):
        PENDING = "pending", _("Pending")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    handler = models.CharField(_("handler"), max_length=100)
    arguments = models.JSONField(_("arguments"), default=dict)
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.PENDING
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    available_at = models.DateTimeField(_("due at"), default=timezone.now)
    claimed_at = models.DateTimeField(_("claimed at"), null=True, blank=True)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("outbox message")
        verbose_name_plural = _("outbox messages")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["state", "available_at"], name="outbox_due")]

    def __str__(self) -> str:
        return f"{self.handler} #{self.pk} ({self.state})"


class UserPreference(models.Model):
    """What a person chose for themselves and what the site saw them use: the language of their
    mails is the one they chose, else the one they last used (see cwg.mail.language_of)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="preference"
    )
    language = models.CharField(
        _("language of my mails"),
        max_length=10,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("Empty: the language you last used on this site."),
    )
    last_language = models.CharField(
        _("last language used"), max_length=10, choices=settings.LANGUAGES, blank=True
    )

    class Meta:
        verbose_name = _("user preference")
        verbose_name_plural = _("user preferences")

    def __str__(self) -> str:
        return f"preference of {self.user_id}"
