from collections.abc import Callable
from functools import partial

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
from cwg.forms import tag_filters
from cwg.language_badges import page_language_of
from cwg.models import ActionLine, SustainableDevelopmentGoal
from cwg.opendata import csv_response, descriptor_response
from cwg.pagecache import public_page
from documents import opendata, permissions, selectors, services
from documents.forms import (
    CorrectionForm,
    CosponsorshipForm,
    DocumentDetailsForm,
    FileForm,
    NewContributionForm,
    NewSummaryForm,
    RegisterForm,
    RemoveFileForm,
    SummaryForm,
    WithdrawForm,
)
from documents.models import LANGUAGE_LETTERS, Document, DocumentFile, Language
from documents.pagecache import document_scope
from documents.services.workflow import KEEP
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


def _list_filters(request: HttpRequest) -> dict:
    """The documents list's filters from the query string; unknown values are ignored."""
    agenda_item = request.GET.get("agenda_item", "").strip()
    kind = request.GET.get("kind", "").strip()
    language = request.GET.get("language", "").strip()
    return {
        "agenda_item": int(agenda_item) if agenda_item.isdigit() else None,
        "kind": kind if kind in Document.Kind.values else "",
        "language": language if language in Language.values else "",
        **tag_filters(request.GET),
    }


@public_page(lambda number: [meeting_scope(number)])
def meeting_documents(request: HttpRequest, number: int) -> HttpResponse:
    meeting = _meeting(number)
    filters = _list_filters(request)
    order = "symbol" if request.GET.get("order") == "symbol" else "agenda"
    documents = selectors.documents_for_meeting(user=request.user, meeting=meeting, **filters)
    rows = selectors.document_rows(
        documents,
        user=request.user,
        page_language=page_language_of(request.LANGUAGE_CODE),
    )
    agenda_items = list(meeting.agenda_items.order_by("order"))
    if filters["agenda_item"]:
        shown_items = [item for item in agenda_items if item.pk == filters["agenda_item"]]
    else:
        shown_items = agenda_items
    return render(
        request,
        "documents/meeting_documents.html",
        {
            "meeting": meeting,
            "rows": rows,
            "groups": selectors.grouped_by_agenda_item(rows, agenda_items=shown_items)
            if order == "agenda"
            else None,
            "order": order,
            "agenda_items": agenda_items,
            "kinds": Document.Kind.choices,
            "file_languages": Language.choices,
            "action_lines": ActionLine.objects.all(),
            "sdgs": SustainableDevelopmentGoal.objects.all(),
            "filters": filters,
            "can_create": permissions.can_create_contribution(user=request.user),
            "can_write_summary": permissions.can_create_summary(user=request.user),
        },
    )


def meeting_csv(request: HttpRequest, number: int) -> HttpResponse:
    """The list as the reader sees it (with its filters), described by meeting_datapackage."""
    meeting = _meeting(number)
    documents = selectors.documents_for_meeting(
        user=request.user, meeting=meeting, **_list_filters(request)
    )
    rows = opendata.document_rows(list(documents))
    filename = f"meeting-{meeting.number}-documents.csv"
    return csv_response(table=opendata.DOCUMENTS, rows=rows, filename=filename)


def meeting_datapackage(request: HttpRequest, number: int) -> HttpResponse:
    meeting = _meeting(number)
    base_url = request.build_absolute_uri("/")
    return descriptor_response(opendata.documents_datapackage(meeting=meeting, base_url=base_url))


@public_page(lambda pk: [document_scope(pk)])
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = _document(request, pk)
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
                    cosponsors=data.get("cosponsors") or None,
                    file=data["file"],
                    language=data["language"],
                    original_name=data["file"].name,
                    proposed_action_lines=list(data["proposed_action_lines"]),
                    proposed_sdgs=list(data["proposed_sdgs"]),
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
        "cosponsors": [cosponsor.member_state_id for cosponsor in document.cosponsors.all()],
    }
    form = DocumentDetailsForm(
        request.POST or None,
        initial=initial,
        meeting=document.meeting,
        user=request.user,
        cosponsors=permissions.can_name_cosponsors(user=request.user, document=document),
    )

    def save(data: dict) -> None:
        services.update_contribution(
            document=document,
            by=request.user,
            title=data["title"],
            access=data["access"],
            agenda_items=list(data["agenda_items"]),
            source_states=list(data["source_states"]),
            source_organizations=list(data["source_organizations"]),
            cosponsors=data["cosponsors"] if "cosponsors" in form.fields else KEEP,
        )

    return _form_page(
        request,
        form=form,
        save=save,
        done=_("The details are saved."),
        template="documents/document_form.html",
        context={"meeting": document.meeting, "document": document},
    )


def _form_page(request, *, form, save, done: str, template: str, context: dict) -> HttpResponse:
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


def _replaceable(document: Document) -> tuple[int, dict[str, DocumentFile]]:
    """The revision a new file joins and its current file per language (for the page's notice
    and the confirmation dialog)."""
    revision = selectors.upload_revision(document)
    current = {
        file.language: file
        for file in document.files.all()
        if file.revision == revision and file.state == DocumentFile.State.CURRENT
    }
    return revision, current


@login_required
def add_file(request: HttpRequest, pk: int) -> HttpResponse:
    """A file in a language that has one in this revision replaces it after a confirmation that
    names it: a dialog with JavaScript; without, a page that keeps the checked upload (staged)."""
    document = _document(request, pk)
    if not permissions.can_add_file(user=request.user, document=document):
        raise PermissionDenied
    revision, current = _replaceable(document)
    form = FileForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        status = 400
        staged = request.POST.get("staged", "")
        try:
            if staged and _confirmed(request):
                stored = services.add_staged_file(document=document, token=staged, by=request.user)
            elif form.is_valid():
                upload, language = form.cleaned_data["file"], form.cleaned_data["language"]
                replaced = current.get(language)
                if replaced is not None and not _confirmed(request):
                    token = services.stage_file(
                        document=document,
                        upload=upload,
                        language=language,
                        by=request.user,
                        original_name=upload.name,
                    )
                    return _confirmation(
                        request,
                        document,
                        "replace",
                        consequence=_replace_consequence(replaced),
                        hidden={"staged": token},
                    )
                stored = services.add_file(
                    document=document,
                    upload=upload,
                    language=language,
                    by=request.user,
                    original_name=upload.name,
                    replace=_confirmed(request),
                )
            else:
                stored = None
        except NotAllowed as refusal:
            raise PermissionDenied from refusal
        except DomainError as error:
            form.add_error("file" if "file" in form.fields else None, error.message)
            status = error.http_status
        else:
            if stored is not None:
                if stored.extraction_state == DocumentFile.Extraction.DELAYED:
                    messages.warning(request, DELAYED_MESSAGE)
                else:
                    messages.success(request, _("The file is stored; its text is being read."))
                return redirect(document)
    return render(
        request,
        "documents/file_form.html",
        {
            "form": form,
            "document": document,
            "revision": revision,
            "current_files": sorted(current.values(), key=lambda file: file.language),
            "question": CONFIRMATIONS["replace"][0],
            "button": CONFIRMATIONS["replace"][2],
        },
        status=status,
    )


def _replace_consequence(replaced: DocumentFile) -> str:
    return _(
        "It replaces the current %(language)s file of Rev.%(revision)s, %(name)s. The replaced "
        "file stays in the history, for the secretariat."
    ) % {
        "language": replaced.get_language_display(),
        "revision": replaced.revision,
        "name": replaced.original_name,
    }


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


def _confirmation(request: HttpRequest, document: Document, action: str, **extra) -> HttpResponse:
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
    return _perform(
        request, document, partial(service, document=document, by=request.user, **options), done
    )


def _perform(request: HttpRequest, document: Document, step: Callable, done) -> HttpResponse:
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
    reason = form.cleaned_data["reason"]
    withdraw_it = partial(services.withdraw_document, document=document, reason=reason)
    return _perform(request, document, partial(withdraw_it, by=request.user), _("Withdrawn."))


@require_POST
@login_required
def remove_file(request: HttpRequest, pk: int) -> HttpResponse:
    stored = selectors.file_for_download(user=request.user, pk=pk)
    if stored is None:
        raise Http404
    document = _document(request, stored.document_id)
    if not permissions.can_remove_file(user=request.user, document=document, file=stored):
        raise PermissionDenied
    form = RemoveFileForm(request.POST)
    if not form.is_valid() or not _confirmed(request):
        consequence = _(
            "The %(language)s file %(name)s of Rev.%(revision)s is no longer offered with the "
            "document; it stays in the history, with your reason, for the secretariat."
        ) % {
            "language": stored.get_language_display(),
            "name": stored.original_name,
            "revision": stored.revision,
        }
        return _confirmation(request, document, "remove_file", form=form, consequence=consequence)
    remove_it = partial(services.remove_file, file=stored, reason=form.cleaned_data["reason"])
    return _perform(
        request, document, partial(remove_it, by=request.user), _("The file is removed.")
    )


def by_symbol(request: HttpRequest, symbol: str) -> HttpResponse:
    """A link by symbol, with or without its revision and language letter, opens the document
    (whose page shows its latest published revision)."""
    document = selectors.document_by_symbol(user=request.user, symbol=symbol)
    if document is None:
        raise Http404
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
            "versions": selectors.history_of(document=document, user=request.user),
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
    letter = LANGUAGE_LETTERS.get(stored.language, stored.language)  # the symbol's E, A, F...
    name = safe_download_name(symbol=label, language=letter, extension=stored.extension)
    return stored_file_response(stored.file, filename=name, content_type=stored.content_type)


@login_required
def create_summary(request: HttpRequest, number: int) -> HttpResponse:
    meeting = _meeting(number)
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
    document = _document(request, pk)
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
    document = _document(request, pk)
    if not permissions.can_publish_summary(user=request.user, document=document):
        raise PermissionDenied
    if "body" in request.POST:
        form = _summary_form(document, request.POST)
        if not form.is_valid():
            return _summary_editor(request, document, form, 400)
        document = _save_summary(request, document, form)
    if "body" in request.POST or not _confirmed(request):
        version = services.summary_text_version(document)
        return _confirmation(request, document, "publish_summary", hidden={"version": version})
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
    asked = "from" in request.GET or "to" in request.GET
    if pair is not None and result is None and (asked or len(revisions) >= 2):
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


# Co-sponsors (issue 13, point 2): each co-sponsor's delegates answer on this page.
@login_required
def cosponsorship(request: HttpRequest, pk: int) -> HttpResponse:
    document = _document(request, pk)
    if not permissions.can_answer_cosponsorship(user=request.user, document=document):
        raise PermissionDenied
    form = CosponsorshipForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.answer_cosponsorship(
                document=document,
                by=request.user,
                confirm=form.cleaned_data["answer"] == "confirm",
            )
        except NotAllowed as refusal:
            raise PermissionDenied from refusal
        messages.success(request, _("Your answer is recorded."))
        return redirect(document)
    states = permissions.own_member_states(user=request.user)
    mine = [
        cosponsor for cosponsor in document.cosponsors.all() if cosponsor.member_state_id in states
    ]
    return render(
        request,
        "documents/cosponsorship.html",
        {"document": document, "form": form, "mine": mine},
        status=400 if request.method == "POST" else 200,
    )


# Corrections after registration (issue 13, point 7): the secretariat, with a reason.
@login_required
def correct(request: HttpRequest, pk: int) -> HttpResponse:
    document = _document(request, pk)
    if not permissions.can_correct_document(user=request.user, document=document):
        raise PermissionDenied
    initial = {
        "title": document.title,
        "series": document.kind,
        "access": document.access,
        "agenda_items": document.agenda_items.all(),
        "restricted_to": document.restricted_to.all(),
    }
    form = CorrectionForm(request.POST or None, initial=initial, meeting=document.meeting)

    def save(data: dict) -> None:
        services.correct_registered_document(
            document=document,
            by=request.user,
            reason=data["reason"],
            title=data["title"],
            kind=data["series"],
            access=data["access"],
            agenda_items=list(data["agenda_items"]),
            restricted_to=list(data["restricted_to"]),
        )

    return _form_page(
        request,
        form=form,
        save=save,
        done=_("The correction is saved, with its reason."),
        template="documents/correct.html",
        context={"document": document},
    )


# "Preview as" (issue 13, point 9): the page another viewer gets, from the same rules.
@login_required
def preview(request: HttpRequest, pk: int) -> HttpResponse:
    document = _document(request, pk)
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
