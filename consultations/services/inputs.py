"""Inputs to a call: received with a gapless reference number, withdrawn by their author."""

import datetime as dt

import reversion
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from consultations.exceptions import BadWithdrawLink, CallClosed, SignInRequired
from consultations.models import (
    AUTHOR_WITHDREW,
    CHOICE_SEPARATOR,
    Answer,
    ConsultationCall,
    ModerationDecision,
    Submission,
)
from consultations.permissions import can_submit_to, can_withdraw_submission
from consultations.services.attachments import (
    checked_attachments,
    remove_files_without_rows,
    write_attachment_files,
)
from consultations.services.moderation import decision_time
from consultations.tasks import RECEIPT
from cwg import outbox
from cwg.exceptions import DomainError, InvalidTransition

WITHDRAW_SALT = "consultations.withdraw"


def _clean_value(question, raw) -> str:
    """One answer as stored: the text, a choice's value, or several values joined."""
    values = raw if isinstance(raw, list | tuple) else [raw]
    values = [str(value or "").strip() for value in values]
    values = [value for value in values if value]
    if not question.has_options:
        text = values[0] if values else ""
        if question.max_length and len(text) > question.max_length:
            raise DomainError(
                _("“%(question)s”: at most %(limit)s characters, please.")
                % {"question": question.display_text, "limit": question.max_length}
            )
        return text
    valid = {choice for choice, _label in question.choice_options}
    for value in values:
        if value not in valid:
            raise DomainError(_("“%(answer)s” is not one of the choices.") % {"answer": value[:40]})
    if question.kind == question.Kind.CHOICE and len(values) > 1:
        raise DomainError(
            _("“%(question)s”: choose one answer only.") % {"question": question.display_text}
        )
    return CHOICE_SEPARATOR.join(
        value for value, _label in question.choice_options if value in values
    )


def _clean_answers(*, questions, answers: dict) -> list[tuple]:
    cleaned, missing = [], []
    for question in questions:
        value = _clean_value(question, answers.get(question.pk))
        if question.required and not value:
            missing.append(question.display_text)
        if value:
            cleaned.append((question, value))
    if missing:
        raise DomainError(_("Please answer: %(questions)s") % {"questions": "; ".join(missing)})
    return cleaned


Status = Submission.Status


def submit_input(
    *,
    call: ConsultationCall,
    by,
    name: str,
    email: str,
    stakeholder_type: str,
    answers: dict,
    organization: str = "",
    country=None,
    language: str = "en",
    consent_to_publish: bool = False,
    attachments: list | tuple = (),
    site_url: str = "",
    arrived_at: dt.datetime | None = None,
) -> Submission:
    """Store one input with the next reference number of the call, gapless and unique.

    The server clock decides: `arrived_at` is when the input reached the server (a request
    queued by the web server passes its arrival; never later than now), read before waiting
    for the call's counter row, so an input that arrived before closing is kept even if it
    waits for others to commit.

    Attachments are checked (outside any lock: a PDF is opened in the sandbox) and written
    before the rows; if the rows cannot be written, the files written here are removed again,
    so no file is left on disk without a row.
    """
    now = timezone.now()
    arrived_at = min(arrived_at, now) if arrived_at else now
    call = ConsultationCall.objects.get(pk=call.pk)
    if not can_submit_to(user=by, call=call):
        raise SignInRequired()
    if not call.accepts_input(now=arrived_at):
        raise CallClosed()
    cleaned = _clean_answers(questions=list(call.questions.all()), answers=answers)
    files = checked_attachments(list(attachments))
    written = write_attachment_files(files)
    try:
        submission = _record_input(
            call=call,
            by=by,
            fields={
                "name": name,
                "email": email,
                "organization": organization,
                "stakeholder_type": stakeholder_type,
                "country": country,
                "language": language,
                "consent_to_publish": consent_to_publish,
                "submitted_at": arrived_at,
            },
            answers=cleaned,
            files=files,
            site_url=site_url,
        )
    except BaseException:
        remove_files_without_rows(written)
        raise
    return submission


@transaction.atomic
def _record_input(
    *, call: ConsultationCall, by, fields: dict, answers: list[tuple], files: list, site_url: str
) -> Submission:
    call = ConsultationCall.objects.select_for_update().get(pk=call.pk)
    call.last_number += 1
    call.save(update_fields=["last_number"])
    with reversion.create_revision():
        submission = Submission.objects.create(
            call=call,
            number=call.last_number,
            reference=f"{call.code}-{call.last_number:04d}",
            submitted_by=by if by.is_authenticated else None,
            **fields,
        )
        Answer.objects.bulk_create(
            Answer(
                submission=submission,
                question=question,
                text="" if question.has_options else value,
                choice=value if question.has_options else "",
            )
            for question, value in answers
        )
        for row, _upload in files:
            row.submission = submission
            row.save()
        reversion.set_user(by if by.is_authenticated else None)
        reversion.set_comment(f"Received as {submission.reference}")
    outbox.enqueue(RECEIPT, submission_id=submission.pk, site_url=site_url)
    return submission


def withdraw_link_token(*, submission: Submission) -> str:
    """The private, signed, unguessable part of the author's withdraw link."""
    return signing.dumps([submission.pk, submission.withdraw_token], salt=WITHDRAW_SALT)


def withdraw_path(*, submission: Submission) -> str:
    return reverse("consultations:own", args=[withdraw_link_token(submission=submission)])


def submission_from_token(token: str) -> Submission:
    try:
        pk, secret = signing.loads(token, salt=WITHDRAW_SALT)
    except (signing.BadSignature, ValueError, TypeError) as exc:
        raise BadWithdrawLink() from exc
    submission = (
        Submission.objects.select_related("call", "country")
        .prefetch_related("answers__question", "attachments")
        .filter(pk=pk, withdraw_token=secret)
        .first()
    )
    if submission is None:
        raise BadWithdrawLink()
    return submission


@transaction.atomic
def withdraw_submission(*, token: str, withdrawn_at: dt.datetime | None = None) -> Submission:
    """The author withdraws an input through the private link, while it is not published."""
    found = submission_from_token(token)
    submission = Submission.objects.select_for_update().get(pk=found.pk)
    if not can_withdraw_submission(submission=submission):
        raise InvalidTransition(
            _("A published or already withdrawn input cannot be withdrawn here.")
        )
    with reversion.create_revision():
        ModerationDecision.objects.create(
            submission=submission,
            decided_by=submission.submitted_by,
            decided_at=decision_time(withdrawn_at),
            from_status=submission.status,
            to_status=Status.WITHDRAWN,
            reason=AUTHOR_WITHDREW,
        )
        submission.status = Status.WITHDRAWN
        submission.save(update_fields=["status"])
        reversion.set_comment("Withdrawn by its author through the private link")
    return submission
