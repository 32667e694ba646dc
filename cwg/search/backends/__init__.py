"""Search engines behind one interface: index, delete, search, clear."""

from typing import Protocol

from django.utils.translation import gettext as _

from cwg.search.entries import IndexEntry, Results
from cwg.search.query import Query

FACETS = ("kind", "language", "meeting", "status", "year")
PER_PAGE = 20


class BackendUnavailable(Exception):
    """The search engine cannot be reached; the caller may answer from another backend."""


class Backend(Protocol):
    name: str

    def index(self, entries: list[IndexEntry]) -> int: ...

    def delete(self, kind: str, object_ids: list[int]) -> None: ...

    def search(
        self,
        text: str,
        *,
        principals: frozenset[str],
        filters: dict[str, str] | None = None,
        page: int = 1,
        per_page: int = PER_PAGE,
    ) -> Results: ...

    def clear(self) -> None: ...


def facet_values(entry: IndexEntry) -> list[tuple[str, str]]:
    """An entry's own ``kind`` facet (e.g. a document's kind) replaces the entry kind."""
    values = [("kind", str(entry.facets.get("kind", entry.kind)))]
    values += [("language", language) for language in entry.languages]
    values += [
        (name, str(value))
        for name, value in entry.facets.items()
        if name in FACETS and name != "kind"
    ]
    return values


def empty_results(query: Query, principals: frozenset[str]) -> Results | None:
    """What every engine answers before asking itself anything, or None to go on."""
    if query.empty:
        return Results(0, [], message=_("Type at least one word to search for."))
    if not principals:  # nobody to read anything: nothing to count either
        return Results(0, [])
    return None


def query_message(query: Query) -> str:
    return _("Your query was shortened.") if query.truncated else ""


def known_filters(filters: dict[str, str] | None) -> dict[str, str]:
    return {name: value for name, value in (filters or {}).items() if name in FACETS}
