from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from cwg.exceptions import DomainError, NotAllowed
from cwg.files import safe_download_name, stored_file_response
from cwg.files.exceptions import UploadRefused
from cwg.pagecache import public_page
from documents import permissions, selectors, services
from documents.forms import (
    DocumentDetailsForm,
    FileForm,
    NewContributionForm,
    NewSummaryForm,
    RegisterForm,
    SummaryForm,
    WithdrawForm,
)
from documents.models import Document, DocumentFile, Language
from documents.pagecache import document_scope
from meetings.models import Meeting
from meetings.pagecache import meeting_scope

DELAYED_MESSAGE = gettext_lazy(
    "The file is stored, but processing is delayed: its text will be read as soon as the "
    "service is back."
)


def _meeting(number: int) -> Meeting:
    return get_object_or_404(Meeting.objects.select_related("working_group"), number=number)


def _document(request: HttpRequest, pk: int) -> Document:
    document = selectors.document_for_page(user=request.user, pk=pk)
    if document is None:
        raise Http404
    return document


@public_page(lambda number: [meeting_scope(number)])
def meeting_documents(request: HttpRequest, number: int) -> HttpResponse:
    meeting = _meeting(number)
    filters = {
        "agenda_item": request.GET.get("agenda_item", "").strip(),
        "kind": request.GET.get("kind", "").strip(),
        "language": request.GET.get("language", "").strip(),
    }
    agenda_item = int(filters["agenda_item"]) if filters["agenda_item"].isdigit() else None
    kind = filters["kind"] if filters["kind"] in Document.Kind.values else ""
    language = filters["language"] if filters["language"] in Language.values else ""
    documents = list(
        selectors.documents_for_meeting(
            user=request.user,
            meeting=meeting,
            agenda_item=agenda_item,
            kind=kind,
            language=language,
        )
    )
    rows = [(document, selectors.languages_of(document)) for document in documents]
    return render(
        request,
        "documents/meeting_documents.html",
        {
            "meeting": meeting,
            "rows": rows,
            "agenda_items": meeting.agenda_items.order_by("order"),
            "kinds": Document.Kind.choices,
            "file_languages": Language.choices,
            "filters": {"agenda_item": agenda_item, "kind": kind, "language": language},
            "can_create": permissions.can_create_contribution(user=request.user),
            "can_write_summary": permissions.can_create_summary(user=request.user),
        },
    )


@public_page(lambda pk: [document_scope(pk)])
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = _document(request, pk)
    user = request.user
    files = list(document.files.all())
    waiting = {
        DocumentFile.Extraction.PENDING,
        DocumentFile.Extraction.RUNNING,
        DocumentFile.Extraction.DELAYED,
    }
    pending = any(file.extraction_state in waiting for file in files)
    delayed = any(file.extraction_state == DocumentFile.Extraction.DELAYED for file in files)
    return render(
        request,
        "documents/document_detail.html",
        {
            "document": document,
            "files": files,
            "extraction_pending": pending,
            "extraction_delayed": delayed,
            "can_edit": permissions.can_edit_document(user=user, document=document),
            "can_submit": permissions.can_submit_document(user=user, document=document),
            "can_manage": permissions.can_manage_documents(user=user),
            "can_withdraw": permissions.can_withdraw_document(user=user, document=document),
            "can_download": permissions.can_download_files(user=user, document=document),
            "can_edit_summary": permissions.can_edit_summary(user=user, document=document),
            "can_publish_summary": permissions.can_publish_summary(user=user, document=document),
            "needs_late_approval": document.awaits_late_approval,
            "withdraw_form": WithdrawForm(),
            "Status": Document.Status,
        },
    )


@login_required
def create_contribution(request: HttpRequest, number: int) -> HttpResponse:
    meeting = _meeting(number)
    if not permissions.can_create_contribution(user=request.user):
        raise PermissionDenied
    form = NewContributionForm(
        request.POST or None, request.FILES or None, meeting=meeting, user=request.user
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                document = services.create_contribution(
                    meeting=meeting,
                    by=request.user,
                    title=data["title"],
                    access=data["access"],
                    agenda_items=list(data["agenda_items"]),
                    source_states=list(data["source_states"]) or None,
                    source_organizations=list(data["source_organizations"]) or None,
                    file=data["file"],
                    language=data["language"],
                    original_name=data["file"].name,
                )
            except UploadRefused as refusal:
                form.add_error("file", refusal.message)
                status = refusal.http_status
            except DomainError as error:
                form.add_error(None, error.message)
                status = error.http_status
            else:
                messages.success(request, _("Your draft is saved. Check it, then submit it."))
                return redirect(document)
    return render(
        request,
        "documents/document_form.html",
        {"form": form, "meeting": meeting, "new": True},
        status=status,
    )


@login_required
def edit_document(request: HttpRequest, pk: int) -> HttpResponse:
    document = _document(request, pk)
    if not permissions.can_edit_document(user=request.user, document=document):
        raise PermissionDenied
    initial = {
        "title": document.title,
        "access": document.access,
        "agenda_items": document.agenda_items.all(),
        "source_states": document.source_states.all(),
        "source_organizations": document.source_organizations.all(),
    }
    form = DocumentDetailsForm(
        request.POST or None, initial=initial, meeting=document.meeting, user=request.user
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.update_document(
                    document=document,
                    by=request.user,
                    title=data["title"],
                    access=data["access"],
                    agenda_items=list(data["agenda_items"]),
                    source_states=list(data["source_states"]),
                    source_organizations=list(data["source_organizations"]),
                )
            except DomainError as error:
                form.add_error(None, error.message)
                status = error.http_status
            else:
                messages.success(request, _("The details are saved."))
                return redirect(document)
    return render(
        request,
        "documents/document_form.html",
        {"form": form, "meeting": document.meeting, "document": document},
        status=status,
    )


@login_required
def add_file(request: HttpRequest, pk: int) -> HttpResponse:
    document = _document(request, pk)
    if not permissions.can_add_file(user=request.user, document=document):
        raise PermissionDenied
    form = FileForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                stored = services.add_file(
                    document=document,
                    upload=form.cleaned_data["file"],
                    language=form.cleaned_data["language"],
                    by=request.user,
                    original_name=form.cleaned_data["file"].name,
                )
            except NotAllowed as refusal:
                raise PermissionDenied from refusal
            except DomainError as error:
                form.add_error("file", error.message)
                status = error.http_status
            else:
                if stored.extraction_state == DocumentFile.Extraction.DELAYED:
                    messages.warning(request, DELAYED_MESSAGE)
                else:
                    messages.success(request, _("The file is stored; its text is being read."))
                return redirect(document)
    return render(
        request, "documents/file_form.html", {"form": form, "document": document}, status=status
    )


TRANSITIONS = {
    "submit": (services.submit_document, gettext_lazy("Submitted.")),
    "register": (services.register_document, gettext_lazy("Registered.")),
    "approve_late": (
        services.approve_late_contribution,
        gettext_lazy("Late contribution approved."),
    ),
    "publish": (services.publish_document, gettext_lazy("Published.")),
    "revise": (services.start_revision, gettext_lazy("A new revision is open: upload its files.")),
}
# Steps that cannot be undone: the first POST answers with a page asking to confirm (it works
# without JavaScript); the step runs only when that page's form comes back with confirmed=1.
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
        gettext_lazy("The revision number is kept even if no file is ever added to it."),
        gettext_lazy("Yes, start a revision"),
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


def _confirmation(request: HttpRequest, document: Document, action: str, **extra) -> HttpResponse:
    question, consequence, button = CONFIRMATIONS[action]
    return render(
        request,
        "documents/confirm.html",
        {
            "document": document,
            "question": question,
            "consequence": consequence,
            "button": button,
            "action_url": request.path,
            **extra,
        },
    )


def _confirmed(request: HttpRequest) -> bool:
    return request.POST.get("confirmed") == "1"


@require_POST
@login_required
def transition(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    document = _document(request, pk)
    service, done = TRANSITIONS[action]
    options = {}
    if action == "register":
        form = RegisterForm(request.POST or None, initial={"series": document.kind})
        if not _confirmed(request) or not form.is_valid():
            return _confirmation(request, document, action, form=form)
        options["kind"] = form.cleaned_data["series"]
    elif action in CONFIRMATIONS and not _confirmed(request):
        return _confirmation(request, document, action)
    try:
        service(document=document, by=request.user, **options)
    except NotAllowed as refusal:
        raise PermissionDenied from refusal
    except DomainError as error:
        messages.error(request, error.message)
        return redirect(document)
    messages.success(request, done)
    return redirect(document)


@require_POST
@login_required
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    document = _document(request, pk)
    if not permissions.can_withdraw_document(user=request.user, document=document):
        raise PermissionDenied
    form = WithdrawForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why the document is withdrawn."))
        return redirect(document)
    if not _confirmed(request):
        return _confirmation(request, document, "withdraw", form=form)
    try:
        services.withdraw_document(
            document=document, by=request.user, reason=form.cleaned_data["reason"]
        )
    except NotAllowed as refusal:
        raise PermissionDenied from refusal
    except DomainError as error:
        messages.error(request, error.message)
        return redirect(document)
    messages.success(request, _("Withdrawn."))
    return redirect(document)


@login_required
def registration_queue(request: HttpRequest) -> HttpResponse:
    if not permissions.can_manage_documents(user=request.user):
        raise PermissionDenied
    return render(
        request, "documents/queue.html", {"documents": list(selectors.registration_queue())}
    )


def history(request: HttpRequest, pk: int) -> HttpResponse:
    document = _document(request, pk)
    return render(
        request,
        "documents/history.html",
        {
            "document": document,
            "versions": selectors.history_of(document=document),
            "can_restore": permissions.can_restore_version(user=request.user, document=document),
        },
    )


@require_POST
@login_required
def restore(request: HttpRequest, pk: int, version_id: int) -> HttpResponse:
    document = _document(request, pk)
    if not permissions.can_restore_version(user=request.user, document=document):
        raise PermissionDenied
    if not _confirmed(request):
        return _confirmation(request, document, "restore")
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
    name = safe_download_name(symbol=label, language=stored.language, extension=stored.extension)
    return stored_file_response(stored.file, filename=name, content_type=stored.content_type)


@login_required
def create_summary(request: HttpRequest, number: int) -> HttpResponse:
    meeting = _meeting(number)
    if not permissions.can_create_summary(user=request.user):
        raise PermissionDenied
    form = NewSummaryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        document = services.create_summary(
            meeting=meeting,
            title=form.cleaned_data["title"],
            language=form.cleaned_data["language"],
            by=request.user,
        )
        return redirect("documents:summary_edit", pk=document.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request, "documents/summary_new.html", {"form": form, "meeting": meeting}, status=status
    )


@login_required
def edit_summary(request: HttpRequest, pk: int) -> HttpResponse:
    document = _document(request, pk)
    if not permissions.can_edit_summary(user=request.user, document=document):
        raise PermissionDenied
    initial = {"title": document.title, "body": SummaryForm.body_from(document.summary_body)}
    form = SummaryForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.update_summary(
            document=document,
            title=form.cleaned_data["title"],
            blocks=form.blocks(),
            by=request.user,
        )
        messages.success(request, _("The summary is saved."))
        return redirect("documents:summary_edit", pk=document.pk)
    return render(
        request,
        "documents/summary_form.html",
        {
            "form": form,
            "document": document,
            "can_publish": permissions.can_publish_summary(user=request.user, document=document),
        },
        status=400 if request.method == "POST" else 200,
    )


@require_POST
@login_required
def publish_summary(request: HttpRequest, pk: int) -> HttpResponse:
    document = _document(request, pk)
    try:
        services.publish_summary(document=document, by=request.user)
    except NotAllowed as refusal:
        raise PermissionDenied from refusal
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("documents:summary_edit", pk=document.pk)
    messages.success(request, _("The summary is published."))
    return redirect(document)


# Comparing revisions (issue 21). The document and both files go through the same selectors as
# the document page and the download: a revision one may not download is not compared.
FOLD_AFTER = 3  # a run of more unchanged paragraphs than this folds away, keeping one each side


def _compare_choice(request: HttpRequest, document: Document):
    """(language, older, newer, languages, revisions) from the query, or the defaults."""
    from documents.services import compare

    languages = compare.languages_to_compare(document=document, user=request.user)
    asked = request.GET.get("language", "").strip()
    page_language = (request.LANGUAGE_CODE or "en")[:2]
    if asked in Language.values:
        language = asked
    elif page_language in languages:
        language = page_language
    else:
        language = "en" if "en" in languages else (languages[0] if languages else "en")
    files = compare.comparable_files(document=document, language=language, user=request.user)
    pair = compare.default_pair(files)
    older_text, newer_text = request.GET.get("from", ""), request.GET.get("to", "")
    if older_text.isdecimal() and newer_text.isdecimal():
        pair = (int(older_text), int(newer_text))
    elif older_text or newer_text:
        pair = None
    return language, pair, languages, sorted(files)


def _comparison_or_404(request: HttpRequest, pk: int):
    from documents.services import compare

    document = _document(request, pk)
    language, pair, languages, revisions = _compare_choice(request, document)
    result = None
    if pair is not None:
        result = compare.compare_revisions(
            document=document, language=language, older=pair[0], newer=pair[1], user=request.user
        )
    return document, language, pair, languages, revisions, result


def _folded(blocks) -> list[dict]:
    """Blocks for the template: long unchanged runs become one foldable group."""
    rows, run = [], []

    def flush(last: bool) -> None:
        if len(run) > FOLD_AFTER:
            head = [] if not rows else run[:1]
            tail = [] if last else run[-1:]
            hidden = run[len(head) : len(run) - len(tail)]
            rows.extend({"block": block} for block in head)
            rows.append({"folded": hidden})
            rows.extend({"block": block} for block in tail)
        else:
            rows.extend({"block": block} for block in run)
        run.clear()

    for block in blocks:
        if block.kind == "equal":
            run.append(block)
            continue
        flush(last=False)
        rows.append({"block": block})
    flush(last=True)
    return rows


def compare(request: HttpRequest, pk: int) -> HttpResponse:
    document, language, pair, languages, revisions, result = _comparison_or_404(request, pk)
    if pair is not None and result is None and len(revisions) >= 2:
        raise Http404  # a revision that does not exist, or that this viewer may not open
    view = "side" if request.GET.get("view") == "side" else "inline"
    context = {
        "document": document,
        "language": language,
        "language_name": Language(language).label,
        "languages": [(code, Language(code).label) for code in languages],
        "revisions": revisions,
        "pair": pair,
        "result": result,
        "rows": _folded(result.comparison.blocks) if result else [],
        "view": view,
        "rtl": language == "ar",
    }
    return render(request, "documents/compare.html", context)


def compare_docx(request: HttpRequest, pk: int) -> HttpResponse:
    from documents.services import compare as compare_service

    document, language, pair, languages, revisions, result = _comparison_or_404(request, pk)
    if result is None:
        raise Http404
    data = compare_service.tracked_changes_docx(result, author=str(COMPARE_AUTHOR))
    base = (document.symbol or f"draft-{document.pk}").split("(Rev.")[0]
    name = safe_download_name(
        symbol=f"{base}(Rev.{pair[0]}-Rev.{pair[1]})", language=language, extension=".docx"
    )
    response = HttpResponse(
        data,
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


COMPARE_AUTHOR = "Secretariat"  # the author Word shows on each change; a role, not a person
