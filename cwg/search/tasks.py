from celery import shared_task

from cwg import outbox
from cwg.search.backends import BackendUnavailable
from cwg.search.indexing import REFRESH, refresh


@outbox.handler(REFRESH)
@shared_task(
    autoretry_for=(BackendUnavailable,),
    retry_backoff=True,
    max_retries=8,
    acks_late=True,
)
def refresh_entries(kind: str, object_ids: list[int]) -> int:
    """Idempotent: indexes the objects' current state, whatever ran before."""
    return refresh(kind, object_ids)


@shared_task(acks_late=True)
def check_index_consistency() -> int:
    """Beat, nightly: repair the index where it drifted from the database; the number of
    entries repaired (each is logged)."""
    from cwg.search.consistency import check_index

    return sum(len(drift.ids) for drift in check_index(repair=True))
