"""Apps above meetings add sections to a meeting's page here, without meetings knowing them.

A source is a function ``(request=..., meeting=...)`` that returns a PageSection, or None when
it has nothing to show; documents/meeting_page.py registers the agenda with its documents.
A section that lists the agenda itself says so (``lists_agenda``), and the page then leaves out
its plain agenda. Sections are shown in the order they were registered.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.http import HttpRequest

from meetings.models import Meeting


@dataclass(frozen=True)
class PageSection:
    template: str
    context: dict = field(default_factory=dict)
    lists_agenda: bool = False


SectionSource = Callable[..., PageSection | None]

SOURCES: dict[str, SectionSource] = {}


def register(name: str, source: SectionSource) -> None:
    """Registering the same name again replaces the source (apps.ready may run twice in tests)."""
    SOURCES[name] = source


def sections_for(*, request: HttpRequest, meeting: Meeting) -> list[PageSection]:
    sections = (source(request=request, meeting=meeting) for source in SOURCES.values())
    return [section for section in sections if section is not None]
