"""The moderators' pages: the queue, one input with previous/next, decisions and confirmation."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from consultations import selectors, services
from consultations.forms import DecisionForm
from consultations.models import ConsultationCall, Submission
from consultations.permissions import can_moderate, can_read_moderation, can_see_call
from cwg.exceptions import DomainError, NotAllowed
from cwg.models import MemberState
from cwg.permissions import can_tag
from meetings.models import Meeting


def moderator_call(request: HttpRequest, code: str) -> ConsultationCall:
    call = get_object_or_404(ConsultationCall.objects.select_related("working_group"), code=code)
    if not can_see_call(user=request.user, call=call):
        raise Http404
    if not can_read_moderation(user=request.user):
        raise PermissionDenied
    return call


def _filters(request: HttpRequest) -> dict[str, str]:
    return {key: request.GET.get(key, "")[:80] for key in selectors.QUEUE_FILTERS}


def _query(filters: dict[str, str]) -> str:
    kept = {key: value for key, value in filters.items() if value}
    return "?" + urlencode(kept) if kept else ""


def decided_message(action: str, references: list[str]) -> str:
    """Names the inputs: “WSIS20-0042 accepted.”, “WSIS20-0042 and 3 more accepted.”"""
    first, more = references[0], len(references) - 1
    values = {"first": first, "more": more}
    if more == 0:
        single = {
            "accept": _("%(first)s accepted."),
            "reject": _("%(first)s rejected."),
            "publish": _("%(first)s published."),
            "accept_publish": _("%(first)s accepted and published."),
        }
        return single[action] % values
    several = {
        "accept": ngettext(
            "%(first)s and %(more)d more accepted.", "%(first)s and %(more)d more accepted.", more
        ),
        "reject": ngettext(
            "%(first)s and %(more)d more rejected.", "%(first)s and %(more)d more rejected.", more
        ),
        "publish": ngettext(
            "%(first)s and %(more)d more published.",
            "%(first)s and %(more)d more published.",
            more,
        ),
        "accept_publish": ngettext(
            "%(first)s and %(more)d more accepted and published.",
            "%(first)s and %(more)d more accepted and published.",
            more,
        ),
    }
    return several[action] % values


def apply_decision(request: HttpRequest, form: DecisionForm) -> list[Submission]:
    """Run the service the form names; domain errors go to the caller, refusals become 403."""
    action, ids = form.cleaned_data["action"], form.cleaned_data["selected"]
    site_url = request.build_absolute_uri("/")
    try:
        if action == "accept":
            return services.accept_submissions(ids=ids, by=request.user)
        if action == "reject":
            return services.reject_submissions(
                ids=ids,
                by=request.user,
                reason=form.cleaned_data["reason"],
                standard_reason=form.cleaned_data["standard_reason"],
                site_url=site_url,
            )
        if action == "publish":
            return services.publish_submissions(ids=ids, by=request.user, site_url=site_url)
        return services.accept_and_publish_submissions(ids=ids, by=request.user, site_url=site_url)
    except NotAllowed as exc:
        raise PermissionDenied from exc


def moderation(request: HttpRequest, code: str) -> HttpResponse:
    """The queue. A decision posted here is shown on a confirmation page with the count and the
    references first; only the confirmed post changes anything (no JavaScript needed)."""
    call = moderator_call(request, code)
    filters = _filters(request)
    queue = list(selectors.moderation_queue(call=call, **filters))
    form = DecisionForm(request.POST or None, submission_ids=[item.pk for item in queue])
    status = 200
    if request.method == "POST":
        if not can_moderate(user=request.user):
            raise PermissionDenied
        if form.is_valid():
            chosen = [item for item in queue if item.pk in set(form.cleaned_data["selected"])]
            if not form.cleaned_data["confirmed"]:
                context = {"call": call, "form": form, "chosen": chosen, "filters": filters}
                return render(request, "consultations/moderation_confirm.html", context)
            try:
                done = apply_decision(request, form)
            except DomainError as exc:
                form.add_error(None, exc.message)
            else:
                references = [item.reference for item in done]
                messages.success(request, decided_message(form.cleaned_data["action"], references))
                return redirect(
                    reverse("consultations:moderation", args=[call.code]) + _query(filters)
                )
        status = 400
    select_all = request.GET.get("select") == "all"
    context = {
        "call": call,
        "queue": queue,
        "form": form,
        "filters": filters,
        "query": _query(filters),
        "selected": set(form.data.getlist("selected")) if form.is_bound else set(),
        "select_all": select_all,
        "can_moderate": can_moderate(user=request.user),
        "statuses": Submission.Status.choices,
        "stakeholder_types": Submission.StakeholderType.choices,
        "regions": [
            *MemberState.ItuRegion.choices,
            ("international", _("International / regional")),
        ],
        "questions": selectors.question_filter_options(call=call),
        "meetings": Meeting.objects.order_by("-start_date"),
    }
    return render(request, "consultations/moderation.html", context, status=status)


def moderation_input(request: HttpRequest, code: str, reference: str) -> HttpResponse:
    """One input on its own page, its decisions, and the previous/next of the filtered queue."""
    call = moderator_call(request, code)
    filters = _filters(request)
    references = list(
        selectors.moderation_queue(call=call, **filters).values_list("reference", flat=True)
    )
    item = selectors.moderation_queue(call=call).filter(reference=reference).first()
    if item is None:
        raise Http404
    form = DecisionForm(request.POST or None, submission_ids=[item.pk])
    status = 200
    if request.method == "POST":
        if not can_moderate(user=request.user):
            raise PermissionDenied
        if form.is_valid():
            try:
                done = apply_decision(request, form)
            except DomainError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(
                    request,
                    decided_message(form.cleaned_data["action"], [i.reference for i in done]),
                )
                return redirect(request.get_full_path())
        status = 400
    position = references.index(reference) if reference in references else None
    context = {
        "call": call,
        "item": item,
        "form": form,
        "query": _query(filters),
        "previous": references[position - 1] if position else None,
        "next": references[position + 1]
        if position is not None and position + 1 < len(references)
        else None,
        "position": None if position is None else position + 1,
        "total": len(references),
        "can_moderate": can_moderate(user=request.user),
        "can_tag": can_tag(user=request.user),
        "tags": [*item.action_lines.all(), *item.sdgs.all()],
    }
    return render(request, "consultations/moderation_input.html", context, status=status)


@require_POST
def register_compilation(request: HttpRequest, code: str) -> HttpResponse:
    """Register the compiled published inputs as an information document of a meeting."""
    call = moderator_call(request, code)
    meeting_id = request.POST.get("meeting", "")  # hostile input: no 500 for a non-number
    meeting = Meeting.objects.filter(pk=meeting_id).first() if meeting_id.isdecimal() else None
    if meeting is None:
        messages.error(request, _("Choose the meeting the compiled inputs are for."))
        return redirect("consultations:moderation", code=call.code)
    try:
        document = services.register_compiled_inputs(call=call, meeting=meeting, by=request.user)
    except NotAllowed as exc:
        raise PermissionDenied from exc
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("consultations:moderation", code=call.code)
    messages.success(
        request,
        _("Registered as %(symbol)s; publish it from its page.") % {"symbol": document.symbol},
    )
    return redirect(document)
