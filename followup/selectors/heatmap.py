"""The action-line heat map: WSIS action lines (rows) by meetings and consultation calls.

A meeting's cell counts its contributions (registered or published, as the reader may open
them) and its open actions tagged with the line; a call's cell counts its published inputs
tagged with the line. Three grouped queries, whatever the numbers.
"""

import csv
import io
import math
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count

from consultations.models import ConsultationCall, Submission
from cwg.models import ActionLine
from cwg.permissions import AnyUser
from documents.models import Document
from followup.models import Action
from meetings.models import Meeting

BANDS = 5  # colour bands of a banded table, beside the empty one
COUNTED_DOCUMENTS = (Document.Status.REGISTERED, Document.Status.PUBLISHED)


@dataclass(frozen=True)
class Column:
    kind: str  # "meeting" or "call"
    key: str  # the meeting's number or the call's code
    label: str


@dataclass
class Cell:
    line: ActionLine
    column: Column
    contributions: int = 0
    published_inputs: int = 0
    open_actions: int = 0

    @property
    def total(self) -> int:
        return self.contributions + self.published_inputs + self.open_actions


@dataclass
class Row:
    line: ActionLine
    cells: list[Cell] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(cell.total for cell in self.cells)

    @property
    def is_empty(self) -> bool:
        """No input and no action anywhere: the lines the group has left alone."""
        return self.total == 0


@dataclass
class HeatMap:
    columns: list[Column]
    rows: list[Row]

    @property
    def highest(self) -> int:
        return max((cell.total for row in self.rows for cell in row.cells), default=0)

    @property
    def empty_rows(self) -> list[Row]:
        return [row for row in self.rows if row.is_empty]

    def fill(self, cell: Cell) -> str:
        """White for nothing, then deeper blue with the count (relative to the highest cell)."""
        if cell.total == 0 or self.highest == 0:
            return "#ffffff"
        lightness = 90 - round(55 * cell.total / self.highest)
        return f"hsl(210, 70%, {lightness}%)"

    def band(self, cell: Cell) -> int:
        """0 for nothing, then 1 to BANDS with the count (relative to the highest cell): the
        class band-N of a table cell, for pages that colour it without a style attribute."""
        if cell.total == 0 or self.highest == 0:
            return 0
        return max(1, math.ceil(BANDS * cell.total / self.highest))

    def banded_rows(self) -> list[tuple[Row, list[tuple[Cell, int]]]]:
        """(row, [(cell, band)]) for a table coloured by classes."""
        return [(row, [(cell, self.band(cell)) for cell in row.cells]) for row in self.rows]

    def svg_rows(self) -> list[tuple[int, Row, list[tuple[int, Cell, str]]]]:
        """(y, row, [(x, cell, fill)]) in pixels, for the template's SVG."""
        return [
            (
                40 + 30 * i,
                row,
                [(160 + 70 * j, cell, self.fill(cell)) for j, cell in enumerate(row.cells)],
            )
            for i, row in enumerate(self.rows)
        ]

    @property
    def svg_width(self) -> int:
        return 160 + 70 * len(self.columns)

    @property
    def svg_height(self) -> int:
        return 40 + 30 * len(self.rows)

    def svg_columns(self) -> list[tuple[int, Column]]:
        return [(160 + 70 * j + 35, column) for j, column in enumerate(self.columns)]


def tagged_contributions(user: AnyUser):
    return Document.objects.visible_to(user).filter(
        kind=Document.Kind.CONTRIBUTION, status__in=COUNTED_DOCUMENTS
    )


def tagged_inputs():
    return Submission.objects.published()


def _counts(queryset, column: str) -> Counter:
    rows = (
        queryset.filter(action_lines__isnull=False)
        .values_list("action_lines__code", column)
        .annotate(n=Count("pk", distinct=True))
        .order_by()
    )
    return Counter({(code, str(key)): n for code, key, n in rows})


def action_line_heat_map(*, user: AnyUser) -> HeatMap:
    meetings = Meeting.objects.select_related("working_group").order_by("start_date")
    calls = ConsultationCall.objects.visible_to(user).exclude(status="draft").order_by("opens_at")
    return _heat_map(
        meetings=list(meetings),
        calls=calls,
        contributions=tagged_contributions(user),
        actions=Action.objects.still_open(),
    )


def meeting_heat_map(*, meeting: Meeting, documents, with_actions: bool) -> HeatMap:
    """One meeting's column, counting only ``documents`` (what its record package holds)."""
    return _heat_map(
        meetings=[meeting],
        calls=ConsultationCall.objects.none(),
        contributions=documents.filter(kind=Document.Kind.CONTRIBUTION),
        actions=Action.objects.still_open() if with_actions else Action.objects.none(),
    )


def _heat_map(*, meetings: list[Meeting], calls, contributions, actions) -> HeatMap:
    columns = [Column("meeting", str(m.number), str(m)) for m in meetings]
    columns += [Column("call", call.code, call.display_title) for call in calls]
    contribution_counts = _counts(contributions, "meeting__number")
    inputs = _counts(tagged_inputs().filter(call__in=calls), "call__code")
    action_counts = _counts(actions, "meeting__number")
    rows = []
    for line in ActionLine.objects.all():
        row = Row(line=line)
        for column in columns:
            key = (line.code, column.key)
            if column.kind == "meeting":
                cell = Cell(
                    line,
                    column,
                    contributions=contribution_counts[key],
                    open_actions=action_counts[key],
                )
            else:
                cell = Cell(line, column, published_inputs=inputs[key])
            row.cells.append(cell)
        rows.append(row)
    return HeatMap(columns=columns, rows=rows)


CSV_COLUMNS = [
    "action_line",
    "column_kind",
    "column",
    "contributions",
    "published_inputs",
    "open_actions",
]


def heat_map_csv_text(heat_map: HeatMap) -> str:
    """One line per cell, in the columns of CSV_COLUMNS (the schema shown beside it)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for row in heat_map.rows:
        for cell in row.cells:
            writer.writerow(
                [
                    row.line.code,
                    cell.column.kind,
                    cell.column.key,
                    cell.contributions,
                    cell.published_inputs,
                    cell.open_actions,
                ]
            )
    return out.getvalue()
