"""Apps plug into search here: one Source per kind, registered from the app's adapter module.

An adapter is a few lines in the app, e.g. documents/search.py::

    register(Source(kind="document", queryset=indexable_documents, to_entry=document_entry,
                    describe=describe_documents, labels=facet_labels))

``queryset()`` returns every object of the kind that belongs in the index (prefetched so that
``to_entry`` runs no query per object); ``to_entry(obj)`` returns an IndexEntry that carries
the principals allowed to read ``obj``; ``describe(ids)`` gives, for the ids of a page of
results, what the result list shows beside the indexed fields (``url``, ``kind``,
``meeting``, ``languages``) in a constant number of queries. An object that has left the
queryset is removed from the index on its next update.
"""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils.text import capfirst

from cwg.search.entries import IndexEntry


@dataclass(frozen=True)
class Source:
    kind: str
    queryset: Callable[[], QuerySet]
    to_entry: Callable[[object], IndexEntry]
    describe: Callable[[list[int]], dict[int, dict]]
    labels: dict[str, dict[str, str]] = field(default_factory=dict)  # facet -> value -> label


SOURCES: dict[str, Source] = {}
# Facets whose labels live in the database (e.g. the action lines' titles): facet -> a function
# giving value -> label in the active language, asked once per results page.
FACET_LABELS: dict[str, Callable[[], dict[str, str]]] = {}


def register(source: Source) -> None:
    SOURCES[source.kind] = source


def register_facet_labels(name: str, labels: Callable[[], dict[str, str]]) -> None:
    FACET_LABELS[name] = labels


def entries(kinds: Iterable[str] | None = None, *, chunk_size: int = 500) -> Iterator[IndexEntry]:
    for kind, source in SOURCES.items():
        if kinds is None or kind in kinds:
            for obj in source.queryset().iterator(chunk_size=chunk_size):
                yield source.to_entry(obj)


def facet_labels(name: str) -> dict[str, str]:
    """Every known value's label in the active language, capitalised like the labels of choices
    (an app may hand in a model's lowercase verbose_name)."""
    labels = FACET_LABELS[name]() if name in FACET_LABELS else {}
    for source in reversed(SOURCES.values()):
        labels |= source.labels.get(name, {})
    return {value: capfirst(str(label)) for value, label in labels.items() if label}


def facet_label(name: str, value: str) -> str:
    return facet_labels(name).get(value, value)
