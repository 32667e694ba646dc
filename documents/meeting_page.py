"""The meeting page's agenda with its documents: documents adds it to meetings' page.

meetings knows no documents (layers); it shows what its page_sections registry hands it. The
section lists the agenda itself, each item with its documents, then the information documents
and the chair's summary, all through the list's selectors and permissions.
"""

from django.http import HttpRequest

from cwg.language_badges import page_language_of
from documents import selectors
from meetings import page_sections
from meetings.models import Meeting
from meetings.page_sections import PageSection


def agenda_with_documents(*, request: HttpRequest, meeting: Meeting) -> PageSection:
    documents = selectors.documents_for_meeting(user=request.user, meeting=meeting)
    rows = selectors.document_rows(
        documents, user=request.user, page_language=page_language_of(request.LANGUAGE_CODE)
    )
    groups = selectors.grouped_by_agenda_item(rows, agenda_items=meeting.agenda_items.all())
    return PageSection(
        template="documents/_meeting_agenda.html",
        context={"meeting": meeting, "groups": groups},
        lists_agenda=True,
    )


def connect() -> None:
    page_sections.register("documents.agenda", agenda_with_documents)
