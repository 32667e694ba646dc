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
    register_datasets,
    table_package,
)
from documents.models import Document
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


def meeting_datasets(user) -> list[Dataset]:
    """Every meeting's list: each reader downloads the documents they may see."""
    return [
        Dataset(
            title=str(_("Documents of meeting %(number)s") % {"number": meeting.number}),
            description=_("Symbol, title, kind, source, agenda items, languages, status, tags."),
            descriptor_url=reverse("documents:meeting_datapackage", args=[meeting.number]),
            files=[
                DataFile(label="CSV", url=reverse("documents:meeting_csv", args=[meeting.number]))
            ],
        )
        for meeting in Meeting.objects.order_by("-number")
    ]


def connect() -> None:
    register_datasets(
        "documents", title=gettext_lazy("Meeting documents"), datasets=meeting_datasets
    )
