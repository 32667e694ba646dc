"""Apps plug into search here: one Source per kind, registered from the app's adapter module.

An adapter is a few lines in the app, e.g. documents/search.py::

    register(Source(kind="document", queryset=lambda: Document.objects.published(),
                    to_entry=document_entry))

where document_entry(obj) -> IndexEntry carries the principals allowed to read ``obj``.
"""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from cwg.search.entries import IndexEntry


@dataclass(frozen=True)
class Source:
    kind: str
    queryset: Callable[[], Iterable]
    to_entry: Callable[[object], IndexEntry]


SOURCES: dict[str, Source] = {}


def register(source: Source) -> None:
    SOURCES[source.kind] = source


def entries(kinds: Iterable[str] | None = None) -> Iterator[IndexEntry]:
    for kind, source in SOURCES.items():
        if kinds is None or kind in kinds:
            for obj in source.queryset():
                yield source.to_entry(obj)
