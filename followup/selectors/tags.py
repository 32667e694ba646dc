"""What the secretariat tags from the tagging page: a document, a question or an input, found
among what the person may read (a delegation's draft stays the delegation's own)."""

from dataclasses import dataclass, field

from django.db import models
from django.urls import reverse

from consultations.models import ConsultationCall, Question, Submission
from consultations.permissions import can_read_submission
from cwg.permissions import AnyUser
from documents.models import Document

KINDS = ("document", "question", "input")


@dataclass
class Taggable:
    target: models.Model
    title: str
    back_url: str
    proposed_action_lines: list = field(default_factory=list)
    proposed_sdgs: list = field(default_factory=list)


def _document(user: AnyUser, pk: int) -> Taggable | None:
    document = (
        Document.objects.visible_to(user)
        .select_related("meeting__working_group")
        .prefetch_related("proposed_action_lines", "proposed_sdgs")
        .filter(pk=pk)
        .first()
    )
    if document is None:
        return None
    return Taggable(
        target=document,
        title=f"{document.symbol} {document.title}".strip(),
        back_url=document.get_absolute_url(),
        proposed_action_lines=list(document.proposed_action_lines.all()),
        proposed_sdgs=list(document.proposed_sdgs.all()),
    )


def _question(user: AnyUser, pk: int) -> Taggable | None:
    calls = ConsultationCall.objects.visible_to(user)
    question = Question.objects.select_related("call").filter(pk=pk, call__in=calls).first()
    if question is None:
        return None
    return Taggable(
        target=question,
        title=f"{question.call.code}: {question.display_text}",
        back_url=reverse("consultations:detail", args=[question.call.code]),
    )


def _input(user: AnyUser, pk: int) -> Taggable | None:
    submission = Submission.objects.select_related("call").filter(pk=pk).first()
    if submission is None or not can_read_submission(user=user, submission=submission):
        return None
    return Taggable(
        target=submission,
        title=submission.reference,
        back_url=reverse(
            "consultations:moderation_input", args=[submission.call.code, submission.reference]
        ),
    )


def taggable_for(*, user: AnyUser, kind: str, pk: int) -> Taggable | None:
    """The row to tag, or None when it does not exist or the person may not read it."""
    finder = {"document": _document, "question": _question, "input": _input}.get(kind)
    return finder(user, pk) if finder else None
