"""The six-language matrix of a meeting: everyone reads it; the secretariat requests
translations, moves cells along and uploads delivered files from it. Its CSV and descriptor."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cwg.exceptions import DomainError, NotAllowed
from cwg.opendata import csv_response, descriptor_response
from documents import opendata, permissions
from documents.models import Document, Language, TranslationRequest
from documents.selectors.translations import (
    LATE,
    LATE_LABEL,
    MATRIX_LANGUAGES,
    STATE_LABELS,
    recent_translation_changes,
    translation_matrix,
)
from documents.services import translations
from documents.views.common import meeting_or_404


def _filters(request: HttpRequest) -> dict:
    return {
        "state": request.GET.get("state", "").strip(),
        "language": request.GET.get("language", "").strip(),
    }


def _page(request, meeting, *, status: int = 200, error: str = "", kept: dict | None = None):
    filters = _filters(request)
    matrix = translation_matrix(user=request.user, meeting=meeting, **filters)
    context = {
        "meeting": meeting,
        "matrix": matrix,
        "filters": filters,
        "state_choices": [(state, STATE_LABELS[state]) for state in matrix.states]
        + [(LATE, LATE_LABEL)],
        "language_choices": [(code, Language(code).label) for code in MATRIX_LANGUAGES],
        "error": error,
        "kept": kept or {},
        "changes": recent_translation_changes(matrix),
    }
    return render(request, "documents/translation_matrix.html", context, status=status)


def translation_page(request: HttpRequest, number: int) -> HttpResponse:
    return _page(request, meeting_or_404(number))


def _back(meeting) -> HttpResponse:
    return redirect(reverse("documents:translations", args=[meeting.number]))


def _act(request, meeting, step, done: str, kept: dict | None = None) -> HttpResponse:
    """Run a step: a refusal is a 403, any other domain error the page again with the message,
    its 4xx status and what was typed or chosen."""
    try:
        step()
    except NotAllowed as refusal:
        raise PermissionDenied from refusal
    except DomainError as error:
        return _page(
            request, meeting, status=error.http_status, error=str(error.message), kept=kept
        )
    messages.success(request, done)
    return _back(meeting)


def _require_manager(request) -> None:
    if not permissions.can_manage_translations(user=request.user):
        raise PermissionDenied


def _meeting_document(meeting, pk: str) -> Document:
    if not pk.isdigit():
        raise DomainError(_("Choose a document of this meeting."))
    document = Document.objects.filter(meeting=meeting, pk=int(pk)).first()
    if document is None:
        raise DomainError(_("Choose a document of this meeting."))
    return document


@require_POST
@login_required
def request_translations(request: HttpRequest, number: int) -> HttpResponse:
    meeting = meeting_or_404(number)
    _require_manager(request)
    chosen = request.POST.getlist("documents")
    due_text = request.POST.get("due", "").strip()
    kept = {"documents": chosen, "due": due_text}

    def step():
        due = None
        if due_text:
            try:
                due = dt.date.fromisoformat(due_text)
            except ValueError as exc:
                raise DomainError(_("Give the due date as a date, e.g. 2026-03-31.")) from exc
        documents = [_meeting_document(meeting, pk) for pk in chosen]
        created = translations.request_translations(documents=documents, by=request.user, due=due)
        if not created:
            raise DomainError(_("These documents have every language already."))

    return _act(request, meeting, step, _("Translations requested."), kept)


def _cell(meeting, request) -> tuple[Document, str, TranslationRequest | None]:
    document = _meeting_document(meeting, request.POST.get("document", ""))
    language = request.POST.get("language", "")
    if language not in Language.values:
        raise DomainError(_("Choose one of the six languages."))
    cell = TranslationRequest.objects.filter(document=document, language=language).first()
    return document, language, cell


@require_POST
@login_required
def move_translation(request: HttpRequest, number: int) -> HttpResponse:
    meeting = meeting_or_404(number)
    _require_manager(request)
    to_state = request.POST.get("to", "")

    def step():
        document, language, cell = _cell(meeting, request)
        if cell is None and to_state == TranslationRequest.State.NOT_REQUIRED:
            translations.mark_not_required(document=document, language=language, by=request.user)
        elif cell is None:
            raise DomainError(_("Request this translation first."))
        else:
            translations.advance(cell=cell, to_state=to_state, by=request.user)

    return _act(request, meeting, step, _("Translation updated."))


@require_POST
@login_required
def deliver_translation(request: HttpRequest, number: int) -> HttpResponse:
    meeting = meeting_or_404(number)
    _require_manager(request)
    upload = request.FILES.get("file")

    def step():
        _document, _language, cell = _cell(meeting, request)
        if cell is None:
            raise DomainError(_("Request this translation first."))
        if upload is None:
            raise DomainError(_("Choose the translated file to upload."))
        translations.deliver(cell=cell, upload=upload, by=request.user)

    return _act(request, meeting, step, _("The translated file is delivered."))


def translations_csv(request: HttpRequest, number: int) -> HttpResponse:
    meeting = meeting_or_404(number)
    matrix = translation_matrix(user=request.user, meeting=meeting, **_filters(request))
    filename = f"meeting-{meeting.number}-languages.csv"
    return csv_response(
        table=opendata.TRANSLATIONS, rows=opendata.translation_rows(matrix), filename=filename
    )


def translations_datapackage(request: HttpRequest, number: int) -> HttpResponse:
    meeting = meeting_or_404(number)
    base_url = request.build_absolute_uri("/")
    return descriptor_response(
        opendata.translations_datapackage(meeting=meeting, base_url=base_url)
    )
