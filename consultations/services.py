"""Every state change of consultations: calls, inputs and their moderation."""

import datetime as dt
from collections.abc import Iterable
from functools import partial

import reversion
from django.conf import settings
from django.core import signing
from django.core.files.storage import default_storage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from consultations.exceptions import (
    AttachmentRefused,
    BadWithdrawLink,
    CallClosed,
    ReasonRequired,
    SignInRequired,
)
from consultations.models import (
    Answer,
    ConsultationCall,
    ModerationDecision,
    Submission,
    SubmissionAttachment,
    attachment_file_name,
)
from consultations.permissions import can_manage_calls, can_moderate, can_submit_to
from cwg.exceptions import DomainError, InvalidTransition, NotAllowed, NotFound
from documents.exceptions import UploadRefused
from documents.files import inspect_upload, safe_original_name
from documents.files.limits import MB

WITHDRAW_SALT = "consultations.withdraw"
Status = Submission.Status
CallStatus = ConsultationCall.Status


def _change_call(*, call, by, allowed_from: set, to: str, comment: str) -> ConsultationCall:
    if not can_manage_calls(user=by):
        raise NotAllowed(_("Only the secretariat may open, close or archive a call."))
    call = ConsultationCall.objects.select_for_update().get(pk=call.pk)
    if call.status not in allowed_from:
        raise InvalidTransition(
            _("A %(status)s call cannot become %(target)s.")
            % {"status": call.get_status_display(), "target": CallStatus(to).label}
        )
    with reversion.create_revision():
        call.status = to
        call.save(update_fields=["status"])
        reversion.set_user(by)
        reversion.set_comment(comment)
    return call


@transaction.atomic
def open_call(*, call: ConsultationCall, by) -> ConsultationCall:
    return _change_call(
        call=call, by=by, allowed_from={CallStatus.DRAFT}, to=CallStatus.OPEN, comment="Opened"
    )


@transaction.atomic
def close_call(*, call: ConsultationCall, by) -> ConsultationCall:
    return _change_call(
        call=call, by=by, allowed_from={CallStatus.OPEN}, to=CallStatus.CLOSED, comment="Closed"
    )


@transaction.atomic
def archive_call(*, call: ConsultationCall, by) -> ConsultationCall:
    return _change_call(
        call=call,
        by=by,
        allowed_from={CallStatus.CLOSED},
        to=CallStatus.ARCHIVED,
        comment="Archived",
    )


def _clean_answers(*, questions, answers: dict) -> list[tuple]:
    cleaned, missing = [], []
    for question in questions:
        value = (answers.get(question.pk) or "").strip()
        valid = {choice for choice, _label in question.choice_options}
        if question.kind == question.Kind.CHOICE and value and value not in valid:
            raise DomainError(_("“%(answer)s” is not one of the choices.") % {"answer": value[:40]})
        if question.required and not value:
            missing.append(question.display_text)
        if value:
            cleaned.append((question, value))
    if missing:
        raise DomainError(_("Please answer: %(questions)s") % {"questions": "; ".join(missing)})
    return cleaned


def max_attachments() -> int:
    return int(settings.CONSULTATION_MAX_ATTACHMENTS)


def max_attachment_bytes() -> int:
    return int(settings.CONSULTATION_ATTACHMENT_MAX_MB) * MB


def _checked_attachments(uploads: list) -> list[tuple[SubmissionAttachment, object]]:
    """Each file through the documents app's checks, before anything is locked or stored."""
    if len(uploads) > max_attachments():
        raise AttachmentRefused(
            _("You can attach at most %(count)s files.") % {"count": max_attachments()}
        )
    rows, seen = [], set()
    for upload in uploads:
        name = safe_original_name(getattr(upload, "name", "") or "file")
        try:
            inspected = inspect_upload(upload, max_bytes=max_attachment_bytes())
        except UploadRefused as exc:
            raise AttachmentRefused(
                _("“%(name)s”: %(reason)s") % {"name": name, "reason": exc.message}
            ) from exc
        if inspected.sha256 in seen:  # the same file chosen twice: keep it once
            continue
        seen.add(inspected.sha256)
        row = SubmissionAttachment(
            original_name=name,
            size=inspected.size,
            sha256=inspected.sha256,
            content_type=inspected.content_type,
            extension=inspected.extension,
            page_count=inspected.page_count,
        )
        row.file.name = attachment_file_name(row, name)
        rows.append((row, upload))
    return rows


def _write_attachment_files(files: list[tuple[SubmissionAttachment, object]]) -> list[str]:
    """Store the checked bytes under their content's name; return the names written here."""
    written = []
    for row, upload in files:
        if default_storage.exists(row.file.name):
            continue
        upload.seek(0)
        saved_as = default_storage.save(row.file.name, upload)
        if saved_as != row.file.name:  # the same bytes arrived concurrently: keep one copy
            default_storage.delete(saved_as)
            continue
        written.append(saved_as)
    return written


def _remove_files_without_rows(names: list[str]) -> None:
    for name in names:
        if not SubmissionAttachment.objects.filter(file=name).exists():
            default_storage.delete(name)


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
    files = _checked_attachments(list(attachments))
    written = _write_attachment_files(files)
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
        )
    except BaseException:
        _remove_files_without_rows(written)
        raise
    from consultations.tasks import send_receipt

    transaction.on_commit(partial(send_receipt.delay, submission.pk, site_url))
    return submission


@transaction.atomic
def _record_input(
    *, call: ConsultationCall, by, fields: dict, answers: list[tuple], files: list
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
                text="" if question.kind == question.Kind.CHOICE else value,
                choice=value if question.kind == question.Kind.CHOICE else "",
            )
            for question, value in answers
        )
        for row, _upload in files:
            row.submission = submission
            row.save()
        reversion.set_user(by if by.is_authenticated else None)
        reversion.set_comment(f"Received as {submission.reference}")
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


def _moment(at: dt.datetime | None) -> dt.datetime:
    """When a decision is recorded: now, or an earlier time when history is replayed (the demo);
    never later than the server's clock."""
    now = timezone.now()
    return min(at, now) if at else now


def _decide(
    *,
    ids: Iterable[int],
    by,
    allowed_from: set,
    to: str,
    reason: str = "",
    decided_at: dt.datetime | None = None,
) -> list:
    if not can_moderate(user=by):
        raise NotAllowed(_("Only the secretariat may moderate inputs."))
    submissions = list(
        Submission.objects.select_for_update().filter(pk__in=set(ids)).order_by("pk")
    )
    if not submissions:
        raise NotFound(_("No input was selected."))
    refused = [item.reference for item in submissions if item.status not in allowed_from]
    if refused:
        raise InvalidTransition(
            _("These inputs cannot become %(target)s from their current status: %(refs)s")
            % {"target": Status(to).label, "refs": ", ".join(refused)}
        )
    if to == Status.PUBLISHED:
        no_consent = [item.reference for item in submissions if not item.consent_to_publish]
        if no_consent:
            raise InvalidTransition(
                _("These inputs have no consent to publish and stay unpublished: %(refs)s")
                % {"refs": ", ".join(no_consent)}
            )
    now = _moment(decided_at)
    with reversion.create_revision():
        decisions = []
        for submission in submissions:
            decisions.append(
                ModerationDecision(
                    submission=submission,
                    decided_by=by,
                    decided_at=now,
                    from_status=submission.status,
                    to_status=to,
                    reason=reason,
                )
            )
            submission.status = to
            submission.save(update_fields=["status"])
        ModerationDecision.objects.bulk_create(decisions)
        reversion.set_user(by)
        reversion.set_comment(f"{Status(to).label}: {reason}" if reason else str(Status(to).label))
    return submissions


@transaction.atomic
def accept_submissions(
    *, ids: Iterable[int], by, decided_at: dt.datetime | None = None
) -> list[Submission]:
    return _decide(
        ids=ids,
        by=by,
        allowed_from={Status.RECEIVED},
        to=Status.ACCEPTED,
        decided_at=decided_at,
    )


@transaction.atomic
def reject_submissions(
    *, ids: Iterable[int], by, reason: str, decided_at: dt.datetime | None = None
) -> list[Submission]:
    if not (reason or "").strip():
        raise ReasonRequired()
    return _decide(
        ids=ids,
        by=by,
        allowed_from={Status.RECEIVED},
        to=Status.REJECTED,
        reason=reason.strip(),
        decided_at=decided_at,
    )


@transaction.atomic
def publish_submissions(
    *, ids: Iterable[int], by, decided_at: dt.datetime | None = None
) -> list[Submission]:
    return _decide(
        ids=ids,
        by=by,
        allowed_from={Status.ACCEPTED},
        to=Status.PUBLISHED,
        decided_at=decided_at,
    )


@transaction.atomic
def withdraw_submission(*, token: str, withdrawn_at: dt.datetime | None = None) -> Submission:
    """The author withdraws an input through the private link, while it is not published."""
    found = submission_from_token(token)
    submission = Submission.objects.select_for_update().get(pk=found.pk)
    if submission.status in {Status.PUBLISHED, Status.WITHDRAWN}:
        raise InvalidTransition(
            _("A published or already withdrawn input cannot be withdrawn here.")
        )
    with reversion.create_revision():
        ModerationDecision.objects.create(
            submission=submission,
            decided_by=submission.submitted_by,
            decided_at=_moment(withdrawn_at),
            from_status=submission.status,
            to_status=Status.WITHDRAWN,
            reason=_("Withdrawn by its author."),
        )
        submission.status = Status.WITHDRAWN
        submission.save(update_fields=["status"])
        reversion.set_comment("Withdrawn by its author through the private link")
    return submission
