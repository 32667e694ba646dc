"""The index checked against the database: every searchable object indexed, in its current
version, and nothing else; drift is repaired and reported.

The outbox makes a lost refresh rare; this check (beat, nightly, and ``manage.py
check_search_index``) catches what still gets through: an index restored from an old backup,
a row changed by hand in SQL, an index file deleted. It compares ids and versions (a
fingerprint of what the engine stores: see backends.fingerprint) for the database's engine;
Elasticsearch is rebuilt by ``manage.py reindex``.
"""

import logging
from dataclasses import dataclass, field

from cwg.search.engine import index_backends
from cwg.search.indexing import refresh
from cwg.search.registry import SOURCES

logger = logging.getLogger(__name__)


@dataclass
class Drift:
    backend: str
    kind: str
    missing: list[int] = field(default_factory=list)  # searchable, not in the index
    stale: list[int] = field(default_factory=list)  # in the index in an older version
    extra: list[int] = field(default_factory=list)  # in the index, no longer searchable

    @property
    def ids(self) -> list[int]:
        return sorted({*self.missing, *self.stale, *self.extra})

    def __str__(self) -> str:
        return (
            f"{self.backend} {self.kind}: {len(self.missing)} missing {self.missing}, "
            f"{len(self.stale)} stale {self.stale}, {len(self.extra)} extra {self.extra}"
        )


def check_index(*, repair: bool = True) -> list[Drift]:
    """Compare every checkable index with the database; with repair, refresh what differs."""
    drifts = []
    for backend in index_backends():
        if not hasattr(backend, "versions"):
            continue
        for kind, source in SOURCES.items():
            wanted = {
                obj.pk: backend.version_of(source.to_entry(obj))
                for obj in source.queryset().iterator(chunk_size=500)
            }
            stored = backend.versions(kind)
            both = wanted.keys() & stored.keys()
            drift = Drift(
                backend=backend.name,
                kind=kind,
                missing=sorted(wanted.keys() - stored.keys()),
                stale=sorted(pk for pk in both if wanted[pk] != stored[pk]),
                extra=sorted(stored.keys() - wanted.keys()),
            )
            if drift.ids:
                drifts.append(drift)
                if repair:
                    refresh(kind, drift.ids, backend=backend)
                    logger.warning("search index repaired: %s", drift)
    return drifts
