"""The product's entry points: which backend answers, searching as a user, reindexing."""

from collections.abc import Iterable

from django.conf import settings
from django.db import connection

from cwg.permissions import AnyUser
from cwg.search.backends.postgres import PostgresBackend
from cwg.search.backends.sqlite import SQLiteBackend
from cwg.search.entries import IndexEntry, Results
from cwg.search.principals import user_principals
from cwg.search.registry import entries

_sqlite: dict[str, SQLiteBackend] = {}


def get_backend(name: str | None = None):
    name = (
        name
        or getattr(settings, "SEARCH_BACKEND", "")
        or ("postgres" if connection.vendor == "postgresql" else "sqlite")
    )
    if name == "postgres":
        return PostgresBackend()
    path = str(getattr(settings, "SEARCH_SQLITE_PATH", settings.BASE_DIR / "search.sqlite3"))
    if path not in _sqlite:
        _sqlite[path] = SQLiteBackend(path)
    return _sqlite[path]


def reset() -> None:
    """Close the cached SQLite indexes (tests point SEARCH_SQLITE_PATH elsewhere each time)."""
    for backend in _sqlite.values():
        backend.connection.close()
    _sqlite.clear()


def search(
    *, user: AnyUser, text: str, filters=None, page: int = 1, per_page: int = 20, backend=None
) -> Results:
    backend = backend or get_backend()
    return backend.search(
        text, principals=user_principals(user), filters=filters, page=page, per_page=per_page
    )


def reindex(*, backend=None, batch: Iterable[IndexEntry] | None = None, progress=None) -> int:
    backend = backend or get_backend()
    backend.clear()
    count, chunk = 0, []
    for entry in batch if batch is not None else entries():
        chunk.append(entry)
        if len(chunk) == 500:
            count += backend.index(chunk)
            chunk = []
            if progress:
                progress(500)
    count += backend.index(chunk)
    if progress:
        progress(len(chunk))
    return count
