"""A document's page, its history, downloads and the secretariat's preview as another viewer."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cwg.exceptions import DomainError, NotAllowed
from cwg.files import safe_download_name, stored_file_response
from cwg.pagecache import public_page
from documents import permissions, selectors, services
from documents.forms import (
    RemoveFileForm,
    WithdrawForm,
)
from documents.models import LANGUAGE_LETTERS, Document, DocumentFile
from documents.pagecache import document_scope
from documents.views.common import (
    CONFIRMATIONS,
    confirmation_page,
    confirmed,
    document_or_404,
)


@public_page(lambda pk: [document_scope(pk)])
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = document_or_404(request, pk)
    context = detail_context(document=document, user=request.user)
    if context["can_preview"]:
        context["preview_choices"] = selectors.preview_choices()
    return render(request, "documents/document_detail.html", context)


def detail_context(*, document: Document, user) -> dict:
    """What the document page shows to this user; the secretariat's preview calls it with the
    previewed viewer, so the preview is the page that viewer gets."""
    revisions = selectors.revisions_for_page(document=document, user=user)
    draft = next((row for row in revisions if row.is_draft), None)
    files = [
        file
        for file in document.files.all()
        if file.state == DocumentFile.State.CURRENT
        and permissions.can_see_file(user=user, document=document, file=file)
    ]
    waiting = {
        DocumentFile.Extraction.PENDING,
        DocumentFile.Extraction.RUNNING,
        DocumentFile.Extraction.DELAYED,
    }
    pending = any(file.extraction_state in waiting for file in files)
    delayed = any(file.extraction_state == DocumentFile.Extraction.DELAYED for file in files)
    for file in files:
        # Each removable file carries its own form, with its own ids (a page lists several,
        # and the withdrawal form also asks for a reason).
        removable = permissions.can_remove_file(user=user, document=document, file=file)
        file.remove_form = RemoveFileForm(auto_id=f"remove-{file.pk}-%s") if removable else None
    proposal = bool(document.proposed_action_lines.all() or document.proposed_sdgs.all())
    return {
        "document": document,
        "files": files,
        "extraction_pending": pending,
        "extraction_delayed": delayed,
        "audience": permissions.audience_of(document),
        "cosponsors": list(document.cosponsors.all()),
        "can_see_cosponsor_answers": permissions.can_see_drafting(user=user, document=document)
        or permissions.is_cosponsor_delegate(user=user, document=document),
        "can_answer_cosponsorship": permissions.can_answer_cosponsorship(
            user=user, document=document
        ),
        "can_correct": permissions.can_correct_document(user=user, document=document),
        "can_edit_titles": permissions.can_edit_titles(user=user, document=document),
        "can_preview": permissions.can_preview_as_others(user=user),
        "can_edit": permissions.can_edit_document(user=user, document=document),
        "can_submit": permissions.can_submit_document(user=user, document=document),
        "can_manage": permissions.can_manage_documents(user=user),
        "can_withdraw": permissions.can_withdraw_document(user=user, document=document),
        "can_download": permissions.can_download_files(user=user, document=document),
        "can_edit_summary": permissions.can_edit_summary(user=user, document=document),
        "can_publish_summary": permissions.can_publish_summary(user=user, document=document),
        "needs_late_approval": document.awaits_late_approval,
        "can_tag": permissions.can_tag(user=user),
        "show_proposal": proposal
        and permissions.can_see_tag_proposal(user=user, document=document),
        "revisions": revisions,
        "draft_revision": draft,
        "can_start_revision": draft is None
        and permissions.can_start_revision(user=user, document=document),
        "can_publish_revision": draft is not None
        and bool(draft.files)
        and permissions.can_publish_revision(user=user, document=document),
        "confirmations": CONFIRMATIONS,
        "withdraw_form": WithdrawForm(),
        "Status": Document.Status,
    }


def history(request: HttpRequest, pk: int) -> HttpResponse:
    document = document_or_404(request, pk)
    return render(
        request,
        "documents/history.html",
        {
            "document": document,
            "versions": selectors.history_of(document=document, user=request.user),
            "can_restore": permissions.can_restore_version(user=request.user, document=document),
        },
    )


@require_POST
@login_required
def restore(request: HttpRequest, pk: int, version_id: int) -> HttpResponse:
    document = document_or_404(request, pk)
    if not permissions.can_restore_version(user=request.user, document=document):
        raise PermissionDenied
    if not confirmed(request):
        return confirmation_page(request, document, "restore")
    try:
        services.restore_version(document=document, version_id=version_id, by=request.user)
    except NotAllowed as refusal:
        raise PermissionDenied from refusal
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("documents:history", pk=document.pk)
    messages.success(request, _("The earlier details are restored, as a new version."))
    return redirect("documents:history", pk=document.pk)


def download(request: HttpRequest, pk: int) -> HttpResponse:
    stored = selectors.file_for_download(user=request.user, pk=pk)
    if stored is None:
        raise Http404
    document = stored.document
    label = document.symbol or f"draft-{document.pk}"
    if stored.revision and document.symbol and stored.revision != document.revision:
        label = f"{label.split('(Rev.')[0]}(Rev.{stored.revision})"
    letter = LANGUAGE_LETTERS.get(stored.language, stored.language)  # the symbol's E, A, F...
    name = safe_download_name(symbol=label, language=letter, extension=stored.extension)
    return stored_file_response(stored.file, filename=name, content_type=stored.content_type)


# "Preview as" (issue 13, point 9): the page another viewer gets, from the same rules.
@login_required
def preview(request: HttpRequest, pk: int) -> HttpResponse:
    document = document_or_404(request, pk)
    if not permissions.can_preview_as_others(user=request.user):
        raise PermissionDenied
    choice = request.GET.get("as", "public")
    previewed = selectors.previewed_viewer(choice)
    if previewed is None:
        return render(
            request,
            "documents/preview.html",
            {"document": document, "unknown": True, "choices": selectors.preview_choices()},
            status=400,
        )
    viewer, label = previewed
    seen = selectors.document_for_page(user=viewer, pk=pk)
    context = {"document": document, "seen": seen is not None, "viewer_label": label}
    if seen is None:
        return render(
            request,
            "documents/preview.html",
            {**context, "choices": selectors.preview_choices(), "chosen": choice},
        )
    context = {
        **detail_context(document=seen, user=viewer),
        "preview": True,
        "viewer_label": label,
        "preview_choices": selectors.preview_choices(),
        "chosen": choice,
    }
    return render(request, "documents/document_detail.html", context)
