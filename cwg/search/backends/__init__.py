"""What the search engines share: facet names, bounds, and the answers given before asking.

Each engine (sqlite.py, postgres.py, elasticsearch.py) offers ``index``, ``delete``,
``search`` and ``clear``; engine.py picks one. The database engines also offer ``versions``
(a fingerprint of each stored entry) and ``version_of`` (the fingerprint an entry would have
once stored), which the consistency check (consistency.py) compares.
"""

import hashlib

from django.utils.translation import gettext as _

from cwg.search.entries import IndexEntry, Results
from cwg.search.query import Query

# action_line and sdg are many-valued: an entry tagged C3 and C5 counts under both.
FACETS = ("kind", "language", "meeting", "status", "year", "action_line", "sdg")
PER_PAGE = 20
# Engines count exactly up to this many readable matches and say "more than" beyond it;
# the database engines rank and count facets among those matches (Elasticsearch counts the
# same way with track_total_hits, and ranks and aggregates over all), so a query that
# matches most of the archive costs no more than one that matches COUNT_LIMIT documents.
COUNT_LIMIT = 1_000


class BackendUnavailable(Exception):
    """The search engine cannot be reached; the caller may answer from another backend."""


def fingerprint(*parts: str) -> str:
    """A short digest of what an engine stores for one entry, to tell two versions apart."""
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:20]


def facet_values(entry: IndexEntry) -> list[tuple[str, str]]:
    """An entry's own ``kind`` facet (e.g. a document's kind) replaces the entry kind."""
    values = [("kind", str(entry.facets.get("kind", entry.kind)))]
    values += [("language", language) for language in entry.languages]
    for name, value in entry.facets.items():
        if name in FACETS and name != "kind":
            many = value if isinstance(value, tuple | list | frozenset) else (value,)
            values += [(name, str(one)) for one in many]
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
