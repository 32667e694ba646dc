"""The coming 45th meeting's documents (its dates follow the day the demo is loaded): a delegate's
unsubmitted draft, a contribution withdrawn in the open, and the secretariat's draft agenda with
a revision being prepared. Written for the demo; built through the services."""

import datetime as dt
from collections.abc import Callable

from django.contrib.auth.models import User

from documents.models import Document, TranslationRequest
from documents.services import (
    add_file,
    create_document,
    publish_document,
    register_document,
    start_revision,
    submit_document,
    withdraw_document,
)
from documents.services.translations import advance, request_translations
from meetings.models import AgendaItem, Meeting

DRAFT = "Priorities of Egypt for the follow-up of the WSIS+20 outcome"
WITHDRAWN = "Views of Sweden on the WSIS Forum 2027"
WITHDRAWN_REASON = (
    "Withdrawn at the request of Sweden, whose views are now part of a joint contribution."
)
AGENDA = "Draft agenda of the 45th meeting"


def load(*, meeting: Meeting, people: dict[str, User], make_docx: Callable) -> None:
    if Document.objects.filter(meeting=meeting, title=AGENDA).exists():
        return
    secretariat = people["secretariat"]
    items = {item.number: item for item in AgendaItem.objects.filter(meeting=meeting)}
    # Egypt's delegate keeps a draft: nobody else sees it, the secretariat included.
    egypt = people["delegate.eg"]
    draft = create_document(meeting=meeting, title=DRAFT, by=egypt, agenda_items=[items["3"]])
    add_file(document=draft, upload=make_docx(DRAFT, "en"), language="en", by=egypt)
    # Sweden's contribution, published, then withdrawn: it keeps its symbol and stays listed.
    sweden = people["delegate.se"]
    withdrawn = create_document(
        meeting=meeting, title=WITHDRAWN, by=sweden, agenda_items=[items["5"]]
    )
    add_file(document=withdrawn, upload=make_docx(WITHDRAWN, "en"), language="en", by=sweden)
    submit_document(document=withdrawn, by=sweden)
    register_document(document=withdrawn, by=secretariat)
    publish_document(document=withdrawn, by=secretariat)
    withdraw_document(document=withdrawn, by=secretariat, reason=WITHDRAWN_REASON)
    # The secretariat's agenda, published; its Rev.1 is being prepared (only it sees Rev.1).
    agenda = create_document(
        meeting=meeting, title=AGENDA, by=secretariat, agenda_items=[items["2"]]
    )
    for language in ["en", "ar"]:
        add_file(
            document=agenda, upload=make_docx(AGENDA, language), language=language, by=secretariat
        )
    submit_document(document=agenda, by=secretariat)
    register_document(document=agenda, by=secretariat)
    publish_document(document=agenda, by=secretariat)
    start_revision(document=agenda, by=secretariat)
    add_file(
        document=agenda,
        upload=make_docx(f"{AGENDA} (Rev.1)", "en"),
        language="en",
        by=secretariat,
    )
    # The secretariat asked for the agenda's other four languages, due two days before the
    # posting deadline; French is with the translators (the six-language matrix shows both).
    due = (meeting.posting_deadline - dt.timedelta(days=2)).date()
    registered = Document.objects.get(pk=agenda.pk)
    requests = request_translations(documents=[registered], by=secretariat, due=due)
    french = next(request for request in requests if request.language == "fr")
    advance(cell=french, to_state=TranslationRequest.State.IN_TRANSLATION, by=secretariat)
