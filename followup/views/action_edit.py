"""The secretariat's follow-up pages: create and edit an action, link documents, start a gap
analysis. Views only translate between forms and services."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cwg.exceptions import DomainError, NotAllowed, NotFound
from followup.forms import ActionForm, GapAnalysisStartForm, LinkDocumentForm
from followup.models import Action
from followup.permissions import can_manage_actions
from followup.selectors.action_form import action_form_choices
from followup.selectors.actions import owner_key
from followup.selectors.links import document_by_symbol, documents_visible_to
from followup.services import (
    create_action,
    edit_action,
    link_document_to_action,
    start_gap_analysis,
    unlink_document_from_action,
)
from followup.views.actions import action_page, visible_action_or_404


def _action_form_page(request: HttpRequest, *, action: Action | None) -> HttpResponse:
    if not can_manage_actions(user=request.user):
        raise PermissionDenied
    initial = {}
    if action is not None:
        initial = {
            "title": action.title,
            "description": action.description,
            "meeting": action.meeting_id,
            "agenda_item": action.agenda_item_id,
            "owner": owner_key(action),
            "due_date": action.due_date,
            "action_lines": list(action.action_lines.all()),
            "sdgs": list(action.sdgs.all()),
        }
    saved_message = _("The action is created.") if action is None else _("The action is saved.")
    choices = action_form_choices(current=action)
    form = ActionForm(request.POST or None, initial=initial, choices=choices)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            arguments = form.service_arguments()
            try:
                if action is None:
                    action = create_action(by=request.user, **arguments)
                else:
                    action = edit_action(action=action, by=request.user, **arguments)
            except NotAllowed as exc:
                raise PermissionDenied from exc
            except DomainError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, saved_message)
                return redirect("followup:action", pk=action.pk)
    return render(
        request, "followup/action_form.html", {"form": form, "action": action}, status=status
    )


def action_create(request: HttpRequest) -> HttpResponse:
    return _action_form_page(request, action=None)


def action_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _action_form_page(request, action=visible_action_or_404(request, pk))


@require_POST
def action_link_document(request: HttpRequest, pk: int) -> HttpResponse:
    action = visible_action_or_404(request, pk)
    form = LinkDocumentForm(request.POST)
    if not form.is_valid():
        return action_page(request, action, status=400, link_form=form)
    document = document_by_symbol(user=request.user, symbol=form.cleaned_data["symbol"])
    try:
        if document is None:
            raise NotFound(_("No registered or published document you may open has this symbol."))
        link_document_to_action(action=action, document=document, by=request.user)
    except NotAllowed as exc:
        raise PermissionDenied from exc
    except DomainError as exc:
        form.add_error("symbol", exc.message)
        return action_page(request, action, status=400, link_form=form)
    messages.success(
        request, _("%(symbol)s is linked to this action.") % {"symbol": document.symbol}
    )
    return redirect("followup:action", pk=action.pk)


@require_POST
def action_unlink_document(request: HttpRequest, pk: int, document: int) -> HttpResponse:
    action = visible_action_or_404(request, pk)
    linked = documents_visible_to(request.user).filter(pk=document).first()
    if linked is None:
        raise Http404
    try:
        unlink_document_from_action(action=action, document=linked, by=request.user)
    except NotAllowed as exc:
        raise PermissionDenied from exc
    except DomainError as exc:
        return action_page(request, action, error=exc.message, status=exc.http_status)
    messages.success(
        request, _("%(symbol)s is no longer linked to this action.") % {"symbol": linked.symbol}
    )
    return redirect("followup:action", pk=action.pk)


@require_POST
def action_start_gap_analysis(request: HttpRequest, pk: int) -> HttpResponse:
    action = visible_action_or_404(request, pk)
    form = GapAnalysisStartForm(request.POST)
    if not form.is_valid():
        return action_page(request, action, status=400, gap_form=form)
    try:
        analysis = start_gap_analysis(
            action=action, title=form.cleaned_data["title"], by=request.user
        )
    except NotAllowed as exc:
        raise PermissionDenied from exc
    except DomainError as exc:
        return action_page(
            request, action, error=exc.message, status=exc.http_status, gap_form=form
        )
    messages.success(request, _("The gap analysis is started."))
    return redirect("followup:gap_matrix", pk=analysis.pk)
