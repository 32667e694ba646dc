"""What search indexes of consultations: published inputs only, readable by the call's audience.

Received, accepted, rejected and withdrawn inputs never enter the index, so no query can
find them; an input leaves the index as soon as it stops being published.
"""

from django.db.models import QuerySet
from django.urls import reverse

from consultations.models import ConsultationCall, Submission
from cwg.search.entries import IndexEntry, tag_facets
from cwg.search.indexing import watch, watch_m2m
from cwg.search.principals import MEMBERS, PUBLIC, SECRETARIAT
from cwg.search.registry import Source, register

KIND = "submission"


def indexable_inputs() -> QuerySet[Submission]:
    return (
        Submission.objects.published()
        .select_related("call")
        .prefetch_related("answers__question", "action_lines", "sdgs")
        .order_by("pk")
    )


def _language(code: str) -> str:
    return code.split("-")[0]  # "zh-hans" is filed with the documents' "zh"


def _answer_text(answer) -> str:
    """A free answer as written; a choice as its labels in every language, not its code."""
    if answer.text:
        return answer.text
    for choice in answer.question.choices:
        if choice.get("value") == answer.choice:
            return " ".join(choice.get("label", {}).values())
    return answer.choice


def input_entry(submission: Submission) -> IndexEntry:
    audience = PUBLIC if submission.call.audience == ConsultationCall.Audience.PUBLIC else MEMBERS
    answers = [_answer_text(answer) for answer in submission.answers.all()]
    author = submission.name
    if submission.organization:
        author = f"{author} ({submission.organization})"
    return IndexEntry(
        kind=KIND,
        object_id=submission.pk,
        title=author,
        texts={_language(submission.language): "\n".join(filter(None, answers))},
        principals=frozenset({audience, SECRETARIAT}),
        symbol=submission.reference,
        keywords=" ".join(submission.call.title.values()),
        facets={
            "kind": KIND,
            "status": submission.status,
            "year": str(submission.submitted_at.year),
            **tag_facets(submission),
        },
    )


def describe_inputs(ids: list[int]) -> dict[int, dict]:
    rows = Submission.objects.filter(pk__in=ids).values_list(
        "pk", "call__code", "reference", "language"
    )
    return {
        pk: {
            "url": reverse("consultations:published", kwargs={"code": code}) + f"#{reference}",
            "kind": KIND,
            "meeting": None,
            "languages": [_language(language)],
        }
        for pk, code, reference, language in rows
    }


def _call_inputs(call: ConsultationCall) -> list[int]:
    return list(call.submissions.published().values_list("pk", flat=True))


def connect() -> None:
    register(
        Source(
            kind=KIND,
            queryset=indexable_inputs,
            to_entry=input_entry,
            describe=describe_inputs,
            labels={"kind": {KIND: Submission._meta.verbose_name}},
        )
    )
    watch(Submission, KIND, lambda submission: [submission.pk])
    watch(ConsultationCall, KIND, _call_inputs)
    watch_m2m(Submission.action_lines.through, KIND)
    watch_m2m(Submission.sdgs.through, KIND)
