"""The follow-up pages: the dashboard, my actions, one action and its transitions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from cwg.exceptions import InvalidTransition, NotAllowed
from cwg.opendata import csv_response, descriptor_response
from followup import opendata
from followup.forms import (
    ActionFilterForm,
    ActionNoteForm,
    ActionUpdateForm,
    GapAnalysisStartForm,
    LinkDocumentForm,
)
from followup.models import Action, GapAnalysis
from followup.permissions import (
    can_complete_action,
    can_link_document,
    can_manage_actions,
    can_report_progress,
    can_see_action,
    can_see_actions,
    can_see_gap_analyses,
    can_start_action,
    can_start_gap_analysis,
)
from followup.selectors.actions import (
    action_owner_choices,
    all_actions,
    dashboard_actions,
    group_actions,
    my_actions,
)
from followup.selectors.history import history_of
from followup.selectors.links import linkable_documents, linked_documents_of
from followup.services import (
    add_action_update,
    cancel_action,
    complete_action,
    reopen_action,
    start_action,
)
from meetings.models import Meeting

# The progress form and the closing note both have a "text" field: their ids must differ.
NOTE_IDS = "note_%s"


def action_dashboard(request: HttpRequest) -> HttpResponse:
    if not can_see_actions(user=request.user):
        raise PermissionDenied
    form = ActionFilterForm(
        request.GET or None,
        meeting_numbers=Meeting.objects.order_by("-number").values_list("number", flat=True),
        owner_choices=action_owner_choices(),
        status_choices=Action.Status.choices,
    )
    filters = form.cleaned_data if form.is_valid() else {}
    today = timezone.localdate()
    actions = dashboard_actions(
        today=today,
        meeting_number=filters.get("meeting"),
        owner=filters.get("owner") or "",
        status=filters.get("status") or "",
        overdue_only=bool(filters.get("overdue")),
        action_line=filters.get("action_line") or "",
        sdg=filters.get("sdg"),
    )
    group_by = filters.get("group_by") or "owner"
    return render(
        request,
        "followup/action_dashboard.html",
        {
            "form": form,
            "groups": group_actions(actions, by=group_by),
            "overdue": [a for a in actions if a.is_overdue_on(today)],
            "count": len(actions),
            "today": today,
            "can_manage": can_manage_actions(user=request.user),
        },
        status=200 if form.is_bound is False or form.is_valid() else 400,
    )


def actions_csv(request: HttpRequest) -> HttpResponse:
    if not can_see_actions(user=request.user):
        raise PermissionDenied
    today = timezone.localdate()
    rows = opendata.action_rows(all_actions(), today=today)
    return csv_response(table=opendata.ACTIONS, rows=rows, filename="actions.csv")


def actions_datapackage(request: HttpRequest) -> HttpResponse:
    if not can_see_actions(user=request.user):
        raise PermissionDenied
    base_url = request.build_absolute_uri("/")
    return descriptor_response(opendata.actions_datapackage(base_url=base_url))


@login_required
def my_action_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    actions = my_actions(user=request.user, today=today)
    return render(request, "followup/my_actions.html", {"actions": actions, "today": today})


def visible_action_or_404(request: HttpRequest, pk: int) -> Action:
    action = (
        Action.objects.select_related(
            "meeting__working_group", "agenda_item", "owner_user", "owner_group", "owner_officer"
        )
        .filter(pk=pk)
        .first()
    )
    if action is None or not can_see_action(user=request.user, action=action):
        raise Http404
    return action


def action_page(request: HttpRequest, action: Action, *, error=None, status=200, **forms):
    user = request.user
    can_update = can_report_progress(user=user, action=action) or can_complete_action(
        user=user, action=action
    )
    can_link = can_link_document(user=user, action=action)
    can_start_analysis = can_start_gap_analysis(user=user, action=action)
    context = {
        "action": action,
        "updates": list(action.updates.select_related("author")),
        "documents": linked_documents_of(action=action, user=user),
        # linked only for those who may open the matrix
        "gap_analysis": (
            GapAnalysis.objects.filter(action=action).first()
            if can_see_gap_analyses(user=user)
            else None
        ),
        "history": history_of(action),
        "can_update": can_update and action.is_open,
        "can_start": can_start_action(user=user, action=action)
        and action.status == Action.Status.OPEN,
        "can_manage": can_manage_actions(user=user),
        "can_link": can_link,
        "can_start_analysis": can_start_analysis,
        "linkable": linkable_documents(user=user) if can_link else [],
        "update_form": forms.get("update_form") or ActionUpdateForm(),
        "note_form": forms.get("note_form") or ActionNoteForm(auto_id=NOTE_IDS),
        "link_form": forms.get("link_form") or LinkDocumentForm(),
        "gap_form": forms.get("gap_form") or GapAnalysisStartForm(),
        "error": error,
    }
    return render(request, "followup/action_detail.html", context, status=status)


def action_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return action_page(request, visible_action_or_404(request, pk))


DONE_MESSAGES = {
    "start": _("The action is in progress."),
    "update": _("Your progress report is recorded."),
    "complete": _("The action is done."),
    "cancel": _("The action is cancelled."),
    "reopen": _("The action is open again."),
}

TRANSITIONS = {
    "start": lambda action, by, text: start_action(action=action, by=by),
    "update": lambda action, by, text: add_action_update(action=action, text=text, by=by),
    "complete": lambda action, by, text: complete_action(action=action, note=text, by=by),
    "cancel": lambda action, by, text: cancel_action(action=action, reason=text, by=by),
    "reopen": lambda action, by, text: reopen_action(action=action, by=by),
}


@require_POST
def action_transition(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    action = visible_action_or_404(request, pk)
    if step not in TRANSITIONS:
        raise Http404
    form_class = ActionUpdateForm if step == "update" else ActionNoteForm
    form = form_class(request.POST, auto_id="id_%s" if step == "update" else NOTE_IDS)
    forms = {"update_form" if step == "update" else "note_form": form}
    if not form.is_valid():
        return action_page(request, action, status=400, **forms)
    try:
        TRANSITIONS[step](action, request.user, form.cleaned_data["text"])
    except NotAllowed as exc:
        raise PermissionDenied from exc
    except InvalidTransition as exc:
        return action_page(request, action, error=exc.message, status=409, **forms)
    messages.success(request, DONE_MESSAGES[step])
    if request.POST.get("back_to") == "digest":
        return redirect("my:digest")
    if request.POST.get("back_to") == "dashboard":
        if can_see_actions(user=request.user):
            return redirect("followup:action_dashboard")
        return redirect("followup:my_actions")
    return redirect("followup:action", pk=action.pk)
