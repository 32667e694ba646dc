"""The chair's summary: written in the app, published by the chair."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cwg.exceptions import DomainError, NotAllowed
from documents import permissions, selectors, services
from documents.forms import (
    NewSummaryForm,
    SummaryForm,
)
from documents.models import Document
from documents.views.common import confirmation_page, confirmed, document_or_404, meeting_or_404


@login_required
def create_summary(request: HttpRequest, number: int) -> HttpResponse:
    meeting = meeting_or_404(number)
    if not permissions.can_create_summary(user=request.user):
        raise PermissionDenied
    form = NewSummaryForm(request.POST or None)
    status = 400 if request.method == "POST" else 200
    if request.method == "POST" and form.is_valid():
        try:
            document = services.create_summary(
                meeting=meeting,
                title=form.cleaned_data["title"],
                language=form.cleaned_data["language"],
                by=request.user,
            )
        except DomainError as error:  # e.g. the meeting has its summary already
            form.add_error(None, error.message)
            status = error.http_status
        else:
            return redirect("documents:summary_edit", pk=document.pk)
    return render(
        request, "documents/summary_new.html", {"form": form, "meeting": meeting}, status=status
    )


def _summary_form(document: Document, data=None) -> SummaryForm:
    body = selectors.summary_text_in_writing(document)
    initial = {"title": document.title, "body": SummaryForm.body_from(body)}
    form = SummaryForm(data, initial=initial)
    # a correction keeps the symbol and the title
    form.fields["title"].disabled = document.status == Document.Status.PUBLISHED
    return form


def _save_summary(request: HttpRequest, document: Document, form: SummaryForm) -> Document:
    title, blocks = form.cleaned_data["title"], form.blocks()
    return services.update_summary(document=document, title=title, blocks=blocks, by=request.user)


def _summary_editor(request: HttpRequest, document: Document, form, status: int) -> HttpResponse:
    correcting = document.status == Document.Status.PUBLISHED
    return render(
        request,
        "documents/summary_form.html",
        {
            "form": form,
            "document": document,
            "can_publish": permissions.can_publish_summary(user=request.user, document=document),
            "correcting": correcting,
            "correction": selectors.draft_revision_of(document) if correcting else None,
        },
        status=status,
    )


@login_required
def edit_summary(request: HttpRequest, pk: int) -> HttpResponse:
    document = document_or_404(request, pk)
    if not permissions.can_edit_summary(user=request.user, document=document):
        raise PermissionDenied
    form = _summary_form(document, request.POST or None)
    if request.method == "POST" and form.is_valid():
        _save_summary(request, document, form)
        messages.success(request, _("The summary is saved."))
        return redirect("documents:summary_edit", pk=document.pk)
    return _summary_editor(request, document, form, 400 if request.method == "POST" else 200)


@require_POST
@login_required
def publish_summary(request: HttpRequest, pk: int) -> HttpResponse:
    """The editor's Publish button posts the editor's form: its text is saved first, then the
    chair confirms. The confirmation carries the text's version, and publishing is refused if
    the text changed in between (another officer saved), so what is published is what was read."""
    document = document_or_404(request, pk)
    if not permissions.can_publish_summary(user=request.user, document=document):
        raise PermissionDenied
    if "body" in request.POST:
        form = _summary_form(document, request.POST)
        if not form.is_valid():
            return _summary_editor(request, document, form, 400)
        document = _save_summary(request, document, form)
    if "body" in request.POST or not confirmed(request):
        version = services.summary_text_version(document)
        return confirmation_page(request, document, "publish_summary", hidden={"version": version})
    try:
        services.publish_summary(
            document=document, by=request.user, version=request.POST.get("version") or None
        )
    except NotAllowed as refusal:
        raise PermissionDenied from refusal
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("documents:summary_edit", pk=document.pk)
    messages.success(request, _("The summary is published."))
    return redirect(document)


# Comparing revisions (issue 21). The document and both files go through the same selectors as
# the document page and the download: a revision one may not download is not compared.
