"""The secretariat writes a call in the app: its texts and dates, then its questions.

Questions lock once the call opens: the answers refer to them, and a respondent must have
answered the question that is published with their answer.
"""

import datetime as dt

import reversion
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from consultations.exceptions import QuestionsLocked
from consultations.models import ConsultationCall, Question
from consultations.permissions import can_edit_call, can_manage_calls
from cwg.exceptions import DomainError, NotAllowed
from cwg.models import WorkingGroup

RESERVED_CODES = {"new", "mine"}  # /consultations/new/ and /consultations/mine/ are pages


def _check_texts(*, title: dict, opens_at: dt.datetime, closes_at: dt.datetime) -> None:
    if not any((text or "").strip() for text in title.values()):
        raise DomainError(_("Give the call a title in at least one language."))
    if closes_at <= opens_at:
        raise DomainError(_("A call must close after it opens."))


@transaction.atomic
def create_call(
    *,
    by,
    code: str,
    title: dict,
    description: dict,
    audience: str,
    opens_at: dt.datetime,
    closes_at: dt.datetime,
) -> ConsultationCall:
    """A new call is a draft: only its moderators see it until it is opened."""
    if not can_manage_calls(user=by):
        raise NotAllowed(_("Only the secretariat writes calls."))
    _check_texts(title=title, opens_at=opens_at, closes_at=closes_at)
    if code.lower() in RESERVED_CODES:
        raise DomainError(
            _("“%(code)s” names a page of the site: choose another code.") % {"code": code}
        )
    if ConsultationCall.objects.filter(code__iexact=code).exists():
        raise DomainError(_("A call with the code %(code)s exists already.") % {"code": code})
    with reversion.create_revision():
        call = ConsultationCall(
            working_group=WorkingGroup.objects.get(),
            code=code,
            title=title,
            description=description,
            audience=audience,
            opens_at=opens_at,
            closes_at=closes_at,
        )
        call.full_clean()
        call.save()
        reversion.set_user(by)
        reversion.set_comment("Written as a draft")
    return call


@transaction.atomic
def update_call(
    *,
    call: ConsultationCall,
    by,
    title: dict,
    description: dict,
    audience: str,
    opens_at: dt.datetime,
    closes_at: dt.datetime,
) -> ConsultationCall:
    """Texts and dates change until the call is archived; its code (the prefix of every
    reference number) never does."""
    call = ConsultationCall.objects.select_for_update().get(pk=call.pk)
    if not can_edit_call(user=by, call=call):
        raise NotAllowed(_("Only the secretariat edits a call, until it is archived."))
    _check_texts(title=title, opens_at=opens_at, closes_at=closes_at)
    with reversion.create_revision():
        call.title, call.description, call.audience = title, description, audience
        call.opens_at, call.closes_at = opens_at, closes_at
        call.full_clean()
        call.save()
        reversion.set_user(by)
        reversion.set_comment("Texts and dates edited")
    return call


def _locked_call(*, call: ConsultationCall, by) -> ConsultationCall:
    if not can_manage_calls(user=by):
        raise NotAllowed(_("Only the secretariat writes questions."))
    call = ConsultationCall.objects.select_for_update().get(pk=call.pk)
    if call.status != ConsultationCall.Status.DRAFT:
        raise QuestionsLocked()
    return call


def _check_question(*, kind: str, text: dict, choices: list) -> None:
    if not any((value or "").strip() for value in text.values()):
        raise DomainError(_("Write the question in at least one language."))
    if kind != Question.Kind.TEXT and len(choices) < 2:
        raise DomainError(_("A choice question needs at least two options."))


@transaction.atomic
def save_question(
    *,
    call: ConsultationCall,
    by,
    question: Question | None = None,
    kind: str,
    text: dict,
    choices: list[dict],
    required: bool,
    order: int,
    max_length: int | None = None,
) -> Question:
    """Add a question to a draft call, or change one of its questions."""
    call = _locked_call(call=call, by=by)
    _check_question(kind=kind, text=text, choices=choices)
    if question is None:
        question = Question(call=call)
    elif question.call_id != call.pk:
        raise NotAllowed(_("This question belongs to another call."))
    with reversion.create_revision():
        question.kind, question.text, question.required, question.order = (
            kind,
            text,
            required,
            order,
        )
        question.choices = choices if kind != Question.Kind.TEXT else []
        question.max_length = max_length if kind == Question.Kind.TEXT else None
        try:
            question.full_clean()
        except ValidationError as exc:
            raise DomainError("; ".join(exc.messages)) from exc
        question.save()
        reversion.set_user(by)
        reversion.set_comment(f"Question {question.order} written")
    return question


@transaction.atomic
def remove_question(*, question: Question, by) -> None:
    _locked_call(call=question.call, by=by)
    with reversion.create_revision():
        question.delete()
        reversion.set_user(by)
        reversion.set_comment("Question removed")
