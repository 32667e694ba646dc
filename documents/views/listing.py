"""The documents of a meeting, their CSV, the registration queue, links by symbol."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from cwg.forms import tag_filters
from cwg.language_badges import page_language_of
from cwg.models import ActionLine, SustainableDevelopmentGoal
from cwg.opendata import csv_response, descriptor_response
from cwg.pagecache import public_page
from documents import opendata, permissions, selectors
from documents.models import Document, Language
from documents.views.common import meeting_or_404
from meetings.pagecache import meeting_scope


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
    meeting = meeting_or_404(number)
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
    meeting = meeting_or_404(number)
    documents = selectors.documents_for_meeting(
        user=request.user, meeting=meeting, **_list_filters(request)
    )
    rows = opendata.document_rows(list(documents))
    filename = f"meeting-{meeting.number}-documents.csv"
    return csv_response(table=opendata.DOCUMENTS, rows=rows, filename=filename)


def meeting_datapackage(request: HttpRequest, number: int) -> HttpResponse:
    meeting = meeting_or_404(number)
    base_url = request.build_absolute_uri("/")
    return descriptor_response(opendata.documents_datapackage(meeting=meeting, base_url=base_url))


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
