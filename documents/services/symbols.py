from django.db import IntegrityError, transaction

from documents.models import Document, SymbolCounter, series_of


def allocate_number(*, document: Document) -> int:
    """The next number of the document's series in its meeting: never shared, never skipped.

    The counter row is locked until the caller's transaction ends, so concurrent registrations
    queue on it; if the registration rolls back, so does the increment (no gap).
    """
    series = series_of(document.kind)
    try:
        with transaction.atomic():
            SymbolCounter.objects.get_or_create(meeting=document.meeting, series=series)
    except IntegrityError:
        pass  # another registration created it first
    counter = SymbolCounter.objects.select_for_update().get(meeting=document.meeting, series=series)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number
