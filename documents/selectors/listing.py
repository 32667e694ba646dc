"""What the meeting's lists show of each document: its language badges, grouped by agenda item.

Everything here works on documents fetched by documents_for_meeting (files, agenda items and
sources prefetched): building the rows and the groups runs no query.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.urls import reverse

from cwg.language_badges import LanguageBadge, in_badge_order
from cwg.permissions import AnyUser
from documents.models import Document, DocumentFile, Language
from documents.permissions import can_download_files
from documents.selectors.translations import pending_languages
from meetings.models import AgendaItem


@dataclass(frozen=True)
class DocumentRow:
    document: Document
    badges: list[LanguageBadge]


@dataclass
class AgendaGroup:
    item: AgendaItem
    rows: list[DocumentRow] = field(default_factory=list)


@dataclass
class MeetingGroups:
    """The list by agenda item; information documents and summaries in their own groups."""

    items: list[AgendaGroup]
    information: list[DocumentRow] = field(default_factory=list)
    summaries: list[DocumentRow] = field(default_factory=list)
    unassigned: list[DocumentRow] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (
            any(group.rows for group in self.items)
            or self.information
            or self.summaries
            or self.unassigned
        )


def current_files(document: Document) -> dict[str, DocumentFile]:
    """The latest revision of each language version (the prefetch orders the files for this and
    holds only what the viewer may see); a replaced or removed file, which the secretariat's
    prefetch keeps for the record, is never the current one."""
    current: dict[str, DocumentFile] = {}
    for file in document.files.all():
        if file.state == DocumentFile.State.CURRENT:
            current.setdefault(file.language, file)
    return current


def translation_requests(documents: Iterable[Document]) -> dict[int, frozenset[str]]:
    """Languages asked for and not yet delivered, per document id, in one query for the list."""
    return pending_languages([document.pk for document in documents])


def language_badges(
    document: Document,
    *,
    page_language: str,
    downloadable: bool,
    requested: frozenset[str] = frozenset(),
) -> list[LanguageBadge]:
    files = current_files(document)
    badges = []
    for code in in_badge_order({*files, *requested}, page_language=page_language):
        file = files.get(code)
        badges.append(
            LanguageBadge(
                code=code,
                label=str(Language(code).label),
                url=reverse("documents:download", args=[file.pk]) if file and downloadable else "",
                file_format=file.kind.upper() if file else "",
                requested=file is None,
                page_language=code == page_language,
            )
        )
    return badges


def document_rows(
    documents: Iterable[Document], *, user: AnyUser, page_language: str
) -> list[DocumentRow]:
    documents = list(documents)
    requested = translation_requests(documents)
    return [
        DocumentRow(
            document=document,
            badges=language_badges(
                document,
                page_language=page_language,
                downloadable=can_download_files(user=user, document=document),
                requested=requested.get(document.pk, frozenset()),
            ),
        )
        for document in documents
    ]


def grouped_by_agenda_item(
    rows: list[DocumentRow], *, agenda_items: Iterable[AgendaItem]
) -> MeetingGroups:
    """A document under several items is listed under each; one under none, apart."""
    groups = MeetingGroups(items=[AgendaGroup(item=item) for item in agenda_items])
    by_item = {group.item.pk: group for group in groups.items}
    for row in rows:
        document = row.document
        if document.kind == Document.Kind.INFORMATION:
            groups.information.append(row)
            continue
        if document.kind == Document.Kind.SUMMARY:
            groups.summaries.append(row)
            continue
        items = [item.pk for item in document.agenda_items.all() if item.pk in by_item]
        for pk in items:
            by_item[pk].rows.append(row)
        if not items:
            groups.unassigned.append(row)
    return groups
