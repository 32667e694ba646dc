"""A meeting's documents list as open data: the CSV of the list and its datapackage.json.

DOCUMENTS is the one definition of the columns: the CSV takes its header from it and tests
validate real exports against the descriptor with frictionless.
"""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cwg.dates import iso_date
from cwg.opendata import (
    DataFile,
    Dataset,
    Field,
    Table,
    choice_labels,
    choice_values,
    register_datasets,
    table_package,
)
from documents.models import Document, Language
from documents.selectors.translations import MANAGER_STATES, READER_STATES, STATE_LABELS, Matrix
from meetings.models import Meeting

DOCUMENTS = Table(
    version="1.0.0",
    fields=[
        Field(
            "symbol",
            "string",
            gettext_lazy("The document's symbol without language letter; empty until registered."),
        ),
        Field("title", "string", gettext_lazy("The document's title."), required=True),
        Field(
            "kind",
            "string",
            gettext_lazy("What kind of document it is, in the language of the request."),
            enum=choice_labels(Document.Kind.choices),
        ),
        Field("source", "string", gettext_lazy("Who submitted it: member states or others.")),
        Field(
            "agenda_items",
            "string",
            gettext_lazy("The numbers of the agenda items it serves, separated by spaces."),
        ),
        Field(
            "languages",
            "string",
            gettext_lazy("The codes of the languages it has files in, separated by spaces."),
        ),
        Field(
            "status",
            "string",
            gettext_lazy("Where it stands, in the language of the request."),
            enum=choice_labels(Document.Status.choices),
        ),
        Field("late", "boolean", gettext_lazy("Submitted after the contribution deadline.")),
        Field("published_on", "date", gettext_lazy("When it was published, ISO 8601.")),
        Field(
            "action_lines",
            "string",
            gettext_lazy("Codes of the WSIS action lines it is tagged with, separated by spaces."),
        ),
        Field(
            "sdgs",
            "string",
            gettext_lazy("Numbers of the SDGs it is tagged with, separated by spaces."),
        ),
    ],
)


def document_rows(documents: list[Document]) -> list[list]:
    """Rows of the list (sources, agenda items, files and tags prefetched: no query per row)."""
    return [
        [
            document.symbol,
            document.title,
            document.get_kind_display(),
            document.source,
            " ".join(item.number for item in document.agenda_items.all()),
            " ".join(sorted({file.language for file in document.files.all()})),
            document.get_status_display(),
            "true" if document.is_late else "false",
            iso_date(document.published_at),
            " ".join(line.code for line in document.action_lines.all()),
            " ".join(str(goal.number) for goal in document.sdgs.all()),
        ]
        for document in documents
    ]


def documents_datapackage(*, meeting: Meeting, base_url: str = "") -> dict:
    path = reverse("documents:meeting_csv", args=[meeting.number])
    return table_package(
        name=f"meeting-{meeting.number}-documents",
        title=_("Documents of meeting %(number)s") % {"number": meeting.number},
        description=_(
            "The documents of the meeting that the requester may see; labels are in the "
            "language of the request."
        ),
        table=DOCUMENTS,
        path=base_url.rstrip("/") + path,
        resource="documents",
        about=_("One row per document, as on the meeting's documents list."),
    )


def _per_meeting(*, title, description, csv: str, descriptor: str) -> list[Dataset]:
    """One dataset per meeting: its CSV (what each reader may see) and its descriptor."""
    return [
        Dataset(
            title=str(title % {"number": meeting.number}),
            description=description,
            descriptor_url=reverse(f"documents:{descriptor}", args=[meeting.number]),
            files=[DataFile(label="CSV", url=reverse(f"documents:{csv}", args=[meeting.number]))],
        )
        for meeting in Meeting.objects.order_by("-number")
    ]


def meeting_datasets(user) -> list[Dataset]:
    """Every meeting's list: each reader downloads the documents they may see."""
    return _per_meeting(
        title=_("Documents of meeting %(number)s"),
        description=_("Symbol, title, kind, source, agenda items, languages, status, tags."),
        csv="meeting_csv",
        descriptor="meeting_datapackage",
    )


TRANSLATIONS = Table(
    version="1.0.0",
    primary_key=["symbol", "language"],
    fields=[
        Field("symbol", "string", gettext_lazy("The document's symbol."), required=True),
        Field("title", "string", gettext_lazy("The document's title."), required=True),
        Field(
            "language",
            "string",
            gettext_lazy("The language's code: ar, zh, en, fr, ru or es."),
            enum=choice_values(Language.choices),
            required=True,
        ),
        Field(
            "state",
            "string",
            gettext_lazy(
                "Where the language version stands: original and published exist; requested, "
                "in_translation and delivered are the secretariat's steps of what is coming "
                "(coming for everyone else); not_required; missing."
            ),
            enum=lambda: list(dict.fromkeys([*MANAGER_STATES, *READER_STATES])),
            required=True,
        ),
        Field("state_label", "string", gettext_lazy("The state in the language of the request.")),
        Field("due", "date", gettext_lazy("When the translation is due, ISO 8601.")),
        Field(
            "late",
            "boolean",
            gettext_lazy("Not published by the meeting's posting deadline (or due after it)."),
        ),
    ],
)


def translation_rows(matrix: Matrix) -> list[list]:
    """One row per document and language, as the requester sees the matrix."""
    return [
        [
            row.document.symbol,
            row.document.title,
            cell.language,
            cell.state,
            str(STATE_LABELS[cell.state]),
            cell.due.isoformat() if cell.due else "",
            "true" if cell.late else "false",
        ]
        for row in matrix.rows
        for cell in row.cells
    ]


def translations_datapackage(*, meeting: Meeting, base_url: str = "") -> dict:
    path = reverse("documents:translations_csv", args=[meeting.number])
    return table_package(
        name=f"meeting-{meeting.number}-languages",
        title=_("Language versions of meeting %(number)s") % {"number": meeting.number},
        description=_(
            "Which of the six language versions of each registered document exist and which "
            "are coming, as the requester may see them."
        ),
        table=TRANSLATIONS,
        path=base_url.rstrip("/") + path,
        resource="languages",
        about=_("One row per document and language."),
    )


def translation_datasets(user) -> list[Dataset]:
    """Every meeting's six-language matrix, as each reader may see it."""
    return _per_meeting(
        title=_("Language versions of meeting %(number)s"),
        description=_("Symbol, language, state, due date, late."),
        csv="translations_csv",
        descriptor="translations_datapackage",
    )


def connect() -> None:
    register_datasets(
        "documents", title=gettext_lazy("Meeting documents"), datasets=meeting_datasets
    )
    register_datasets(
        "translations",
        title=gettext_lazy("Language versions of meeting documents"),
        datasets=translation_datasets,
    )
