"""The six-language matrix of a meeting: registered documents (rows) by language (columns).

Three queries whatever the number of documents: the documents, their files the viewer may see,
their translation requests. The secretariat sees each request's state; everyone else sees which
languages exist and which are coming, from the files they may open.
"""

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from reversion.models import Version

from cwg.permissions import AnyUser
from documents.models import (
    AWAITING_FILE,
    TRANSLATION_MOVES,
    Document,
    DocumentFile,
    Language,
    TranslationRequest,
)
from documents.permissions import can_manage_translations, visible_files_filter
from meetings.models import Meeting

# The order: Arabic, Chinese, English, French, Russian, Spanish.
MATRIX_LANGUAGES = ["ar", "zh", "en", "fr", "ru", "es"]
State = TranslationRequest.State
ORIGINAL, MISSING, COMING = "original", "missing", "coming"
AVAILABLE = {ORIGINAL, State.PUBLISHED}
PENDING = {State.REQUESTED, State.IN_TRANSLATION, State.DELIVERED, COMING}
STATE_LABELS = {
    ORIGINAL: pgettext_lazy("state of a translation", "Original"),
    MISSING: pgettext_lazy("state of a translation", "Not requested"),
    COMING: pgettext_lazy("state of a translation", "Coming"),
    **dict(State.choices),
}
# What the filter offers: the secretariat's states, or what everyone else is shown.
MANAGER_STATES = [ORIGINAL, *State.values, MISSING]
READER_STATES = [ORIGINAL, State.PUBLISHED, COMING, State.NOT_REQUIRED, MISSING]
LATE = "late"
LATE_LABEL = _("Late")


@dataclass
class Cell:
    document: Document
    language: str
    state: str
    request: TranslationRequest | None = None
    file: DocumentFile | None = None
    late: bool = False

    @property
    def label(self) -> str:
        return str(STATE_LABELS[self.state])

    @property
    def due(self) -> dt.date | None:
        return self.request.due if self.request else None

    @property
    def next_states(self) -> list[tuple[str, str]]:
        """The moves the secretariat may make from this cell (delivery is the upload)."""
        if self.request is None:
            return [(State.NOT_REQUIRED, str(State.NOT_REQUIRED.label))] if not self.file else []
        return [(state, str(state.label)) for state in TRANSLATION_MOVES[self.request.state]]

    @property
    def awaits_file(self) -> bool:
        return self.request is not None and self.request.state in AWAITING_FILE


@dataclass
class Row:
    document: Document
    cells: list[Cell]

    @property
    def missing(self) -> bool:
        return any(cell.state == MISSING for cell in self.cells)


@dataclass
class Matrix:
    meeting: Meeting
    languages: list[str]
    rows: list[Row]
    posting_deadline: dt.datetime
    manager: bool
    states: list[str]
    totals: dict[str, Counter] = field(default_factory=dict)

    @property
    def headers(self) -> list[tuple[str, str]]:
        return [(code, str(Language(code).label)) for code in self.languages]

    @property
    def total_columns(self) -> list[tuple[str, Counter]]:
        return [(language, self.totals[language]) for language in self.languages]


def _documents(user: AnyUser, meeting: Meeting):
    files = DocumentFile.objects.defer("text").filter(visible_files_filter(user)).order_by("pk")
    return (
        Document.objects.visible_to(user)
        .filter(meeting=meeting, number__isnull=False)
        .exclude(status=Document.Status.WITHDRAWN)
        .select_related("meeting__working_group")
        .prefetch_related(Prefetch("files", queryset=files), "translation_requests")
        .order_by("kind", "number", "pk")
    )


def _cells(document: Document, *, manager: bool, late_after: bool, deadline: dt.date) -> list[Cell]:
    requests = {request.language: request for request in document.translation_requests.all()}
    current = {}
    for file in document.files.all():  # ordered by pk: the first file is the original's
        if file.state == DocumentFile.State.CURRENT:
            current.setdefault(file.language, file)
    originals = [language for language in current if language not in requests]
    original = originals[0] if originals else None
    cells = []
    for language in MATRIX_LANGUAGES:
        request, file = requests.get(language), current.get(language)
        if manager and request is not None:
            state = request.state
        elif file is not None:
            state = ORIGINAL if language == original else State.PUBLISHED
        elif request is not None:
            state = request.state if request.state == State.NOT_REQUIRED else COMING
        else:
            state = MISSING
        cell = Cell(document=document, language=language, state=state, file=file)
        cell.request = request if manager or state == COMING else None
        due = request.due if request is not None else None
        cell.late = state in PENDING and (late_after or (due is not None and due > deadline))
        cells.append(cell)
    return cells


def translation_matrix(
    *, user: AnyUser, meeting: Meeting, state: str = "", language: str = "", now=None
) -> Matrix:
    """The meeting's matrix; state (or "late") and language narrow it (unknown values ignored)."""
    manager = can_manage_translations(user=user)
    states = MANAGER_STATES if manager else READER_STATES
    deadline = meeting.posting_deadline
    late_after = (now or timezone.now()) > deadline
    languages = [language] if language in MATRIX_LANGUAGES else list(MATRIX_LANGUAGES)
    rows = []
    for document in _documents(user, meeting):
        cells = _cells(document, manager=manager, late_after=late_after, deadline=deadline.date())
        shown = [cell for cell in cells if cell.language in languages]
        if state == LATE and not any(cell.late for cell in shown):
            continue
        if state in states and not any(cell.state == state for cell in shown):
            continue
        rows.append(Row(document=document, cells=shown))
    totals = {code: Counter() for code in languages}
    for row in rows:
        for cell in row.cells:
            totals[cell.language][cell.state] += 1
            totals[cell.language]["available"] += cell.state in AVAILABLE
            totals[cell.language]["pending"] += cell.state in PENDING
            totals[cell.language][LATE] += cell.late
    return Matrix(
        meeting=meeting,
        languages=languages,
        rows=rows,
        posting_deadline=deadline,
        manager=manager,
        states=states,
        totals=totals,
    )


@dataclass(frozen=True)
class TranslationChange:
    when: dt.datetime
    who: str
    symbol: str
    language: str
    state: str


def recent_translation_changes(matrix: Matrix, *, limit: int = 20) -> list[TranslationChange]:
    """The latest changes of the matrix's cells, from their history (two queries): for the
    secretariat, who made them."""
    requests = {
        str(cell.request.pk): row.document
        for row in matrix.rows
        for cell in row.cells
        if cell.request is not None
    }
    if not matrix.manager or not requests:
        return []
    versions = (
        Version.objects.get_for_model(TranslationRequest)
        .filter(object_id__in=list(requests))
        .select_related("revision__user")
        .order_by("-revision__date_created", "-pk")[:limit]
    )
    changes = []
    for version in versions:
        values, user = version.field_dict, version.revision.user
        changes.append(
            TranslationChange(
                when=version.revision.date_created,
                who=(user.get_full_name() or user.username) if user else "",
                symbol=requests[version.object_id].symbol,
                language=str(Language(values["language"]).label),
                state=str(STATE_LABELS.get(values["state"], values["state"])),
            )
        )
    return changes


def pending_languages(document_ids: list[int]) -> dict[int, frozenset[str]]:
    """Languages asked for and not yet delivered or published, per document id (one query)."""
    if not document_ids:
        return {}
    pending: dict[int, set[str]] = {}
    waiting = [State.REQUESTED, State.IN_TRANSLATION, State.DELIVERED]
    for document_id, language in TranslationRequest.objects.filter(
        document_id__in=document_ids, state__in=waiting
    ).values_list("document_id", "language"):
        pending.setdefault(document_id, set()).add(language)
    return {pk: frozenset(languages) for pk, languages in pending.items()}
