"""The workflow's steps from the document page: submit, register, publish, withdraw."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from documents import permissions, services
from documents.forms import (
    RegisterForm,
    WithdrawForm,
)
from documents.views.common import (
    CONFIRMATIONS,
    confirmation_page,
    confirmed,
    document_or_404,
    perform,
)

TRANSITIONS = {
    "submit": (services.submit_document, gettext_lazy("Submitted.")),
    "register": (services.register_document, gettext_lazy("Registered.")),
    "approve_late": (
        services.approve_late_contribution,
        gettext_lazy("Late contribution approved."),
    ),
    "publish": (services.publish_document, gettext_lazy("Published.")),
    "revise": (
        services.start_revision,
        gettext_lazy("A draft revision is open: upload its files, then publish it."),
    ),
    "publish_revision": (
        services.publish_revision,
        gettext_lazy("The revision is published: everyone who sees the document sees it."),
    ),
}


# Steps that cannot be undone: the first POST answers with a page asking to confirm (it works
# without JavaScript); the step runs only when that page's form comes back with confirmed=1.
@require_POST
@login_required
def transition(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    document = document_or_404(request, pk)
    service, done = TRANSITIONS[action]
    options = {}
    if action == "register":
        form = RegisterForm(request.POST or None, initial={"series": document.kind})
        if not confirmed(request) or not form.is_valid():
            return confirmation_page(request, document, action, form=form)
        options["kind"] = form.cleaned_data["series"]
    elif action in CONFIRMATIONS and not confirmed(request):
        return confirmation_page(request, document, action)
    return perform(
        request, document, partial(service, document=document, by=request.user, **options), done
    )


@require_POST
@login_required
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    document = document_or_404(request, pk)
    if not permissions.can_withdraw_document(user=request.user, document=document):
        raise PermissionDenied
    form = WithdrawForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why the document is withdrawn."))
        return redirect(document)
    if not confirmed(request):
        return confirmation_page(request, document, "withdraw", form=form)
    reason = form.cleaned_data["reason"]
    withdraw_it = partial(services.withdraw_document, document=document, reason=reason)
    return perform(request, document, partial(withdraw_it, by=request.user), _("Withdrawn."))
