"""The documents of the 43rd, 44th and coming 45th meetings, built through the services
(idempotent)."""

import datetime as dt
import io

from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document as WordDocument

from cwg.demo import SECTOR_MEMBER_NAME
from cwg.models import MemberState, Organization, WorkingGroup
from documents.demo import coming, content
from documents.demo.revisions import attach_revisions
from documents.demo.titles import TITLES
from documents.models import Document
from documents.services import (
    add_file,
    answer_cosponsorship,
    approve_late_contribution,
    create_document,
    create_summary,
    name_cosponsors,
    publish_document,
    publish_summary,
    register_document,
    set_document_titles,
    submit_document,
    update_summary,
)
from meetings.models import AgendaItem, Meeting

DELEGATE_OF = {"EG": "delegate.eg", "SE": "delegate.se", "SECTOR": "sector.member"}


def _docx(title: str, language: str) -> SimpleUploadedFile:
    word = WordDocument()
    word.add_heading(title, level=1)
    for paragraph in content.BODY[language]:
        word.add_paragraph(paragraph)
    buffer = io.BytesIO()
    word.save(buffer)
    return SimpleUploadedFile(f"{title[:40]}-{language}.docx", buffer.getvalue())


def load(*, working_group: WorkingGroup) -> None:
    people = {
        name: User.objects.get(username=name)
        for name in ["secretariat", "chair", *DELEGATE_OF.values()]
    }
    for number, entries in [(43, content.MEETING_43), (44, content.MEETING_44)]:
        meeting = Meeting.objects.get(working_group=working_group, number=number)
        for kind, title, sources, languages in entries:
            if not Document.objects.filter(meeting=meeting, kind=kind, title=title).exists():
                _load_document(meeting, kind, title, sources, languages, people)
    _load_summary(working_group, people)
    coming.load(
        meeting=Meeting.objects.get(working_group=working_group, number=45),
        people=people,
        make_docx=_docx,
    )


def _load_document(meeting, kind, title, sources, languages, people) -> None:
    # Both meetings are history: the secretariat records what each delegation sent it, naming
    # the sources (a delegation files only while its meeting is open, and only its own drafts).
    secretariat = author = people["secretariat"]
    states = list(MemberState.objects.filter(iso_code__in=sources))
    organizations = (
        list(Organization.objects.filter(name=SECTOR_MEMBER_NAME)) if "SECTOR" in sources else []
    )
    other = ", ".join(s for s in sources if s in {"Secretariat", "Chair"})
    items = content.AGENDA_ITEMS.get((meeting.number, title), [])
    document = create_document(
        meeting=meeting,
        title=title,
        by=author,
        kind=kind,
        agenda_items=list(AgendaItem.objects.filter(meeting=meeting, number__in=items)),
        source_states=states,
        source_organizations=organizations,
        source_text=other,
    )
    cosponsors = content.COSPONSORED.get((meeting.number, title), [])
    if cosponsors:
        states = list(MemberState.objects.filter(iso_code__in=cosponsors))
        name_cosponsors(document=document, by=secretariat, member_states=states)
    if title in TITLES:
        document = set_document_titles(
            document=document,
            by=secretariat,
            title_language="en",
            titles={"en": title, **TITLES[title]},
        )
    for language in languages:
        add_file(document=document, upload=_docx(title, language), language=language, by=author)
    late = (meeting.number, title) == content.LATE
    deadline = meeting.contribution_deadline
    received = deadline + dt.timedelta(days=2) if late else deadline - dt.timedelta(days=5)
    document = submit_document(document=document, by=secretariat, received_at=received)
    for cosponsor in document.cosponsors.select_related("member_state"):
        delegate = DELEGATE_OF[cosponsor.member_state.iso_code]
        answer_cosponsorship(document=document, by=people[delegate], confirm=True)
    if late:
        approve_late_contribution(document=document, by=secretariat)
    document = register_document(document=document, by=secretariat)
    document = publish_document(document=document, by=secretariat)
    if (meeting.number, title) == content.REVISED:
        attach_revisions(document=document, by=secretariat)


def _load_summary(working_group, people) -> None:
    meeting = Meeting.objects.get(working_group=working_group, number=44)
    if Document.objects.filter(meeting=meeting, kind=Document.Kind.SUMMARY).exists():
        return
    chair = people["chair"]
    summary = create_summary(meeting=meeting, title=content.SUMMARY_TITLE, language="en", by=chair)
    set_document_titles(
        document=summary,
        by=people["secretariat"],
        title_language="en",
        titles={"en": content.SUMMARY_TITLE, **TITLES[content.SUMMARY_TITLE]},
    )
    update_summary(
        document=summary, title=content.SUMMARY_TITLE, blocks=content.SUMMARY_BLOCKS, by=chair
    )
    publish_summary(document=summary, by=chair)
