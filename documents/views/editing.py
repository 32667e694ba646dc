"""Writing a contribution: create, edit, files, corrections, co-sponsors' answers."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cwg.exceptions import DomainError, NotAllowed
from cwg.files.exceptions import UploadRefused
from documents import permissions, selectors, services
from documents.forms import (
    CorrectionForm,
    CosponsorshipForm,
    DocumentDetailsForm,
    FileForm,
    NewContributionForm,
    RemoveFileForm,
    TitlesForm,
)
from documents.models import Document, DocumentFile
from documents.services.workflow import KEEP
from documents.views.common import (
    CONFIRMATIONS,
    DELAYED_MESSAGE,
    confirmation_page,
    confirmed,
    document_or_404,
    form_page,
    meeting_or_404,
    perform,
)


@login_required
def create_contribution(request: HttpRequest, number: int) -> HttpResponse:
    meeting = meeting_or_404(number)
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
    document = document_or_404(request, pk)
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

    return form_page(
        request,
        form=form,
        save=save,
        done=_("The details are saved."),
        template="documents/document_form.html",
        context={"meeting": document.meeting, "document": document},
    )


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
    document = document_or_404(request, pk)
    if not permissions.can_add_file(user=request.user, document=document):
        raise PermissionDenied
    revision, current = _replaceable(document)
    form = FileForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        status = 400
        staged = request.POST.get("staged", "")
        try:
            if staged and confirmed(request):
                stored = services.add_staged_file(document=document, token=staged, by=request.user)
            elif form.is_valid():
                upload, language = form.cleaned_data["file"], form.cleaned_data["language"]
                replaced = current.get(language)
                if replaced is not None and not confirmed(request):
                    token = services.stage_file(
                        document=document,
                        upload=upload,
                        language=language,
                        by=request.user,
                        original_name=upload.name,
                    )
                    return confirmation_page(
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
                    replace=confirmed(request),
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


@require_POST
@login_required
def remove_file(request: HttpRequest, pk: int) -> HttpResponse:
    stored = selectors.file_for_download(user=request.user, pk=pk)
    if stored is None:
        raise Http404
    document = document_or_404(request, stored.document_id)
    if not permissions.can_remove_file(user=request.user, document=document, file=stored):
        raise PermissionDenied
    form = RemoveFileForm(request.POST)
    if not form.is_valid() or not confirmed(request):
        consequence = _(
            "The %(language)s file %(name)s of Rev.%(revision)s is no longer offered with the "
            "document; it stays in the history, with your reason, for the secretariat."
        ) % {
            "language": stored.get_language_display(),
            "name": stored.original_name,
            "revision": stored.revision,
        }
        return confirmation_page(
            request, document, "remove_file", form=form, consequence=consequence
        )
    remove_it = partial(services.remove_file, file=stored, reason=form.cleaned_data["reason"])
    return perform(
        request, document, partial(remove_it, by=request.user), _("The file is removed.")
    )


# Co-sponsors (issue 13, point 2): each co-sponsor's delegates answer on this page.
@login_required
def cosponsorship(request: HttpRequest, pk: int) -> HttpResponse:
    document = document_or_404(request, pk)
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
    document = document_or_404(request, pk)
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

    return form_page(
        request,
        form=form,
        save=save,
        done=_("The correction is saved, with its reason."),
        template="documents/correct.html",
        context={"document": document},
    )


# The title in the six languages (issue 14, point 3): the secretariat enters the translations.
@login_required
def titles(request: HttpRequest, pk: int) -> HttpResponse:
    document = document_or_404(request, pk)
    if not permissions.can_edit_titles(user=request.user, document=document):
        raise PermissionDenied
    form = TitlesForm(request.POST or None, initial=TitlesForm.initial_for(document))

    def save(data: dict) -> None:
        services.set_document_titles(
            document=document,
            by=request.user,
            title_language=data["title_language"],
            titles=form.titles(),
        )

    return form_page(
        request,
        form=form,
        save=save,
        done=_("The titles are saved."),
        template="documents/titles.html",
        context={"document": document},
    )
