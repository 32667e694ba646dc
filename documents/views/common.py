"""Helpers every documents page shares: lookups that 404, the form page, confirmations."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy

from cwg.exceptions import DomainError, NotAllowed
from documents import selectors
from documents.models import Document
from meetings.models import Meeting

DELAYED_MESSAGE = gettext_lazy(
    "The file is stored, but processing is delayed: its text will be read as soon as the "
    "service is back."
)


def meeting_or_404(number: int) -> Meeting:
    return get_object_or_404(Meeting.objects.select_related("working_group"), number=number)


def document_or_404(request: HttpRequest, pk: int) -> Document:
    document = selectors.document_for_page(user=request.user, pk=pk)
    if document is None:
        raise Http404
    return document


def form_page(request, *, form, save, done: str, template: str, context: dict) -> HttpResponse:
    """Show the form; on a valid post call save(cleaned_data): a domain error becomes a message
    on the form (with its 4xx status, the input kept), success goes back to the document."""
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                save(form.cleaned_data)
            except DomainError as error:
                form.add_error(None, error.message)
                status = error.http_status
            else:
                messages.success(request, done)
                return redirect(context["document"])
    return render(request, template, {"form": form, **context}, status=status)


CONFIRMATIONS = {
    "register": (
        gettext_lazy("Register this document?"),
        gettext_lazy("It gets the next number of the series you choose; the number is kept."),
        gettext_lazy("Yes, register it"),
    ),
    "publish": (
        gettext_lazy("Publish this document?"),
        gettext_lazy("Everyone its access allows will see it and its files."),
        gettext_lazy("Yes, publish it"),
    ),
    "revise": (
        gettext_lazy("Start a revision?"),
        gettext_lazy(
            "The new revision is a draft: only the secretariat and the owning delegation see it "
            "until it is published with its files. Everyone else keeps seeing the current "
            "revision. No further revision can start while this one is a draft."
        ),
        gettext_lazy("Yes, start a revision"),
    ),
    "publish_revision": (
        gettext_lazy("Publish this revision?"),
        gettext_lazy(
            "Everyone who may see the document will see this revision, its symbol and its files; "
            "this cannot be undone."
        ),
        gettext_lazy("Yes, publish the revision"),
    ),
    "publish_summary": (
        gettext_lazy("Publish the summary?"),
        gettext_lazy(
            "Everyone will read this text and its Word file; a later correction is its next "
            "revision, with the same symbol."
        ),
        gettext_lazy("Yes, publish the summary"),
    ),
    "replace": (
        gettext_lazy("Replace the current file?"),
        gettext_lazy("The new file replaces the current file of its language and revision."),
        gettext_lazy("Yes, replace it"),
    ),
    "remove_file": (
        gettext_lazy("Remove this file?"),
        gettext_lazy(
            "It is no longer offered with the document; it stays in the history, with your "
            "reason, for the secretariat."
        ),
        gettext_lazy("Yes, remove it"),
    ),
    "withdraw": (
        gettext_lazy("Withdraw this document?"),
        gettext_lazy("It stays listed, marked withdrawn with your reason; this cannot be undone."),
        gettext_lazy("Yes, withdraw it"),
    ),
    "restore": (
        gettext_lazy("Restore these earlier details?"),
        gettext_lazy("They become the current details, as a new version."),
        gettext_lazy("Yes, restore them"),
    ),
}


def confirmation_page(
    request: HttpRequest, document: Document, action: str, **extra
) -> HttpResponse:
    question, consequence, button = CONFIRMATIONS[action]
    context = {
        "document": document,
        "question": question,
        "consequence": consequence,
        "button": button,
        "action_url": request.path,
        "hidden": {},
    }
    return render(request, "documents/confirm.html", context | extra)


def confirmed(request: HttpRequest) -> bool:
    return request.POST.get("confirmed") == "1"


def perform(request: HttpRequest, document: Document, step: Callable, done) -> HttpResponse:
    """Run a confirmed step: a refusal is a 403, any other domain error a message on the page."""
    try:
        step()
    except NotAllowed as refusal:
        raise PermissionDenied from refusal
    except DomainError as error:
        messages.error(request, error.message)
        return redirect(document)
    messages.success(request, done)
    return redirect(document)
