"""The secretariat's gap-analysis pages: upload items (CSV or DOCX) and edit one item."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from cwg.exceptions import DomainError, NotAllowed
from followup.forms import ZIP_MAGIC, GapImportForm, GapItemForm
from followup.models import Action, GapAnalysis, GapItem
from followup.permissions import can_manage_gap_analyses
from followup.selectors.actions import person_label
from followup.selectors.history import history_of
from followup.selectors.links import document_by_symbol, linkable_documents
from followup.services.gap_items import edit_gap_item
from followup.services.gaps import import_gap_items_csv, mandates_text
from followup.services.gaps_docx import import_gap_items_docx
from followup.views.gaps import gap_analysis_or_404
from meetings.exceptions import InvalidImport
from meetings.views.pages import run_import


def _import(*, analysis: GapAnalysis, content: bytes, by):
    """A DOCX is recognised by its content (a zip), anything else is read as UTF-8 CSV."""
    if content.startswith(ZIP_MAGIC):
        return import_gap_items_docx(analysis=analysis, file=content, by=by)
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidImport(_("The file must be UTF-8 encoded CSV or a DOCX document.")) from exc
    return import_gap_items_csv(analysis=analysis, csv_text=text, by=by)


def gap_import(request: HttpRequest, pk: int) -> HttpResponse:
    analysis = gap_analysis_or_404(request, pk, allowed=can_manage_gap_analyses)
    form = GapImportForm(request.POST or None, request.FILES or None)
    report, status = run_import(
        request, form, lambda content: _import(analysis=analysis, content=content, by=request.user)
    )
    return render(
        request,
        "followup/gap_import.html",
        {"analysis": analysis, "form": form, "report": report},
        status=status,
    )


def _item_form(data, item: GapItem) -> GapItemForm:
    users = get_user_model().objects.filter(is_active=True).order_by("username")
    actions = Action.objects.select_related("meeting__working_group").order_by(
        "-meeting__number", "due_date"
    )
    initial = {
        "requirement": item.requirement,
        "mandates": mandates_text(item),
        "coverage": item.coverage,
        "proposed_response": item.proposed_response,
        "owner": item.owner_id,
        "status": item.status,
        "answered_by_action": item.answered_by_action_id,
        "answered_by_document": (
            item.answered_by_document.symbol if item.answered_by_document else ""
        ),
        "action_lines": list(item.action_lines.all()),
        "sdgs": list(item.sdgs.all()),
    }
    return GapItemForm(
        data,
        initial=initial,
        coverage_choices=GapItem.Coverage.choices,
        status_choices=GapItem.Status.choices,
        users=[(u.pk, person_label(u)) for u in users],
        actions=[(a.pk, f"{a.meeting}: {a.title}") for a in actions],
    )


def gap_item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    if not can_manage_gap_analyses(user=request.user):
        raise PermissionDenied
    item = (
        GapItem.objects.select_related(
            "analysis", "source", "answered_by_document__meeting__working_group"
        )
        .filter(pk=pk)
        .first()
    )
    if item is None:
        raise Http404
    form = _item_form(request.POST or None, item)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                edit_gap_item(item=item, by=request.user, **_item_arguments(request, form))
            except NotAllowed as exc:
                raise PermissionDenied from exc
            except DomainError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("The item is saved."))
                return redirect("followup:gap_matrix", pk=item.analysis_id)
    return render(
        request,
        "followup/gap_item_form.html",
        {
            "item": item,
            "form": form,
            "linkable": linkable_documents(user=request.user),
            "history": history_of(item),
        },
        status=status,
    )


def _item_arguments(request: HttpRequest, form: GapItemForm) -> dict:
    """Form values as the service takes them; an unknown symbol is refused as bad input."""
    data = form.cleaned_data
    document = None
    if data["answered_by_document"].strip():
        document = document_by_symbol(user=request.user, symbol=data["answered_by_document"])
        if document is None:
            raise InvalidImport(
                _("No registered or published document you may open has this symbol.")
            )
    owner = get_user_model().objects.filter(pk=data["owner"]).first() if data["owner"] else None
    action = Action.objects.filter(pk=data["answered_by_action"]).first()
    return {
        "requirement": data["requirement"],
        "mandates": data["mandates"],
        "coverage": data["coverage"],
        "proposed_response": data["proposed_response"],
        "status": data["status"],
        "owner": owner,
        "answered_by_action": action if data["answered_by_action"] else None,
        "answered_by_document": document,
        "action_lines": data["action_lines"],
        "sdgs": data["sdgs"],
    }
