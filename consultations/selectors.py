"""Read-side queries of consultations, shared by pages, exports and the API."""

from django.db.models import Count, Prefetch, Q, QuerySet

from consultations.models import (
    CHOICE_SEPARATOR,
    Answer,
    ConsultationCall,
    ModerationDecision,
    Submission,
    SubmissionAttachment,
)
from consultations.permissions import can_read_submission
from cwg.models import MemberState

Status = Submission.Status


def _with_answers(queryset: QuerySet) -> QuerySet:
    answers = Answer.objects.select_related("question").order_by("question__order", "question_id")
    return queryset.select_related("country").prefetch_related(
        Prefetch("answers", answers), "attachments"
    )


def _with_decisions(queryset: QuerySet) -> QuerySet:
    decisions = ModerationDecision.objects.select_related("decided_by", "standard_reason")
    return queryset.prefetch_related(Prefetch("decisions", decisions.order_by("decided_at", "pk")))


def published_inputs(
    *,
    call: ConsultationCall,
    stakeholder_type: str = "",
    itu_region: str = "",
    action_line: str = "",
    sdg: int | None = None,
) -> QuerySet:
    """The published inputs of a call: the only inputs anyone but moderators may read."""
    queryset = Submission.objects.published().filter(call=call)
    if action_line:
        queryset = queryset.filter(action_lines__code=action_line)
    if sdg:
        queryset = queryset.filter(sdgs__number=sdg)
    if stakeholder_type:
        queryset = queryset.filter(stakeholder_type=stakeholder_type)
    if itu_region:
        queryset = queryset.filter(country__itu_region=itu_region)
    return _with_answers(queryset).order_by("stakeholder_type", "number")


QUEUE_FILTERS = ("status", "stakeholder_type", "region", "question", "attachments")


def moderation_queue(
    *,
    call: ConsultationCall,
    status: str = "",
    stakeholder_type: str = "",
    region: str = "",
    question: str = "",
    attachments: str = "",
) -> QuerySet:
    """Every input of the call for its moderators, with answers, files and decisions.

    `region` is an ITU region letter or "international"; `question` is a question's id (inputs
    that answered it) or "<id>=<value>" (inputs that chose that option); `attachments` is
    "yes" or "no". A value that means nothing filters nothing (hostile input is not an error).
    """
    queryset = Submission.objects.filter(call=call)
    if status:
        queryset = queryset.filter(status=status)
    if stakeholder_type:
        queryset = queryset.filter(stakeholder_type=stakeholder_type)
    if region == "international":
        queryset = queryset.filter(country__isnull=True)
    elif region:
        queryset = queryset.filter(country__itu_region=region)
    question_id, _sep, value = question.partition("=")
    if question_id.isdecimal():
        answered = Answer.objects.filter(question_id=int(question_id)).exclude(text="", choice="")
        if value:
            answered = answered.filter(
                Q(choice=value)
                | Q(choice__startswith=value + CHOICE_SEPARATOR)
                | Q(choice__endswith=CHOICE_SEPARATOR + value)
                | Q(choice__contains=CHOICE_SEPARATOR + value + CHOICE_SEPARATOR)
            )
        queryset = queryset.filter(pk__in=answered.values("submission_id"))
    if attachments == "yes":
        queryset = queryset.filter(attachments__isnull=False).distinct()
    elif attachments == "no":
        queryset = queryset.filter(attachments__isnull=True)
    return _with_decisions(_with_answers(queryset)).order_by("number")


def question_filter_options(*, call: ConsultationCall) -> list[tuple[str, str]]:
    """The choices of the queue's question filter: each question, and each option of a choice."""
    from django.utils.translation import gettext

    options = []
    for question in call.questions.all():
        options.append(
            (
                str(question.pk),
                gettext("Answered: %(question)s") % {"question": question.display_text},
            )
        )
        for value, label in question.choice_options:
            options.append((f"{question.pk}={value}", f"{question.display_text}: {label}"))
    return options


def attachment_for_download(*, user, code: str, pk: int) -> SubmissionAttachment | None:
    """An attachment of the call `code`, if the user may read its input; else None."""
    attachment = (
        SubmissionAttachment.objects.select_related("submission__call")
        .filter(pk=pk, submission__call__code=code)
        .first()
    )
    if attachment is None or not can_read_submission(user=user, submission=attachment.submission):
        return None
    return attachment


# A total under this, above zero, is not shown to the public: it could name an author.
SMALL_COUNT = 3


def call_statistics(*, call: ConsultationCall, for_moderators: bool) -> dict:
    """Counts of the call computed from the submission rows, never typed in.

    The breakdowns by stakeholder type, ITU region and country count published inputs only,
    for everyone: a withdrawn or rejected input must not show where its author lives. The
    totals of every status are exact for moderators; for everyone else a total of 1 or 2 is
    None (shown as "fewer than 3"), except the published one, which the public can count.
    """
    rows = Submission.objects.filter(call=call)
    totals = rows.aggregate(
        received=Count("pk"),
        accepted=Count("pk", filter=Q(status__in=[Status.ACCEPTED, Status.PUBLISHED])),
        rejected=Count("pk", filter=Q(status=Status.REJECTED)),
        published=Count("pk", filter=Q(status=Status.PUBLISHED)),
        withdrawn=Count("pk", filter=Q(status=Status.WITHDRAWN)),
        accepted_without_consent=Count(
            "pk", filter=Q(status=Status.ACCEPTED, consent_to_publish=False)
        ),
    )
    if not for_moderators:
        totals = {
            key: None if key != "published" and 0 < count < SMALL_COUNT else count
            for key, count in totals.items()
        }
    published = rows.filter(status=Status.PUBLISHED)
    by_type = _counts(published, "stakeholder_type")
    by_region = _counts(published, "country__itu_region")
    by_country = _counts(published, "country__iso_code")
    states = {
        state.iso_code: state for state in MemberState.objects.filter(iso_code__in=by_country)
    }
    countries = sorted(
        (
            (iso or "", states[iso].name if iso else _international(), n)
            for iso, n in by_country.items()
        ),
        key=lambda row: (-row[2], str(row[1])),
    )
    return {
        "totals": totals,
        "by_stakeholder_type": [
            (label, by_type.get(value, 0)) for value, label in Submission.StakeholderType.choices
        ],
        "by_itu_region": [
            (label, by_region.get(value, 0)) for value, label in MemberState.ItuRegion.choices
        ]
        + [(_international(), by_region.get(None, 0))],
        "by_country": [(name, n) for _iso, name, n in countries],
        "by_country_code": countries,
    }


def _counts(rows: QuerySet, field: str) -> dict:
    return dict(rows.values_list(field).annotate(n=Count("pk")).values_list(field, "n"))


def _international() -> str:
    from django.utils.translation import gettext

    return gettext("International / regional")
