from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from consultations import charts, selectors, services
from consultations.exceptions import AttachmentRefused, BadWithdrawLink
from consultations.forms import SubmissionForm
from consultations.models import ConsultationCall, Submission, SubmissionAttachment
from consultations.permissions import (
    can_edit_call,
    can_edit_questions,
    can_manage_calls,
    can_read_moderation,
    can_see_call,
    can_submit_to,
    can_withdraw_submission,
)
from cwg.exceptions import DomainError, NotAllowed
from cwg.files import stored_file_response
from cwg.forms import tag_filters
from cwg.models import ActionLine, MemberState, SustainableDevelopmentGoal
from cwg.permissions import can_tag
from cwg.rate_limits import rate_limit_exceeded


def _call(request: HttpRequest, code: str) -> ConsultationCall:
    call = get_object_or_404(ConsultationCall.objects.select_related("working_group"), code=code)
    if not can_see_call(user=request.user, call=call):
        raise Http404
    return call


def _moderator_call(request: HttpRequest, code: str) -> ConsultationCall:
    call = _call(request, code)
    if not can_read_moderation(user=request.user):
        raise PermissionDenied
    return call


def call_list(request: HttpRequest) -> HttpResponse:
    calls = list(ConsultationCall.objects.visible_to(request.user).order_by("-opens_at"))
    context = {"calls": calls, "can_write_calls": can_edit_call(user=request.user)}
    return render(request, "consultations/call_list.html", context)


def call_detail(request: HttpRequest, code: str) -> HttpResponse:
    call = _call(request, code)
    context = {
        "call": call,
        "questions": list(call.questions.prefetch_related("action_lines", "sdgs")),
        "accepts_input": call.accepts_input(),
        "can_tag": can_tag(user=request.user),
        "can_submit": can_submit_to(user=request.user, call=call),
        "can_moderate": can_read_moderation(user=request.user),
        "can_manage": can_manage_calls(user=request.user),
        "can_edit": can_edit_call(user=request.user, call=call),
        "can_edit_questions": can_edit_questions(user=request.user, call=call),
        "next_steps": CALL_STEPS.get(call.status, []),
    }
    return render(request, "consultations/call_detail.html", context)


CALL_STEPS = {
    ConsultationCall.Status.DRAFT: ["open"],
    ConsultationCall.Status.OPEN: ["close"],
    ConsultationCall.Status.CLOSED: ["archive"],
}
CALL_ACTIONS = {
    "open": services.open_call,
    "close": services.close_call,
    "archive": services.archive_call,
}


def change_call(request: HttpRequest, code: str, action: str) -> HttpResponse:
    """Open, close or archive a call (POST from the call page, secretariat only)."""
    call = _call(request, code)
    if request.method != "POST" or action not in CALL_ACTIONS:
        raise Http404
    try:
        CALL_ACTIONS[action](call=call, by=request.user)
    except NotAllowed as exc:
        raise PermissionDenied from exc
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("consultations:detail", code=call.code)
    messages.success(request, _("The call was updated."))
    return redirect("consultations:detail", code=call.code)


def submit(request: HttpRequest, code: str) -> HttpResponse:
    call = _call(request, code)
    questions = list(call.questions.all())
    form = SubmissionForm(request.POST or None, request.FILES or None, questions=questions)
    status = 200
    if request.method == "POST":
        rate = settings.CONSULTATION_SUBMIT_RATE
        if form.honeypot_filled:
            form.add_error(None, _("Your input could not be accepted. Please try again."))
            status = 400
        elif rate_limit_exceeded(request, group="consultations.submit", rate=rate):
            form.add_error(
                None, _("Too many inputs were sent from your address. Please try again later.")
            )
            status = 429
        elif form.is_valid():
            try:
                submission = services.submit_input(
                    call=call,
                    by=request.user,
                    name=form.cleaned_data["name"],
                    email=form.cleaned_data["email"],
                    organization=form.cleaned_data["organization"],
                    stakeholder_type=form.cleaned_data["stakeholder_type"],
                    country=form.cleaned_data["country"],
                    language=form.cleaned_data["language"],
                    consent_to_publish=form.cleaned_data["consent_to_publish"],
                    answers=form.answers(),
                    attachments=form.cleaned_data["attachments"],
                    site_url=request.build_absolute_uri("/"),
                )
            except AttachmentRefused as exc:
                form.add_error("attachments", exc.message)
                form.add_error("attachments", form.CHOOSE_AGAIN)
                status = exc.http_status
            except DomainError as exc:
                form.add_error(None, exc.message)
                status = exc.http_status
            else:
                token = services.withdraw_link_token(submission=submission)
                return redirect("consultations:received", code=call.code, token=token)
        else:
            status = 400
        if status != 200 and request.FILES and "attachments" not in form.errors:
            form.add_error("attachments", form.CHOOSE_AGAIN)
    context = {"call": call, "form": form, "accepts_input": call.accepts_input()}
    return render(request, "consultations/submit.html", context, status=status)


def received(request: HttpRequest, code: str, token: str) -> HttpResponse:
    try:
        submission = services.submission_from_token(token)
    except BadWithdrawLink as exc:
        raise Http404 from exc
    if submission.call.code != code:
        raise Http404
    return render(request, "consultations/received.html", {"submission": submission})


def own_submission(request: HttpRequest, token: str) -> HttpResponse:
    """The author's private page: the input, whatever its status, and the withdraw button."""
    try:
        submission = services.submission_from_token(token)
    except BadWithdrawLink as exc:
        raise Http404 from exc
    if request.method == "POST":
        try:
            submission = services.withdraw_submission(token=token)
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Your input was withdrawn."))
        return redirect("consultations:own", token=token)
    context = {
        "submission": submission,
        "decision": submission.decisions.select_related("standard_reason")
        .order_by("-decided_at", "-pk")
        .first(),
        "can_withdraw": can_withdraw_submission(submission=submission),
        "token": token,
    }
    return render(request, "consultations/own.html", context)


INLINE_TYPES = {"application/pdf"}  # what a browser shows by itself; others are downloaded


def _attachment_response(attachment: SubmissionAttachment, *, inline: bool = False) -> HttpResponse:
    response = stored_file_response(
        attachment.file, filename=attachment.original_name, content_type=attachment.content_type
    )
    if inline and attachment.content_type in INLINE_TYPES and response.status_code == 200:
        disposition = response["Content-Disposition"]
        response["Content-Disposition"] = disposition.replace("attachment;", "inline;", 1)
    return response


def attachment(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    """A file of an input, for whoever may read that input (else it does not exist)."""
    found = selectors.attachment_for_download(user=request.user, code=code, pk=pk)
    if found is None:
        raise Http404
    return _attachment_response(found, inline="inline" in request.GET)


def own_attachment(request: HttpRequest, token: str, pk: int) -> HttpResponse:
    """A file of the author's own input, through the private link, whatever its status."""
    try:
        submission = services.submission_from_token(token)
    except BadWithdrawLink as exc:
        raise Http404 from exc
    found = submission.attachments.filter(pk=pk).first()
    if found is None:
        raise Http404
    return _attachment_response(found, inline="inline" in request.GET)


def published_inputs(request: HttpRequest, code: str) -> HttpResponse:
    call = _call(request, code)
    stakeholder_type = request.GET.get("stakeholder_type", "")
    itu_region = request.GET.get("itu_region", "")
    tags = tag_filters(request.GET)
    inputs = list(
        selectors.published_inputs(
            call=call, stakeholder_type=stakeholder_type, itu_region=itu_region, **tags
        )
    )
    context = {
        "call": call,
        "inputs": inputs,
        "stakeholder_types": Submission.StakeholderType.choices,
        "itu_regions": MemberState.ItuRegion.choices,
        "selected_type": stakeholder_type,
        "selected_region": itu_region,
        "filters": tags,
        "action_lines": ActionLine.objects.all(),
        "sdgs": SustainableDevelopmentGoal.objects.all(),
    }
    return render(request, "consultations/published.html", context)


def statistics(request: HttpRequest, code: str) -> HttpResponse:
    call = _call(request, code)
    moderator = can_read_moderation(user=request.user)
    stats = selectors.call_statistics(call=call, for_moderators=moderator)
    context = {
        "call": call,
        "stats": stats,
        "totals": charts.total_rows(stats=stats),
        "moderator": moderator,
        # The SVG is rendered by pygal on the server from our own counts and labels (escaped).
        "stakeholder_chart": charts.stakeholder_chart(stats=stats),
        "region_chart": charts.region_chart(stats=stats),
    }
    return render(request, "consultations/statistics.html", context)
