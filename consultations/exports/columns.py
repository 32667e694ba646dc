"""The columns of a call's inputs export: one definition for the CSV, XLSX and JSON writers and
for the Data Package that documents them, so a column cannot change without its schema.

Values are what a person reads (labels in the request's language, never stored codes); the
names are stable, English and snake_case; times are Geneva's, ISO 8601 to the second.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from consultations.models import LANGUAGES, ConsultationCall, Question, Submission
from cwg.dates import iso_datetime

# Bump with every change of a column's name, type or meaning (tests pin the columns per version).
SCHEMA_VERSION = "1.0.0"
geneva_time = iso_datetime  # the name the columns below use


def _yes_no(value: bool) -> str:
    return gettext("yes") if value else gettext("no")


def _last_decision(item: Submission):
    decisions = list(item.decisions.all())  # prefetched, in order
    return decisions[-1] if decisions else None


@dataclass(frozen=True)
class Column:
    name: str
    title: Promise | str
    type: str  # a Table Schema type: string, datetime, boolean, integer
    description: Promise | str
    value: Callable[[Submission], object]
    enum: Callable[[], list[str]] | None = None
    private: bool = False  # only in the moderators' export (never in the published inputs)
    extra: dict = field(default_factory=dict)

    def schema(self) -> dict:
        described = {
            "name": self.name,
            "title": str(self.title),
            "type": self.type,
            "description": str(self.description),
        }
        if self.type == "boolean":
            described["trueValues"], described["falseValues"] = [gettext("yes")], [gettext("no")]
        if self.enum is not None:
            described["constraints"] = {"enum": self.enum()}
        return described | self.extra


def _labels(choices) -> Callable[[], list[str]]:
    return lambda: [str(label) for _value, label in choices]


def _decision_value(attribute: str) -> Callable[[Submission], object]:
    def value(item: Submission) -> object:
        decision = _last_decision(item)
        if decision is None:
            return ""
        if attribute == "to_status":
            return decision.get_to_status_display()
        if attribute == "decided_at":
            return geneva_time(decision.decided_at)
        return decision.display_reason()

    return value


COLUMNS: list[Column] = [
    Column(
        "reference",
        _("Reference"),
        "string",
        _("The input's reference number: the call's code and a gapless number."),
        lambda item: item.reference,
        extra={"constraints": {"required": True, "unique": True}},
    ),
    Column(
        "status",
        _("Status"),
        "string",
        _("Where the input stands in moderation."),
        lambda item: item.get_status_display(),
        enum=_labels(Submission.Status.choices),
        private=True,
    ),
    Column(
        "submitted_at",
        _("Submitted at"),
        "datetime",
        _("When the input reached the server, Geneva time, ISO 8601."),
        lambda item: geneva_time(item.submitted_at),
    ),
    Column("name", _("Name"), "string", _("The author's name."), lambda item: item.name),
    Column(
        "email",
        _("E-mail"),
        "string",
        _("The author's e-mail address (moderators only)."),
        lambda item: item.email,
        private=True,
    ),
    Column(
        "organization",
        _("Organization"),
        "string",
        _("The organization the author speaks for, if any."),
        lambda item: item.organization,
    ),
    Column(
        "stakeholder_type",
        _("Stakeholder type"),
        "string",
        _("The author's stakeholder type, as in WSIS consultations."),
        lambda item: item.get_stakeholder_type_display(),
        enum=_labels(Submission.StakeholderType.choices),
    ),
    Column(
        "country",
        _("Country"),
        "string",
        _("The member state of the author, or “International / regional”."),
        lambda item: item.country_label,
    ),
    Column(
        "language",
        _("Language"),
        "string",
        _("The language the input is written in."),
        lambda item: item.get_language_display(),
        enum=_labels(LANGUAGES),
    ),
    Column(
        "consent_to_publish",
        _("Consent to publish"),
        "boolean",
        _("Whether the author agreed that the input be published with their name."),
        lambda item: _yes_no(item.consent_to_publish),
        private=True,
    ),
    Column(
        "attachments",
        _("Attachments"),
        "string",
        _("The names of the files sent with the input, separated by “; ”."),
        lambda item: "; ".join(attachment.original_name for attachment in item.attachments.all()),
    ),
    Column(
        "decision",
        _("Decision"),
        "string",
        _("The latest moderation decision: the status it gave."),
        _decision_value("to_status"),
        enum=lambda: ["", *[str(label) for _v, label in Submission.Status.choices]],
        private=True,
    ),
    Column(
        "decided_at",
        _("Decided at"),
        "datetime",
        _("When the latest decision was taken, Geneva time, ISO 8601."),
        _decision_value("decided_at"),
        private=True,
    ),
    Column(
        "reason",
        _("Reason"),
        "string",
        _("Why: the reason given with the latest decision (a rejection's reason)."),
        _decision_value("reason"),
        private=True,
    ),
]


def question_column(question: Question, position: int) -> Column:
    """One column per question of the call, named by its place (questions lock once it opens)."""
    enum = None
    if question.kind == Question.Kind.CHOICE:
        enum = lambda: ["", *[label for _value, label in question.choice_options]]  # noqa: E731 -- a deferred list, read in the request's language
    kind = question.get_kind_display()

    def value(item: Submission) -> str:
        for answer in item.answers.all():
            if answer.question_id == question.pk:
                return answer.display()
        return ""

    return Column(
        f"question_{position}",
        question.display_text,
        "string",
        format_question(question, kind),
        value,
        enum=enum,
    )


def format_question(question: Question, kind) -> str:
    text = gettext("Answer to the question: %(question)s (%(kind)s).") % {
        "question": question.display_text,
        "kind": kind,
    }
    if question.kind == Question.Kind.MULTIPLE:
        text += " " + gettext("Several options are separated by “; ”.")
    return text


def columns_of(*, call: ConsultationCall, private: bool) -> list[Column]:
    fixed = [column for column in COLUMNS if private or not column.private]
    questions = enumerate(call.questions.all(), start=1)
    return fixed + [question_column(question, position) for position, question in questions]
