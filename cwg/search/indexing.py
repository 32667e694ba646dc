"""Keeping the index in step with the database: every change is indexed once it is committed.

Apps call ``watch`` from their adapter for each model whose rows change an index entry; a save,
a delete or a many-to-many change then writes an outbox message (cwg.outbox) in the same
transaction, to ``refresh`` the affected entries once it commits. If the broker cannot take it,
the entries are refreshed in-process instead: a search index that lags behind the database is a
worse failure than a slower request; if the broker loses it, the outbox sweep sends it again.
"""

from collections.abc import Callable, Iterable

from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save

from cwg import outbox
from cwg.pagecache import SEARCH_SCOPE, invalidate
from cwg.search.backends import BackendUnavailable
from cwg.search.principals import PUBLIC
from cwg.search.registry import SOURCES

REFRESH = "cwg.search.refresh_entries"  # the outbox handler, in cwg/search/tasks.py


def refresh(kind: str, object_ids: Iterable[int], *, backend=None) -> int:
    """Index the objects that still belong in the index; remove the others. Returns the count.

    Every index backend is written before an unavailable one raises, so a retry finds the
    database's index already up to date and only repeats what failed.

    Anonymous visitors' cached result pages are made stale only when an entry the public may
    read is written or one it could read changes or goes: a draft or a members-only document
    leaves them alone.
    """
    from cwg.search.engine import index_backends

    source = SOURCES[kind]
    wanted = set(object_ids)
    found = list(source.queryset().filter(pk__in=wanted))
    entries = [source.to_entry(obj) for obj in found]
    gone = sorted(wanted - {obj.pk for obj in found})
    targets = [backend] if backend else index_backends()
    public = any(PUBLIC in entry.principals for entry in entries) or _was_public(
        targets[0], kind, wanted
    )
    unavailable = None
    for target in targets:
        try:
            target.index(entries)
            if gone:
                target.delete(kind, gone)
        except BackendUnavailable as error:
            unavailable = error
    if public:
        invalidate(SEARCH_SCOPE)  # cached result pages may show what was just written
    if unavailable:
        raise unavailable
    return len(found)


def _was_public(backend, kind: str, object_ids: set[int]) -> bool:
    """Whether the index holds one of these entries as readable by the public (read before it
    is written). A backend that cannot tell, or cannot be reached, counts as yes."""
    public_ids = getattr(backend, "public_ids", None)
    if not object_ids:
        return False
    if public_ids is None:
        return True
    try:
        return bool(public_ids(kind, sorted(object_ids)))
    except BackendUnavailable:
        return True


def schedule(kind: str, object_ids: Iterable[int]) -> None:
    ids = sorted({int(pk) for pk in object_ids if pk is not None})
    if ids:
        outbox.enqueue(REFRESH, kind=kind, object_ids=ids)


def watch(model: type[Model], kind: str, ids_of: Callable[[Model], Iterable[int]]) -> None:
    """Refresh the entries ``ids_of(instance)`` whenever an instance is saved or deleted."""

    def changed(sender, instance, **kwargs):
        if not kwargs.get("raw"):
            schedule(kind, ids_of(instance))

    post_save.connect(changed, sender=model, weak=False, dispatch_uid=f"search-{kind}-{model}")
    post_delete.connect(changed, sender=model, weak=False, dispatch_uid=f"search-{kind}-{model}-d")


def watch_m2m(through: type[Model], kind: str) -> None:
    """Refresh the entry of the object whose many-to-many field changed (e.g. restricted_to)."""

    def changed(sender, instance, action, reverse, pk_set, **kwargs):
        if action in {"post_add", "post_remove", "post_clear"}:
            schedule(kind, (pk_set or []) if reverse else [instance.pk])

    m2m_changed.connect(changed, sender=through, weak=False, dispatch_uid=f"search-{through}")
